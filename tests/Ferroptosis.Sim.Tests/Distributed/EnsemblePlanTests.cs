using Ferroptosis.Sim.Analysis;

namespace Ferroptosis.Sim.Tests.Distributed;

/// <summary>The ensemble plan: JSON round trip, versioning, hashing, sharding, and run inputs as a pure function of (plan, run index).</summary>
public sealed class EnsemblePlanTests : Plotting.TempFolderTests
{
    [Test]
    public void Plan_RoundTripsThroughJson_WithTheSameHash()
    {
        var plan = EnsembleTestKit.DecayPlan(Folder);

        var again = EnsemblePlan.FromJson(plan.ToJson());

        Assert.Multiple(() =>
        {
            Assert.That(again.ToJson(), Is.EqualTo(plan.ToJson()));
            Assert.That(again.ComputeHash(), Is.EqualTo(plan.ComputeHash()));
            Assert.That(again.ComputeHash(), Has.Length.EqualTo(64));
        });
    }

    [Test]
    public void Hash_LeavesOutTheShardSize_ButNotTheSeed()
    {
        var plan = EnsembleTestKit.DecayPlan(Folder);

        Assert.Multiple(() =>
        {
            Assert.That((plan with { RunsPerShard = 7 }).ComputeHash(), Is.EqualTo(plan.ComputeHash()));
            Assert.That((plan with { Seed = 8 }).ComputeHash(), Is.Not.EqualTo(plan.ComputeHash()));
            Assert.That((plan with { Runs = 301 }).ComputeHash(), Is.Not.EqualTo(plan.ComputeHash()));
        });
    }

    [Test]
    public void UnknownVersion_IsRefusedByName()
    {
        string json = EnsembleTestKit.DecayPlan(Folder).ToJson().Replace("\"version\": 1", "\"version\": 9", StringComparison.Ordinal);

        var ex = Assert.Throws<FormatException>(() => EnsemblePlan.FromJson(json));

        Assert.That(ex!.Message, Does.Contain("Unknown plan version 9").And.Contain("version 1"));
    }

    [Test]
    public void NotAPlan_IsRefused()
    {
        var ex = Assert.Throws<FormatException>(() => EnsemblePlan.FromJson("{\"runs\": 3}"));

        Assert.That(ex!.Message, Does.Contain("Not an ensemble plan"));
    }

    [Test]
    public void ModelHashMismatch_IsRefused()
    {
        var plan = EnsembleTestKit.DecayPlan(Folder);
        File.AppendAllText(Path.Combine(Folder, "decay.ant"), "// edited\n");

        var ex = Assert.Throws<InvalidOperationException>(() => EnsembleWorkload.Load(plan, Folder));

        Assert.That(ex!.Message, Does.Contain("Model hash mismatch").And.Contain(plan.ModelSha256));
    }

    [Test]
    public void Shards_CoverTheRunsOnceInOrder()
    {
        var plan = EnsembleTestKit.DecayPlan(Folder, runs: 300, runsPerShard: 7);

        var ranges = Enumerable.Range(0, plan.ShardCount).Select(plan.ShardRange).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(plan.ShardCount, Is.EqualTo(43));
            Assert.That(ranges[0], Is.EqualTo((0L, 7)));
            Assert.That(ranges[^1], Is.EqualTo((294L, 6)));
            Assert.That(ranges.Sum(r => r.Count), Is.EqualTo(300));
            Assert.Throws<ArgumentOutOfRangeException>(() => plan.ShardRange(43));
        });
    }

    [Test]
    public void RunInputs_DependOnlyOnSeedAndRunIndex_AndMatchTheInProcessEnsemble()
    {
        var plan = EnsembleTestKit.DecayPlan(Folder, runs: 40, precision: "float64");
        var workload = EnsembleWorkload.Load(plan, Folder);

        var whole = workload.Evaluate(0, 40, new ExecutionOptions { MaxDegreeOfParallelism = 1 });
        var tail = workload.Evaluate(25, 15, new ExecutionOptions { MaxDegreeOfParallelism = 2 });
        var ensemble = Ensemble.Run(workload.Experiment, [InputDistribution.LogNormal(0.5, 0.3), InputDistribution.Uniform(0.5, 2)], new EnsembleOptions { Cells = 40, Seed = 7, KeepSamples = true });

        Assert.Multiple(() =>
        {
            Assert.That(tail.Inputs, Is.EqualTo(whole.Inputs.Skip(25 * 2)));
            Assert.That(tail.Outputs, Is.EqualTo(whole.Outputs.Skip(25 * 3)));
            Assert.That(Column(whole.Inputs, 2, 0), Is.EqualTo(ensemble.GetInputSamples("k1")));
            Assert.That(Column(whole.Inputs, 2, 1), Is.EqualTo(ensemble.GetInputSamples(ensemble.InputNames[1])));
            for (int o = 0; o < 3; o++)
            {
                Assert.That(Column(whole.Outputs, 3, o), Is.EqualTo(ensemble.GetSamples(ensemble.OutputNames[o])), ensemble.OutputNames[o]);
            }
        });
    }

    private static double[] Column(IReadOnlyList<double> rows, int width, int column) =>
        [.. Enumerable.Range(0, rows.Count / width).Select(i => rows[(i * width) + column])];

    [Test]
    public void GridPlan_AddressesPointsByMixedRadixIndex_LastInputFastest()
    {
        var plan = EnsembleTestKit.DecayPlan(Folder) with
        {
            Samples = new EnsembleSampleSource
            {
                Kind = EnsembleSampleSource.Grid,
                Inputs = [new EnsembleInput { Id = "k1", Values = [0.1, 0.2, 0.3] }, new EnsembleInput { Id = "k2", Values = [1, 2] }],
            },
            Runs = 6,
        };
        var workload = EnsembleWorkload.Load(plan, Folder);
        var x = new double[2];

        workload.InputsOf(3, x);

        Assert.Multiple(() =>
        {
            Assert.That(x, Is.EqualTo(new[] { 0.2, 2.0 }));
            Assert.Throws<FormatException>(() => (plan with { Runs = 5 }).Validate());
        });
    }
}
