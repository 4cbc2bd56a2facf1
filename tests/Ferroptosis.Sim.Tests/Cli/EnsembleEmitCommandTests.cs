using Ferroptosis.Sim.Analysis;
using Ferroptosis.Sim.Distributed;
using static Ferroptosis.Sim.Tests.Cli.CliTestKit;

namespace Ferroptosis.Sim.Tests.Cli;

/// <summary><c>ferrosim ensemble emit</c>: the API's text on stdout or in a file, and its errors and exit codes.</summary>
public sealed class EnsembleEmitCommandTests : Plotting.TempFolderTests
{
    private (string Path, EnsemblePlan Plan) MakePlan()
    {
        string folder = Path.Combine(Folder, "plan");
        var plan = Distributed.EnsembleTestKit.DecayPlan(folder, runs: 350, runsPerShard: 50);
        return (Distributed.EnsembleTestKit.Save(plan, folder), plan);
    }

    [Test]
    public void Emit_ToStdout_IsExactlyTheApiText_LongLinesUnwrapped()
    {
        var (path, plan) = MakePlan();
        var expected = Distributed.EnsembleEmitterTests.GoldenOptions(EmitTarget.HTCondor);

        var run = Run("ensemble", "emit", "--target", "htcondor", "--plan", path, "--task-plan", expected.PlanPath, "--out", expected.ShardFolder,
            "--shard-command", "/opt/ferrosim/ferrosim", "--threads", "2", "--memory", "1024", "--throttle", "4");

        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        Assert.That(run.Output, Is.EqualTo(EnsembleEmitter.Emit(EmitTarget.HTCondor, plan, expected)));
        Assert.That(run.Output, Is.EqualTo(File.ReadAllText(Path.Combine(Distributed.EnsembleEmitterTests.DataFolder(), "htcondor.sub"))), "the golden file");
    }

    [Test]
    public void Emit_ToAFile_WritesItAndSummarisesTheArrays()
    {
        var (path, plan) = MakePlan();
        string file = Path.Combine(Folder, "jobs", "aws.json");

        var run = Run("ensemble", "emit", "--target", "aws-batch", "--plan", path, "--out", "/data/shards", "--image", "example/ferrosim", "--queue", "q", "--max-array-size", "3", "--file", file);

        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        Assert.That(run.Output, Does.Contain($"aws-batch: plan {plan.ComputeHash()[..12]}, 7 shards in 3 job(s) of 3 + 3 + 1").And.Contain(file));
        Assert.That(File.ReadAllText(file), Is.EqualTo(EnsembleEmitter.Emit(EmitTarget.AwsBatch, plan, new EmitterOptions
        {
            PlanPath = Path.GetFullPath(path),
            ShardFolder = "/data/shards",
            Image = "example/ferrosim",
            Queue = "q",
            MaxArraySize = 3,
        })));
    }

    [TestCase("k8s", "--queue", "q", "--target k8s needs --image")]
    [TestCase("aws-batch", "--image", "i", "--target aws-batch needs --queue")]
    [TestCase("aws-batch", "--max-array-size", "1", "--max-array-size 1: AWS Batch arrays hold 2 to 10000 jobs")]
    [TestCase("k8s", "--job-name", "My_Job", "JobName 'My_Job'")]
    public void BadOptions_Exit1_WithOneErrorLine(string target, string option, string value, string message)
    {
        var (path, _) = MakePlan();
        string[] extra = option == "--max-array-size" || option == "--job-name" ? ["--image", "i", "--queue", "q"] : [];

        var run = Run(["ensemble", "emit", "--target", target, "--plan", path, "--out", "/data/shards", option, value, .. extra]);

        Assert.That(run.ExitCode, Is.EqualTo(1), run.ToString());
        Assert.That(run.Error, Does.StartWith("error: ").And.Contain(message));
        Assert.That(run.Output, Is.Empty, "nothing half-written to stdout");
    }

    [Test]
    public void UnknownTarget_OrMissingPlan_Exit1()
    {
        var (path, _) = MakePlan();

        var unknown = Run("ensemble", "emit", "--target", "pbs", "--plan", path, "--out", "/s");
        var missing = Run("ensemble", "emit", "--target", "htcondor", "--plan", Path.Combine(Folder, "none.json"), "--out", "/s");

        Assert.That((unknown.ExitCode, missing.ExitCode), Is.EqualTo((1, 1)), unknown + "\n" + missing);
        Assert.That(unknown.Error, Does.Contain("pbs"));
        Assert.That(missing.Error, Does.Contain("no such plan file"));
    }
}
