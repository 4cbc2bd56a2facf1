using System.Text.RegularExpressions;
using Ferroptosis.Sim.Tests.Plotting;
using static Ferroptosis.Sim.Tests.Cli.CliTestKit;

namespace Ferroptosis.Sim.Tests.Cli;

/// <summary><c>ferrosim scan</c> driven in-process: grids, CSV columns, the 50 % dose against the model specification, figures, and cancellation.</summary>
public sealed partial class ScanCommandTests : TempFolderTests
{
    [Test]
    public void OneDimensional_ErastinScan_GivesTheSpecificationsIC50PerCellType()
    {
        string output = Path.Combine(Folder, "out");

        var run = Run("scan", "--model-version", "1", "--param", "erastin", "--range", "1:30:log15", "--readout", "survival@24h", "--cell", "all", "--out", output, "--parallel", "2");

        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        var (header, rows) = ReadCsv(Path.Combine(output, "scan.csv"));
        Assert.Multiple(() =>
        {
            Assert.That(header, Is.EqualTo(new[] { "cell_type", "erastin_uM", "survival_at_24h" }));
            Assert.That(rows, Has.Count.EqualTo(45));
            Assert.That(rows.Select(r => r[0]).Distinct(), Is.EqualTo(new[] { "osteoblast", "osteoclast", "osteocyte" }));
            Assert.That(Number(rows[0][1]), Is.EqualTo(1));
            Assert.That(Number(rows[14][1]), Is.EqualTo(30));
            Assert.That(rows.Select(r => Number(r[2])), Is.All.InRange(0.0, 1.0));
            Assert.That(File.Exists(Path.Combine(output, "scan.png")), Is.True);

            // Specification §15: erastin IC50 at 24 h — OB 6.9 µM, OC 2.8 µM, OCY 4.3 µM (±15 %); the 15-point grid
            // is interpolated in log dose.
            Assert.That(FiftyPercentDose(run.Output, "osteoblast"), Is.EqualTo(6.9).Within(15).Percent);
            Assert.That(FiftyPercentDose(run.Output, "osteoclast"), Is.EqualTo(2.8).Within(15).Percent);
            Assert.That(FiftyPercentDose(run.Output, "osteocyte"), Is.EqualTo(4.3).Within(15).Percent);
            Assert.That(Regex.Count(run.Output, @"sigmoidal\s+IC50 [0-9.]+ µM \["), Is.EqualTo(3), "a 4PL fit with its interval per cell type");
        });
    }

    [Test]
    public void OneDimensional_HemeOxygenaseScan_IsReportedAsBellShaped_NotFittedWithASigmoid()
    {
        string output = Path.Combine(Folder, "out");

        // The dual-role protocol of specification §15: survival at 36 h peaks at HO_OE ≈ 3 (0.47) between 0.20 and 0.02.
        var run = Run("scan", "--model-version", "1", "--param", "ho1-induction", "--range", "0.1:100:log13", "-p", "oxidative-stress=1.65@12h", "--readout", "survival@36h", "--out", output, "--plot", "svg");

        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        var peak = Regex.Match(run.Output, @"bell-shaped, peak at (?<at>[0-9.]+)");
        Assert.Multiple(() =>
        {
            Assert.That(peak.Success, Is.True, run.Output);
            Assert.That(Number(peak.Groups["at"].Value), Is.InRange(2.0, 5.0));
            Assert.That(run.Output, Does.Not.Match(@"[IE]C50 [0-9]"), "no fitted IC50/EC50");
            Assert.That(ReadCsv(Path.Combine(output, "scan.csv")).Header, Is.EqualTo(new[] { "cell_type", "ho1-induction", "survival_at_36h" }));
        });
    }

