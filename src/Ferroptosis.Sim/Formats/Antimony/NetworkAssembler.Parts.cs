using System.Text.RegularExpressions;
using Ferroptosis.Sim.Modeling;
using Ferroptosis.Sim.Modeling.Expressions;
using Ferroptosis.Sim.Modeling.Networks;

namespace Ferroptosis.Sim.Formats.Antimony;

/// <content>Functions, reactions and events, and pointing the network's validation problems at the file.</content>
internal sealed partial class NetworkAssembler
{
    /// <summary>Checks and parses the function definitions and validates them as a library (callees, arities, no recursion).</summary>
    private FunctionLibrary BuildFunctions()
    {
        foreach (var f in _draft.Functions)
        {
            if (AntimonySyntax.WhyReserved(f.Name) is { } why)
            {
                throw Error(f.At, $"{why} (function at {f.At.Position})");
            }

            if (BuiltinFunctions.IsBuiltin(f.Name))
            {
                throw Error(f.At, $"'{f.Name}' at {f.At.Position} is a built-in function; give the user function another name");
            }

            if (!_functionsByName.TryAdd(f.Name, f))
            {
                throw Error(f.At, $"function '{f.Name}' at {f.At.Position} is defined twice (first at {_functionsByName[f.Name].At.Position})");
            }

            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var p in f.ParameterTokens)
            {
                if (ExpressionSyntax.IsConstantWord(p.Text))
                {
                    throw Error(p, $"'{p.Text}' at {p.Position} is a constant and cannot name a parameter of function '{f.Name}'");
                }

                if (!seen.Add(p.Text))
                {
                    throw Error(p, $"parameter '{p.Text}' of function '{f.Name}' appears twice (at {p.Position})");
                }
            }
        }

        var options = new ExpressionParserOptions { UserFunctions = _draft.Functions.ToDictionary(f => f.Name, f => f.Parameters.Count, StringComparer.Ordinal) };
        var definitions = new List<FunctionDefinition>();
        foreach (var f in _draft.Functions)
        {
            var parameters = new HashSet<string>(f.Parameters, StringComparer.Ordinal);
            var body = new FormulaReader(_draft.Lexer, options, parameters.Contains).Read(f.Body, f.Name);
            for (int i = f.Body.First; i < f.Body.End; i++)
            {
                var t = _draft.Tokens[i];
                if (t.Kind == AntimonyTokenKind.Identifier && body.ContainsSymbol(t.Text) && !parameters.Contains(t.Text) && t.Text != ReactionNetwork.TimeSymbol)
                {
                    throw Error(t, $"function '{f.Name}' uses '{t.Text}' at {t.Position}, which is not one of its parameters ({string.Join(", ", f.Parameters)}); pass it as an argument");
                }
            }

            definitions.Add(new FunctionDefinition(f.Name, f.Parameters, body));
        }

        try
        {
            return new FunctionLibrary(definitions);
        }
        catch (ArgumentException ex)
        {
            var f = _draft.Functions.FirstOrDefault(d => ex.Message.Contains($"'{d.Name}'", StringComparison.Ordinal)) ?? _draft.Functions[0];
            throw new ModelParseException($"{ex.Message.TrimEnd('.')} (function at {f.At.Position})", f.At.Line, f.At.Column, f.Name, ex);
        }
    }

    private List<Reaction> BuildReactions()
    {
        var reactions = new List<Reaction>();
        foreach (var r in _draft.Reactions)
        {
            // 'J1 = rate' may define or replace the rate (libAntimony: the later definition wins).
            Expr rate = r.Rate is { } written ? _reader.Read(written) : new NumberExpr(0);
            if (_draft.Symbols.TryGetValue(r.Id, out var symbol) && symbol.Value is { } assigned && (r.Rate is null || assigned.Sequence > r.Sequence))
            {
                rate = _values[r.Id];
            }

            var participants = new HashSet<string>(r.Reactants.Concat(r.Products).Select(p => p.Species), StringComparer.Ordinal);
            var modifiers = rate.Symbols.Where(s => !participants.Contains(s) && _draft.Symbols.TryGetValue(s, out var m) && m.Role == DraftRole.Species);
            reactions.Add(new Reaction(
                r.Id,
                r.Reactants.Select(p => new SpeciesReference(p.Species, p.Stoichiometry)),
                r.Products.Select(p => new SpeciesReference(p.Species, p.Stoichiometry)),
                rate,
                modifiers,
                isReversible: r.IsReversible));
        }

        return reactions;
    }

    private List<ModelEvent> BuildEvents() =>
        _draft.Events.Select(e => new ModelEvent(
            e.Id,
            _reader.Read(e.Trigger),
            e.Assignments.Select(a => new EventAssignment(a.Variable, _reader.Read(a.Value))),
            e.Priority is { } priority ? _reader.Read(priority) : null,
            e.TriggerInitialValue,
            e.IsPersistent,
            e.UseValuesFromTriggerTime)).ToList();

    /// <summary>Rewrites the network's problems with the position of the first element each one names; null when none can be placed.</summary>
    private ModelParseException? Locate(ModelValidationException ex)
    {
        var lines = new List<string>();
        AntimonyToken? first = null;
        foreach (string problem in ex.Problems)
        {
            // The first quoted name that is known, else (as in "… form a cycle: a -> b -> a") the first known name after the colon.
            var names = QuotedName().Matches(problem).Select(m => m.Groups[1].Value)
                .Concat(Word().Matches(problem[(problem.IndexOf(": ", StringComparison.Ordinal) + 1)..]).Select(m => m.Value));
            string line = problem;
            if (names.Select(PositionOf).FirstOrDefault(p => p is not null) is { } at)
            {
                line = $"{problem.TrimEnd('.')} (at {at.Position})";
                first ??= at;
            }

            lines.Add(line);
        }

        if (first is not { } place)
        {
            return null;
        }

        string message = lines.Count == 1
            ? lines[0]
            : $"the model has {lines.Count} problems:{Environment.NewLine}" + string.Join(Environment.NewLine, lines.Select(l => "  - " + l));
        return new ModelParseException(message, place.Line, place.Column, place.Text, ex);
    }

    /// <summary>Where a name is defined (symbol, reaction, event or function), else where it is first written.</summary>
    private AntimonyToken? PositionOf(string name)
    {
        if (_draft.Symbols.TryGetValue(name, out var symbol))
        {
            return symbol.DefinedAt;
        }

        if (_functionsByName.TryGetValue(name, out var function))
        {
            return function.At;
        }

        return _draft.FirstUse.TryGetValue(name, out var use) ? use : null;
    }

    [GeneratedRegex("'([A-Za-z_][A-Za-z0-9_]*)'", RegexOptions.CultureInvariant)]
    private static partial Regex QuotedName();

    [GeneratedRegex(@"\b[A-Za-z_][A-Za-z0-9_]*\b", RegexOptions.CultureInvariant)]
    private static partial Regex Word();
}
