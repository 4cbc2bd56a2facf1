using Ferroptosis.Sim.Tests.Plotting;
using static Ferroptosis.Sim.Tests.Cli.CliTestKit;

namespace Ferroptosis.Sim.Tests.Cli;

/// <summary><c>ferrosim remodel</c> driven in-process: bone mass over months for a scenario and an intervention; CSV, figure and summary; usage errors.</summary>
public sealed class RemodelCommandTests : TempFolderTests
{
    [Test]
    public void Remodel_WritesCsvAndFigure_AndPrintsTheSummary()
    {
        var run = Run("remodel", "--scenario", "GC", "--months", "6", "--intervention", "fer-1", "--plot", "png,svg", "--out", Folder);

        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        string stem = Path.Combine(Folder, "remodel-glucocorticoid-ferrostatin-1");
        var (header, rows) = ReadCsv(stem + ".csv");
        using var bitmap = PlotTestKit.DecodePng(stem + ".png");
        Assert.Multiple(() =>
        {
            Assert.That(run.Output, Does.Contain("glucocorticoid, 6 months, quasi-steady death rates, κ = 0.02"));
            Assert.That(run.Output, Does.Contain("+ ferrostatin-1 1 µM").And.Contain("no ferroptotic death").And.Contain("bone mass (% of baseline)").And.Contain("6 mo"));
            Assert.That(run.Output, Does.Match(@"osteoclast\s+1\.94E-003\s+2\.51E-002"));
            Assert.That(run.Output, Does.Contain(stem + ".svg"));

            // The specification's glucocorticoid run (κ = 0.02) at 6 months, untreated: 98.14 (one year: 95.3, §15).
            Assert.That(run.Output, Does.Match(@"untreated\s+9\.89E-004\s+1\.11E-002\s+3\.81E-004(\s+\d+\.\d\d){3}\s+98\.14"));
            Assert.That(header, Is.EqualTo(new[] { "time_d", "osteoclasts", "osteoblasts", "bone_mass_percent", "viable_osteocytes", "delta_OB_per_d", "delta_OC_per_d", "delta_OCY_per_d" }));
            Assert.That(rows, Has.Count.EqualTo(183 + 1), "days 0–182 and the end, 182.5 d");
            Assert.That(Number(rows[^1][3]), Is.EqualTo(100).Within(1e-9), "the treated run is written");
            Assert.That(bitmap.Width, Is.GreaterThan(0));
        });
    }

    [Test]
    public void Remodel_MultiRate_WithADose()
    {
        var run = Run("remodel", "-s", "iron-overload", "--months", "1", "-i", "deferoxamine=10uM", "--coupling", "multi-rate", "--plot", "none", "-o", Folder);
        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        Assert.Multiple(() =>
        {
            Assert.That(run.Output, Does.Contain("multi-rate death rates").And.Contain("+ deferoxamine 10 µM"));
            Assert.That(FilesIn(Folder).Select(Path.GetFileName), Is.EquivalentTo(new[] { "remodel-iron-overload-deferoxamine.csv", "ferrosim-run.json" }));
        });
    }

    [TestCase("--scenario", "gluco", "Unknown scenario 'gluco'")]
    [TestCase("--intervention", "aspirin", "--intervention: Unknown intervention 'aspirin'")]
    [TestCase("--intervention", "fer-1=0.1", "needs a concentration unit")]
    [TestCase("--months", "-3", "--months must be more than 0")]
    [TestCase("--kappa", "-1", "--kappa is the attenuation of the in-vitro hazard in vivo, a number from 0 to 1")]
    [TestCase("--kappa", "1e6", "a number from 0 to 1 such as 0.02 (got 1E+06)")]
    public void Remodel_UsageErrors_SayWhatToChange_AndWriteNothing(string option, string value, string message)
    {
        var args = new List<string> { "remodel", "--scenario", "GC", "--out", Folder };
        int at = args.IndexOf(option);
        if (at >= 0)
        {
            args[at + 1] = value;
        }
        else
        {
            args.AddRange([option, value]);
        }

        var run = Run([.. args]);
        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(1), run.ToString());
            Assert.That(run.Error, Does.StartWith("error: ").And.Contain(message));
            Assert.That(run.Error, Does.Not.Contain("(Parameter"));
            Assert.That(FilesIn(Folder), Is.Empty);
        });
    }
}
