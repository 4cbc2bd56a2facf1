using System.Globalization;
using Ferroptosis.Sim.Modeling;

namespace Ferroptosis.Sim.Formats.Antimony;

/// <summary>Splits Antimony text into tokens and makes a copy of the text in which comments and line continuations are blanked out.</summary>
/// <remarks>
/// <para>
/// Follows libAntimony's lexer: <c>//</c> and <c>#</c> comments run to the end of the line, <c>/* … */</c> comments may
/// span lines, a backslash at the end of a line continues the statement on the next line, and a line break is a token
/// (it ends statements). Numbers are <c>digits [. digits] [(e|E) [+|-] digits]</c> or <c>. digits …</c>, exactly as
/// the expression parser reads them; identifiers are <c>[A-Za-z_][A-Za-z0-9_]*</c>; strings are double-quoted on one
/// line. Anything else outside comments and strings that is not printable ASCII is an error.
/// </para>
/// <para>
/// The blanked copy (<see cref="Masked"/>) keeps every line break, so a formula cut out of it and handed to the
/// expression parser with its starting line and column is reported at the right place in the file.
/// </para>
/// </remarks>
internal sealed class AntimonyLexer
{
    private readonly string _text;
    private readonly char[] _masked;
    private readonly List<AntimonyToken> _tokens = [];
    private int _index;
    private int _line = 1;
    private int _column = 1;

    private AntimonyLexer(string text)
    {
        _text = text;
        _masked = text.ToCharArray();
    }

    /// <summary>Gets the tokens, ending with one <see cref="AntimonyTokenKind.End"/> token.</summary>
    public IReadOnlyList<AntimonyToken> Tokens => _tokens;

    /// <summary>Gets the text with comments and line continuations replaced by spaces (line breaks kept).</summary>
    public char[] Masked => _masked;

    /// <summary>Tokenises <paramref name="text"/>.</summary>
    /// <exception cref="ModelParseException">An unexpected character, a malformed number or an unterminated string or comment.</exception>
    public static AntimonyLexer Tokenize(string text)
    {
        var lexer = new AntimonyLexer(text);
        lexer.Run();
        return lexer;
    }

    private char Peek(int ahead = 0) => _index + ahead < _text.Length ? _text[_index + ahead] : '\0';

    private void Run()
    {
        while (true)
        {
            SkipBlanks();
            if (_index >= _text.Length)
            {
                _tokens.Add(new AntimonyToken(AntimonyTokenKind.End, string.Empty, 0, _line, _column, _text.Length));
                return;
            }

            char c = _text[_index];
            if (c is '\n' or '\r')
            {
                Emit(AntimonyTokenKind.Newline, c == '\r' && Peek(1) == '\n' ? 2 : 1);
            }
            else if (char.IsAsciiDigit(c) || (c == '.' && char.IsAsciiDigit(Peek(1))))
            {
                ReadNumber();
            }
            else if (c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or '_')
            {
                int length = 1;
                while (Peek(length) is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or '_' or (>= '0' and <= '9'))
                {
                    length++;
                }

                Emit(AntimonyTokenKind.Identifier, length);
            }
            else if (c == '"')
            {
                ReadString();
            }
            else
            {
                ReadSymbol(c);
            }
        }
    }

    /// <summary>Skips spaces, tabs, comments and backslash continuations, blanking the latter two in the masked copy.</summary>
    private void SkipBlanks()
    {
        while (_index < _text.Length)
        {
            char c = _text[_index];
            if (c is ' ' or '\t')
            {
                Advance();
            }
            else if (c == '#' || (c == '/' && Peek(1) == '/'))
            {
                while (_index < _text.Length && _text[_index] is not ('\n' or '\r'))
                {
                    Blank();
                }
            }
            else if (c == '/' && Peek(1) == '*')
            {
                SkipBlockComment();
            }
            else if (c == '\\' && IsContinuation())
            {
                // A backslash, optional trailing blanks and one line break join two lines into one statement.
                while (_text[_index] is not ('\n' or '\r'))
                {
                    Blank();
                }

                bool crlf = _text[_index] == '\r' && Peek(1) == '\n';
                Advance();
                if (crlf)
                {
                    Advance();
                }
            }
            else
            {
                return;
            }
        }
    }

    private bool IsContinuation()
    {
        int i = _index + 1;
        while (i < _text.Length && _text[i] is ' ' or '\t')
        {
            i++;
        }

        return i < _text.Length && _text[i] is '\n' or '\r';
    }

    private void SkipBlockComment()
    {
        int line = _line;
        int column = _column;
        Blank();
        Blank();
        while (_index < _text.Length && !(_text[_index] == '*' && Peek(1) == '/'))
        {
            if (_text[_index] is '\n' or '\r')
            {
                Advance();
            }
            else
            {
                Blank();
            }
        }

        if (_index >= _text.Length)
        {
            throw Error($"unterminated comment '/*' at {line}:{column}; close it with '*/'", line, column, "/*");
        }

        Blank();
        Blank();
    }

