using System.Globalization;
using Ferroptosis.Sim.Modeling;
using Ferroptosis.Sim.Modeling.Expressions;
using Ferroptosis.Sim.Modeling.Networks;

namespace Ferroptosis.Sim.Formats.Antimony;

/// <summary>Turns the tokens of one formula into an <see cref="Expr"/> with the project's expression parser, reporting errors at their place in the file.</summary>
/// <remarks>
/// <para>
/// The formula's text is cut out of the lexer's blanked copy (comments and line continuations are spaces, line breaks
/// kept) and parsed with its starting line and column, so the expression parser's positions are positions in the file.
/// Before that, tokens that only Antimony statements use ('=', '$', '.', arrows, keywords, strings) are reported here
/// with a message that says what they mean in Antimony.
/// </para>
/// <para>
/// Units: as in Antimony, a name written right after a number is that number's unit (<c>x = 3 mM</c>); units are read
/// and ignored. To keep a forgotten '*' from silently dropping a factor, a name that is defined in the model (or a
/// constant, <c>time</c>, or a call) after a number is an error instead.
/// </para>
/// </remarks>
internal sealed class FormulaReader
{
    private readonly AntimonyLexer _lexer;
    private readonly ExpressionParserOptions _options;
    private readonly Func<string, bool> _isDefinedName;

    /// <summary>Initialises a reader.</summary>
    /// <param name="lexer">The lexer that produced the tokens.</param>
    /// <param name="options">The user functions that formulas may call.</param>
    /// <param name="isDefinedName">Tells whether a name is defined in the model (and so is not a unit).</param>
    public FormulaReader(AntimonyLexer lexer, ExpressionParserOptions options, Func<string, bool> isDefinedName)
    {
        _lexer = lexer;
        _options = options;
        _isDefinedName = isDefinedName;
    }

    /// <summary>Parses a formula.</summary>
    /// <param name="span">The formula's tokens.</param>
    /// <param name="functionName">The function whose body this is, or null.</param>
    /// <returns>The expression.</returns>
    /// <exception cref="ModelParseException">The formula is empty or not a valid expression.</exception>
    public Expr Read(FormulaSpan span, string? functionName = null)
    {
        var tokens = _lexer.Tokens;
        var terminator = span.Terminator;
        var first = span.IsEmpty ? terminator : tokens[span.First];
        int start = first.Offset;
        var text = new char[span.IsEmpty ? 0 : tokens[span.End - 1].EndOffset - start];
        Array.Copy(_lexer.Masked, start, text, 0, text.Length);
        for (int i = span.First; i < span.End; i++)
        {
            var t = tokens[i];
            Check(t, functionName);
            if (t.Kind == AntimonyTokenKind.Number && i + 1 < span.End && tokens[i + 1].Kind == AntimonyTokenKind.Identifier)
            {
                var unit = tokens[i + 1];
                bool isCall = i + 2 < span.End && tokens[i + 2].Kind == AntimonyTokenKind.LeftParen;
                if (isCall || _isDefinedName(unit.Text) || ExpressionSyntax.IsConstantWord(unit.Text) || unit.Text == ReactionNetwork.TimeSymbol || AntimonySyntax.IsKeyword(unit.Text))
                {
                    Check(unit, functionName);
                    throw Error(unit, $"'{AntimonyToken.Shorten(unit.Text)}' at {unit.Position} follows the number {t.Text}; write '{t.Text}*{AntimonyToken.Shorten(unit.Text)}' for a product (a name right after a number is read as its unit)");
                }

                Array.Fill(text, ' ', unit.Offset - start, unit.Text.Length);
                i++;
            }
        }

        try
        {
            return ExpressionParser.Parse(new string(text), first.Line, first.Column, _options);
        }
        catch (ModelParseException ex) when (ex.Token is null)
        {
            // The expression parser saw the end of its text: in the file that is the formula's terminator.
            string message = ex.Message.Replace("end of text", terminator.Describe(), StringComparison.Ordinal)
                .Replace($"at {ex.Line}:{ex.Column}", $"at {terminator.Position}", StringComparison.Ordinal);
            throw new ModelParseException(message, terminator.Line, terminator.Column, terminator.ReportedText, ex);
        }
    }

    /// <summary>Reads a formula that must be a number (units allowed), for parameter sets.</summary>
    /// <exception cref="ModelParseException">The formula is not a plain number.</exception>
    public double ReadNumber(FormulaSpan span, string name)
    {
        var e = Read(span);
        if (e is NumberExpr n)
        {
            return n.Value;
        }

        var first = _lexer.Tokens[span.First];
        throw Error(first, $"the value of '{name}' at {first.Position} is a formula ('{AntimonyToken.Shorten(e.ToString())}'); a parameter set may only assign numbers");
    }

    private static void Check(AntimonyToken t, string? functionName)
    {
        string where = string.Create(CultureInfo.InvariantCulture, $"at {t.Position}");
        switch (t.Kind)
        {
            case AntimonyTokenKind.Identifier when AntimonySyntax.IsKeyword(t.Text):
                string hint = functionName is not null ? $"; is 'end' missing after the body of function '{functionName}'?"
                    : t.Text == "in" ? " (reactions and events cannot be placed in compartments)"
                    : string.Empty;
                throw Error(t, $"the keyword '{t.Text}' {where} cannot appear in an expression{hint}");
            case AntimonyTokenKind.Dot:
                throw Error(t, $"'.' {where}: names of submodel elements (a.b) are not supported");
            case AntimonyTokenKind.Dollar:
                throw Error(t, $"'$' {where} marks boundary species in declarations and reactions, not in expressions");
            case AntimonyTokenKind.Equals:
                throw Error(t, $"unexpected '=' {where} in an expression; '==' compares two values");
            case AntimonyTokenKind.Ampersand:
                throw Error(t, $"unexpected '&' {where}; did you mean '&&'?");
            case AntimonyTokenKind.Pipe:
                throw Error(t, $"unexpected '|' {where}; did you mean '||'?");
            case AntimonyTokenKind.String or AntimonyTokenKind.Arrow or AntimonyTokenKind.IrreversibleArrow or AntimonyTokenKind.Colon
                or AntimonyTokenKind.ColonEquals or AntimonyTokenKind.Prime or AntimonyTokenKind.At or AntimonyTokenKind.LeftBrace or AntimonyTokenKind.RightBrace:
                throw Error(t, $"unexpected {t.Describe()} {where} in an expression");
            default:
                return;
        }
    }

    private static ModelParseException Error(AntimonyToken at, string message) => new(message, at.Line, at.Column, at.ReportedText);
}
