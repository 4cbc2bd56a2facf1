using Ferroptosis.Sim.Modeling.Expressions;
using Ferroptosis.Sim.Modeling.Networks;

namespace Ferroptosis.Sim.Formats.Sbml;

/// <summary>Replaces the SBML Level 3 Version 2 <c>rateOf</c> csymbol by the time derivative it denotes, written over the model's own symbols.</summary>
/// <remarks>
/// <para>
/// <c>rateOf(x)</c> is the current rate of change of x (SBML Level 3 Version 2, §3.4.6): the math of x's rate rule; for a
/// species changed by reactions, Σ stoichiometry·rate over its reactions (times its conversion factor) as an amount rate,
/// and for a species with hasOnlySubstanceUnits false the rate of its concentration, d[S]/dt = (dn/dt)/V − [S]·(dV/dt)/V;
/// zero for a quantity that only events or nothing change (constants, boundary species, local parameters). The
/// derivative of a quantity defined by an assignment rule, and rateOf inside a function definition, are refused as
/// unsupported rather than approximated.
/// </para>
/// <para>Not thread-safe (one instance per document).</para>
/// </remarks>
internal sealed class RateOfExpander
{
    /// <summary>The function name of the placeholder call <c>rateOf(x)</c> that the MathML reader writes.</summary>
    public const string Marker = "rateOf";

    private readonly Dictionary<string, Species> _species;
    private readonly HashSet<string> _compartments;
    private readonly Dictionary<string, Expr> _rateRules;
    private readonly HashSet<string> _assigned;
    private readonly HashSet<string> _plain;
    private readonly IReadOnlyList<Reaction> _reactions;
    private readonly string? _modelConversionFactor;
    private readonly Dictionary<string, Expr> _rates = new(StringComparer.Ordinal);
    private readonly HashSet<string> _expanding = new(StringComparer.Ordinal);

    public RateOfExpander(
        IEnumerable<Compartment> compartments,
        IEnumerable<Species> species,
        IEnumerable<Parameter> parameters,
        IReadOnlyList<Reaction> reactions,
        IEnumerable<AssignmentRule> assignmentRules,
        IEnumerable<RateRule> rateRules,
        string? modelConversionFactor)
    {
        _species = species.GroupBy(s => s.Id).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        _compartments = new HashSet<string>(compartments.Select(c => c.Id), StringComparer.Ordinal);
        _rateRules = rateRules.GroupBy(r => r.Variable).ToDictionary(g => g.Key, g => g.First().Expression, StringComparer.Ordinal);
        _assigned = new HashSet<string>(assignmentRules.Select(r => r.Variable), StringComparer.Ordinal);
        _reactions = reactions;
        _modelConversionFactor = modelConversionFactor;

        // Quantities without rules: parameters, species references and local parameters (reaction-scoped names).
        _plain = new HashSet<string>(_compartments, StringComparer.Ordinal);
        _plain.UnionWith(parameters.Select(p => p.Id));
        foreach (var r in reactions)
        {
            _plain.UnionWith(r.Reactants.Concat(r.Products).Select(x => x.Id).OfType<string>());
            _plain.UnionWith(r.LocalParameters.Keys);
        }
    }

    /// <summary>Gets a value indicating whether an expression holds a <c>rateOf</c> placeholder.</summary>
    public static bool Contains(Expr expression)
    {
        bool found = false;
        ExprQueries.PreOrder(expression, e => found |= e is CallExpr { Name: Marker });
        return found;
    }

    /// <summary>Replaces every <c>rateOf(x)</c> in an expression; in a kinetic law (<paramref name="scope"/>), x may be a local parameter, whose rate is zero.</summary>
    /// <exception cref="SbmlFormatException">A rate cannot be expressed (unsupported feature).</exception>
    /// <remarks>
    /// Inside <c>delay(x, τ)</c> a rate before the start of the simulation (t = 0 in SBML) is zero, as the history there
    /// does not move: the rate in x is written <c>piecewise(0, time &lt; 0, rate)</c>, whose time is the delayed one.
    /// </remarks>
    public Expr Expand(Expr expression, Reaction? scope = null) =>
        !Contains(expression)
            ? expression
            : ExprRewriter.Rewrite(expression, node => node switch
            {
                CallExpr { Name: Marker, Arguments: [SymbolExpr x] } =>
                    scope is not null && scope.LocalParameters.ContainsKey(x.Name) ? NumberExpr.Zero : Rate(x.Name),
                CallExpr { Name: "delay", Arguments: [var value, var delay] } when Contains(value) =>
                    new CallExpr("delay", FromStart(Expand(value, scope)), Expand(delay, scope)),
                _ => null,
            });

    private static PiecewiseExpr FromStart(Expr value) =>
        new PiecewiseExpr([new PiecewiseCase(NumberExpr.Zero, ExprBuilder.Compare(BinaryOperator.Less, new SymbolExpr(ReactionNetwork.TimeSymbol), NumberExpr.Zero))], value);

    private Expr Rate(string id)
    {
        if (_rates.TryGetValue(id, out var known))
        {
            return known;
        }

        if (!_expanding.Add(id))
        {
            throw Unsupported($"the rate of '{id}' depends on itself through rateOf");
        }

        var rate = Compute(id).Simplify();
        _expanding.Remove(id);
        _rates[id] = rate;
        return rate;
    }

    private Expr Compute(string id)
    {
        if (_rateRules.TryGetValue(id, out var rule))
        {
            // The rate rule's math is the rate of the symbol's value (a concentration for a species with hasOnlySubstanceUnits false).
            return Expand(rule);
        }

        if (_assigned.Contains(id))
        {
            throw Unsupported($"'{id}' is defined by an assignment rule, and the time derivative of a rule is not computed");
        }

        if (_species.TryGetValue(id, out var s))
        {
            var amountRate = AmountRate(s);
            if (s.HasOnlySubstanceUnits)
            {
                return amountRate;
            }

            // d[S]/dt = (dn/dt)/V − [S]·(dV/dt)/V.
            var size = Expr.Symbol(s.Compartment);
            var sizeRate = Rate(s.Compartment);
            return Expr.Subtract(Expr.Divide(amountRate, size), Expr.Divide(Expr.Multiply(Expr.Symbol(id), sizeRate), size));
        }

        return _plain.Contains(id)
            ? NumberExpr.Zero
            : throw Unsupported($"'{id}' is not a species, compartment, parameter or species reference");
    }

    /// <summary>The rate of a species' amount from the reactions that change it, times its conversion factor.</summary>
    private Expr AmountRate(Species s)
    {
        if (s.IsBoundary || s.IsConstant)
        {
            return NumberExpr.Zero;
        }

        Expr total = NumberExpr.Zero;
        foreach (var r in _reactions)
        {
            foreach (var (references, sign) in new[] { (r.Reactants, -1.0), (r.Products, 1.0) })
            {
                foreach (var reference in references.Where(x => x.Species == s.Id))
                {
                    Expr stoichiometry = reference.Id is { } sid ? Expr.Symbol(sid) : new NumberExpr(reference.Stoichiometry);
                    total = Expr.Add(total, Expr.Multiply(new NumberExpr(sign), Expr.Multiply(stoichiometry, Expr.Symbol(r.Id))));
                }
            }
        }

        return (s.ConversionFactor ?? _modelConversionFactor) is { } factor ? Expr.Multiply(total, Expr.Symbol(factor)) : total;
    }

    private static SbmlFormatException Unsupported(string why) =>
        new($"The csymbol 'rateOf' is not supported here: {why}", 0, 0, isUnsupportedFeature: true) { UnsupportedFeature = "csymbol rateOf" };
}
