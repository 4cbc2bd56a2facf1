using System.Diagnostics;
using Ferroptosis.Sim.Analysis;
using Ferroptosis.Sim.Distributed;
using Ferroptosis.Sim.Tests.Cli;

namespace Ferroptosis.Sim.Tests.Distributed;

/// <summary>Tier 1 of issue 16: the Slurm job-array backend against a real single-node Slurm (tests/slurm/start-slurm.sh; .ci/run starts it and exports SLURM_CONF).</summary>
/// <remarks>Without a reachable Slurm these tests are ignored locally and fail under CI=true.</remarks>
[Category("Slurm")]
[Category("Slow")]
[NonParallelizable]
public sealed class SlurmBackendTests : Plotting.TempFolderTests
{
    private static readonly string Tool = Path.Combine(AppContext.BaseDirectory, "ferrosim.dll");

    private string PlanFolder => Path.Combine(Folder, "plan");

    [SetUp]
    public void RequireSlurm()
    {
        string? problem = SlurmProblem();
        if (problem is null)
        {
            return;
        }

        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Fail(problem + " CI must start it (.ci/run runs tests/slurm/start-slurm.sh).");
        }

        Assert.Ignore(problem);
    }

    [Test]
    public async Task SixteenShardArray_ThroughTheCli_EqualsInProcessBitForBit()
    {
        var plan = EnsembleTestKit.DecayPlan(PlanFolder, runs: 160, runsPerShard: 10);
        string planPath = EnsembleTestKit.Save(plan, PlanFolder);
        var reference = new ShardFolder(Path.Combine(Folder, "inprocess"));
        await EnsembleShards.RunInProcessAsync(EnsembleWorkload.Load(plan, PlanFolder), reference);
        string slurm = Path.Combine(Folder, "slurm");

        var run = CliTestKit.Run("ensemble", "run", "--plan", planPath, "--out", slurm, "--backend", "slurm", "--shard-command", $"dotnet {Tool}", "--threads", "1");

        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        Assert.That(run.Output, Does.Contain("--array=0-15 (shards 0-15, attempt 1)"));
        ShardFiles.AssertSame(reference.Path, slurm, plan.ShardCount);
    }

    [Test]
    public async Task ShardThatFailsOnce_IsFoundMissing_ResubmittedAlone_AndTheResultIsIdentical()
    {
        var plan = EnsembleTestKit.DecayPlan(PlanFolder, runs: 80, runsPerShard: 10);
        string planPath = EnsembleTestKit.Save(plan, PlanFolder);
        var reference = new ShardFolder(Path.Combine(Folder, "inprocess"));
        await EnsembleShards.RunInProcessAsync(EnsembleWorkload.Load(plan, PlanFolder), reference);
        string marker = Path.Combine(Folder, "failed-once");
        string wrapper = Path.Combine(Folder, "fail-once.sh");
        File.WriteAllText(wrapper, $$"""
            #!/bin/bash
            # Shard 5 fails on its first attempt (no files written), then runs normally.
            prev=""; index=""
            for a in "$@"; do [ "$prev" = "--index" ] && index="$a"; prev="$a"; done
            if [ "$index" = "5" ] && [ ! -e '{{marker}}' ]; then touch '{{marker}}'; echo "injected failure" >&2; exit 1; fi
            exec dotnet '{{Tool}}' "$@"
            """.Replace("\r", "", StringComparison.Ordinal));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(wrapper, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        var driver = new SlurmEnsemble(planPath, new ShardFolder(Path.Combine(Folder, "slurm")), new SlurmOptions { ShardCommand = [wrapper], PollInterval = TimeSpan.FromSeconds(0.5) });

        var progress = new EnsembleProgressTests.Recorder();
        await driver.RunAsync(plan, progress);

        var done = progress.Values.Select(p => p.Done).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(done, Is.Ordered, "progress never goes back");
            Assert.That(progress.Values[0], Is.EqualTo(new EnsembleProgress(8, 0, 0, 0)));
            Assert.That(progress.Values[^1], Is.EqualTo(new EnsembleProgress(8, 8, 1, 1)), "ends at the total, with shard 5's failed try and its resubmission");
            Assert.That(progress.Values.Select(p => p.Failed), Is.Ordered);
            Assert.That(progress.Values.Select(p => p.Resubmitted), Is.Ordered);
            Assert.That(File.Exists(marker), "the injected failure happened");
            Assert.That(driver.Submissions.Select(s => (s.ArraySpec, s.Attempt)), Is.EqualTo(new[] { ("0-7", 1), ("5", 2) }));
            Assert.That(driver.Submissions[1].Shards, Is.EqualTo(new[] { 5 }));
        });
        ShardFiles.AssertSame(reference.Path, driver.Folder.Path, plan.ShardCount);
    }

    [Test]
    public async Task CancelledArrayTask_IsFoundMissing_ResubmittedAlone_AndTheResultIsIdentical()
    {
        var plan = EnsembleTestKit.DecayPlan(PlanFolder, runs: 60, runsPerShard: 10);
        string planPath = EnsembleTestKit.Save(plan, PlanFolder);
        var reference = new ShardFolder(Path.Combine(Folder, "inprocess"));
        await EnsembleShards.RunInProcessAsync(EnsembleWorkload.Load(plan, PlanFolder), reference);
        var driver = new SlurmEnsemble(planPath, new ShardFolder(Path.Combine(Folder, "slurm")), new SlurmOptions { ShardCommand = ["dotnet", Tool], Throttle = 1, PollInterval = TimeSpan.FromSeconds(0.5) });
        driver.WriteScript();

        // One task at a time, so task 4 is still pending when it is cancelled.
        var first = await driver.SubmitAsync([0, 1, 2, 3, 4, 5]);
        using (var scancel = Process.Start("scancel", $"{first[0].JobId}_4"))
        {
            await scancel.WaitForExitAsync();
            Assert.That(scancel.ExitCode, Is.Zero, "scancel");
        }

        await driver.WaitAsync([first[0].JobId]);
        Assert.That(driver.Folder.MissingShards(plan), Is.EqualTo(new[] { 4 }));
        await driver.RunAsync(plan);

        Assert.That(driver.Submissions.Skip(1).Select(s => s.ArraySpec), Is.EqualTo(new[] { "4%1" }));
        ShardFiles.AssertSame(reference.Path, driver.Folder.Path, plan.ShardCount);
    }

    [Test]
    public async Task ResubmitVerb_SubmitsOnlyTheMissingShards_ThenReduceEqualsInProcess()
    {
        var plan = EnsembleTestKit.DecayPlan(PlanFolder, runs: 40, runsPerShard: 10);
        string planPath = EnsembleTestKit.Save(plan, PlanFolder);
        var reference = new ShardFolder(Path.Combine(Folder, "inprocess"));
        await EnsembleShards.RunInProcessAsync(EnsembleWorkload.Load(plan, PlanFolder), reference);
        var slurm = new ShardFolder(Path.Combine(Folder, "slurm"));
        var workload = EnsembleWorkload.Load(plan, PlanFolder);
        foreach (int shard in new[] { 0, 2 })
        {
            await EnsembleShards.RunShardAsync(workload, shard, slurm);
        }

        var resubmit = CliTestKit.Run("ensemble", "resubmit", "--plan", planPath, "--out", slurm.Path, "--shard-command", $"dotnet {Tool}");
        Assert.That(resubmit.ExitCode, Is.Zero, resubmit.ToString());
        Assert.That(resubmit.Output, Does.Contain("--array=1,3 (shards 1,3)"));
        string jobId = resubmit.Output.Split("sbatch job ")[1].Split(':')[0];
        await new SlurmEnsemble(planPath, slurm, new SlurmOptions { PollInterval = TimeSpan.FromSeconds(0.5) }).WaitAsync([jobId]);
        var reduce = CliTestKit.Run("ensemble", "reduce", "--plan", planPath, "--out", slurm.Path);

        Assert.That(reduce.ExitCode, Is.Zero, reduce.ToString());
        ShardFiles.AssertSame(reference.Path, slurm.Path, plan.ShardCount);
    }

    [Test]
    public async Task PlanLargerThanMaxArraySize_IsSplitIntoOffsetArrays_AndTheResultIsIdentical()
    {
        var plan = EnsembleTestKit.DecayPlan(PlanFolder, runs: 60, runsPerShard: 10);
        string planPath = EnsembleTestKit.Save(plan, PlanFolder);
        var reference = new ShardFolder(Path.Combine(Folder, "inprocess"));
        await EnsembleShards.RunInProcessAsync(EnsembleWorkload.Load(plan, PlanFolder), reference);
        var driver = new SlurmEnsemble(planPath, new ShardFolder(Path.Combine(Folder, "slurm")), new SlurmOptions { ShardCommand = ["dotnet", Tool], MaxArraySize = 4, Throttle = 2, PollInterval = TimeSpan.FromSeconds(0.5) });

        await driver.RunAsync(plan);

        Assert.That(driver.Submissions.Select(s => (s.ArraySpec, s.Offset)), Is.EqualTo(new[] { ("0-3%2", 0), ("0-1%2", 4) }));
        ShardFiles.AssertSame(reference.Path, driver.Folder.Path, plan.ShardCount);
    }

    private static string? SlurmProblem()
    {
        if (Environment.GetEnvironmentVariable("SLURM_CONF") is not { Length: > 0 } conf || !File.Exists(conf))
        {
            return "No Slurm for the tests: SLURM_CONF is not set to a slurm.conf (start one with tests/slurm/start-slurm.sh).";
        }

        try
        {
            using var sinfo = Process.Start(new ProcessStartInfo("sinfo", "-h -o %a") { RedirectStandardOutput = true, RedirectStandardError = true })!;
            string output = sinfo.StandardOutput.ReadToEnd();
            sinfo.WaitForExit();
            return sinfo.ExitCode == 0 && output.Contains("up", StringComparison.Ordinal) ? null : $"Slurm at {conf} does not answer (sinfo exit {sinfo.ExitCode}).";
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            return $"Slurm's client tools are not installed ({ex.Message}).";
        }
    }
}
