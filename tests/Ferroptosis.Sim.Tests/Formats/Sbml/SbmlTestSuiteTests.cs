using System.Collections.Concurrent;
using System.Globalization;
using Ferroptosis.Sim.Formats.Sbml;
using Ferroptosis.Sim.Formats.Sbml.TestSuite;

namespace Ferroptosis.Sim.Tests.Formats.Sbml;

/// <summary>The SBML Test Suite development cases (semantic, core ODE features): every case passes by the suite's own rule and tolerances, or is listed with a reason in tests/data/sbml-test-suite-known-failures.tsv.</summary>
/// <remarks>
/// One test per case and level (the Level 3 file, and the Level 2 Version 4 file where the case has one). The list
/// must stay honest: a listed case that passes fails its test as much as an unlisted case that fails. The passes per
/// stage are printed when the fixture ends.
/// </remarks>
[Parallelizable(ParallelScope.Children)]
public sealed class SbmlTestSuiteTests
{
    private static readonly SbmlTestSuiteRunner Runner = new();
    private static readonly ConcurrentDictionary<(SbmlTestLevel Level, string CaseId), SbmlTestCaseResult> Results = new();
    private static readonly Lazy<Dictionary<(string CaseId, SbmlTestLevel Level), string>> Known = new(() =>
        KnownFailures().ToDictionary(k => (k.CaseId, k.Level), k => k.Reason));

    private static readonly SbmlTestLevel[] Levels = [SbmlTestLevel.L3V2, SbmlTestLevel.L2V4];

    public static IEnumerable<TestCaseData> Cases()
    {
        foreach (var level in Levels)
        {
            foreach (string folder in SbmlTestSuiteRunner.FindCaseFolders(TestData.SbmlTestSuite))
            {
                if (SbmlTestSuiteRunner.ModelFile(folder, level) is not null)
                {
                    string id = Path.GetFileName(folder);
                    yield return new TestCaseData(id, level).SetName($"SbmlTestSuite_{id}_{level}");
                }
            }
        }
    }

    [TestCaseSource(nameof(Cases))]
    public void Case_PassesWithItsOwnTolerances_OrIsAListedKnownFailure(string caseId, SbmlTestLevel level)
    {
        var result = Runner.RunCase(TestData.Case(caseId), level);
        Results[(level, caseId)] = result;
        if (Known.Value.TryGetValue((caseId, level), out string? reason))
        {
            Assert.That(result.Passed, Is.False, $"{caseId} passes at {level}; remove it from the known failures ({reason}).");
        }
        else
        {
            Assert.That(result.Passed, result.ToString());
        }
    }

    [Test]
    public void TheSuiteHasItsCases_AtEachLevel_AndEveryStageIsCovered()
    {
        var catalog = SbmlTestCaseInfo.ReadCatalog(Path.Combine(TestData.SbmlTestSuite, "cases.tsv"));
        var folders = SbmlTestSuiteRunner.FindCaseFolders(TestData.SbmlTestSuite);
        Assert.That(folders.Select(Path.GetFileName), Is.EquivalentTo(catalog.Keys));
        Assert.That(catalog.Values.GroupBy(c => c.Stage).ToDictionary(g => g.Key, g => g.Count()), Is.EquivalentTo(new Dictionary<string, int> { ["S0"] = 222, ["S1"] = 456, ["S2"] = 134 }));
        Assert.That(folders.Count(f => SbmlTestSuiteRunner.ModelFile(f, SbmlTestLevel.L3V2) is not null), Is.EqualTo(809));
        Assert.That(folders.Count(f => SbmlTestSuiteRunner.ModelFile(f, SbmlTestLevel.L2V4) is not null), Is.EqualTo(666));
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

    [TestCase(SbmlTestLevel.L3V2)]
    [TestCase(SbmlTestLevel.L2V4)]
    public void WrittenModels_ReadBackToEqualNetworks_AndStillPassTheirCases(SbmlTestLevel level)
    {
        var problems = new ConcurrentBag<string>();
        Parallel.ForEach(SbmlTestSuiteRunner.FindCaseFolders(TestData.SbmlTestSuite), folder =>
        {
            string? file = SbmlTestSuiteRunner.ModelFile(folder, level);
            string id = Path.GetFileName(folder);
            if (file is null || Known.Value.ContainsKey((id, level)))
            {
                return;
            }

            var original = SbmlReader.ReadFile(file);
            var reread = SbmlReader.Parse(SbmlWriter.ToXml(original.Network));
            if (NetworkDifference.Find(WithLevel3Version2LocalNames(original.Network), reread.Network) is { } difference)
            {
                problems.Add($"{id}: {difference}");
            }

            // Renamed ids (INF → INF_, …) are written under their new names; the case's variables keep the old ones.
            var copy = new SbmlDocument(reread.Level, reread.Version, reread.Network, original.RenamedIds);
            var result = Runner.RunDocument(folder, copy, "written copy");
            if (!result.Passed)
            {
                problems.Add(result.ToString());
            }
        });
        Assert.That(problems.Order(StringComparer.Ordinal), Is.Empty);
    }

    /// <summary>The network as Level 3 Version 2 must name it: local parameters with the id of a species of their reaction renamed (the writer's rule).</summary>
    private static Ferroptosis.Sim.Modeling.Networks.ReactionNetwork WithLevel3Version2LocalNames(Ferroptosis.Sim.Modeling.Networks.ReactionNetwork n)
    {
        var globalIds = SbmlComponentWriter.GlobalIds(n);
        var reactions = n.Reactions.Select(r =>
        {
            var (law, locals) = SbmlComponentWriter.LocalParametersForLevel3Version2(r, globalIds);
            return new Ferroptosis.Sim.Modeling.Networks.Reaction(r.Id, r.Reactants, r.Products, law, r.Modifiers, locals.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal), r.IsReversible);
        });
        return new Ferroptosis.Sim.Modeling.Networks.ReactionNetwork(n.Id, n.Compartments, n.Species, n.Parameters, reactions, n.AssignmentRules, n.RateRules, n.InitialAssignments, n.Functions, n.Events, n.ConversionFactor);
    }

    [OneTimeTearDown]
    public void PrintPassesPerStage()
    {
        var catalog = SbmlTestCaseInfo.ReadCatalog(Path.Combine(TestData.SbmlTestSuite, "cases.tsv"));
        var output = TestContext.Progress;
        foreach (var level in Levels)
        {
            var results = Results.Where(r => r.Key.Level == level).Select(r => r.Value).ToList();
            if (results.Count == 0)
            {
                continue;
            }

            output.WriteLine($"SBML Test Suite, {level} files, solver {Runner.Solver.Name}:");
            foreach (var (stage, passed, _, total) in SbmlTestSuiteRunner.CountByStage(results, catalog))
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {stage}: passed {passed} of {total}"));
            }

            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  passed {results.Count(r => r.Passed)} of {results.Count}"));
        }
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
}
