using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Ferroptosis.Sim.Analysis;
using Ferroptosis.Sim.Distributed;

namespace Ferroptosis.Sim.Tests.Distributed;

/// <summary>Tier 2 of issue 16: a real 3-process Orleans cluster on loopback — two <c>ferrosim-orleans silo</c> processes and a <c>ferrosim-orleans run</c> client — equals the in-process result bit for bit, and killing a silo process mid-run costs retries, not results.</summary>
[Category("Orleans")]
[Category("Slow")]
[NonParallelizable]
public sealed class OrleansProcessTests : Plotting.TempFolderTests
{
    private static readonly string Tool = Path.Combine(AppContext.BaseDirectory, "ferrosim-orleans.dll");

    private readonly List<Process> _processes = [];

    private string PlanFolder => Path.Combine(Folder, "plan");

    [TearDown]
    public void StopProcesses()
    {
        foreach (var process in _processes)
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(10_000);
            }

            process.Dispose();
        }

        _processes.Clear();
    }

    [Test]
    public async Task TwoSiloProcesses_AndACliClient_EqualInProcess_WhenOneSiloIsKilledMidRun()
    {
        var plan = EnsembleTestKit.DecayPlan(PlanFolder, runs: 32_000, runsPerShard: 500);
        string planPath = EnsembleTestKit.Save(plan, PlanFolder);
        var reference = new ShardFolder(Path.Combine(Folder, "inprocess"));
        await EnsembleShards.RunInProcessAsync(EnsembleWorkload.Load(plan, PlanFolder), reference);
        int[] ports = FreePorts(4);
        var primary = await StartSiloAsync("--port", $"{ports[0]}", "--gateway-port", $"{ports[1]}", "--cluster-id", "tier2");
        var victim = await StartSiloAsync("--port", $"{ports[2]}", "--gateway-port", $"{ports[3]}", "--primary", $"127.0.0.1:{ports[0]}", "--cluster-id", "tier2");
        var shards = new ShardFolder(Path.Combine(Folder, "orleans"));

        var client = Start("run", "--plan", planPath, "--out", shards.Path, "--gateway", $"127.0.0.1:{ports[1]}", "--cluster-id", "tier2", "--throttle", "4", "--threads", "1");
        var output = client.StandardOutput.ReadToEndAsync();
        var errors = new List<string>();
        string victimPort = $"127.0.0.1:{ports[2]}:";
        bool killedMidRun = false;
        using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(150)))
        {
            // Kill the second silo as soon as it has completed a shard: the run goes on with shards placed on it.
            while (await client.StandardError.ReadLineAsync(timeout.Token) is { } line)
            {
                errors.Add(line);
                if (!killedMidRun && line.Contains(" done on ", StringComparison.Ordinal) && line.Contains(victimPort, StringComparison.Ordinal))
                {
                    victim.Kill(entireProcessTree: true);
                    killedMidRun = !client.HasExited;
                }
            }

            await client.WaitForExitAsync(timeout.Token);
        }

        string report = $"stdout:\n{await output}\nstderr:\n{string.Join('\n', errors)}";
        Assert.Multiple(() =>
        {
            Assert.That(killedMidRun, "the second silo ran shards and was killed while the run went on");
            Assert.That(client.ExitCode, Is.Zero, report);
            Assert.That(report, Does.Match(@"orleans: 64 shards run on 2 silo\(s\), \d+ attempt\(s\) lost with a silo, \d+ start\(s\) that reached no silo"));
            Assert.That(errors.Count(l => l.StartsWith("shard ", StringComparison.Ordinal)), Is.Positive, "tries lost to the killed silo were made again: " + report);
            Assert.That(primary.HasExited, Is.False, "the primary silo still runs");
        });
        ShardFiles.AssertSame(reference, shards, plan.ShardCount);
    }

    private static int[] FreePorts(int count)
    {
        var listeners = Enumerable.Range(0, count).Select(_ => new TcpListener(IPAddress.Loopback, 0)).ToList();
        listeners.ForEach(l => l.Start());
        int[] ports = [.. listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port)];
        listeners.ForEach(l => l.Stop());
        return ports;
    }

    private async Task<Process> StartSiloAsync(params string[] arguments)
    {
        var silo = Start(["silo", .. arguments]);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        while (await silo.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            if (line.Contains("running until stopped", StringComparison.Ordinal))
            {
                _ = silo.StandardOutput.ReadToEndAsync(CancellationToken.None);
                _ = silo.StandardError.ReadToEndAsync(CancellationToken.None);
                return silo;
            }
        }

        Assert.Fail($"silo {string.Join(' ', arguments)} exited before it ran: {await silo.StandardError.ReadToEndAsync()}");
        return silo;
    }

    private Process Start(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Tool);
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start)!;
        _processes.Add(process);
        return process;
    }
}
