using System.Globalization;

namespace Ferroptosis.Sim.Formats.Antimony;

/// <summary>A token of Antimony text with its position: 1-based line and column, 0-based offset and length in the text.</summary>
/// <param name="Kind">The kind.</param>
/// <param name="Text">The text as written (empty at the end).</param>
/// <param name="Value">The value of a number token.</param>
/// <param name="Line">The 1-based line.</param>
/// <param name="Column">The 1-based column.</param>
/// <param name="Offset">The 0-based offset of the first character.</param>
internal readonly record struct AntimonyToken(AntimonyTokenKind Kind, string Text, double Value, int Line, int Column, int Offset)
{
    /// <summary>Gets the offset just after the token.</summary>
    public int EndOffset => Offset + Text.Length;

    /// <summary>Gets the position as "line:column".</summary>
    public string Position => string.Create(CultureInfo.InvariantCulture, $"{Line}:{Column}");

    /// <summary>Tells whether the token is an identifier with exactly this text.</summary>
    public bool IsWord(string word) => Kind == AntimonyTokenKind.Identifier && string.Equals(Text, word, StringComparison.Ordinal);

    /// <summary>Tells whether the token ends a statement: ';', a line break or the end of the text.</summary>
    public bool IsStatementEnd => Kind is AntimonyTokenKind.Semicolon or AntimonyTokenKind.Newline or AntimonyTokenKind.End;

    /// <summary>Describes the token for messages: its quoted text, "end of line" or "end of text".</summary>
    public string Describe() => Kind switch
    {
        AntimonyTokenKind.End => "end of text",
        AntimonyTokenKind.Newline => "end of line",
        _ => $"'{Shorten(Text)}'",
    };

    /// <summary>Gets the token text for <see cref="Ferroptosis.Sim.Modeling.ModelParseException.Token"/>: null at the end of the text.</summary>
    public string? ReportedText => Kind switch
    {
        AntimonyTokenKind.End => null,
        AntimonyTokenKind.Newline => "\n",
        _ => Text,
    };

    /// <summary>Shortens very long texts for messages.</summary>
    public static string Shorten(string text) => text.Length <= 32 ? text : string.Concat(text.AsSpan(0, 32), "…");
}
