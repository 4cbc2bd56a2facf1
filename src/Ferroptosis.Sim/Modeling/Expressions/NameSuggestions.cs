namespace Ferroptosis.Sim.Modeling.Expressions;

/// <summary>Suggests known names close to a misspelt one, for "did you mean …?" hints.</summary>
/// <remarks>
/// Distance is the optimal-string-alignment variant of the Damerau–Levenshtein distance (insertions, deletions,
/// substitutions and transpositions of adjacent letters all cost 1), compared case-insensitively; names within
/// max(1, ⌊length/3⌋) edits are offered, best first.
/// </remarks>
internal static class NameSuggestions
{
    /// <summary>Returns up to <paramref name="limit"/> candidates closest to <paramref name="name"/>.</summary>
    public static IReadOnlyList<string> Closest(string name, IEnumerable<string> candidates, int limit = 3)
    {
        int threshold = Math.Max(1, name.Length / 3);
        return candidates
            .Where(c => Math.Abs(c.Length - name.Length) <= threshold)
            .Distinct(StringComparer.Ordinal)
            .Select(c => (Name: c, Distance: Distance(name.ToUpperInvariant(), c.ToUpperInvariant())))
            .Where(p => p.Distance <= threshold)
            .OrderBy(p => p.Distance)
            .ThenBy(p => p.Name, StringComparer.Ordinal)
            .Take(limit)
            .Select(p => p.Name)
            .ToList();
    }

    /// <summary>Formats a hint such as "; did you mean 'hill'?" (empty when there is nothing to suggest).</summary>
    public static string Hint(IReadOnlyList<string> names) => names.Count switch
    {
        0 => string.Empty,
        1 => $"; did you mean '{names[0]}'?",
        _ => $"; did you mean {string.Join(", ", names.Take(names.Count - 1).Select(n => $"'{n}'"))} or '{names[^1]}'?",
    };

    /// <summary>The optimal-string-alignment distance between two strings.</summary>
    public static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (int i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (int j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (int i = 1; i <= a.Length; i++)
        {
            for (int j = 1; j <= b.Length; j++)
            {
                int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
