namespace Ferroptosis.Sim.Formats.Antimony;

/// <summary>The kinds of tokens in Antimony text.</summary>
internal enum AntimonyTokenKind
{
    /// <summary>The end of the text.</summary>
    End,

    /// <summary>A line break, which ends a statement unless a statement is explicitly continued.</summary>
    Newline,
    Identifier,
    Number,

    /// <summary>A double-quoted string (display names, annotations).</summary>
    String,
    Semicolon,
    Colon,

    /// <summary><c>:=</c> written without a space.</summary>
    ColonEquals,
    Comma,
    Equals,

    /// <summary><c>-&gt;</c>, a reversible reaction.</summary>
    Arrow,

    /// <summary><c>=&gt;</c>, an irreversible reaction.</summary>
    IrreversibleArrow,
    Dollar,
    Prime,
    LeftParen,
    RightParen,
    Plus,
    Minus,
    Star,
    Slash,
    Caret,
    Percent,
    Less,
    LessEqual,
    Greater,
    GreaterEqual,
    EqualEqual,
    NotEqual,
    AndAnd,
    OrOr,
    Bang,
    Dot,
    At,
    LeftBrace,
    RightBrace,
    Ampersand,
    Pipe,
}
