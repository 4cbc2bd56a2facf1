using System.Globalization;

namespace Ferroptosis.Sim.Modeling.Expressions;

/// <summary>Splits infix text into tokens on demand, tracking line and column; throws <see cref="ModelParseException"/> for bad characters and numbers.</summary>
/// <remarks>
/// Lexing is lazy so that the first error in reading order is the one reported. Numbers are
/// <c>digits [. digits] [(e|E) [+|-] digits]</c> or <c>. digits …</c> (so 1e-3, .5 and 2. are numbers); identifiers are
/// <c>[A-Za-z_][A-Za-z0-9_]*</c>; whitespace (space, tab, CR, LF) separates tokens, and a newline advances the line.
/// </remarks>
internal sealed class ExpressionLexer
{
    private readonly string _text;
    private int _index;
    private int _line;
    private int _column;

    public ExpressionLexer(string text, int line, int column)
    {
        _text = text;
        _line = line;
        _column = column;
    }

    /// <summary>Reads the next token (an <see cref="TokenKind.End"/> token at the end, repeatedly).</summary>
    public Token Next()
    {
        SkipWhitespace();
        int line = _line;
        int column = _column;
        if (_index >= _text.Length)
        {
            return new Token(TokenKind.End, string.Empty, 0, line, column);
        }

        char c = _text[_index];
        if (char.IsAsciiDigit(c) || (c == '.' && _index + 1 < _text.Length && char.IsAsciiDigit(_text[_index + 1])))
        {
            return ReadNumber(line, column);
        }

        if (ExpressionSyntax.IsIdentifierStart(c))
        {
            int start = _index;
            while (_index < _text.Length && ExpressionSyntax.IsIdentifierPart(_text[_index]))
            {
                Advance();
            }

            return new Token(TokenKind.Identifier, _text[start.._index], 0, line, column);
        }

        char next = _index + 1 < _text.Length ? _text[_index + 1] : '\0';
        (TokenKind kind, int length) = (c, next) switch
        {
            ('<', '=') => (TokenKind.LessEqual, 2),
            ('>', '=') => (TokenKind.GreaterEqual, 2),
            ('=', '=') => (TokenKind.EqualEqual, 2),
            ('!', '=') => (TokenKind.NotEqual, 2),
            ('&', '&') => (TokenKind.AndAnd, 2),
            ('|', '|') => (TokenKind.OrOr, 2),
            ('+', _) => (TokenKind.Plus, 1),
            ('-', _) => (TokenKind.Minus, 1),
            ('*', _) => (TokenKind.Star, 1),
            ('/', _) => (TokenKind.Slash, 1),
            ('%', _) => (TokenKind.Percent, 1),
            ('^', _) => (TokenKind.Caret, 1),
            ('(', _) => (TokenKind.LeftParen, 1),
            (')', _) => (TokenKind.RightParen, 1),
            (',', _) => (TokenKind.Comma, 1),
            ('<', _) => (TokenKind.Less, 1),
            ('>', _) => (TokenKind.Greater, 1),
            ('!', _) => (TokenKind.Bang, 1),
            _ => (TokenKind.End, 0),
        };

        if (length == 0)
        {
            throw UnexpectedCharacter(c, line, column);
        }

        string text = _text.Substring(_index, length);
        for (int i = 0; i < length; i++)
        {
            Advance();
        }

        return new Token(kind, text, 0, line, column);
    }

    private static ModelParseException UnexpectedCharacter(char c, int line, int column)
    {
        string shown = char.IsControl(c) || char.IsWhiteSpace(c) || char.IsSurrogate(c)
            ? $"U+{(int)c:X4}"
            : $"'{c}'";
        string hint = c switch
        {
            '&' => "; did you mean '&&'?",
            '|' => "; did you mean '||'?",
            '=' => "; did you mean '=='?",
            _ => string.Empty,
        };
        return new ModelParseException($"unexpected character {shown} at {line}:{column}{hint}", line, column, c.ToString());
    }

    private Token ReadNumber(int line, int column)
    {
        int start = _index;
        SkipDigits();
        if (Peek() == '.')
        {
            Advance();
            SkipDigits();
        }

        bool malformed = false;
        if (Peek() is 'e' or 'E')
        {
            Advance();
            if (Peek() is '+' or '-')
            {
                Advance();
            }

            malformed = !char.IsAsciiDigit(Peek());
            SkipDigits();
        }

        string text = _text[start.._index];
        if (malformed)
        {
            throw new ModelParseException(
                $"malformed number '{Token.Shorten(text)}' at {line}:{column}; an exponent needs digits, as in 1e-3", line, column, text);
        }

        double value = double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
        if (double.IsInfinity(value))
        {
            throw new ModelParseException(
                $"number '{Token.Shorten(text)}' at {line}:{column} is too large for a double; write inf for infinity", line, column, text);
        }

        return new Token(TokenKind.Number, text, value, line, column);
    }

    private char Peek() => _index < _text.Length ? _text[_index] : '\0';

    private void SkipDigits()
    {
        while (char.IsAsciiDigit(Peek()))
        {
            Advance();
        }
    }

    private void SkipWhitespace()
    {
        while (_index < _text.Length && _text[_index] is ' ' or '\t' or '\r' or '\n')
        {
            Advance();
        }
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
}
