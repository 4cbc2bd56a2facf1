using Ferroptosis.Sim.Modeling.Expressions;
using Ferroptosis.Sim.Modeling.Networks;
using Ferroptosis.Sim.Tests.Modeling.Expressions;

namespace Ferroptosis.Sim.Tests.Formats.Antimony;

/// <summary>Generates valid networks that Antimony can express, with random flags, values, stoichiometries and formulas, reproducibly from a seed.</summary>
/// <remarks>
/// Formulas come from <see cref="RandomExpressions"/> over its symbols x, y (species), z, k1 (parameters) and time. Rate
/// laws, rules, assignments and triggers read only those, so no assignment rule or initial assignment forms a cycle.
/// Reaction modifiers are the rate law's species that the reaction does not change, in order of first appearance —
/// the form the reader produces.
/// </remarks>
internal sealed class RandomNetworks(int seed)
{
    private readonly Random _random = new(seed);
    private readonly RandomExpressions _expressions = new(seed + 1);

    public ReactionNetwork Next()
    {
        bool Coin() => _random.Next(2) == 0;
        double Value() => _random.Next(4) == 0 ? _expressions.NextInput() : Math.Round(_random.NextDouble() * 10, _random.Next(0, 6));
        Expr Formula() => _expressions.Next(_random.Next(1, 5));

        var compartments = new List<Compartment> { new("c1", 0.5 + _random.Next(4)), new("c2", 1, IsConstant: false) };
        bool xAmount = Coin();
        var species = new List<Species>
        {
            new("x", "c1", Value(), InitialIsConcentration: !xAmount, HasOnlySubstanceUnits: xAmount, IsBoundary: Coin()),
            new("y", Coin() ? "c1" : "c2", Value(), IsBoundary: Coin()),
            new("w", "c2"),
        };
        var parameters = new List<Parameter>
        {
            new("z", Value(), IsConstant: false),
            new("k1", Value(), IsConstant: false),
            new("q", 0, IsConstant: Coin()),
            new("a1", 0, IsConstant: false),
            new("v", Value(), IsConstant: Coin()),
        };
        var reactions = new List<Reaction>();
        for (int i = 0, n = _random.Next(0, 4); i < n; i++)
        {
            var reactants = Side();
            var products = Side();
            var rate = Formula();
            var changed = reactants.Concat(products).Select(r => r.Species).ToHashSet();
            var modifiers = rate.Symbols.Where(s => s is "x" or "y" && !changed.Contains(s));
            reactions.Add(new Reaction($"J{i}", reactants, products, rate, modifiers, isReversible: Coin()));
        }

        var events = new List<ModelEvent>();
        for (int i = 0, n = _random.Next(0, 3); i < n; i++)
        {
            var assignments = new List<EventAssignment> { new("k1", Formula()) };
            if (Coin())
            {
                assignments.Add(new EventAssignment("c2", Formula()));
            }

            events.Add(new ModelEvent($"E{i}", Formula(), assignments, Coin() ? Formula() : null, Coin(), Coin(), Coin()));
        }

        var functions = Coin() ? new[] { new FunctionDefinition("f", ["x", "K"], Formula().Substitute(s => s == "time" ? null : s is "x" or "y" ? new SymbolExpr("x") : new SymbolExpr("K"))) } : [];
        return new ReactionNetwork(
            Coin() ? "random" : "__main",
            compartments,
            species,
            parameters,
            reactions,
            [new AssignmentRule("a1", Formula())],
            [new RateRule("z", Formula())],
            [new InitialAssignment("q", NotANumber(Formula())), new InitialAssignment("w", NotANumber(Formula()))],
            functions,
            events);

        // A plain number as an initial assignment is written as the initial value (same simulation, other structure).
        static Expr NotANumber(Expr e) => e is NumberExpr ? new BinaryExpr(BinaryOperator.Add, e, new SymbolExpr("k1")) : e;

        List<SpeciesReference> Side()
        {
            var side = new List<SpeciesReference>();
            for (int j = 0, n = _random.Next(0, 3); j < n; j++)
            {
                double stoichiometry = _random.Next(3) switch
                {
                    0 => 1,
                    1 => _random.Next(2, 5),
                    _ => Math.Round(_random.NextDouble() * 3, 3) + 1e-3,
                };
                side.Add(new SpeciesReference(Coin() ? "x" : "y", stoichiometry));
            }

            return side;
        }
    }
}
