using static Ferroptosis.Sim.Tests.Cli.CliTestKit;

namespace Ferroptosis.Sim.Tests.Cli;

/// <summary><c>ferrosim ensemble plan|run|shard|reduce|status</c> with the in-process backend, and their errors and exit codes.</summary>
public sealed class EnsembleCommandTests : Plotting.TempFolderTests
{
    private string MakePlan(params string[] extra)
    {
        string model = Path.Combine(Folder, "decay.ant");
        File.WriteAllText(model, DecayModel);
        string plan = Path.Combine(Folder, "plan", "plan.json");
        var run = Run(["ensemble", "plan", model, "--out", plan, "--runs", "120", "--runs-per-shard", "25", "--seed", "3", "--vary", "k1=lognormal(0.5,0.3)", "--vary", "fold:k2=uniform(0.5,2)", "-r", "A@2", "-r", "B:max", "--t-end", "10", .. extra]);
        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        return plan;
    }

    [Test]
    public void PlanRunStatus_InProcess_WritesShardsAndResult()
    {
        string plan = MakePlan();
        string shards = Path.Combine(Folder, "shards");

        var run = Run("ensemble", "run", "--plan", plan, "--out", shards);
        var status = Run("ensemble", "status", "--plan", plan, "--out", shards);

        Assert.Multiple(() =>
        {
            Assert.That(File.Exists(Path.Combine(Folder, "plan", "decay.ant")), "the model is copied beside the plan");
            Assert.That(run.ExitCode, Is.Zero, run.ToString());
            Assert.That(run.Output, Does.Contain("120 runs, 0 failed").And.Contain("A@2").And.Contain("B:max"));
            Assert.That(Directory.GetFiles(shards, "*.parquet"), Has.Length.EqualTo(5));
            Assert.That(status.Output, Does.Contain("5 complete, 0 missing").And.Contain("reduced:"));
        });
    }

    [Test]
    public void ShardsRunOneByOne_ThenReduce_EqualTheRunCommand()
    {
        string plan = MakePlan();
        string all = Path.Combine(Folder, "all"), one = Path.Combine(Folder, "one");
        Assert.That(Run("ensemble", "run", "--plan", plan, "--out", all).ExitCode, Is.Zero);

        foreach (int shard in new[] { 4, 2, 0, 3, 1 })
        {
            var run = Run("ensemble", "shard", "--plan", plan, "--index", shard.ToString(System.Globalization.CultureInfo.InvariantCulture), "--out", one, "--threads", "1");
            Assert.That(run.ExitCode, Is.Zero, run.ToString());
        }

        var reduce = Run("ensemble", "reduce", "--plan", plan, "--out", one);

        Assert.That(reduce.ExitCode, Is.Zero, reduce.ToString());
        Assert.That(File.ReadAllBytes(Path.Combine(one, "result.json")), Is.EqualTo(File.ReadAllBytes(Path.Combine(all, "result.json"))));
    }

    [Test]
    public void Reduce_WithMissingShards_ListsThemAndExits1()
    {
        string plan = MakePlan();
        string shards = Path.Combine(Folder, "shards");
        Run("ensemble", "shard", "--plan", plan, "--index", "1", "--out", shards);
        Run("ensemble", "shard", "--plan", plan, "--index", "2", "--out", shards);

        var reduce = Run("ensemble", "reduce", "--plan", plan, "--out", shards);
        var status = Run("ensemble", "status", "--plan", plan, "--out", shards);

        Assert.Multiple(() =>
        {
            Assert.That(reduce.ExitCode, Is.EqualTo(1), reduce.ToString());
            Assert.That(reduce.Error, Does.Contain("error: 3 shard(s) missing: 0,3-4"));
            Assert.That(status.Output, Does.Contain("2 complete, 3 missing: 0,3-4").And.Contain("not reduced yet"));
        });
    }

    [Test]
    public void UnknownPlanVersion_Exits1WithTheVersion()
    {
        string plan = MakePlan();
        File.WriteAllText(plan, File.ReadAllText(plan).Replace("\"version\": 1", "\"version\": 2", StringComparison.Ordinal));

        var run = Run("ensemble", "run", "--plan", plan, "--out", Path.Combine(Folder, "shards"));

        Assert.That(run.ExitCode, Is.EqualTo(1), run.ToString());
        Assert.That(run.Error, Does.Contain("Unknown plan version 2; this library reads version 1."));
    }

