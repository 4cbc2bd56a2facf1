namespace Ferroptosis.Sim.Formats.Sbml.TestSuite;

/// <summary>A test case as listed in the suite's <c>cases.tsv</c>: its number, stage and tags.</summary>
/// <param name="CaseId">The five-digit case number.</param>
/// <param name="Stage">The stage (S0, S1 or S2).</param>
/// <param name="ComponentTags">The SBML components the model uses.</param>
/// <param name="TestTags">What the case tests.</param>
public sealed record SbmlTestCaseInfo(string CaseId, string Stage, IReadOnlyList<string> ComponentTags, IReadOnlyList<string> TestTags)
{
    /// <summary>Reads <c>cases.tsv</c> (tab-separated with a header row: case, stage, componentTags, testTags).</summary>
    /// <param name="path">The path of the file.</param>
    /// <returns>The cases by number.</returns>
    /// <exception cref="FormatException">A row has fewer than two columns.</exception>
    public static IReadOnlyDictionary<string, SbmlTestCaseInfo> ReadCatalog(string path)
    {
        var cases = new Dictionary<string, SbmlTestCaseInfo>(StringComparer.Ordinal);
        foreach (string line in File.ReadLines(path).Skip(1))
        {
            if (line.Trim().Length == 0)
            {
                continue;
            }

            var cells = line.Split('\t');
            if (cells.Length < 2)
            {
                throw new FormatException($"The row '{line}' of '{Path.GetFileName(path)}' has no stage column.");
            }

            static string[] Tags(string[] cells, int i) =>
                cells.Length > i ? cells[i].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : [];

            cases[cells[0].Trim()] = new SbmlTestCaseInfo(cells[0].Trim(), cells[1].Trim(), Tags(cells, 2), Tags(cells, 3));
        }

        return cases;
    }
}
