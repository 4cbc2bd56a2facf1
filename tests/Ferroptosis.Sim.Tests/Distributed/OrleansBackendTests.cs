using Ferroptosis.Sim.Analysis;
using Ferroptosis.Sim.Distributed;
using Ferroptosis.Sim.Orleans;
using Orleans.Configuration;
using Orleans.TestingHost;

namespace Ferroptosis.Sim.Tests.Distributed;

/// <summary>The Orleans backend on a real multi-silo cluster in this process (Orleans.TestingHost): bit-identical to the in-process backend, and a silo killed mid-run costs retries, not results.</summary>
[Category("Orleans")]
[NonParallelizable]
public sealed class OrleansBackendTests : Plotting.TempFolderTests
{
    private string PlanFolder => Path.Combine(Folder, "plan");

    [Test]
    public async Task TwoSilos_EqualInProcess_AndAnotherShardCount_BitForBit()
    {
        var plan = EnsembleTestKit.DecayPlan(PlanFolder, runs: 240, runsPerShard: 20);
        string planPath = EnsembleTestKit.Save(plan, PlanFolder);
        var reference = new ShardFolder(Path.Combine(Folder, "inprocess"));
        await EnsembleShards.RunInProcessAsync(EnsembleWorkload.Load(plan, PlanFolder), reference);
        var coarse = new ShardFolder(Path.Combine(Folder, "inprocess-3-shards"));
        await EnsembleShards.RunInProcessAsync(EnsembleWorkload.Load(plan with { RunsPerShard = 80 }, PlanFolder), coarse);
        await using var cluster = await StartClusterAsync(2);
        var driver = new OrleansEnsemble(cluster.Client, planPath, new ShardFolder(Path.Combine(Folder, "orleans")), new OrleansEnsembleOptions { MaxConcurrentShards = 4, PollInterval = TimeSpan.FromMilliseconds(50) });

        var result = await driver.RunAsync(plan);

        Assert.Multiple(() =>
        {
            Assert.That(result.Runs, Is.EqualTo(240));
            Assert.That(driver.Attempts, Has.Count.EqualTo(plan.ShardCount), "one attempt per shard");
            Assert.That(driver.Attempts.Select(a => a.Shard).Order(), Is.EqualTo(Enumerable.Range(0, plan.ShardCount)));
            Assert.That(driver.Attempts.Select(a => a.Silo).Distinct().Count(), Is.EqualTo(2), "the shards ran on both silos");
            Assert.That(File.ReadAllBytes(driver.Folder.ResultPath), Is.EqualTo(File.ReadAllBytes(coarse.ResultPath)), "result.json equals that of 3 shards in-process");
        });
        ShardFiles.AssertSame(reference.Path, driver.Folder.Path, plan.ShardCount);
    }

    [Test]
    public async Task KillingASiloMidRun_CostsRetries_NotResults()
    {
        var plan = EnsembleTestKit.DecayPlan(PlanFolder, runs: 16_000, runsPerShard: 1000);
        string planPath = EnsembleTestKit.Save(plan, PlanFolder);
        var reference = new ShardFolder(Path.Combine(Folder, "inprocess"));
        await EnsembleShards.RunInProcessAsync(EnsembleWorkload.Load(plan, PlanFolder), reference);
        // The first secondary silo to start a shard is killed right then; until it is, its answers to polls are held
        // back, so the caller cannot have collected that shard: the kill always loses work in flight.
        var victimName = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var cluster = await StartClusterAsync(3, (options, silo) => silo.AddIncomingGrainCallFilter(async call =>
        {
            string method = call.ImplementationMethod.Name;
            if (method == nameof(IEnsembleShardGrain.StartAsync) && options.SiloName != "Primary")
            {
                victimName.TrySetResult(options.SiloName);
            }
            else if (method == nameof(IEnsembleShardGrain.PollAsync) && victimName.Task.IsCompleted && victimName.Task.Result == options.SiloName)
            {
                await Task.Delay(TimeSpan.FromSeconds(2));
            }

            await call.Invoke();
        }));
        var killed = victimName.Task.ContinueWith(t => cluster.KillSiloAsync(cluster.Silos.Single(s => s.Name == t.Result)), TaskScheduler.Default).Unwrap();
        var driver = new OrleansEnsemble(cluster.Client, planPath, new ShardFolder(Path.Combine(Folder, "orleans")), new OrleansEnsembleOptions { MaxConcurrentShards = 6, PollInterval = TimeSpan.FromMilliseconds(100), RetryDelay = TimeSpan.FromMilliseconds(200) });

        var result = await driver.RunAsync(plan);

        var failed = driver.Attempts.Where(a => !a.Succeeded).ToList();
        TestContext.Out.WriteLine(string.Join("\n", driver.Attempts));
        Assert.Multiple(() =>
        {
            Assert.That(killed.IsCompletedSuccessfully, "a silo was killed during the run");
            Assert.That(result.Runs, Is.EqualTo(16_000));
            Assert.That(failed, Is.Not.Empty, "shards in flight on the killed silo failed and were retried");
            Assert.That(failed.Select(a => a.Shard).All(s => driver.Attempts.Any(a => a.Shard == s && a.Succeeded) || driver.Folder.IsComplete(s)), "every failed shard was completed later");
        });
        ShardFiles.AssertSame(reference.Path, driver.Folder.Path, plan.ShardCount);
    }

