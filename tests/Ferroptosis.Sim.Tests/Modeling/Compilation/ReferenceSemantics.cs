using Ferroptosis.Sim.Modeling.Networks;

namespace Ferroptosis.Sim.Tests.Modeling.Compilation;

/// <summary>
/// An independent, interpreted implementation of the SBML rate semantics for networks without events
/// and with constant compartments: d(amount_i)/dt = Σ_j N_ij v_j for species changed by reactions,
/// rate rules for the rest, every symbol evaluated by the expression interpreter.
/// </summary>
public static class ReferenceSemantics
{
    /// <summary>Evaluates the time derivative of each state id, given state values by id (amounts for reaction species, values otherwise).</summary>
    public static Dictionary<string, double> Derivatives(ReactionNetwork network, double t, IReadOnlyDictionary<string, double> state, IReadOnlyDictionary<string, double> parameters)
    {
        double Value(string id)
        {
            if (id == ReactionNetwork.TimeSymbol)
            {
                return t;
            }

            if (network.FindSpecies(id) is { } s)
            {
                // Species that no reaction or rule changes keep their declared amount.
                double declared = s.InitialIsConcentration ? s.InitialValue * Value(s.Compartment) : s.InitialValue;
                double amount = state.TryGetValue(id, out double a) ? a : declared;
                return s.HasOnlySubstanceUnits ? amount : amount / Value(s.Compartment);
            }

            if (state.TryGetValue(id, out double v))
            {
                return v;
            }

            if (parameters.TryGetValue(id, out double p))
            {
                return p;
            }

            if (network.FindAssignmentRule(id) is { } rule)
            {
                return rule.Expression.Evaluate(Value, network.FunctionLibrary);
            }

            if (network.FindCompartment(id) is { } c)
            {
                return c.Size;
            }

            if (network.FindReaction(id) is { } r)
            {
                return Rate(r);
            }

            return network.FindParameter(id)!.Value;
        }

        double Rate(Reaction r) =>
            r.KineticLaw.Evaluate(name => r.LocalParameters.TryGetValue(name, out double local) ? local : Value(name), network.FunctionLibrary);

        var result = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (string id in state.Keys)
        {
            if (network.FindRateRule(id) is { } rateRule)
            {
                result[id] = rateRule.Expression.Evaluate(Value, network.FunctionLibrary);
            }
            else
            {
                result[id] = network.Reactions.Sum(r => r.NetStoichiometry(id) * Rate(r));
            }
        }

        return result;
    }
}