    [Test]
    public void TwoDimensional_RescueScan_WritesEveryPointAndAHeatMap_WithUnitsInTheRange()
    {
        string output = Path.Combine(Folder, "out");

        var run = Run("scan", "--model-version", "1", "--param", "erastin", "--range", "5,10", "--param", "fer1", "--range", "1nM:1uM:log4", "--readout", "t50", "--t-end", "24h", "--out", output, "--plot", "png,svg");

        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        var (header, rows) = ReadCsv(Path.Combine(output, "scan.csv"));
        Assert.Multiple(() =>
        {
            Assert.That(header, Is.EqualTo(new[] { "cell_type", "erastin_uM", "ferrostatin-1_uM", "t50" }));
            Assert.That(rows.Select(r => (Number(r[1]), Number(r[2]))), Is.EqualTo(new[] { (5.0, 0.001), (5, 0.01), (5, 0.1), (5, 1), (10, 0.001), (10, 0.01), (10, 0.1), (10, 1) }).Within(1e-12));

            // Model v1: erastin 10 µM with 1 nM Fer-1 still kills (t50 ≈ 16 h); 1 µM Fer-1 prevents death within 24 h (NaN).
            Assert.That(Number(rows[4][3]), Is.EqualTo(15.9).Within(1.5));
            Assert.That(rows[7][3], Is.EqualTo("NaN"));
            Assert.That(File.Exists(Path.Combine(output, "scan.svg")), Is.True);
        });
    }

    [Test]
    public void ModelFile_ScanOfAParameter_ReadsTheMaximumOfASpecies()
    {
        string model = Path.Combine(Folder, "decay.ant"), output = Path.Combine(Folder, "out");
        File.WriteAllText(model, DecayModel);

        var run = Run("scan", model, "--param", "k1", "--range", "0.5:2:4", "--readout", "B:max", "--t-end", "30", "--out", output, "--plot", "none", "--rtol", "1e-9", "--atol", "1e-12");

        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        var (header, rows) = ReadCsv(Path.Combine(output, "scan.csv"));
        Assert.That(header, Is.EqualTo(new[] { "k1", "B_max" }));
        foreach (var row in rows)
        {
            // B peaks at t* = ln(k1/k2)/(k1 − k2) with B(t*) = 10 (k2/k1)^(k2/(k1 − k2)); the 201-point grid samples near it.
            double k1 = Number(row[0]), k2 = 0.2;
            Assert.That(Number(row[1]), Is.EqualTo(10 * Math.Pow(k2 / k1, k2 / (k1 - k2))).Within(1).Percent);
        }
    }

    [Test]
    public void Cancellation_DuringAScan_StopsIt_WithExit130_AndNoFiles()
    {
        string output = Path.Combine(Folder, "out");
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        // 200 × 200 simulations take seconds (each one tens of microseconds or more), so the cancellation lands mid-scan.
        var run = Run(cancel.Token, "scan", "--param", "erastin", "--range", "1:30:log200", "--param", "fer1", "--range", "0.001:1:log200", "--out", output, "--parallel", "2");

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(130), run.ToString());
            Assert.That(run.Error, Does.Contain("cancelled"));
            Assert.That(FilesIn(output), Is.Empty);
        });
    }

    [Test]
    public void Cancellation_BeforeTheScanStarts_ExitsWith130_AndNoFiles()
    {
        string output = Path.Combine(Folder, "out");
        using var cancel = new CancellationTokenSource();
        cancel.Cancel();

        var run = Run(cancel.Token, "scan", "--param", "erastin", "--range", "1:30:log5", "--out", output);

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(130), run.ToString());
            Assert.That(FilesIn(output), Is.Empty);
        });
    }

    private static double FiftyPercentDose(string output, string cell)
    {
        var match = Regex.Match(output, cell + @"\s+\d+\s+\S+\s+\S+\s+(?<dose>[0-9.]+) µM");
        Assert.That(match.Success, Is.True, $"no 50 % dose for {cell} in:\n{output}");
        return Number(match.Groups["dose"].Value);
    }
}
