using Ferroptosis.Sim.Analysis;
using Ferroptosis.Sim.Distributed;

namespace Ferroptosis.Sim.Tests.Distributed;

/// <summary>Tier 0 of issue 16: shards and the reduce in-process — the same plan twice gives byte-identical files, 1, 7 and 64 shards give the same result, a shard run twice writes the same bytes.</summary>
public sealed class InProcessShardTests : Plotting.TempFolderTests
{
    private string PlanFolder => Path.Combine(Folder, "plan");

    [Test]
    public async Task SamePlanTwice_GivesByteIdenticalShardsAndResult()
    {
        var workload = EnsembleWorkload.Load(EnsembleTestKit.DecayPlan(PlanFolder), PlanFolder);
        var one = new ShardFolder(Path.Combine(Folder, "one"));
        var two = new ShardFolder(Path.Combine(Folder, "two"));

        await EnsembleShards.RunInProcessAsync(workload, one);
        await EnsembleShards.RunInProcessAsync(workload, two, execution: new ExecutionOptions { MaxDegreeOfParallelism = 1 });

        var names = Directory.GetFiles(one.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        Assert.That(names, Has.Count.EqualTo((2 * workload.Plan.ShardCount) + 1));
        foreach (string? name in names)
        {
            Assert.That(File.ReadAllBytes(Path.Combine(two.Path, name!)), Is.EqualTo(File.ReadAllBytes(Path.Combine(one.Path, name!))), name);
        }
    }

    [Test]
    public async Task OneSevenAndSixtyFourShards_GiveTheSameReducedResult()
    {
        var plan = EnsembleTestKit.DecayPlan(PlanFolder, runs: 320, runsPerShard: 320);
        var results = new List<string>();
        foreach (int perShard in new[] { 320, 46, 5 })
        {
            var sharded = plan with { RunsPerShard = perShard };
            var folder = new ShardFolder(Path.Combine(Folder, $"per{perShard}"));
            await EnsembleShards.RunInProcessAsync(EnsembleWorkload.Load(sharded, PlanFolder), folder);
            results.Add(File.ReadAllText(folder.ResultPath));
            Assert.That(sharded.ShardCount, Is.EqualTo(perShard switch { 320 => 1, 46 => 7, _ => 64 }));
        }

        Assert.Multiple(() =>
        {
            Assert.That(results[1], Is.EqualTo(results[0]));
            Assert.That(results[2], Is.EqualTo(results[0]));
            Assert.That(results[0], Does.Contain("\"runs\": 320").And.Contain(plan.ComputeHash()));
        });
    }

    [Test]
    public async Task ShardRunTwice_WritesIdenticalBytes_AndNoTemporaryFiles()
    {
        var workload = EnsembleWorkload.Load(EnsembleTestKit.DecayPlan(PlanFolder), PlanFolder);
        var folder = new ShardFolder(Path.Combine(Folder, "shards"));
        folder.EnsureWritable();

        await EnsembleShards.RunShardAsync(workload, 3, folder);
        byte[] parquet = File.ReadAllBytes(folder.ParquetPath(3)), partial = File.ReadAllBytes(folder.PartialPath(3));
        await EnsembleShards.RunShardAsync(workload, 3, folder, new ExecutionOptions { MaxDegreeOfParallelism = 1 });

        Assert.Multiple(() =>
        {
            Assert.That(File.ReadAllBytes(folder.ParquetPath(3)), Is.EqualTo(parquet));
            Assert.That(File.ReadAllBytes(folder.PartialPath(3)), Is.EqualTo(partial));
            Assert.That(Directory.GetFiles(folder.Path, "*.tmp"), Is.Empty);
        });
    }

    [Test]
    public async Task ParquetRows_AreThePerRunReadouts_AsFloat32()
    {
        var plan = EnsembleTestKit.DecayPlan(PlanFolder, precision: "float64");
        var workload = EnsembleWorkload.Load(plan with { Precision = "float32" }, PlanFolder);
        var reference = EnsembleWorkload.Load(plan, PlanFolder).Evaluate(50, 50);
        var folder = new ShardFolder(Path.Combine(Folder, "shards"));
        folder.EnsureWritable();

        await EnsembleShards.RunShardAsync(workload, 1, folder);
        var (runs, values) = await ShardParquet.ReadColumnAsync(folder.ParquetPath(1), "A@2");

        Assert.Multiple(() =>
        {
            Assert.That(runs, Is.EqualTo(Enumerable.Range(50, 50).Select(i => (long)i)));
            Assert.That(values, Is.EqualTo(Enumerable.Range(0, 50).Select(i => (double)(float)reference.Outputs[i * 3])));
        });
    }

    [Test]
    public async Task Reduce_MatchesStatisticsComputedFromTheRows()
    {
        var workload = EnsembleWorkload.Load(EnsembleTestKit.DecayPlan(PlanFolder), PlanFolder);
        var result = await EnsembleShards.RunInProcessAsync(workload, new ShardFolder(Path.Combine(Folder, "shards")));
        var rows = workload.Evaluate(0, (int)workload.Plan.Runs);
        double[] a = [.. Enumerable.Range(0, rows.Count).Select(i => rows.Outputs[i * 3])];
        double mean = a.Average(), sd = Math.Sqrt(a.Sum(x => (x - mean) * (x - mean)) / (a.Length - 1));
        var sorted = a.Order().ToArray();

        var summary = result.Output("A@2");

        Assert.Multiple(() =>
        {
            Assert.That(summary.Count, Is.EqualTo(300));
            Assert.That(summary.Mean, Is.EqualTo(mean).Within(1e-12).Percent);
            Assert.That(summary.StandardDeviation, Is.EqualTo(sd).Within(1e-9).Percent);
            Assert.That(summary.Minimum, Is.EqualTo(sorted[0]));
            Assert.That(summary.Maximum, Is.EqualTo(sorted[^1]));
            Assert.That(summary.Quantile(0.5), Is.EqualTo(sorted[149]).Within(0.4).Percent);
            Assert.That(summary.Quantile(0.95), Is.EqualTo(sorted[284]).Within(0.4).Percent);
            Assert.That(result.Output("B<1").Missing, Is.GreaterThan(0), "runs where B never falls below 1 are missing, not failed");
            Assert.That(result.Failures, Is.Empty);
        });
    }

    [Test]
    public async Task FailedRuns_AreCountedPerSolverStatus_AndListedByIndex()
    {
        var plan = EnsembleTestKit.DecayPlan(PlanFolder, runs: 20, runsPerShard: 6) with
        {
            Protocol = new EnsembleProtocol { EndTime = 10, MaxSteps = 3, Readouts = ["A@2"] },
        };
        var result = await EnsembleShards.RunInProcessAsync(EnsembleWorkload.Load(plan, PlanFolder), new ShardFolder(Path.Combine(Folder, "shards")));

        Assert.Multiple(() =>
        {
            Assert.That(result.Failures, Is.EqualTo(new Dictionary<string, long> { ["MaxStepsExceeded"] = 20 }));
            Assert.That(result.FailedRuns, Is.EqualTo(Enumerable.Range(0, 20).Select(i => (long)i)));
            Assert.That(result.Output("A@2").Count, Is.Zero);
        });
    }

    [Test]
    public void SlurmSplitArrays_KeepsEveryTaskIdBelowMaxArraySize()
    {
        var arrays = SlurmEnsemble.SplitArrays([0, 1, 2, 3, 4, 5, 9], 4);

        Assert.That(arrays.Select(a => (a.Offset, string.Join(',', a.TaskIds))), Is.EqualTo(new[] { (0, "0,1,2,3"), (4, "0,1"), (8, "1") }));
    }

    [Test]
    public async Task Reduce_WithMissingShards_ListsThemByIndex()
    {
        var plan = EnsembleTestKit.DecayPlan(PlanFolder);
        var folder = new ShardFolder(Path.Combine(Folder, "shards"));
        await EnsembleShards.RunInProcessAsync(EnsembleWorkload.Load(plan, PlanFolder), folder);
        File.Delete(folder.PartialPath(1));
        File.Delete(folder.ParquetPath(2));
        File.Delete(folder.PartialPath(3));

        var ex = Assert.ThrowsAsync<MissingShardsException>(() => EnsembleShards.ReduceAsync(plan, folder));

        Assert.Multiple(() =>
        {
            Assert.That(ex!.Shards, Is.EqualTo(new[] { 1, 2, 3 }));
            Assert.That(ex.Message, Does.Contain("3 shard(s) missing: 1-3"));
        });
    }
}
