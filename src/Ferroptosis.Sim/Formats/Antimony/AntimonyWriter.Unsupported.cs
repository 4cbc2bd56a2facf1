using Ferroptosis.Sim.Modeling.Expressions;
using Ferroptosis.Sim.Modeling.Networks;

namespace Ferroptosis.Sim.Formats.Antimony;

/// <content>The parts of a network that Antimony (as this reader reads it) cannot express without changing a simulation.</content>
public static partial class AntimonyWriter
{
    /// <summary>Lists the parts of a network that Antimony cannot express, one sentence each with what to change; empty when <see cref="Write"/> will succeed.</summary>
    /// <param name="network">The network.</param>
    /// <returns>The problems, in model order.</returns>
    public static IReadOnlyList<string> FindUnsupported(ReactionNetwork network)
    {
        ArgumentNullException.ThrowIfNull(network);
        var problems = new List<string>();
        void Name(string id, string what)
        {
            if (!ExpressionSyntax.IsIdentifier(id))
            {
                problems.Add($"The {what} id '{id}' is not an Antimony name (a letter or '_', then letters, digits or '_'); rename it.");
            }
            else if (AntimonySyntax.WhyReserved(id) is { } why && id != ReactionNetwork.TimeSymbol)
            {
                problems.Add($"The {what} id '{id}': {why}; rename it.");
            }
        }

        Name(network.Id, "model");
        if (network.ConversionFactor is { } factor)
        {
            problems.Add($"The model has conversion factor '{factor}'; Antimony has no model conversion factors. Fold it into the rate laws.");
        }

        foreach (var c in network.Compartments)
        {
            Name(c.Id, "compartment");
        }

        foreach (var r in network.Reactions.Where(r => r.IsFast))
        {
            problems.Add($"Reaction '{r.Id}' is fast (held at equilibrium), which this Antimony writer does not write; write the model as SBML Level 2 or Level 3 Version 1 elsewhere, or make it slow.");
        }

        foreach (var e in network.Events.Where(e => e.Delay is not null))
        {
            problems.Add($"Event '{e.Id}' has a delay, which this Antimony writer does not write; write the model as SBML.");
        }

        var shadowed = new HashSet<string>(network.InitialAssignments.Select(a => a.Symbol).Concat(network.AssignmentRules.Select(r => r.Variable)), StringComparer.Ordinal);
        foreach (var s in network.Species)
        {
            Name(s.Id, "species");
            if (s.IsConstant)
            {
                problems.Add($"Species '{s.Id}' is constant (SBML constant = true); Antimony's const species are boundary species that rules and events may change. Make it a boundary species that is not constant.");
            }

            if (s.ConversionFactor is { } speciesFactor)
            {
                problems.Add($"Species '{s.Id}' has conversion factor '{speciesFactor}'; Antimony has no species conversion factors. Fold it into the rate laws.");
            }

            if (s.InitialIsConcentration == s.HasOnlySubstanceUnits && !shadowed.Contains(s.Id))
            {
                string given = s.InitialIsConcentration ? "a concentration" : "an amount";
                string symbol = s.HasOnlySubstanceUnits ? "amount" : "concentration";
                problems.Add($"Species '{s.Id}' has its initial value as {given} but its symbol means its {symbol}; Antimony gives initial values in the symbol's unit. Convert the initial value.");
            }
        }

        foreach (var p in network.Parameters)
        {
            Name(p.Id, "parameter");
        }

        foreach (var f in network.Functions)
        {
            Name(f.Name, "function");
            foreach (string parameter in f.Parameters)
            {
                Name(parameter, $"parameter of function '{f.Name}', the");
            }
        }

        foreach (var r in network.Reactions)
        {
            Name(r.Id, "reaction");
            if (r.LocalParameters.Count > 0)
            {
                problems.Add($"Reaction '{r.Id}' has local parameters ({string.Join(", ", r.LocalParameters.Keys)}); Antimony has none. Make them global parameters (libAntimony names them {r.Id}_name).");
            }

            foreach (var reference in r.Reactants.Concat(r.Products))
            {
                if (reference.Id is not null || !reference.IsConstant)
                {
                    problems.Add($"Reaction '{r.Id}' gives species '{reference.Species}' a named or variable stoichiometry; only constant numbers are supported.");
                }

                if (!(reference.Stoichiometry > 0) || double.IsInfinity(reference.Stoichiometry))
                {
                    problems.Add($"Reaction '{r.Id}' gives species '{reference.Species}' the stoichiometry {reference.Stoichiometry}; Antimony needs a positive number.");
                }
            }
        }

        foreach (var e in network.Events)
        {
            Name(e.Id, "event");
            if (e.Assignments.Count == 0)
            {
                problems.Add($"Event '{e.Id}' assigns nothing; an Antimony event needs at least one assignment.");
            }
        }

        return problems;
    }
}
