using Ferroptosis.Sim.Modeling.Expressions;
using Ferroptosis.Sim.Modeling.Networks;

namespace Ferroptosis.Sim.Modeling.Compilation;

/// <summary>Rewrites model expressions over the compiled inputs: time, the state vector and the parameter vector.</summary>
/// <remarks>
/// Function calls are inlined; assignment-rule variables and reaction ids are replaced by their
/// (resolved) expressions, so every compiled expression depends only on <c>__in_t</c>, <c>__in_y{k}</c> and
/// <c>__in_p{m}</c>. Shared subexpressions are not duplicated at run time: the kernel compiler
/// eliminates common subexpressions.
/// </remarks>
internal sealed class SymbolResolver
{
    public const string TimeInput = "__in_t";

    private readonly ModelLayout _layout;
    private readonly ReactionNetwork _network;
    private readonly Dictionary<string, Expr> _resolved = new(StringComparer.Ordinal);

    public SymbolResolver(ModelLayout layout)
    {
        _layout = layout;
        _network = layout.Network;
    }

    public static string StateInput(int k) => "__in_y" + k.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static string ParameterInput(int m) => "__in_p" + m.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Resolves an expression in the global scope, or in a reaction's scope when <paramref name="reaction"/> is given.</summary>
    public Expr Resolve(Expr expression, Reaction? reaction = null)
    {
        var inlined = _network.Functions.Count > 0 ? expression.Inline(_network.FunctionLibrary) : expression;
        return inlined.Substitute(name => ResolveName(name, reaction));
    }

    /// <summary>Resolves one identifier (what its symbol means in an expression).</summary>
    public Expr Symbol(string id) => ResolveName(id, null);

    /// <summary>The amount of a species.</summary>
    public Expr Amount(string speciesId)
    {
        var s = _network.FindSpecies(speciesId)!;
        var symbol = Symbol(speciesId);
        return s.HasOnlySubstanceUnits ? symbol : Expr.Multiply(symbol, Symbol(s.Compartment));
    }

    /// <summary>The concentration of a species.</summary>
    public Expr Concentration(string speciesId)
    {
        var s = _network.FindSpecies(speciesId)!;
        var symbol = Symbol(speciesId);
        return s.HasOnlySubstanceUnits ? Expr.Divide(symbol, Symbol(s.Compartment)) : symbol;
    }

    /// <summary>The reaction's rate in amount per time.</summary>
    public Expr Rate(Reaction reaction) => Symbol(reaction.Id);

    private Expr ResolveName(string name, Reaction? reaction)
    {
        if (reaction is not null && reaction.LocalParameters.ContainsKey(name)
            && _layout.TryGetParameter(ModelLayout.LocalName(reaction.Id, name), out int local))
        {
            return Expr.Symbol(ParameterInput(local));
        }

        if (_resolved.TryGetValue(name, out var cached))
        {
            return cached;
        }

        var result = ResolveGlobal(name);
        _resolved[name] = result;
        return result;
    }

    private Expr ResolveGlobal(string name)
    {
        if (name == ReactionNetwork.TimeSymbol)
        {
            return Expr.Symbol(TimeInput);
        }

        var species = _network.FindSpecies(name);
        if (_layout.TryGetState(name, out int k))
        {
            var y = Expr.Symbol(StateInput(k));
            return species is not null && _layout.AmountStates.Contains(name) && !species.HasOnlySubstanceUnits
                ? Expr.Divide(y, Symbol(species.Compartment))
                : y;
        }

        if (_layout.TryGetParameter(name, out int m))
        {
            var p = Expr.Symbol(ParameterInput(m));
            return species is not null && !species.HasOnlySubstanceUnits ? Expr.Divide(p, Symbol(species.Compartment)) : p;
        }

        if (_network.FindAssignmentRule(name) is { } rule)
        {
            return Resolve(rule.Expression);
        }

        if (_network.FindReaction(name) is { } reaction)
        {
            return Resolve(reaction.KineticLaw, reaction);
        }

        throw new ModelValidationException($"'{name}' cannot be resolved to a value of model '{_network.Id}'.");
    }
}
