using System.Globalization;
using Ferroptosis.Sim.Pathway;

namespace Ferroptosis.Sim.Tests.Pathway.Contract;

/// <summary>The model-v2 behaviour contract (EB-28 … EB-39 of <c>model-v2-behaviours.md</c>, and EB-1 … EB-21 that stay in force), one test per behaviour.</summary>
/// <remarks>
/// Each behaviour's protocols run once on the embedded model v2 (<see cref="ContractSuite"/>); every pass criterion of the
/// contract becomes one <see cref="Crit"/> with its measured value and its bounds, exactly as the contract writes them. A
/// criterion the model does not meet is listed, with the reason, in <c>models/ferroptosis/v2/calibration/unmet-criteria.tsv</c>:
/// the test then asserts that it still fails (so a fix shows up as a failing test that asks for the line to be removed),
/// and every other criterion must pass. Nothing is loosened: the bounds are the contract's.
/// </remarks>
[Parallelizable(ParallelScope.All)]
public sealed class BehaviourContractTests
{
    /// <summary>The behaviours of the contract, as groups of the suite.</summary>
    public static readonly string[] Behaviours =
        ["EB-1", "EB-2", "EB-3", "EB-5", "EB-6", "EB-7", "EB-8", "EB-9", "EB-10", "EB-11", "EB-12", "EB-14", "EB-15", "EB-16", "EB-17", "EB-18", "EB-19", "EB-21", "EB-25",
         "EB-28", "EB-29", "EB-30", "EB-31", "EB-32", "EB-33", "EB-34", "EB-35", "EB-37", "EB-38", "EB-39"];

    [TestCaseSource(nameof(Behaviours))]
    public void Behaviour_meets_its_contract_criteria(string behaviour)
    {
        var criteria = ContractSuite.Criteria.Where(c => c.Eb == behaviour).OrderBy(c => c.Name, StringComparer.Ordinal).ToList();
        Assert.That(criteria, Is.Not.Empty, $"no criteria evaluated for {behaviour}");
        foreach (var c in criteria)
        {
            TestContext.Out.WriteLine(c.ToString());
        }

        var unexpectedFailures = criteria.Where(c => !c.Pass && c.Must && !UnmetCriteria.Contains(c)).ToList();
        var nowPassing = criteria.Where(c => c.Pass && UnmetCriteria.Contains(c)).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(unexpectedFailures, Is.Empty, () => "criteria that fail:\n" + string.Join('\n', unexpectedFailures));
            Assert.That(nowPassing, Is.Empty, () => "criteria listed as unmet in unmet-criteria.tsv that now pass (remove their lines):\n" + string.Join('\n', nowPassing));
        });
    }

    [Test]
    public void Every_unmet_criterion_in_the_ledger_exists_and_is_a_criterion_of_the_contract()
    {
        var names = ContractSuite.Criteria.Select(UnmetCriteria.Key).ToHashSet(StringComparer.Ordinal);
        // Lines of the population test (PopulationRobustnessTests, Slow) are checked there.
        var stale = UnmetCriteria.Keys.Where(k => !k.StartsWith("population|", StringComparison.Ordinal) && !names.Contains(k)).ToList();
        Assert.That(stale, Is.Empty, "lines of unmet-criteria.tsv that name no evaluated criterion");
    }

    [Test]
    public void The_contract_report_is_current()
    {
        string expected = ContractReport.Render(ContractSuite.Criteria);
        string actual = File.ReadAllText(ContractReport.Path).ReplaceLineEndings("\n");
        Assert.That(actual, Is.EqualTo(expected), "models/ferroptosis/v2/calibration/contract-report.md is stale; regenerate it with --filter Name=RegenerateContractReport");
    }

    [Test]
    [Explicit("Writes the contract report and the ledger of unmet criteria of model v2.")]
    public void RegenerateContractReport()
    {
        File.WriteAllText(ContractReport.Path, ContractReport.Render(ContractSuite.Criteria));
        Assert.That(File.Exists(ContractReport.Path), Is.True);
        TestContext.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{ContractSuite.Criteria.Count(c => c.Must && c.Pass)} of {ContractSuite.Criteria.Count(c => c.Must)} MUST criteria met"));
    }

    [Test]
    public void The_default_model_is_version_2() => Assert.That(FerroptosisModel.Default.Version, Is.EqualTo("2"));
}
