using Ferroptosis.Sim.Modeling.Expressions;
using Ferroptosis.Sim.Modeling.Networks;

namespace Ferroptosis.Sim.Modeling.Compilation;

/// <summary>A compiled set of reported quantities: species concentrations or amounts, assigned values, compartment sizes, parameters, reaction rates.</summary>
internal sealed class OutputProgram
{
    private OutputProgram(IReadOnlyList<string> ids, ExpressionKernel kernel)
    {
        Ids = ids;
        Kernel = kernel;
    }

    public IReadOnlyList<string> Ids { get; }

    public ExpressionKernel Kernel { get; }

    public static OutputProgram Create(CompiledModel model, IReadOnlyList<string> ids, IReadOnlySet<string>? amounts) =>
        new(ids, ExpressionCompiler.Compile(Expressions(model, ids, amounts), model.InputSymbols).Kernel);

    /// <summary>The reported quantities as simplified expressions over the compiled inputs (time, states, parameters).</summary>
    public static IReadOnlyList<Expr> Expressions(CompiledModel model, IReadOnlyList<string> ids, IReadOnlySet<string>? amounts)
    {
        var network = model.Network;
        var resolver = model.Resolver;
        var expressions = new List<Expr>(ids.Count);
        foreach (string id in ids)
        {
            expressions.Add(network.KindOf(id) switch
            {
                SymbolKind.Species => amounts is not null && amounts.Contains(id) ? resolver.Amount(id) : resolver.Concentration(id),
                SymbolKind.Compartment or SymbolKind.Parameter or SymbolKind.Reaction or SymbolKind.SpeciesReference or SymbolKind.Time => resolver.Symbol(id),
                _ => throw new ArgumentException(UnknownOutput(network, id), nameof(ids)),
            });
        }

        return [.. expressions.Select(e => e.Simplify())];
    }

    /// <summary>The default report: every species, then every rate-rule and assignment-rule variable that is not a species (parameters and compartments that change in time).</summary>
    public static IReadOnlyList<string> DefaultIds(ReactionNetwork network) =>
        [.. network.Species.Select(s => s.Id), .. network.RateRules.Select(r => r.Variable).Where(v => network.KindOf(v) != SymbolKind.Species),
            .. network.AssignmentRules.Select(r => r.Variable).Where(v => network.KindOf(v) != SymbolKind.Species)];

    private static string UnknownOutput(ReactionNetwork network, string id)
    {
        var names = network.Species.Select(s => s.Id).Concat(network.Parameters.Select(p => p.Id)).Concat(network.Compartments.Select(c => c.Id)).Concat(network.Reactions.Select(r => r.Id));
        string hint = NameSuggestions.Hint(NameSuggestions.Closest(id, names));
        return $"'{id}' is not a quantity of model '{network.Id}' that can be reported{(hint.Length == 0 ? "." : hint)}";
    }
}