    private void ReadNumber()
    {
        int line = _line;
        int column = _column;
        int length = 0;
        while (char.IsAsciiDigit(Peek(length)))
        {
            length++;
        }

        if (Peek(length) == '.')
        {
            length++;
            while (char.IsAsciiDigit(Peek(length)))
            {
                length++;
            }
        }

        if (Peek(length) is 'e' or 'E')
        {
            // As in the expression lexer: an 'e' right after a mantissa starts an exponent, which needs digits.
            length += Peek(length + 1) is '+' or '-' ? 2 : 1;
            if (!char.IsAsciiDigit(Peek(length)))
            {
                string malformed = _text.Substring(_index, Math.Min(length, _text.Length - _index));
                throw Error($"malformed number '{AntimonyToken.Shorten(malformed)}' at {line}:{column}; an exponent needs digits, as in 1e-3", line, column, malformed);
            }

            while (char.IsAsciiDigit(Peek(length)))
            {
                length++;
            }
        }

        string text = _text.Substring(_index, length);
        double value = double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
        if (double.IsInfinity(value))
        {
            throw Error($"number '{AntimonyToken.Shorten(text)}' at {line}:{column} is too large for a double; write inf for infinity", line, column, text);
        }

        Emit(AntimonyTokenKind.Number, length, value);
    }

    private void ReadString()
    {
        int length = 1;
        while (_index + length < _text.Length && _text[_index + length] is not ('"' or '\n' or '\r'))
        {
            length++;
        }

        if (Peek(length) != '"')
        {
            throw Error($"unterminated string at {_line}:{_column}; close it with '\"' on the same line", _line, _column, "\"");
        }

        Emit(AntimonyTokenKind.String, length + 1);
    }

    private void ReadSymbol(char c)
    {
        char next = Peek(1);
        (AntimonyTokenKind kind, int length) = (c, next) switch
        {
            ('-', '>') => (AntimonyTokenKind.Arrow, 2),
            ('=', '>') => (AntimonyTokenKind.IrreversibleArrow, 2),
            (':', '=') => (AntimonyTokenKind.ColonEquals, 2),
            ('<', '=') => (AntimonyTokenKind.LessEqual, 2),
            ('>', '=') => (AntimonyTokenKind.GreaterEqual, 2),
            ('=', '=') => (AntimonyTokenKind.EqualEqual, 2),
            ('!', '=') => (AntimonyTokenKind.NotEqual, 2),
            ('&', '&') => (AntimonyTokenKind.AndAnd, 2),
            ('|', '|') => (AntimonyTokenKind.OrOr, 2),
            (';', _) => (AntimonyTokenKind.Semicolon, 1),
            (':', _) => (AntimonyTokenKind.Colon, 1),
            (',', _) => (AntimonyTokenKind.Comma, 1),
            ('=', _) => (AntimonyTokenKind.Equals, 1),
            ('$', _) => (AntimonyTokenKind.Dollar, 1),
            ('\'', _) => (AntimonyTokenKind.Prime, 1),
            ('(', _) => (AntimonyTokenKind.LeftParen, 1),
            (')', _) => (AntimonyTokenKind.RightParen, 1),
            ('+', _) => (AntimonyTokenKind.Plus, 1),
            ('-', _) => (AntimonyTokenKind.Minus, 1),
            ('*', _) => (AntimonyTokenKind.Star, 1),
            ('/', _) => (AntimonyTokenKind.Slash, 1),
            ('^', _) => (AntimonyTokenKind.Caret, 1),
            ('%', _) => (AntimonyTokenKind.Percent, 1),
            ('<', _) => (AntimonyTokenKind.Less, 1),
            ('>', _) => (AntimonyTokenKind.Greater, 1),
            ('!', _) => (AntimonyTokenKind.Bang, 1),
            ('.', _) => (AntimonyTokenKind.Dot, 1),
            ('@', _) => (AntimonyTokenKind.At, 1),
            ('{', _) => (AntimonyTokenKind.LeftBrace, 1),
            ('}', _) => (AntimonyTokenKind.RightBrace, 1),
            ('&', _) => (AntimonyTokenKind.Ampersand, 1),
            ('|', _) => (AntimonyTokenKind.Pipe, 1),
            _ => (AntimonyTokenKind.End, 0),
        };

        if (length == 0)
        {
            string shown = c is > ' ' and < '\u007f' ? $"'{c}'" : string.Create(CultureInfo.InvariantCulture, $"U+{(int)c:X4}");
            throw Error($"unexpected character {shown} at {_line}:{_column}", _line, _column, c.ToString());
        }

        Emit(kind, length);
    }

    private void Emit(AntimonyTokenKind kind, int length, double value = 0)
    {
        _tokens.Add(new AntimonyToken(kind, _text.Substring(_index, length), value, _line, _column, _index));
        for (int i = 0; i < length; i++)
        {
            Advance();
        }
    }

    private void Blank()
    {
        _masked[_index] = ' ';
        Advance();
    }

    private void Advance()
    {
        char c = _text[_index++];
        if (c == '\n' || (c == '\r' && Peek() != '\n'))
        {
            _line++;
            _column = 1;
        }
        else if (c != '\r')
        {
            _column++;
        }
    }

    private static ModelParseException Error(string message, int line, int column, string? token) => new(message, line, column, token);
}
