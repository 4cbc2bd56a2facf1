namespace Ferroptosis.Sim.Analysis;

/// <summary>Argument checks shared by the analyses; each message says what to change.</summary>
internal static class AnalysisChecks
{
    public static IReadOnlyList<string> DistinctNames(IReadOnlyList<string> names, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(names, parameterName);
        if (names.Count == 0)
        {
            throw new ArgumentException("At least one name is needed.", parameterName);
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (string name in names)
        {
            if (string.IsNullOrWhiteSpace(name))
            {
                throw new ArgumentException("Names must not be empty.", parameterName);
            }

            if (!seen.Add(name))
            {
                throw new ArgumentException($"The name '{name}' appears twice; names must be distinct.", parameterName);
            }
        }

        return [.. names];
    }

    public static void Window(double from, double to)
    {
        if (double.IsNaN(from) || double.IsNaN(to) || !(to > from))
        {
            throw new ArgumentException($"The window [{from}, {to}] is empty; give from < to (infinite ends stand for the run's start and end).", nameof(to));
        }
    }

    public static void Positive(double value, string name)
    {
        if (!(value > 0) || !double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be a positive finite number.");
        }
    }

    public static int IndexOf(IReadOnlyList<string> names, string name)
    {
        for (int i = 0; i < names.Count; i++)
        {
            if (string.Equals(names[i], name, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    public static int RequireName(IReadOnlyList<string> names, string name, string what)
    {
        int index = IndexOf(names, name);
        return index >= 0 ? index : throw new ArgumentException($"No {what} named '{name}'; the {what}s are {string.Join(", ", names)}.", nameof(name));
    }
}
