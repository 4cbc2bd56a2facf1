using Ferroptosis.Sim.Modeling.Expressions;

namespace Ferroptosis.Sim.Modeling.Networks;

/// <summary>The structural checks of a reaction network, each reported as one sentence that names the offending ids.</summary>
internal static class NetworkValidator
{
    public static void Validate(ReactionNetwork network, List<string> problems)
    {
        CheckCompartments(network, problems);
        CheckSpecies(network, problems);
        CheckReactions(network, problems);
        CheckRules(network, problems);
        CheckEvents(network, problems);
        CheckFunctions(network, problems);
        if (problems.Count == 0)
        {
            CheckCycles(network, problems);
        }
    }

    private static void CheckCompartments(ReactionNetwork network, List<string> problems)
    {
        foreach (var c in network.Compartments)
        {
            if (c.Size < 0 || double.IsNaN(c.Size))
            {
                problems.Add($"Compartment '{c.Id}' has size {c.Size}; a size must not be negative.");
            }
        }
    }

    private static void CheckSpecies(ReactionNetwork network, List<string> problems)
    {
        foreach (var s in network.Species)
        {
            if (network.KindOf(s.Compartment) != SymbolKind.Compartment)
            {
                problems.Add($"Species '{s.Id}' is in compartment '{s.Compartment}', which is not defined.");
            }

            if (s.ConversionFactor is { } cf && network.KindOf(cf) != SymbolKind.Parameter)
            {
                problems.Add($"Species '{s.Id}' has conversion factor '{cf}', which is not a parameter.");
            }
        }

        if (network.ConversionFactor is { } modelFactor && network.KindOf(modelFactor) != SymbolKind.Parameter)
        {
            problems.Add($"The model's conversion factor '{modelFactor}' is not a parameter.");
        }
    }

    private static void CheckReactions(ReactionNetwork network, List<string> problems)
    {
        foreach (var r in network.Reactions)
        {
            foreach (var reference in r.Reactants.Concat(r.Products))
            {
                if (network.KindOf(reference.Species) != SymbolKind.Species)
                {
                    problems.Add($"Reaction '{r.Id}' uses species '{reference.Species}', which is not defined.");
                }
                else if (network.FindSpecies(reference.Species) is { IsConstant: true, IsBoundary: false } constant)
                {
                    problems.Add($"Reaction '{r.Id}' changes species '{constant.Id}', which is constant and not a boundary species; make it a boundary species ($) or not constant.");
                }
            }

            foreach (string modifier in r.Modifiers)
            {
                if (network.KindOf(modifier) != SymbolKind.Species)
                {
                    problems.Add($"Reaction '{r.Id}' names modifier '{modifier}', which is not a species.");
                }
            }

            CheckSymbols(network, r.KineticLaw, $"the rate law of reaction '{r.Id}'", problems, r.LocalParameters);
        }
    }

    private static void CheckRules(ReactionNetwork network, List<string> problems)
    {
        var targets = new Dictionary<string, string>(StringComparer.Ordinal);
        void Target(string variable, string what)
        {
            if (targets.TryGetValue(variable, out string? earlier))
            {
                problems.Add($"'{variable}' is the target of both {earlier} and {what}; a variable can have only one rule or initial assignment.");
            }
            else
            {
                targets[variable] = what;
            }
        }

        foreach (var rule in network.AssignmentRules)
        {
            Target(rule.Variable, "an assignment rule");
            CheckRuleTarget(network, rule.Variable, "an assignment rule", problems);
            CheckSymbols(network, rule.Expression, $"the assignment rule for '{rule.Variable}'", problems);
        }

        foreach (var rule in network.RateRules)
        {
            Target(rule.Variable, "a rate rule");
            CheckRuleTarget(network, rule.Variable, "a rate rule", problems);
            CheckSymbols(network, rule.Expression, $"the rate rule for '{rule.Variable}'", problems);
        }

        var initial = new HashSet<string>(StringComparer.Ordinal);
        foreach (var assignment in network.InitialAssignments)
        {
            if (!initial.Add(assignment.Symbol))
            {
                problems.Add($"'{assignment.Symbol}' has more than one initial assignment.");
            }

            if (network.FindAssignmentRule(assignment.Symbol) is not null)
            {
                problems.Add($"'{assignment.Symbol}' has both an assignment rule and an initial assignment; the rule already defines its initial value.");
            }

            if (network.KindOf(assignment.Symbol) is not (SymbolKind.Species or SymbolKind.Compartment or SymbolKind.Parameter or SymbolKind.SpeciesReference))
            {
                problems.Add($"The initial assignment to '{assignment.Symbol}' targets something that is not a species, compartment, parameter or species reference.");
            }

            CheckSymbols(network, assignment.Expression, $"the initial assignment to '{assignment.Symbol}'", problems);
        }
    }

