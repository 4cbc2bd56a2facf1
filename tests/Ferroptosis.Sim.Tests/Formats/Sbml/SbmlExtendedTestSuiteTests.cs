using Ferroptosis.Sim.Formats.Sbml.TestSuite;

namespace Ferroptosis.Sim.Tests.Formats.Sbml;

/// <summary>The SBML Test Suite's extended development cases (delays, algebraic rules, fast reactions, delayed events, variable stoichiometry, rateOf, …): no case gives a wrong answer silently.</summary>
/// <remarks>
/// Every case passes by the suite's own rule and tolerances, or is refused by name (an unsupported feature, with the
/// reason), or is listed with a reason in tests/data/sbml-test-suite-extended-known-failures.tsv. A listed case that
/// passes fails its test, so the list stays honest. Each case runs its Level 3 file, or its Level 2 Version 4 file
/// where it has no Level 3 file.
/// </remarks>
[Parallelizable(ParallelScope.Children)]
public sealed class SbmlExtendedTestSuiteTests
{
    private static readonly SbmlTestSuiteRunner Runner = new();
    private static readonly Lazy<Dictionary<string, string>> Known = new(() => KnownFailures().ToDictionary(k => k.CaseId, k => k.Reason));

    public static IEnumerable<TestCaseData> Cases() =>
        SbmlTestSuiteRunner.FindCaseFolders(TestData.SbmlTestSuiteExtended)
            .Select(Path.GetFileName)
            .Select(id => new TestCaseData(id).SetName($"SbmlTestSuiteExtended_{id}"));

    [TestCaseSource(nameof(Cases))]
    public void Case_Passes_OrIsRefusedByName_OrIsAListedKnownFailure(string caseId)
    {
        var result = Runner.RunCase(TestData.ExtendedCase(caseId), SbmlTestLevel.Any);
        if (Known.Value.TryGetValue(caseId, out string? reason))
        {
            Assert.That(result.Passed, Is.False, $"{caseId} passes; remove it from the known failures ({reason}).");
            return;
        }

        if (result.Outcome == SbmlTestOutcome.Refused)
        {
            Assert.That(result.Message, Does.StartWith("unsupported: "), result.ToString());
            Assert.That(SbmlTestSuiteReport.RefusedFeature(result.Message), Is.Not.Empty, result.ToString());
            return;
        }

        Assert.That(result.Passed, result.ToString());
    }

    [Test]
    public void TheExtendedSuiteHasItsCases_AndEveryCaseHasAFile()
    {
        var catalog = SbmlTestCaseInfo.ReadCatalog(Path.Combine(TestData.SbmlTestSuiteExtended, "cases.tsv"));
        var folders = SbmlTestSuiteRunner.FindCaseFolders(TestData.SbmlTestSuiteExtended);
        Assert.That(folders.Select(Path.GetFileName), Is.EquivalentTo(catalog.Keys));
        Assert.That(catalog, Has.Count.EqualTo(435));
        Assert.That(catalog.Values.All(c => c.Features.Count > 0), "every extended case names its feature groups");
        Assert.That(folders.All(f => SbmlTestSuiteRunner.ModelFile(f, SbmlTestLevel.Any) is not null));
    }

    [Test]
    public void KnownFailureList_NamesOnlyExistingCases_WithReasons()
    {
        foreach (var (caseId, reason) in KnownFailures())
        {
            Assert.That(Directory.Exists(TestData.ExtendedCase(caseId)), $"{caseId} is not an extended case");
            Assert.That(reason, Is.Not.Empty, $"{caseId} needs a reason");
        }
    }

    /// <summary>The support table of docs/sbml.md is the one a run of the core and extended cases generates (regenerate it with the command in its first line).</summary>
    [Test]
    public void SupportTableInTheDocs_IsTheOneARunGenerates()
    {
        var results = new List<SbmlTestCaseResult>();
        var catalog = new Dictionary<string, SbmlTestCaseInfo>(StringComparer.Ordinal);
        foreach (string folder in (string[])[TestData.SbmlTestSuite, TestData.SbmlTestSuiteExtended])
        {
            results.AddRange(Runner.RunSuite(folder, SbmlTestLevel.Any));
            foreach (var (id, info) in SbmlTestCaseInfo.ReadCatalog(Path.Combine(folder, "cases.tsv")))
            {
                catalog[id] = info;
            }
        }

        string generated = SbmlTestSuiteReport.SupportTable(results, catalog, Runner.Solver.Name);
        TestContext.Progress.WriteLine(generated);
        string documented = SbmlTestSuiteReport.ExtractSupportTable(File.ReadAllText(TestData.SbmlDoc)).ReplaceLineEndings("\n");
        Assert.That(documented, Is.EqualTo(generated.ReplaceLineEndings("\n")), "docs/sbml.md is out of date; regenerate its support table with the command in the table's first line");
    }

    private static IEnumerable<(string CaseId, string Reason)> KnownFailures()
    {
        foreach (string line in File.ReadLines(TestData.KnownFailuresExtended).Skip(1))
        {
            if (line.Trim().Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var cells = line.Split('\t');
            yield return (cells[0].Trim(), cells.Length > 1 ? cells[1].Trim() : string.Empty);
        }
    }
}
