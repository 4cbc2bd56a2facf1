namespace Ferroptosis.Sim.Tests.Pathway.Contract;

/// <summary>The ledger of contract criteria that model v2 does not meet, <c>models/ferroptosis/v2/calibration/unmet-criteria.tsv</c> (behaviour, criterion, reason).</summary>
internal static class UnmetCriteria
{
    /// <summary>The ledger's path in the repository.</summary>
    public static string Path => System.IO.Path.Combine(ContractSuite.RepositoryRoot, "models", "ferroptosis", "v2", "calibration", "unmet-criteria.tsv");

    private static readonly Lazy<HashSet<string>> LazyKeys = new(() =>
        [.. File.ReadAllLines(Path).Where(l => l.Length > 0 && !l.StartsWith('#')).Select(l => l.Split('\t')).Select(f => f[0] + "|" + f[1])]);

    /// <summary>Gets the keys ("EB-n|criterion") of the listed criteria.</summary>
    public static IReadOnlySet<string> Keys => LazyKeys.Value;

    /// <summary>The ledger key of a criterion.</summary>
    public static string Key(Crit c) => c.Eb + "|" + c.Name;

    /// <summary>Whether a criterion is listed as unmet.</summary>
    public static bool Contains(Crit c) => Keys.Contains(Key(c));
}
