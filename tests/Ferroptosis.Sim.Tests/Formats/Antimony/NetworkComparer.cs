using Ferroptosis.Sim.Modeling.Networks;

namespace Ferroptosis.Sim.Tests.Formats.Antimony;

/// <summary>Compares two reaction networks part by part and describes every difference (records and expressions compare structurally).</summary>
internal static class NetworkComparer
{
    /// <summary>Lists the differences between two networks; empty when they are identical, including the order of every list.</summary>
    public static IReadOnlyList<string> Differences(ReactionNetwork expected, ReactionNetwork actual)
    {
        var differences = new List<string>();
        if (expected.Id != actual.Id)
        {
            differences.Add($"id: '{expected.Id}' vs '{actual.Id}'");
        }

        if (expected.ConversionFactor != actual.ConversionFactor)
        {
            differences.Add($"conversion factor: '{expected.ConversionFactor}' vs '{actual.ConversionFactor}'");
        }

        Compare("compartments", expected.Compartments, actual.Compartments, differences);
        Compare("species", expected.Species, actual.Species, differences);
        Compare("parameters", expected.Parameters, actual.Parameters, differences);
        Compare("reactions", expected.Reactions, actual.Reactions, differences, Describe);
        Compare("assignment rules", expected.AssignmentRules, actual.AssignmentRules, differences);
        Compare("rate rules", expected.RateRules, actual.RateRules, differences);
        Compare("initial assignments", expected.InitialAssignments, actual.InitialAssignments, differences);
        Compare("functions", expected.Functions, actual.Functions, differences);
        Compare("events", expected.Events, actual.Events, differences, Describe);
        return differences;
    }

    /// <summary>Asserts that two networks are identical, listing the differences otherwise.</summary>
    public static void AssertIdentical(ReactionNetwork expected, ReactionNetwork actual, string? context = null)
    {
        var differences = Differences(expected, actual);
        Assert.That(differences, Is.Empty, () => (context is null ? string.Empty : context + "\n") + string.Join("\n", differences));
    }

    private static void Compare<T>(string what, IReadOnlyList<T> expected, IReadOnlyList<T> actual, List<string> differences, Func<T, string>? describe = null)
        where T : notnull
    {
        describe ??= item => item.ToString() ?? string.Empty;
        if (expected.Count != actual.Count)
        {
            differences.Add($"{what}: {expected.Count} vs {actual.Count} ([{string.Join("; ", expected.Select(describe))}] vs [{string.Join("; ", actual.Select(describe))}])");
            return;
        }

        for (int i = 0; i < expected.Count; i++)
        {
            if (!expected[i].Equals(actual[i]))
            {
                differences.Add($"{what}[{i}]: {describe(expected[i])} vs {describe(actual[i])}");
            }
        }
    }

    private static string Describe(Reaction r) =>
        $"{r.Id}: {string.Join(" + ", r.Reactants.Select(s => $"{s.Stoichiometry} {s.Species}"))} {(r.IsReversible ? "->" : "=>")} "
        + $"{string.Join(" + ", r.Products.Select(s => $"{s.Stoichiometry} {s.Species}"))}; {r.KineticLaw}; modifiers [{string.Join(", ", r.Modifiers)}]; locals [{string.Join(", ", r.LocalParameters.Keys)}]";

    private static string Describe(ModelEvent e) =>
        $"{e.Id}: at {e.Trigger}, priority {e.Priority}, t0 {e.TriggerInitialValue}, persistent {e.IsPersistent}, fromTrigger {e.UseValuesFromTriggerTime}: "
        + string.Join(", ", e.Assignments.Select(a => $"{a.Variable} = {a.Expression}"));
}
