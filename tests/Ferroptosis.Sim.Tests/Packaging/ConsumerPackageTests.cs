using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Ferroptosis.Sim.Tests.Packaging;

/// <summary>The packages work from the outside: a fresh console project outside the solution references Ferroptosis.Sim and Ferroptosis.Sim.Plotting by version from a local feed and runs the README's library example; the ferrosim tool installs from the same feed and lists the built-in models; the ferrosim-orleans tool installs, hosts a silo and runs a plan on it.</summary>
/// <remarks>
/// The packages get a unique pre-release version, and the consumer restores into its own package folder
/// (with the machine's package cache as a read-only fallback), so no stale copy of the same version can
/// stand in for the freshly packed one.
/// </remarks>
[NonParallelizable]
[Category("Slow")]
public sealed partial class ConsumerPackageTests
{
    private string _work = null!;
    private string _feed = null!;
    private string _version = null!;

    [OneTimeSetUp]
    public void PackIntoALocalFeed()
    {
        _work = Directory.CreateTempSubdirectory("ferrosim-consumer-").FullName;
        _feed = Path.Combine(_work, "feed");
        _version = "0.0.0-consumer" + DateTime.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);
        string root = RepositoryRoot();
        foreach (string project in new[] { "src/Ferroptosis.Sim", "src/Ferroptosis.Sim.Plotting", "src/Ferroptosis.Sim.Cli", "src/Ferroptosis.Sim.Orleans.Host" })
        {
            Dotnet(root, "pack", Path.Combine(root, project), "-c", "Release", "-o", _feed, $"-p:Version={_version}", "-p:ContinuousIntegrationBuild=true");
        }

