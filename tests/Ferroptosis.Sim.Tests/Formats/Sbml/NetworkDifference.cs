using Ferroptosis.Sim.Modeling.Networks;

namespace Ferroptosis.Sim.Tests.Formats.Sbml;

/// <summary>Compares two reaction networks part by part and names the first part that differs.</summary>
internal static class NetworkDifference
{
    public static string? Find(ReactionNetwork a, ReactionNetwork b)
    {
        static string? Part<T>(string name, IReadOnlyList<T> x, IReadOnlyList<T> y)
        {
            if (x.Count != y.Count)
            {
                return $"{name}: {x.Count} vs {y.Count}";
            }

            for (int i = 0; i < x.Count; i++)
            {
                if (!EqualityComparer<T>.Default.Equals(x[i], y[i]))
                {
                    return $"{name}[{i}]: {x[i]} vs {y[i]}";
                }
            }

            return null;
        }

        return (a.Id == b.Id ? null : $"id: {a.Id} vs {b.Id}")
            ?? Part("compartments", a.Compartments, b.Compartments)
            ?? Part("species", a.Species, b.Species)
            ?? Part("parameters", a.Parameters, b.Parameters)
            ?? Part("reactions", a.Reactions, b.Reactions)
            ?? Part("assignment rules", a.AssignmentRules, b.AssignmentRules)
            ?? Part("rate rules", a.RateRules, b.RateRules)
            ?? Part("initial assignments", a.InitialAssignments, b.InitialAssignments)
            ?? Part("functions", a.Functions, b.Functions)
            ?? Part("events", a.Events, b.Events)
            ?? (a.ConversionFactor == b.ConversionFactor ? null : $"conversion factor: {a.ConversionFactor} vs {b.ConversionFactor}");
    }
}