    [Test]
    public void ModelHashMismatch_Exits1AndWritesNothing()
    {
        string plan = MakePlan();
        File.AppendAllText(Path.Combine(Folder, "plan", "decay.ant"), "// changed\n");
        string shards = Path.Combine(Folder, "shards");

        var run = Run("ensemble", "shard", "--plan", plan, "--index", "0", "--out", shards);

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(1), run.ToString());
            Assert.That(run.Error, Does.Contain("Model hash mismatch"));
            Assert.That(FilesIn(shards).Where(f => f.EndsWith(".parquet", StringComparison.Ordinal)), Is.Empty);
        });
    }

    [Test]
    public void UnwritableShardFolder_Exits1BeforeComputing()
    {
        string plan = MakePlan();
        string file = Path.Combine(Folder, "a-file");
        File.WriteAllText(file, "");

        var run = Run("ensemble", "run", "--plan", plan, "--out", Path.Combine(file, "shards"));

        Assert.That(run.ExitCode, Is.EqualTo(1), run.ToString());
        Assert.That(run.Error, Does.Contain("is not writable"));
    }

    [Test]
    public void ShardIndexOutOfRange_Exits1()
    {
        string plan = MakePlan();

        var run = Run("ensemble", "shard", "--plan", plan, "--index", "5", "--out", Path.Combine(Folder, "shards"));

        Assert.That(run.ExitCode, Is.EqualTo(1), run.ToString());
        Assert.That(run.Error, Does.Contain("the plan has 5 shards (0 to 4)"));
    }

    [Test]
    public void Plan_WithABadDistributionOrReadout_Exits1()
    {
        string model = Path.Combine(Folder, "decay.ant");
        File.WriteAllText(model, DecayModel);
        string plan = Path.Combine(Folder, "p.json");

        var badDistribution = Run("ensemble", "plan", model, "--out", plan, "--runs", "10", "--vary", "k1=gamma(1,2)", "-r", "A@2", "--t-end", "10");
        var badReadout = Run("ensemble", "plan", model, "--out", plan, "--runs", "10", "--vary", "k1=uniform(1,2)", "-r", "A@@", "--t-end", "10");
        var unknownId = Run("ensemble", "plan", model, "--out", plan, "--runs", "10", "--vary", "kx=uniform(1,2)", "-r", "A@2", "--t-end", "10");

        Assert.Multiple(() =>
        {
            Assert.That(badDistribution.ExitCode, Is.EqualTo(1), badDistribution.ToString());
            Assert.That(badDistribution.Error, Does.Contain("Unknown distribution 'gamma'"));
            Assert.That(badReadout.ExitCode, Is.EqualTo(1), badReadout.ToString());
            Assert.That(badReadout.Error, Does.Contain("Cannot read the read-out 'A@@'"));
            Assert.That(unknownId.ExitCode, Is.EqualTo(1), unknownId.ToString());
            Assert.That(unknownId.Error, Does.Contain("kx"));
            Assert.That(File.Exists(plan), Is.False);
        });
    }

    [Test]
    public void GridPlan_RunsEveryPointOnce()
    {
        string model = Path.Combine(Folder, "decay.ant");
        File.WriteAllText(model, DecayModel);
        string plan = Path.Combine(Folder, "grid", "plan.json");

        var made = Run("ensemble", "plan", model, "--out", plan, "--grid", "k1=0.1:1:log4", "--grid", "k2=0.1,0.2,0.3", "-r", "A@2", "--t-end", "10", "--runs-per-shard", "5");
        var run = Run("ensemble", "run", "--plan", plan, "--out", Path.Combine(Folder, "shards"));

        Assert.Multiple(() =>
        {
            Assert.That(made.ExitCode, Is.Zero, made.ToString());
            Assert.That(made.Output, Does.Contain("12 runs (grid, 2 inputs, 1 read-outs) in 3 shards of 5"));
            Assert.That(run.ExitCode, Is.Zero, run.ToString());
            Assert.That(run.Output, Does.Contain("12 runs, 0 failed"));
        });
    }

    [Test]
    public void SobolPlan_PrintsTheIndices()
    {
        string model = Path.Combine(Folder, "decay.ant");
        File.WriteAllText(model, DecayModel);
        string plan = Path.Combine(Folder, "sobol", "plan.json");

        var made = Run("ensemble", "plan", model, "--out", plan, "--sobol", "30", "--vary", "k1=uniform(0.1,1)", "--vary", "k2=uniform(0.1,0.5)", "-r", "B@2", "--t-end", "10", "--runs-per-shard", "50");
        var run = Run("ensemble", "run", "--plan", plan, "--out", Path.Combine(Folder, "shards"));

        Assert.Multiple(() =>
        {
            Assert.That(made.ExitCode, Is.Zero, made.ToString());
            Assert.That(made.Output, Does.Contain("120 runs (saltelli, 2 inputs, 1 read-outs) in 3 shards of 48"));
            Assert.That(run.ExitCode, Is.Zero, run.ToString());
            Assert.That(run.Output, Does.Contain("Sobol indices").And.Contain("k1").And.Contain("k2"));
        });
    }

    [Test]
    public void MorrisPlan_PrintsTheElementaryEffects()
    {
        string model = Path.Combine(Folder, "decay.ant");
        File.WriteAllText(model, DecayModel);
        string plan = Path.Combine(Folder, "morris", "plan.json");

        var made = Run("ensemble", "plan", model, "--out", plan, "--morris", "10", "--levels", "4", "--vary", "k1=uniform(0.1,1)", "--vary", "k2=loguniform(0.1,0.5)", "-r", "B@2", "--t-end", "10", "--runs-per-shard", "10");
        var run = Run("ensemble", "run", "--plan", plan, "--out", Path.Combine(Folder, "shards"));

        Assert.Multiple(() =>
        {
            Assert.That(made.ExitCode, Is.Zero, made.ToString());
            Assert.That(made.Output, Does.Contain("30 runs (morris, 2 inputs, 1 read-outs) in 4 shards of 9"));
            Assert.That(run.ExitCode, Is.Zero, run.ToString());
            Assert.That(run.Output, Does.Contain("Morris elementary effects").And.Contain("k1").And.Contain("k2"));
        });
    }
}
