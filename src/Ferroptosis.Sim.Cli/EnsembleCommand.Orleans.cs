using System.CommandLine;
using System.Globalization;
using System.Net;
using Ferroptosis.Sim.Analysis;
using Ferroptosis.Sim.Distributed;
using Ferroptosis.Sim.Orleans;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;

namespace Ferroptosis.Sim.Cli;

/// <summary>The Orleans side of <c>ensemble</c>: <c>silo</c> hosts a silo that runs shards; <c>run --backend orleans</c> connects to the cluster as a client and runs a plan on it.</summary>
/// <remarks>
/// Silos find each other through a primary silo (Orleans' development membership: the first silo started is the
/// primary, the others name it with <c>--primary</c>); clients name one or more gateways. The plan folder and the shard
/// folder must be on a file system every silo sees at the same path.
/// </remarks>
internal static partial class EnsembleCommand
{
    private const string DefaultClusterId = "ferrosim";

    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(20);

    private static Option<string> ClusterIdOption() => new("--cluster-id") { HelpName = "ID", Description = "Orleans: the cluster's id (default ferrosim); silos and clients of one cluster share it.", DefaultValueFactory = _ => DefaultClusterId };

    private static Command CreateSilo(CliContext context)
    {
        var address = new Option<string>("--address") { HelpName = "IP", Description = "The address other silos and clients reach this silo at (default 127.0.0.1).", DefaultValueFactory = _ => "127.0.0.1" };
        var port = new Option<int>("--port") { HelpName = "PORT", Description = "The silo-to-silo port (default 11111).", DefaultValueFactory = _ => 11111 };
        var gatewayPort = new Option<int>("--gateway-port") { HelpName = "PORT", Description = "The port clients connect to (default 30000).", DefaultValueFactory = _ => 30000 };
        var primary = new Option<string?>("--primary") { HelpName = "HOST:PORT", Description = "The primary silo's address and silo port (default: this silo is the primary)." };
        var clusterId = ClusterIdOption();
        var command = new Command("silo", "Host an Orleans silo that runs ensemble shards for 'ensemble run --backend orleans', until stopped (Ctrl+C).") { address, port, gatewayPort, primary, clusterId };
        command.SetAction((parse, cancellationToken) => context.GuardAsync(() =>
        {
            var ip = Address(parse.GetValue(address)!, "--address");
            int siloPort = parse.GetValue(port), clientPort = parse.GetValue(gatewayPort);
            var primaryEndpoint = parse.GetValue(primary) is { } p ? Endpoint(p, "--primary") : new IPEndPoint(ip, siloPort);
            string cluster = parse.GetValue(clusterId)!;
            var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
            // Warnings (e.g. a silo declared dead) but not the start-up notes about server GC and a slow first check.
            builder.Logging.AddConsole().SetMinimumLevel(LogLevel.Warning).AddFilter("Orleans.Runtime.Silo", LogLevel.Error).AddFilter("Orleans.Runtime.Watchdog", LogLevel.Error);
            builder.UseOrleans(silo =>
            {
                silo.UseDevelopmentClustering(primaryEndpoint);
                silo.Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (cluster, cluster));
                silo.Configure<EndpointOptions>(o => (o.AdvertisedIPAddress, o.SiloPort, o.GatewayPort) = (ip, siloPort, clientPort));
            });
            using var host = builder.Build();
            host.StartAsync(cancellationToken).GetAwaiter().GetResult();
            context.WriteLine(string.Create(CultureInfo.InvariantCulture, $"silo {ip}:{siloPort} (gateway port {clientPort}) in cluster '{cluster}', primary {primaryEndpoint}: running until stopped."));
            try
            {
                Task.Delay(Timeout.Infinite, cancellationToken).GetAwaiter().GetResult();
            }
            catch (OperationCanceledException)
            {
                // Ctrl+C or SIGTERM: leave the cluster cleanly.
            }

            host.StopAsync(CancellationToken.None).GetAwaiter().GetResult();
            context.WriteLine("silo stopped.");
            return ExitCodes.Success;
        }));
        return command;
    }

    /// <summary>Runs a plan on an Orleans cluster as a client; prints each completed shard and each failed try to stderr as they happen, and a summary at the end.</summary>
    private static EnsembleReduction RunOnOrleans(CliContext context, string planFile, EnsemblePlan plan, ShardFolder shards, string[] gateways, string clusterId, OrleansEnsembleOptions options, CancellationToken cancellationToken)
    {
        var endpoints = (gateways.Length > 0 ? gateways : ["127.0.0.1:30000"]).Select(g => Endpoint(g, "--gateway")).ToArray();
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.AddConsole().SetMinimumLevel(LogLevel.Error).AddFilter("Microsoft.Extensions.Hosting", LogLevel.None);
        builder.UseOrleansClient(client =>
        {
            client.UseStaticClustering(endpoints);
            client.Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (clusterId, clusterId));
        });
        using var host = builder.Build();
        // The client keeps trying to reach a gateway; give up after a while with a clear message.
        using (var connect = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            connect.CancelAfter(ConnectTimeout);
            try
            {
                host.StartAsync(connect.Token).GetAwaiter().GetResult();
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested && ex is OrleansException or TimeoutException or OperationCanceledException)
            {
                throw new CliException(string.Create(CultureInfo.InvariantCulture, $"Cannot reach the Orleans cluster '{clusterId}' at {string.Join(", ", endpoints.Select(e => e.ToString()))} within {ConnectTimeout.TotalSeconds:F0} s; start its silos with 'ferrosim ensemble silo' (same --cluster-id)."), ex);
            }
        }

        var driver = new OrleansEnsemble(host.Services.GetRequiredService<IClusterClient>(), planFile, shards, options);
        int pending = shards.MissingShards(plan).Count, done = 0;
        var progress = new AttemptReporter(a => context.Error.WriteLine(a.Succeeded
            ? string.Create(CultureInfo.InvariantCulture, $"[{Interlocked.Increment(ref done)}/{pending}] shard {a.Shard} done on {a.Silo}")
            : string.Create(CultureInfo.InvariantCulture, $"shard {a.Shard}, {(a.Started ? $"attempt {a.Attempt}" : "start")}: {a.Error}")));
        try
        {
            var result = Missing(() => driver.RunAsync(plan, progress, cancellationToken).GetAwaiter().GetResult());
            var attempts = driver.Attempts;
            context.WriteLine(string.Create(CultureInfo.InvariantCulture, $"orleans: {pending} shards run on {attempts.Where(a => a.Succeeded).Select(a => a.Silo).Distinct().Count()} silo(s), {attempts.Count(a => a.Started && !a.Succeeded)} attempt(s) lost with a silo, {attempts.Count(a => !a.Started)} start(s) that reached no silo; {plan.ShardCount - pending} shard(s) were already complete."));
            return result;
        }
        finally
        {
            host.StopAsync(CancellationToken.None).GetAwaiter().GetResult();
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
            return Dns.GetHostAddresses(text).FirstOrDefault() ?? throw new CliException($"{option} {text}: the host has no address.");
        }
        catch (System.Net.Sockets.SocketException ex)
        {
            throw new CliException($"{option} {text}: {ex.Message}", ex);
        }
    }

    private static IPEndPoint Endpoint(string text, string option)
    {
        int colon = text.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(text.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out int port) || port is < 1 or > 65535)
        {
            throw new CliException($"{option} {text}: expected HOST:PORT, e.g. 127.0.0.1:30000.");
        }

        return new IPEndPoint(Address(text[..colon], option), port);
    }

    /// <summary>Reports each try on the reporting thread (Progress&lt;T&gt; would post to a context).</summary>
    private sealed class AttemptReporter(Action<OrleansShardAttempt> report) : IProgress<OrleansShardAttempt>
    {
        public void Report(OrleansShardAttempt value) => report(value);
    }
}
