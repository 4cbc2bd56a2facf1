using Ferroptosis.Sim.Analysis;
using Ferroptosis.Sim.Distributed;
using Ferroptosis.Sim.Tests.Cli;

namespace Ferroptosis.Sim.Tests.Distributed;

/// <summary>Progress of the in-process backend (the Slurm backend's is checked in <see cref="SlurmBackendTests"/>): reports never go back and end at the plan's shard count; the CLI prints them on request.</summary>
public sealed class EnsembleProgressTests : Plotting.TempFolderTests
{
    [Test]
    public async Task InProcess_ResumedRun_StartsAtTheCompleteShards_CountsUpByOne_EndsAtTotal()
    {
        string planFolder = Path.Combine(Folder, "plan");
        var plan = EnsembleTestKit.DecayPlan(planFolder, runs: 120, runsPerShard: 20);
        var workload = EnsembleWorkload.Load(plan, planFolder);
        var folder = new ShardFolder(Path.Combine(Folder, "shards"));
        foreach (int shard in new[] { 1, 4 })
        {
            await EnsembleShards.RunShardAsync(workload, shard, folder);
        }

        var reports = new Recorder();
        await EnsembleShards.RunInProcessAsync(workload, folder, resume: true, progress: reports);

        Assert.That(reports.Values.Select(r => r.Done), Is.EqualTo(new[] { 2, 3, 4, 5, 6 }), "2 shards were complete; the other 4 follow one by one");
        Assert.That(reports.Values, Has.All.Matches<EnsembleProgress>(r => r.Total == 6 && r.Failed == 0 && r.Resubmitted == 0));
    }

    [Test]
    public void Cli_Progress_PrintsOneLinePerShardOnStderr_OnlyWhenAsked()
    {
        string planFolder = Path.Combine(Folder, "plan");
        string plan = EnsembleTestKit.Save(EnsembleTestKit.DecayPlan(planFolder, runs: 60, runsPerShard: 20), planFolder);

        var quiet = CliTestKit.Run("ensemble", "run", "--plan", plan, "--out", Path.Combine(Folder, "a"));
        var shown = CliTestKit.Run("ensemble", "run", "--plan", plan, "--out", Path.Combine(Folder, "b"), "--progress");

        Assert.That((quiet.ExitCode, shown.ExitCode), Is.EqualTo((0, 0)), quiet + "\n" + shown);
        Assert.That(quiet.Error, Does.Not.Contain("progress:"), "stderr is not a terminal and --progress was not given");
        Assert.That(shown.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), Is.EqualTo(new[]
        {
            "progress: 0/3 shards done (0 %)",
            "progress: 1/3 shards done (33 %)",
            "progress: 2/3 shards done (67 %)",
            "progress: 3/3 shards done (100 %)",
        }));
        Assert.That(shown.Output, Is.EqualTo(quiet.Output.Replace(Path.Combine(Folder, "a"), Path.Combine(Folder, "b"), StringComparison.Ordinal)), "stdout is the same with and without progress");
    }

    /// <summary>Records reports synchronously (Progress&lt;T&gt; would post them to the thread pool, out of order).</summary>
    internal sealed class Recorder : IProgress<EnsembleProgress>
    {
        private readonly List<EnsembleProgress> _values = [];

        public IReadOnlyList<EnsembleProgress> Values
        {
            get
            {
                lock (_values)
                {
                    return [.. _values];
                }
            }
        }

        public void Report(EnsembleProgress value)
        {
            lock (_values)
            {
                _values.Add(value);
            }
        }
    }
}