    private static void CheckRuleTarget(ReactionNetwork network, string variable, string what, List<string> problems)
    {
        switch (network.KindOf(variable))
        {
            case SymbolKind.Species:
                var species = network.FindSpecies(variable)!;
                if (species.IsConstant)
                {
                    problems.Add($"Species '{variable}' is constant but is the target of {what}.");
                }
                else if (!species.IsBoundary && IsChangedByReactions(network, variable))
                {
                    problems.Add($"Species '{variable}' is both set by {what} and changed by a reaction; make it a boundary species ($) or remove one of the two.");
                }

                break;
            case SymbolKind.Parameter:
                if (network.FindParameter(variable)!.IsConstant)
                {
                    problems.Add($"Parameter '{variable}' is constant but is the target of {what}; declare it variable.");
                }

                break;
            case SymbolKind.Compartment:
                if (network.FindCompartment(variable)!.IsConstant)
                {
                    problems.Add($"Compartment '{variable}' is constant but is the target of {what}; declare it variable.");
                }

                break;
            case SymbolKind.SpeciesReference:
                break;
            default:
                problems.Add($"The target '{variable}' of {what} is not a species, compartment, parameter or species reference.");
                break;
        }
    }

    private static void CheckEvents(ReactionNetwork network, List<string> problems)
    {
        foreach (var e in network.Events)
        {
            CheckSymbols(network, e.Trigger, $"the trigger of event '{e.Id}'", problems);
            if (e.Priority is { } priority)
            {
                CheckSymbols(network, priority, $"the priority of event '{e.Id}'", problems);
            }

            if (e.Delay is { } delay)
            {
                CheckSymbols(network, delay, $"the delay of event '{e.Id}'", problems);
            }

            foreach (var assignment in e.Assignments)
            {
                string what = $"event '{e.Id}'";
                switch (network.KindOf(assignment.Variable))
                {
                    case SymbolKind.Species when network.FindSpecies(assignment.Variable)!.IsConstant:
                    case SymbolKind.Parameter when network.FindParameter(assignment.Variable)!.IsConstant:
                    case SymbolKind.Compartment when network.FindCompartment(assignment.Variable)!.IsConstant:
                        problems.Add($"'{assignment.Variable}' is constant but {what} assigns it; declare it variable.");
                        break;
                    case SymbolKind.Species or SymbolKind.Parameter or SymbolKind.Compartment or SymbolKind.SpeciesReference:
                        if (network.FindAssignmentRule(assignment.Variable) is not null)
                        {
                            problems.Add($"'{assignment.Variable}' is set by an assignment rule, so {what} cannot assign it.");
                        }

                        break;
                    default:
                        problems.Add($"{char.ToUpperInvariant(what[0])}{what[1..]} assigns '{assignment.Variable}', which is not a species, compartment, parameter or species reference.");
                        break;
                }

                CheckSymbols(network, assignment.Expression, $"the assignment to '{assignment.Variable}' in {what}", problems);
            }
        }
    }

