using System.Xml.Linq;
using Ferroptosis.Sim.Tests.Plotting;
using SkiaSharp;
using static Ferroptosis.Sim.Tests.Cli.CliTestKit;

namespace Ferroptosis.Sim.Tests.Cli;

/// <summary><c>ferrosim simulate</c> driven in-process: the files it writes exist, parse and hold the expected columns and values.</summary>
public sealed class SimulateCommandTests : TempFolderTests
{
    [Test]
    public void BuiltInModel_WritesOneCsvPerCellAndTheFigures_WithTheSpecificationsErastinResponse()
    {
        string output = Path.Combine(Folder, "out");

        var run = Run("simulate", "--model-version", "1", "--cell", "osteoblast", "--cell", "osteoclast", "--perturb", "erastin=10uM", "--t-end", "2d", "--plot", "png,svg", "--out", output);

        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        var (header, rows) = ReadCsv(Path.Combine(output, "osteoblast.csv"));
        int survival = Array.IndexOf(header, "surviving_fraction");
        var at24 = rows.Single(r => Number(r[0]) == 24);
        Assert.Multiple(() =>
        {
            Assert.That(header[0], Is.EqualTo("time_h"));
            Assert.That(header, Does.Contain("LPO").And.Contain("GSH").And.Contain("LIP").And.Contain("S"));
            Assert.That(rows, Has.Count.EqualTo(193), "0–48 h every 15 min");
            Assert.That(Number(rows[^1][0]), Is.EqualTo(48));

            // Model specification §15: erastin 10 µM, osteoblast, S(24 h) = 0.165 (tolerance ±0.05), S(48 h) = 0.074.
            Assert.That(Number(at24[survival]), Is.EqualTo(0.165).Within(0.05));
            Assert.That(Number(rows[^1][survival]), Is.EqualTo(0.074).Within(0.05));
            Assert.That(File.Exists(Path.Combine(output, "osteoclast.csv")), Is.True);
            Assert.That(File.Exists(Path.Combine(output, "osteocyte.csv")), Is.False);
            var t50 = System.Text.RegularExpressions.Regex.Match(run.Output, @"osteoblast\s+erastin 10 µM\s+(\d+\.\d)");
            Assert.That(t50.Success, Is.True, run.Output);
            Assert.That(Number(t50.Groups[1].Value), Is.EqualTo(15.9).Within(1.5), "t50 of erastin 10 µM in osteoblasts (§15)");
        });

        using var png = PlotTestKit.DecodePng(Path.Combine(output, "survival.png"));
        var svg = XDocument.Load(Path.Combine(output, "overview.svg"));
        var texts = svg.Descendants().Where(e => e.Name.LocalName == "text").Select(e => e.Value).ToList();
        Assert.Multiple(() =>
        {
            Assert.That((png.Width, png.Height), Is.EqualTo((1920, 1200)));
            Assert.That(PlotTestKit.CountInk(png, new SKRectI(0, 0, png.Width, png.Height)), Is.GreaterThan(20_000));
            Assert.That(texts.Any(t => t.StartsWith("Osteoblast (t50 = ", StringComparison.Ordinal)), Is.True, string.Join(" | ", texts));
            Assert.That(texts, Does.Contain("erastin 10 µM").And.Contain("GSH (mM)").And.Contain("Labile Fe²⁺ (µM)"));
            Assert.That(FilesIn(output).Select(Path.GetFileName), Is.EquivalentTo(new[] { "osteoblast.csv", "osteoclast.csv", "survival.png", "survival.svg", "overview.png", "overview.svg", "ferrosim-run.json" }));
        });
    }

    [Test]
    public void BuiltInModel_ScheduledChallengeAndScenario_AreApplied()
    {
        string output = Path.Combine(Folder, "out");

        // The HO-1 protocol of specification §15: HO_OE 3 from 0 h, ros_x 1.65 from 12 h, S(36 h) = 0.47.
        var run = Run("simulate", "--model-version", "1", "-p", "ho1-induction=3", "-p", "oxidative-stress=1.65@12h", "-t", "36h", "--plot", "none", "-o", output);
        var glucocorticoid = Run("simulate", "--model-version", "1", "--scenario", "glucocorticoid", "-t", "48h", "--plot", "none", "-o", Path.Combine(Folder, "gc"));

        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        Assert.That(glucocorticoid.ExitCode, Is.Zero, glucocorticoid.ToString());
        var (header, rows) = ReadCsv(Path.Combine(output, "osteoblast.csv"));
        var (_, gcRows) = ReadCsv(Path.Combine(Folder, "gc", "osteoblast.csv"));
        int s = Array.IndexOf(header, "surviving_fraction");
        Assert.Multiple(() =>
        {
            Assert.That(Number(rows[^1][s]), Is.EqualTo(0.47).Within(0.05));
            Assert.That(Number(gcRows[^1][s]), Is.EqualTo(0.58).Within(0.05), "GC 48 h, osteoblast (§15)");
            Assert.That(glucocorticoid.Output, Does.Contain("glucocorticoid"));
        });
    }

    [Test]
    public void ModelFile_IsSimulatedAsWritten_WithParameterValues_AndMatchesTheExactSolution()
    {
        string model = Path.Combine(Folder, "decay.ant"), output = Path.Combine(Folder, "out");
        File.WriteAllText(model, DecayModel);

        var run = Run("simulate", model, "--t-end", "10", "--perturb", "k1=1", "--plot", "png", "--out", output, "--rtol", "1e-9", "--atol", "1e-12");

        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        var (header, rows) = ReadCsv(Path.Combine(output, "decay.csv"));
        Assert.That(header, Is.EqualTo(new[] { "time", "A", "B" }));
        Assert.That(rows, Has.Count.EqualTo(201));
        foreach (var row in rows)
        {
            // A = 10 e^(−k1 t) with k1 = 1 from --perturb; B = 10 k1/(k2 − k1) (e^(−k1 t) − e^(−k2 t)).
            double t = Number(row[0]);
            Assert.That(Number(row[1]), Is.EqualTo(10 * Math.Exp(-t)).Within(1e-6));
            Assert.That(Number(row[2]), Is.EqualTo(10 / (0.2 - 1) * (Math.Exp(-t) - Math.Exp(-0.2 * t))).Within(1e-6));
        }

        using var png = PlotTestKit.DecodePng(Path.Combine(output, "decay.png"));
        Assert.That(PlotTestKit.CountInk(png, new SKRectI(0, 0, png.Width, png.Height)), Is.GreaterThan(10_000));
    }

    [Test]
    public void FailedSimulation_ExitsWithTheSolverStatus_AndWritesNothing()
    {
        string model = Path.Combine(Folder, "blowup.ant"), output = Path.Combine(Folder, "out");
        File.WriteAllText(model, BlowUpModel);

        var run = Run("simulate", model, "--t-end", "2", "--out", output);

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(2), run.ToString());
            Assert.That(run.Error, Does.StartWith("error: The simulation of"));
            Assert.That(FilesIn(output), Is.Empty);
        });
    }

    [Test]
    public void Cancellation_ExitsWith130_AndWritesNothing()
    {
        string output = Path.Combine(Folder, "out");
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        var run = Run(cancelled.Token, "simulate", "--cell", "all", "-p", "erastin=10uM", "--out", output);

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(130), run.ToString());
            Assert.That(FilesIn(output), Is.Empty);
        });
    }
}
