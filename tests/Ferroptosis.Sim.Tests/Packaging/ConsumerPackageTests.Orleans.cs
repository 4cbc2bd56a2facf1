using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Ferroptosis.Sim.Analysis;
using Ferroptosis.Sim.Distributed;
using Ferroptosis.Sim.Tests.Distributed;

namespace Ferroptosis.Sim.Tests.Packaging;

/// <summary>The ferrosim-orleans tool from the same local feed: a lean package without the Roslyn assemblies Orleans' code generation needs at build time only, and, installed, it hosts a silo and runs a plan on it into the in-process bytes.</summary>
public sealed partial class ConsumerPackageTests
{
    [Test]
    public void OrleansTool_IsLean_WithoutRoslyn_SymbolsOrDocumentation()
    {
        var file = new FileInfo(Path.Combine(_feed, $"ferrosim-orleans.{_version}.nupkg"));
        Assert.That(file.Exists, Is.True, "no ferrosim-orleans package");
        using var package = System.IO.Compression.ZipFile.OpenRead(file.FullName);
        var tool = package.Entries.Where(e => e.FullName.StartsWith("tools/", StringComparison.Ordinal)).Select(e => e.FullName).ToArray();

        Assert.Multiple(() =>
        {
            Assert.That(File.Exists(Path.Combine(_feed, $"ferrosim-orleans.{_version}.snupkg")), Is.False, "no symbol package for the tool");
            Assert.That(tool, Has.Some.EndsWith("/ferrosim-orleans.dll").And.Some.EndsWith("/Ferroptosis.Sim.Orleans.dll").And.Some.EndsWith("/Ferroptosis.Sim.Distributed.dll"));
            Assert.That(tool, Has.None.Contains("/Microsoft.CodeAnalysis"), "Roslyn is a build-time dependency of Orleans' code generation only");
            Assert.That(tool, Has.None.EndsWith(".pdb"), "debug information is embedded, no .pdb files");
            Assert.That(tool.Where(f => f.EndsWith(".xml", StringComparison.Ordinal) && !f.EndsWith("/DotnetToolSettings.xml", StringComparison.Ordinal)), Is.Empty, "no XML documentation");
            Assert.That(tool, Has.None.EndsWith(".resources.dll"), "English messages only");
        });
        TestContext.Out.WriteLine($"ferrosim-orleans package: {file.Length / 1_000_000.0:F1} MB, {tool.Length} files");
    }

    [Test]
    public async Task OrleansTool_Installs_HostsASilo_AndRunsAPlanIntoTheInProcessBytes()
    {
        string tools = Path.Combine(_work, "orleans-tools");
        Dotnet(_work, "tool", "install", "ferrosim-orleans", "--tool-path", tools, "--version", _version, "--add-source", _feed);
        string program = Path.Combine(tools, OperatingSystem.IsWindows() ? "ferrosim-orleans.exe" : "ferrosim-orleans");
        string planFolder = Path.Combine(_work, "orleans-plan");
        var plan = EnsembleTestKit.DecayPlan(planFolder, runs: 40, runsPerShard: 10);
        string planPath = EnsembleTestKit.Save(plan, planFolder);
        var reference = new ShardFolder(Path.Combine(_work, "orleans-inprocess"));
        await EnsembleShards.RunInProcessAsync(EnsembleWorkload.Load(plan, planFolder), reference);
        int[] ports = FreePorts(2);
        using var silo = Process.Start(new ProcessStartInfo(program, ["silo", "--port", $"{ports[0]}", "--gateway-port", $"{ports[1]}", "--cluster-id", "package"]) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        try
        {
            using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90)))
            {
                string? line;
                while ((line = await silo.StandardOutput.ReadLineAsync(timeout.Token)) is not null && !line.Contains("running until stopped", StringComparison.Ordinal))
                {
                }

                if (line is null)
                {
                    Assert.Fail($"the installed silo exited before it ran: {await silo.StandardError.ReadToEndAsync(timeout.Token)}");
                }
            }

            _ = silo.StandardOutput.ReadToEndAsync();
            _ = silo.StandardError.ReadToEndAsync();
            var shards = new ShardFolder(Path.Combine(_work, "orleans-shards"));

            string output = Run(program, _work, "run", "--plan", planPath, "--out", shards.Path, "--gateway", $"127.0.0.1:{ports[1]}", "--cluster-id", "package");

            // The shard files are the in-process bytes; the result differs only in the library version it records,
            // which shows that the installed tool ran the packed library.
            string expected = File.ReadAllText(reference.ResultPath), actual = File.ReadAllText(shards.ResultPath);
            string expectedVersion = LibraryVersion(expected), actualVersion = LibraryVersion(actual);
            Assert.Multiple(() =>
            {
                Assert.That(output, Does.Contain("4 shards run on 1 silo(s)"));
                for (int s = 0; s < plan.ShardCount; s++)
                {
                    Assert.That(File.ReadAllBytes(shards.ParquetPath(s)), Is.EqualTo(File.ReadAllBytes(reference.ParquetPath(s))), $"shard {s} parquet");
                    Assert.That(File.ReadAllBytes(shards.PartialPath(s)), Is.EqualTo(File.ReadAllBytes(reference.PartialPath(s))), $"shard {s} partial");
                }

                Assert.That(actualVersion, Does.StartWith(_version), "the packed library's version");
                Assert.That(actual.Replace(actualVersion, expectedVersion, StringComparison.Ordinal), Is.EqualTo(expected), "result.json apart from the version");
            });
        }
        finally
        {
            silo.Kill(entireProcessTree: true);
            await silo.WaitForExitAsync();
        }
    }

    private static string LibraryVersion(string result)
    {
        using var document = System.Text.Json.JsonDocument.Parse(result);
        return document.RootElement.GetProperty("provenance").GetProperty("libraryVersion").GetString()!;
    }

    private static int[] FreePorts(int count)
    {
        var listeners = Enumerable.Range(0, count).Select(_ => new TcpListener(IPAddress.Loopback, 0)).ToList();
        listeners.ForEach(l => l.Start());
        int[] ports = [.. listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port)];
        listeners.ForEach(l => l.Stop());
        return ports;
    }
}
