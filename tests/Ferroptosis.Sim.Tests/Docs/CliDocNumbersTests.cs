using System.Text.RegularExpressions;
using Ferroptosis.Sim.Tests.Plotting;
using static Ferroptosis.Sim.Tests.Cli.CliTestKit;

namespace Ferroptosis.Sim.Tests.Docs;

/// <summary>Numbers docs/cli.md quotes from <c>ferrosim</c> output are the tool's current output: the erastin scan table and its IC50 summary, and the size estimate of a long run. A change of the model or of the tool that moves them fails here.</summary>
[Category("Slow")]
public sealed partial class CliDocNumbersTests : TempFolderTests
{
    [Test]
    public void TheErastinScanTable_IsTheToolsOutput()
    {
        string doc = File.ReadAllText(Path.Combine(Root(), "docs", "cli.md"));
        var run = Run("scan", "--param", "erastin", "--range", "0.1:100:log25", "--cell", "all", "--plot", "none", "--out", Folder);
        Assert.That(run.ExitCode, Is.Zero, run.ToString());

        var rows = run.Output.Split('\n').Select(l => l.TrimEnd()).Where(l => Regex.IsMatch(l, @"^\s+osteo\w+\s+25\s")).ToList();
        Assert.That(rows, Has.Count.EqualTo(3), run.Output);
        foreach (string row in rows)
        {
            Assert.That(doc, Does.Contain(row), "docs/cli.md shows this row of `ferrosim scan --param erastin --range 0.1:100:log25 --cell all`");
        }

        // The example's comment gives the three IC50s to two significant digits.
        var ic50 = rows.Select(r => double.Parse(Ic50().Match(r).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        string summary = string.Join(" / ", ic50.Select(v => v.ToString("G2", System.Globalization.CultureInfo.InvariantCulture)));
        Assert.That(doc, Does.Contain($"IC50 ≈ {summary} µM"));
    }

    [Test]
    public void TheSizeEstimateOfALongRun_IsTheToolsEstimate()
    {
        string doc = File.ReadAllText(Path.Combine(Root(), "docs", "cli.md"));
        var run = Run("simulate", "--t-end", "1e5h", "--plot", "none", "--out", Folder);

        var estimate = Regex.Match(run.Error, @"([\d,]+) time points × (\d+) columns");
        Assert.That(estimate.Success, Is.True, run.ToString());
        Assert.That(doc, Does.Contain($"`--t-end 1e5h` at the default\n15 min spacing is {estimate.Groups[1].Value.Replace(',', ' ')} points × {estimate.Groups[2].Value} columns"));
    }

    private static string Root()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Ferroptosis.Sim.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new DirectoryNotFoundException("The repository root was not found above the test directory.");
    }

    [GeneratedRegex(@"IC50 ([\d.]+) µM")]
    private static partial Regex Ic50();
}