    private static void CheckFunctions(ReactionNetwork network, List<string> problems)
    {
        foreach (var f in network.Functions)
        {
            var parameters = new HashSet<string>(f.Parameters, StringComparer.Ordinal);
            foreach (string symbol in f.Body.Symbols)
            {
                if (!parameters.Contains(symbol) && symbol != ReactionNetwork.TimeSymbol)
                {
                    problems.Add($"Function '{f.Name}' uses '{symbol}', which is not one of its arguments ({string.Join(", ", f.Parameters)}); pass it as an argument.");
                }
            }

            CheckCalls(network, f.Body, $"function '{f.Name}'", problems);
        }
    }

    private static void CheckSymbols(ReactionNetwork network, Expr expression, string where, List<string> problems, IReadOnlyDictionary<string, double>? locals = null)
    {
        foreach (string symbol in expression.Symbols)
        {
            if (locals is not null && locals.ContainsKey(symbol))
            {
                continue;
            }

            var kind = network.KindOf(symbol);
            if (kind is SymbolKind.Undefined or SymbolKind.Function or SymbolKind.Event)
            {
                string suggestion = Suggest(network, symbol, locals);
                problems.Add($"Undefined symbol '{symbol}' in {where}{suggestion}.");
            }
        }

        CheckCalls(network, expression, where, problems);
    }

    private static void CheckCalls(ReactionNetwork network, Expr expression, string where, List<string> problems)
    {
        foreach (string call in expression.FunctionCalls)
        {
            if (!BuiltinFunctions.IsBuiltin(call) && network.KindOf(call) != SymbolKind.Function)
            {
                problems.Add($"Unknown function '{call}' in {where}.");
            }
        }
    }

    private static string Suggest(ReactionNetwork network, string symbol, IReadOnlyDictionary<string, double>? locals)
    {
        var candidates = network.Species.Select(s => s.Id)
            .Concat(network.Parameters.Select(p => p.Id))
            .Concat(network.Compartments.Select(c => c.Id))
            .Concat(network.Reactions.Select(r => r.Id))
            .Concat(locals?.Keys ?? []);
        return NameSuggestions.Hint(NameSuggestions.Closest(symbol, candidates));
    }

    private static bool IsChangedByReactions(ReactionNetwork network, string species) =>
        network.ReactionsOf(species).Any(r => r.NetStoichiometry(species) != 0 || r.Reactants.Concat(r.Products).Any(x => x.Species == species && x.Id is not null));

    private static void CheckCycles(ReactionNetwork network, List<string> problems)
    {
        // Edges: an assignment-rule variable depends on the symbols of its expression; a reaction id
        // stands for its rate law's symbols. A cycle among assignment rules has no evaluation order.
        var graph = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var rule in network.AssignmentRules)
        {
            graph[rule.Variable] = rule.Expression.Symbols;
        }

        foreach (var r in network.Reactions)
        {
            graph[r.Id] = [.. r.KineticLaw.Symbols.Where(s => !r.LocalParameters.ContainsKey(s))];
        }

        var cycle = DependencyGraph.FindCycle(graph, network.AssignmentRules.Select(r => r.Variable));
        if (cycle is not null)
        {
            problems.Add($"Assignment rules form a cycle: {string.Join(" -> ", cycle)}; no order of evaluation exists.");
        }

        // At t0, initial assignments and assignment rules are evaluated together, in dependency order.
        var initialGraph = new Dictionary<string, IReadOnlyList<string>>(graph, StringComparer.Ordinal);
        foreach (var a in network.InitialAssignments)
        {
            initialGraph[a.Symbol] = a.Expression.Symbols;
        }

        var initialCycle = DependencyGraph.FindCycle(initialGraph, network.InitialAssignments.Select(a => a.Symbol));
        if (initialCycle is not null)
        {
            problems.Add($"Initial assignments form a cycle: {string.Join(" -> ", initialCycle)}; no order of evaluation exists.");
        }
    }
}
