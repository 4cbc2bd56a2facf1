namespace Ferroptosis.Sim.Formats.Sbml.TestSuite;

/// <summary>A test case as listed in a suite's <c>cases.tsv</c>: its number, stage (or primary category), feature groups and tags.</summary>
/// <param name="CaseId">The five-digit case number.</param>
/// <param name="Stage">The stage (S0, S1 or S2) of a core catalogue, or the primary category (e.g. <c>event-delay</c>) of an extended one.</param>
/// <param name="ComponentTags">The SBML components the model uses.</param>
/// <param name="TestTags">What the case tests.</param>
public sealed record SbmlTestCaseInfo(string CaseId, string Stage, IReadOnlyList<string> ComponentTags, IReadOnlyList<string> TestTags)
{
    /// <summary>Gets the feature groups beyond the core ODE subset that the case needs (the <c>features</c> column; empty for core cases).</summary>
    public IReadOnlyList<string> Features { get; init; } = [];

    /// <summary>Reads <c>cases.tsv</c>: tab-separated with a header row naming the columns <c>case</c>, <c>stage</c> or <c>category</c>, and optionally <c>features</c>, <c>componentTags</c> and <c>testTags</c>.</summary>
    /// <param name="path">The path of the file.</param>
    /// <returns>The cases by number.</returns>
    /// <exception cref="FormatException">The header has no case or stage/category column, or a row is shorter than them.</exception>
    public static IReadOnlyDictionary<string, SbmlTestCaseInfo> ReadCatalog(string path)
    {
        var lines = File.ReadLines(path).Where(l => l.Trim().Length > 0).ToList();
        var header = lines.Count > 0 ? lines[0].Split('\t', StringSplitOptions.TrimEntries) : [];
        int Column(params string[] names) => Array.FindIndex(header, h => names.Contains(h, StringComparer.OrdinalIgnoreCase));
        int caseColumn = Column("case");
        int stageColumn = Column("stage", "category");
        if (caseColumn < 0 || stageColumn < 0)
        {
            throw new FormatException($"The header of '{Path.GetFileName(path)}' has no 'case' and 'stage' (or 'category') columns.");
        }

        int features = Column("features");
        int components = Column("componentTags");
        int tests = Column("testTags");
        var cases = new Dictionary<string, SbmlTestCaseInfo>(StringComparer.Ordinal);
        foreach (string line in lines.Skip(1))
        {
            var cells = line.Split('\t');
            if (cells.Length <= Math.Max(caseColumn, stageColumn))
            {
                throw new FormatException($"The row '{line}' of '{Path.GetFileName(path)}' has no stage column.");
            }

            string[] Tags(int i) =>
                i >= 0 && cells.Length > i ? cells[i].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : [];

            string id = cells[caseColumn].Trim();
            cases[id] = new SbmlTestCaseInfo(id, cells[stageColumn].Trim(), Tags(components), Tags(tests)) { Features = Tags(features) };
        }

        return cases;
    }
}
