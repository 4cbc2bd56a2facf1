using Ferroptosis.Sim.Tests.Plotting;
using static Ferroptosis.Sim.Tests.Cli.CliTestKit;

namespace Ferroptosis.Sim.Tests.Cli;

/// <summary><c>ferrosim remodel</c> driven in-process: bone mass over months for a scenario and an intervention; CSV, figure and summary; usage errors.</summary>
public sealed class RemodelCommandTests : TempFolderTests
{
    [Test]
    public void Remodel_BalancedModel_ReproducesTheFirstRelease_AndWritesCsvAndFigure()
    {
        var run = Run("remodel", "--scenario", "GC", "--months", "6", "--intervention", "fer-1", "--bone-model", "balanced", "--no-band", "--plot", "png,svg", "--out", Folder);

        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        string stem = Path.Combine(Folder, "remodel-glucocorticoid-ferrostatin-1");
        var (header, rows) = ReadCsv(stem + ".csv");
        using var bitmap = PlotTestKit.DecodePng(stem + ".png");
        Assert.Multiple(() =>
        {
            Assert.That(run.Output, Does.Contain("glucocorticoid, 6 months, balanced Komarova model, quasi-steady death rates, κ = 0.02"));
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
    public void Remodel_BoundedModel_IsTheDefault_WithBands_DiseaseEnd_AndLateTreatment()
    {
        var run = Run("remodel", "--scenario", "GC", "--months", "12", "--intervention", "fer-1", "--treatment-starts", "6", "--plot", "png", "--out", Folder);
        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        string stem = Path.Combine(Folder, "remodel-glucocorticoid-ferrostatin-1");
        var (header, rows) = ReadCsv(stem + "-band.csv");
        var withdrawn = Run("remodel", "--scenario", "GC", "--months", "12", "--disease-ends", "6", "--no-band", "--plot", "none", "--out", Path.Combine(Folder, "w"));
        Assert.Multiple(() =>
        {
            Assert.That(run.Output, Does.Contain("glucocorticoid, 12 months, bounded bone model, quasi-steady death rates, κ = 0.139"));
            Assert.That(run.Output, Does.Contain("The intervention starts at month 6.").And.Contain("band: κ ×0.5–2"));
            Assert.That(header, Is.EqualTo(new[] { "time_months", "bone_mass_untreated", "lower_untreated", "upper_untreated", "bone_mass_ferrostatin-1_1_µM", "lower_ferrostatin-1_1_µM", "upper_ferrostatin-1_1_µM" }));
            foreach (var row in rows)
            {
                Assert.That(Number(row[2]), Is.LessThanOrEqualTo(Number(row[1])).And.LessThanOrEqualTo(Number(row[3])), "lower ≤ central ≤ upper");
                Assert.That(Number(row[1]), Is.LessThanOrEqualTo(Number(row[3])));
            }

            // Treatment from month 6: identical to the untreated run before, better after.
            int month5 = rows.FindIndex(r => Number(r[0]) >= 5);
            Assert.That(Number(rows[month5][4]), Is.EqualTo(Number(rows[month5][1])).Within(1e-9));
            Assert.That(Number(rows[^1][4]), Is.GreaterThan(Number(rows[^1][1]) + 1));
            Assert.That(withdrawn.ExitCode, Is.Zero, withdrawn.ToString());
            Assert.That(withdrawn.Output, Does.Contain("The disease ends at month 6."));
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
            Assert.That(FilesIn(Folder).Select(Path.GetFileName), Is.EquivalentTo(new[] { "remodel-iron-overload-deferoxamine.csv", "remodel-iron-overload-deferoxamine-band.csv", "ferrosim-run.json" }));
        });
    }

    [TestCase("--scenario", "gluco", "Unknown scenario 'gluco'")]
    [TestCase("--intervention", "aspirin", "--intervention: Unknown intervention 'aspirin'")]
    [TestCase("--intervention", "fer-1=0.1", "needs a concentration unit")]
    [TestCase("--months", "-3", "--months must be more than 0")]
    [TestCase("--kappa", "-1", "--kappa is the attenuation of the in-vitro hazard in vivo, a number from 0 to 1")]
    [TestCase("--kappa", "1e6", "a number from 0 to 1 such as 0.139 (got 1E+06)")]
    [TestCase("--disease-ends", "20", "--disease-ends must be a month from 0 to --months (12); got 20")]
    [TestCase("--treatment-starts", "-1", "--treatment-starts must be a month from 0 to --months (12); got -1")]
    [TestCase("--bone-model", "komarova", "Argument 'komarova' not recognized")]
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
