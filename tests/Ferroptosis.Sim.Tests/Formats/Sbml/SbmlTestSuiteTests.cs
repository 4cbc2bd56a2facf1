using System.Globalization;
using Ferroptosis.Sim.Formats.Sbml;
using Ferroptosis.Sim.Formats.Sbml.TestSuite;

namespace Ferroptosis.Sim.Tests.Formats.Sbml;

/// <summary>The SBML Test Suite development cases (semantic, core ODE features): every case passes by the suite's own rule and tolerances, or is listed with a reason in tests/data/sbml-test-suite-known-failures.tsv.</summary>
/// <remarks>The list must stay honest: a listed case that passes fails the test as much as an unlisted case that fails.</remarks>
public sealed class SbmlTestSuiteTests
{
    [TestCase(SbmlTestLevel.L3V2)]
    [TestCase(SbmlTestLevel.L2V4)]
    public void EveryCase_PassesWithItsOwnTolerances_OrIsAListedKnownFailure(SbmlTestLevel level)
    {
        var runner = new SbmlTestSuiteRunner();
        var results = runner.RunSuite(TestData.SbmlTestSuite, level).Where(r => r.Outcome != SbmlTestOutcome.NoModelFile).ToList();
        var catalog = SbmlTestCaseInfo.ReadCatalog(Path.Combine(TestData.SbmlTestSuite, "cases.tsv"));
        Report(level, runner, results, catalog);

        var known = KnownFailures().Where(k => k.Level == level).ToDictionary(k => k.CaseId, k => k.Reason);
        var unexpectedFailures = results.Where(r => !r.Passed && !known.ContainsKey(r.CaseId)).Select(r => r.ToString()).ToList();
        var unexpectedPasses = results.Where(r => r.Passed && known.ContainsKey(r.CaseId)).Select(r => $"{r.CaseId} passes; remove it from the known failures ({known[r.CaseId]})").ToList();
        Assert.Multiple(() =>
        {
            Assert.That(results, Has.Count.EqualTo(level == SbmlTestLevel.L3V2 ? 809 : 666), "cases with a file at this level");
            Assert.That(unexpectedFailures, Is.Empty, "failing cases that are not in the known-failure list");
            Assert.That(unexpectedPasses, Is.Empty, "listed known failures that pass");
        });
    }

    [Test]
    public void KnownFailureList_NamesOnlyExistingCases_WithReasons()
    {
        foreach (var (caseId, level, reason) in KnownFailures())
        {
            Assert.That(SbmlTestSuiteRunner.ModelFile(TestData.Case(caseId), level), Is.Not.Null, $"{caseId} has no file at {level}");
            Assert.That(reason, Is.Not.Empty, $"{caseId} needs a reason");
        }
    }

    [Test]
    public void EveryStageOfTheCatalogue_IsCoveredByTheCaseFolders()
    {
        var catalog = SbmlTestCaseInfo.ReadCatalog(Path.Combine(TestData.SbmlTestSuite, "cases.tsv"));
        var folders = SbmlTestSuiteRunner.FindCaseFolders(TestData.SbmlTestSuite).Select(Path.GetFileName).ToList();
        Assert.That(folders, Is.EquivalentTo(catalog.Keys));
        Assert.That(catalog.Values.GroupBy(c => c.Stage).ToDictionary(g => g.Key, g => g.Count()), Is.EquivalentTo(new Dictionary<string, int> { ["S0"] = 222, ["S1"] = 456, ["S2"] = 134 }));
    }

    [TestCase(SbmlTestLevel.L3V2)]
    [TestCase(SbmlTestLevel.L2V4)]
    public void WrittenModels_ReadBackToEqualNetworks_AndStillPassTheirCases(SbmlTestLevel level)
    {
        var runner = new SbmlTestSuiteRunner();
        var known = KnownFailures().Where(k => k.Level == level).Select(k => k.CaseId).ToHashSet();
        var problems = new System.Collections.Concurrent.ConcurrentBag<string>();
        var folders = SbmlTestSuiteRunner.FindCaseFolders(TestData.SbmlTestSuite);
        Parallel.ForEach(folders, folder =>
        {
            string? file = SbmlTestSuiteRunner.ModelFile(folder, level);
            string id = Path.GetFileName(folder);
            if (file is null || known.Contains(id))
            {
                return;
            }

            var original = SbmlReader.ReadFile(file);
            var reread = SbmlReader.Parse(SbmlWriter.ToXml(original.Network));
            if (NetworkDifference.Find(original.Network, reread.Network) is { } difference)
            {
                problems.Add($"{id}: {difference}");
            }

            // Renamed ids (INF → INF_, …) are written under their new names; the case's variables keep the old ones.
            var copy = new SbmlDocument(reread.Level, reread.Version, reread.Network, original.RenamedIds);
            var result = runner.RunDocument(folder, copy, "written copy");
            if (!result.Passed)
            {
                problems.Add(result.ToString());
            }
        });
        Assert.That(problems.Order(StringComparer.Ordinal), Is.Empty);
    }

    private static IEnumerable<(string CaseId, SbmlTestLevel Level, string Reason)> KnownFailures()
    {
        foreach (string line in File.ReadLines(TestData.KnownFailures).Skip(1))
        {
            if (line.Trim().Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var cells = line.Split('\t');
            yield return (cells[0].Trim(), Enum.Parse<SbmlTestLevel>(cells[1].Trim(), ignoreCase: true), cells.Length > 2 ? cells[2].Trim() : string.Empty);
        }
    }

    private static void Report(SbmlTestLevel level, SbmlTestSuiteRunner runner, List<SbmlTestCaseResult> results, IReadOnlyDictionary<string, SbmlTestCaseInfo> catalog)
    {
        var output = TestContext.Progress;
        output.WriteLine($"SBML Test Suite, {level} files, solver {runner.Solver.Name}:");
        foreach (var (stage, passed, total) in SbmlTestSuiteRunner.CountByStage(results, catalog))
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {stage}: passed {passed} of {total}"));
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  passed {results.Count(r => r.Passed)} of {results.Count}"));
    }
}