    [Test]
    public async Task ChangedModelFile_StopsTheRunAtOnce_WithoutRetries()
    {
        var plan = EnsembleTestKit.DecayPlan(PlanFolder, runs: 40, runsPerShard: 20);
        string planPath = EnsembleTestKit.Save(plan, PlanFolder);
        File.AppendAllText(Path.Combine(PlanFolder, plan.ModelFile), "\n// edited after planning\n");
        await using var cluster = await StartClusterAsync(2);
        var driver = new OrleansEnsemble(cluster.Client, planPath, new ShardFolder(Path.Combine(Folder, "orleans")), new OrleansEnsembleOptions { PollInterval = TimeSpan.FromMilliseconds(50) });

        var error = Assert.ThrowsAsync<InvalidOperationException>(() => driver.RunAsync(plan));

        Assert.Multiple(() =>
        {
            Assert.That(error!.Message, Does.Contain("hash"));
            Assert.That(driver.Attempts, Is.Empty, "a plan error is not retried");
            Assert.That(driver.Folder.MissingShards(plan), Is.EqualTo(new[] { 0, 1 }));
        });
    }

    [Test]
    public void Retries_AreForTheClustersFaults_NotThePlans()
    {
        Assert.Multiple(() =>
        {
            Assert.That(OrleansEnsemble.IsRetryable(new SiloUnavailableException()), Is.True);
            Assert.That(OrleansEnsemble.IsRetryable(new OrleansException("connection refused")), Is.True);
            Assert.That(OrleansEnsemble.IsRetryable(new TimeoutException()), Is.True);
            Assert.That(OrleansEnsemble.IsRetryable(new IOException("disk")), Is.True);
            Assert.That(OrleansEnsemble.IsRetryable(new FileNotFoundException("model")), Is.False);
            Assert.That(OrleansEnsemble.IsRetryable(new InvalidOperationException("model hash mismatch")), Is.False);
            Assert.That(OrleansEnsemble.IsRetryable(new FormatException("plan")), Is.False);
        });
    }

    private static async Task<InProcessTestCluster> StartClusterAsync(short silos, Action<InProcessTestSiloSpecificOptions, ISiloBuilder>? configure = null)
    {
        var builder = new InProcessTestClusterBuilder(silos);
        if (configure is not null)
        {
            builder.ConfigureSilo(configure);
        }

        // A killed silo is declared dead within a few seconds (defaults: tens of seconds), and a call to it gives up after 5 s.
        builder.ConfigureSilo((_, silo) =>
        {
            silo.Configure<ClusterMembershipOptions>(o =>
            {
                o.ProbeTimeout = TimeSpan.FromMilliseconds(500);
                o.NumMissedProbesLimit = 2;
                o.NumVotesForDeathDeclaration = 1;
            });
            silo.Configure<SiloMessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromSeconds(5));
        });
        builder.ConfigureClient(client => client.Configure<ClientMessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromSeconds(5)));
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return cluster;
    }
}