        string fallback = Environment.GetEnvironmentVariable("NUGET_PACKAGES") ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        File.WriteAllText(Path.Combine(_work, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="local" value="{_feed}" />
                <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
              </packageSources>
              <fallbackPackageFolders>
                <add key="machine" value="{fallback}" />
              </fallbackPackageFolders>
            </configuration>
            """);
    }

    [OneTimeTearDown]
    public void RemoveTheWorkFolder()
    {
        try
        {
            Directory.Delete(_work, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temporary folder is harmless.
        }
    }

    [Test]
    public void PackagesContainTheModels_Readmes_Symbols_AndDocumentation()
    {
        string[] files = Directory.GetFiles(_feed).Select(Path.GetFileName).ToArray()!;
        Assert.That(files, Does.Contain($"Ferroptosis.Sim.{_version}.nupkg").And.Contain($"Ferroptosis.Sim.{_version}.snupkg"));
        Assert.That(files, Does.Contain($"Ferroptosis.Sim.Plotting.{_version}.nupkg").And.Contain($"ferrosim.{_version}.nupkg"));
        using var package = System.IO.Compression.ZipFile.OpenRead(Path.Combine(_feed, $"Ferroptosis.Sim.{_version}.nupkg"));
        var entries = package.Entries.Select(e => e.FullName).ToArray();
        Assert.That(entries, Does.Contain("PACKAGE.md").And.Contain("lib/net10.0/Ferroptosis.Sim.xml").And.Contain("lib/net10.0/Ferroptosis.Sim.dll"));
        string nuspec = new StreamReader(package.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open()).ReadToEnd();
        Assert.That(nuspec, Does.Contain("<license type=\"expression\">MIT</license>").And.Contain("<readme>PACKAGE.md</readme>").And.Contain("<tags>"));
    }

    [Test]
    public void FerrosimTool_IsLean_OnePackagePerPlatform_WithoutSymbolsDocsOrOtherLanguages()
    {
        string[] rids = ["linux-x64", "linux-arm64", "linux-musl-x64", "osx-x64", "osx-arm64", "win-x64", "win-arm64", "win-x86", "any"];
        var pointer = new FileInfo(Path.Combine(_feed, $"ferrosim.{_version}.nupkg"));
        var sizes = new List<string> { $"pointer {pointer.Length / 1024} KB" };

        Assert.Multiple(() =>
        {
            Assert.That(pointer.Length, Is.LessThan(100_000), "the pointer package holds no binaries");
            Assert.That(File.Exists(Path.Combine(_feed, $"ferrosim.{_version}.snupkg")), Is.False, "no symbol package for the tool");
            foreach (string rid in rids)
            {
                var file = new FileInfo(Path.Combine(_feed, $"ferrosim.{rid}.{_version}.nupkg"));
                Assert.That(file.Exists, Is.True, $"no package for {rid}");
                if (!file.Exists)
                {
                    continue;
                }

                sizes.Add($"{rid} {file.Length / 1_000_000.0:F1} MB");
                using var package = System.IO.Compression.ZipFile.OpenRead(file.FullName);
                var tool = package.Entries.Where(e => e.FullName.StartsWith("tools/", StringComparison.Ordinal)).Select(e => e.FullName).ToArray();
                Assert.That(tool, Has.Some.EndsWith("/ferrosim.dll"), rid);
                Assert.That(tool, Has.None.EndsWith(".pdb"), $"{rid}: debug information is embedded, no .pdb files");
                Assert.That(tool.Where(f => f.EndsWith(".xml", StringComparison.Ordinal) && !f.EndsWith("/DotnetToolSettings.xml", StringComparison.Ordinal)), Is.Empty, $"{rid}: no XML documentation");
                Assert.That(tool, Has.None.EndsWith(".resources.dll"), $"{rid}: English messages only, no satellite resource sets");
                if (rid == "any")
                {
                    // The fallback for platforms without a package of their own (e.g. linux-arm) carries every platform's natives.
                    Assert.That(tool, Has.Some.Contains("/runtimes/linux-arm/native/"), "the fallback package serves the remaining platforms");
                    continue;
                }

                Assert.That(tool, Has.None.Contains("/runtimes/"), $"{rid}: only this platform's native libraries, placed beside the tool");
                Assert.That(file.Length, Is.LessThan(12_000_000), $"{rid}: {file.Length:N0} bytes (the one package for every platform was 44.5 MB)");
            }
        });
        TestContext.Out.WriteLine("ferrosim packages: " + string.Join(", ", sizes));
    }

    [Test]
    public void FreshConsoleProject_RunsTheReadmeExample_FromThePackages()
    {
        string project = Path.Combine(_work, "consumer");
        Directory.CreateDirectory(project);
        File.WriteAllText(Path.Combine(project, "consumer.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <ImplicitUsings>enable</ImplicitUsings>
                <Nullable>enable</Nullable>
                <RestorePackagesPath>{Path.Combine(_work, "packages")}</RestorePackagesPath>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Ferroptosis.Sim" Version="{_version}" />
                <PackageReference Include="Ferroptosis.Sim.Plotting" Version="{_version}" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(project, "Program.cs"), ReadmeLibraryExample());

        Dotnet(project, "build", "-c", "Release");
        string output = Dotnet(project, "run", "-c", "Release", "--no-build");

        Assert.That(output, Does.Match(@"erastin: t50 = 1[0-9]\.[0-9] h, survival at 24 h = 0\.[0-9]{2}"));
        Assert.That(output, Does.Contain("erastin + ferrostatin-1: survival at 24 h = 1.00"));
        Assert.That(File.Exists(Path.Combine(project, "output", "quickstart.png")), Is.True);
    }

    [Test]
    public void FerrosimTool_Installs_AndListsTheBuiltInModels()
    {
        string tools = Path.Combine(_work, "tools");
        Dotnet(_work, "tool", "install", "ferrosim", "--tool-path", tools, "--version", _version, "--add-source", _feed);

        string output = Run(Path.Combine(tools, OperatingSystem.IsWindows() ? "ferrosim.exe" : "ferrosim"), _work, "list");

        Assert.That(output, Does.Contain("ferroptosis").And.Contain("osteoblast").And.Contain("osteoclast").And.Contain("osteocyte"));
    }

    /// <summary>The first C# block under the README's "Simulating ferroptosis in bone cells".</summary>
    private static string ReadmeLibraryExample()
    {
        string readme = File.ReadAllText(Path.Combine(RepositoryRoot(), "README.md"));
        var match = ReadmeExample().Match(readme);
        Assert.That(match.Success, Is.True, "README.md has no C# example under '## Simulating ferroptosis in bone cells'");
        return match.Groups["code"].Value;
    }

    [GeneratedRegex(@"## Simulating ferroptosis in bone cells.*?```csharp\r?\n(?<code>.*?)```", RegexOptions.Singleline)]
    private static partial Regex ReadmeExample();

    private static string Dotnet(string directory, params string[] arguments) => Run("dotnet", directory, arguments);

    private static string Run(string program, string directory, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        bool exited = process.WaitForExit(TimeSpan.FromMinutes(10));
        Assert.That(exited, Is.True, $"{program} {string.Join(' ', arguments)} did not finish");
        Assert.That(process.ExitCode, Is.Zero, $"{program} {string.Join(' ', arguments)} failed:{Environment.NewLine}{stdout.Result}{Environment.NewLine}{stderr.Result}");
        return stdout.Result;
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Ferroptosis.Sim.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new DirectoryNotFoundException("The repository root was not found.");
    }
}
