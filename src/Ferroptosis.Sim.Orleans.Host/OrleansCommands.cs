using System.CommandLine;
using System.Globalization;
using System.Net;
using Ferroptosis.Sim.Analysis;
using Ferroptosis.Sim.Distributed;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;

namespace Ferroptosis.Sim.Orleans.Host;

/// <summary>The commands of <c>ferrosim-orleans</c>: <c>silo</c> hosts a silo that runs shards; <c>run</c> connects to the cluster as a client and runs a plan on it.</summary>
/// <remarks>
/// Silos find each other through a primary silo (Orleans' development membership: the first silo started is the
/// primary, the others name it with <c>--primary</c>); clients name one or more gateways. The plan folder and the shard
/// folder must be on a file system every silo sees at the same path. Exit codes: 0 done, 1 bad input, an unreachable
/// cluster or shards still missing, 130 cancelled.
/// </remarks>
internal static class OrleansCommands
{
    private const string DefaultClusterId = "ferrosim";
    private const int InputError = 1;
    private const int Cancelled = 130;

    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(20);

    /// <summary>Creates the <c>silo</c> command.</summary>
    /// <returns>The command.</returns>
    public static Command CreateSilo()
    {
        var address = new Option<string>("--address") { HelpName = "IP", Description = "The address other silos and clients reach this silo at (default 127.0.0.1).", DefaultValueFactory = _ => "127.0.0.1" };
        var port = new Option<int>("--port") { HelpName = "PORT", Description = "The silo-to-silo port (default 11111).", DefaultValueFactory = _ => 11111 };
        var gatewayPort = new Option<int>("--gateway-port") { HelpName = "PORT", Description = "The port clients connect to (default 30000).", DefaultValueFactory = _ => 30000 };
        var primary = new Option<string?>("--primary") { HelpName = "HOST:PORT", Description = "The primary silo's address and silo port (default: this silo is the primary)." };
        var clusterId = ClusterIdOption();
        var command = new Command("silo", "Host a silo that runs ensemble shards, until stopped (Ctrl+C).") { address, port, gatewayPort, primary, clusterId };
        command.SetAction((parse, cancellationToken) => GuardAsync(async () =>
        {
            var ip = Address(parse.GetValue(address)!, "--address");
            int siloPort = parse.GetValue(port), clientPort = parse.GetValue(gatewayPort);
            var primaryEndpoint = parse.GetValue(primary) is { } p ? Endpoint(p, "--primary") : new IPEndPoint(ip, siloPort);
            string cluster = parse.GetValue(clusterId)!;
            var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
            // Warnings (e.g. a silo declared dead) but not the start-up notes about server GC and a slow first check.
            builder.Logging.AddConsole().SetMinimumLevel(LogLevel.Warning).AddFilter("Orleans.Runtime.Silo", LogLevel.Error).AddFilter("Orleans.Runtime.Watchdog", LogLevel.Error);
            builder.UseOrleans(silo =>
            {
                silo.UseDevelopmentClustering(primaryEndpoint);
                silo.Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (cluster, cluster));
                silo.Configure<EndpointOptions>(o => (o.AdvertisedIPAddress, o.SiloPort, o.GatewayPort) = (ip, siloPort, clientPort));
            });
            using var host = builder.Build();
            await host.StartAsync(cancellationToken).ConfigureAwait(false);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"silo {ip}:{siloPort} (gateway port {clientPort}) in cluster '{cluster}', primary {primaryEndpoint}: running until stopped."));
            try
            {
                await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // Ctrl+C or SIGTERM: leave the cluster cleanly.
            }

            await host.StopAsync(CancellationToken.None).ConfigureAwait(false);
            Console.WriteLine("silo stopped.");
            return 0;
        }));
        return command;
    }

    /// <summary>Creates the <c>run</c> command.</summary>
    /// <returns>The command.</returns>
    public static Command CreateRun()
    {
        var plan = new Option<string>("--plan") { Required = true, HelpName = "PLAN.json", Description = "The plan file (its model file beside it), at a path every silo sees." };
        var folder = new Option<string>("--out", "-o") { Required = true, HelpName = "DIR", Description = "The shard folder, at a path every silo sees." };
        var gateways = new Option<string[]>("--gateway") { HelpName = "HOST:PORT", Description = "A silo's gateway (default 127.0.0.1:30000; repeat for several)." };
        var clusterId = ClusterIdOption();
        var throttle = new Option<int>("--throttle") { HelpName = "T", Description = "At most T shards in flight over the cluster (default 8).", DefaultValueFactory = _ => 8 };
        var threads = new Option<int>("--threads") { HelpName = "N", Description = "Threads per shard on its silo (default 1).", DefaultValueFactory = _ => 1 };
        var attempts = new Option<int>("--attempts") { HelpName = "N", Description = "Starts per shard before giving up (default 3).", DefaultValueFactory = _ => 3 };
        var command = new Command("run", "Run every missing shard of a plan on the cluster, retrying shards lost with a silo, and reduce into result.json.") { plan, folder, gateways, clusterId, throttle, threads, attempts };
        command.SetAction((parse, cancellationToken) => GuardAsync(async () =>
        {
            string planFile = Path.GetFullPath(parse.GetValue(plan)!);
            var loaded = EnsemblePlan.Load(planFile);
            EnsembleWorkload.Load(loaded, Path.GetDirectoryName(planFile)!);
            var shards = new ShardFolder(parse.GetValue(folder)!);
            shards.EnsureWritable();
            var options = new OrleansEnsembleOptions { MaxConcurrentShards = parse.GetValue(throttle), ThreadsPerShard = parse.GetValue(threads), MaxAttempts = parse.GetValue(attempts) };
            var endpoints = (parse.GetValue(gateways) is { Length: > 0 } g ? g : ["127.0.0.1:30000"]).Select(e => Endpoint(e, "--gateway")).ToArray();
            string cluster = parse.GetValue(clusterId)!;
            var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
            builder.Logging.AddConsole().SetMinimumLevel(LogLevel.Error).AddFilter("Microsoft.Extensions.Hosting", LogLevel.None);
            builder.UseOrleansClient(client =>
            {
                client.UseStaticClustering(endpoints);
                client.Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (cluster, cluster));
            });
            using var host = builder.Build();
            await ConnectAsync(host, cluster, endpoints, cancellationToken).ConfigureAwait(false);
            try
            {
                return await RunAsync(host.Services.GetRequiredService<IClusterClient>(), planFile, loaded, shards, options, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                await host.StopAsync(CancellationToken.None).ConfigureAwait(false);
            }
        }));
        return command;
    }

    private static Option<string> ClusterIdOption() => new("--cluster-id") { HelpName = "ID", Description = "The cluster's id (default ferrosim); silos and clients of one cluster share it.", DefaultValueFactory = _ => DefaultClusterId };

    /// <summary>Runs the plan; prints each completed shard and each failed try to stderr as they happen, then a summary and the read-outs.</summary>
    private static async Task<int> RunAsync(IClusterClient client, string planFile, EnsemblePlan plan, ShardFolder shards, OrleansEnsembleOptions options, CancellationToken cancellationToken)
    {
        var driver = new OrleansEnsemble(client, planFile, shards, options);
        int pending = shards.MissingShards(plan).Count, done = 0;
        var progress = new AttemptReporter(a => Console.Error.WriteLine(a.Succeeded
            ? string.Create(CultureInfo.InvariantCulture, $"[{Interlocked.Increment(ref done)}/{pending}] shard {a.Shard} done on {a.Silo}")
            : string.Create(CultureInfo.InvariantCulture, $"shard {a.Shard}, {(a.Started ? $"attempt {a.Attempt}" : "start")}: {a.Error}")));
        var result = await driver.RunAsync(plan, progress, cancellationToken).ConfigureAwait(false);
        var attempts = driver.Attempts;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"orleans: {pending} shards run on {attempts.Where(a => a.Succeeded).Select(a => a.Silo).Distinct().Count()} silo(s), {attempts.Count(a => a.Started && !a.Succeeded)} attempt(s) lost with a silo, {attempts.Count(a => !a.Started)} start(s) that reached no silo; {plan.ShardCount - pending} shard(s) were already complete."));
        long failed = result.Failures.Values.Sum();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{result.Runs} runs, {failed} failed; plan {result.PlanHash[..12]}, {result.Solver}"));
        foreach (var o in result.Outputs)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {o.Name}: count {o.Count}, mean {o.Mean:G5}, sd {o.StandardDeviation:G5}, median {o.Quantile(0.5):G5}, min {o.Minimum:G5}, max {o.Maximum:G5}"));
        }

        Console.WriteLine($"Wrote: {Path.GetFullPath(shards.ResultPath)}");
        return 0;
    }

    private static async Task ConnectAsync(IHost host, string cluster, IPEndPoint[] endpoints, CancellationToken cancellationToken)
    {
        // The client keeps trying to reach a gateway; give up after a while with a clear message.
        using var connect = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        connect.CancelAfter(ConnectTimeout);
        try
        {
            await host.StartAsync(connect.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested && ex is OrleansException or TimeoutException or OperationCanceledException)
        {
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"Cannot reach the Orleans cluster '{cluster}' at {string.Join(", ", endpoints.Select(e => e.ToString()))} within {ConnectTimeout.TotalSeconds:F0} s; start its silos with 'ferrosim-orleans silo' (same --cluster-id)."), ex);
        }
    }

    /// <summary>Runs a command body; reports errors as one line on stderr with exit code 1, cancellation with 130.</summary>
    private static async Task<int> GuardAsync(Func<Task<int>> body)
    {
        try
        {
            return await body().ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            await Console.Error.WriteLineAsync("cancelled: no output files were written for the unfinished work.").ConfigureAwait(false);
            return Cancelled;
        }
        catch (Exception ex) when (ex is InvalidOperationException or IOException or FormatException or ArgumentException or OrleansException or UnauthorizedAccessException)
        {
            await Console.Error.WriteLineAsync($"error: {ex.Message}").ConfigureAwait(false);
            return InputError;
        }
    }

    private static IPAddress Address(string text, string option)
    {
        if (IPAddress.TryParse(text, out var ip))
        {
            return ip;
        }

        try
        {
            return Dns.GetHostAddresses(text).FirstOrDefault() ?? throw new ArgumentException($"{option} {text}: the host has no address.");
        }
        catch (System.Net.Sockets.SocketException ex)
        {
            throw new ArgumentException($"{option} {text}: {ex.Message}", ex);
        }
    }

    private static IPEndPoint Endpoint(string text, string option)
    {
        int colon = text.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(text.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out int port) || port is < 1 or > 65535)
        {
            throw new ArgumentException($"{option} {text}: expected HOST:PORT, e.g. 127.0.0.1:30000.");
        }

        return new IPEndPoint(Address(text[..colon], option), port);
    }

    /// <summary>Reports each try on the reporting thread (Progress&lt;T&gt; would post to a context).</summary>
    private sealed class AttemptReporter(Action<OrleansShardAttempt> report) : IProgress<OrleansShardAttempt>
    {
        public void Report(OrleansShardAttempt value) => report(value);
    }
}
