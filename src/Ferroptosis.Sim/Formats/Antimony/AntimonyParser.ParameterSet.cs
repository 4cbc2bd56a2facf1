namespace Ferroptosis.Sim.Formats.Antimony;

/// <content>Parameter-set files: only <c>name = value</c> statements and comments.</content>
internal sealed partial class AntimonyParser
{
    /// <summary>Reads the assignments of a parameter-set file, in order (a later assignment to the same name replaces an earlier one when applied).</summary>
    /// <exception cref="Ferroptosis.Sim.Modeling.ModelParseException">A statement is not of the form <c>name = value</c>.</exception>
    public static (AntimonyLexer Lexer, List<(AntimonyToken Name, FormulaSpan Value)> Assignments) ParseParameterSet(string text)
    {
        var parser = new AntimonyParser(new ModelDraft(AntimonyLexer.Tokenize(text)));
        var assignments = new List<(AntimonyToken, FormulaSpan)>();
        while (parser.Current.Kind != AntimonyTokenKind.End)
        {
            var t = parser.Current;
            if (t.Kind is AntimonyTokenKind.Newline or AntimonyTokenKind.Semicolon)
            {
                parser.Take();
                continue;
            }

            if (t.Kind != AntimonyTokenKind.Identifier || AntimonySyntax.IsKeyword(t.Text))
            {
                string found = t.Kind == AntimonyTokenKind.Identifier ? $"the keyword '{t.Text}'" : t.Describe();
                throw Error(t, $"a parameter set may only contain assignments 'name = value;', but found {found} at {t.Position}");
            }

            if (parser.Peek(1).Kind != AntimonyTokenKind.Equals)
            {
                var next = parser.Peek(1);
                throw Error(next, $"expected '=' after '{AntimonyToken.Shorten(t.Text)}' at {next.Position} but found {next.Describe()}; a parameter set may only contain assignments 'name = value;'");
            }

            var name = parser.ExpectName("a parameter name");
            if (AntimonySyntax.WhyReserved(name.Text) is { } why)
            {
                throw Error(name, $"{why} (at {name.Position})");
            }

            parser.Take();
            var value = parser.ReadFormula(Stops.None);
            if (value.IsEmpty)
            {
                throw Error(value.Terminator, $"expected a value for '{name.Text}' at {value.Terminator.Position} but found {value.Terminator.Describe()}");
            }

            assignments.Add((name, value));
            parser.ExpectStatementEnd($"the value of '{name.Text}'");
        }

        return (parser._draft.Lexer, assignments);
    }
}
