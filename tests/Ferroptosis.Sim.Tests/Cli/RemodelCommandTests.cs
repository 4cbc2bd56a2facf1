using System.Globalization;
using Ferroptosis.Sim.Cli;
using Ferroptosis.Sim.Tests.Plotting;

namespace Ferroptosis.Sim.Tests.Cli;

/// <summary><c>ferrosim remodel</c>: bone mass over months for a scenario and an intervention; CSV, figure and summary; usage errors.</summary>
public sealed class RemodelCommandTests
{
    private string _folder = string.Empty;

    [SetUp]
    public void CreateFolder() => _folder = PlotTestKit.NewFolder();

    [TearDown]
    public void DeleteFolder() => PlotTestKit.DeleteFolder(_folder);

    [Test]
    public void Remodel_WritesCsvAndFigure_AndPrintsTheSummary()
    {
        var (exit, output) = Run("--scenario", "GC", "--months", "6", "--intervention", "fer-1", "--output", _folder);

        Assert.That(exit, Is.Zero, output);
        string stem = Path.Combine(_folder, "remodel-glucocorticoid-ferrostatin-1");
        var csv = File.ReadAllLines(stem + ".csv");
        using var bitmap = PlotTestKit.DecodePng(stem + ".png");
        Assert.Multiple(() =>
        {
            Assert.That(output, Does.Contain("glucocorticoid, 6 months, quasi-steady death rates, κ = 0.02"));
            Assert.That(output, Does.Contain("untreated").And.Contain("+ ferrostatin-1 1 µM").And.Contain("without ferroptotic death"));
            Assert.That(output, Does.Contain("osteoclast 1.94E-003 → 2.51E-002"));
            Assert.That(output, Does.Contain(stem + ".svg"));

            // Specification §15 row's run (GC, κ = 0.02) at 6 months: the untreated line ends at 98.14.
            Assert.That(output, Does.Match(@"untreated\s+9\.89E-004\s+1\.11E-002\s+3\.81E-004(\s+\d+\.\d\d){3}\s+98\.14"));
            Assert.That(csv[0], Is.EqualTo("time_d,osteoclasts,osteoblasts,bone_mass_percent,viable_osteocytes,delta_OB_per_d,delta_OC_per_d,delta_OCY_per_d"));
            Assert.That(csv, Has.Length.EqualTo(1 + 183 + 1), "days 0–182 and the end, 182.5 d");
            Assert.That(double.Parse(csv[^1].Split(',')[3], CultureInfo.InvariantCulture), Is.EqualTo(100).Within(1e-9), "the treated run is written");
            Assert.That(bitmap.Width, Is.EqualTo(1920));
        });
    }

    [Test]
    public void Remodel_MultiRate_AndADose()
    {
        var (exit, output) = Run("--scenario", "iron-overload", "--months", "1", "--intervention", "deferoxamine=10", "--coupling", "multi-rate", "--output", _folder);
        Assert.That(exit, Is.Zero, output);
        Assert.Multiple(() =>
        {
            Assert.That(output, Does.Contain("multi-rate death rates").And.Contain("+ deferoxamine 10 µM"));
            Assert.That(File.Exists(Path.Combine(_folder, "remodel-iron-overload-deferoxamine.csv")), Is.True);
        });
    }

    [TestCase("--scenario", "gluco", "Unknown scenario 'gluco'")]
    [TestCase("--intervention", "aspirin", "Unknown intervention 'aspirin'")]
    [TestCase("--intervention", "fer-1=lots", "is not a concentration in µM")]
    [TestCase("--months", "-3", "--months must be in (0, 1200]")]
    public void Remodel_UsageErrors_ExitWith2AndSayWhatToChange(string option, string value, string message)
    {
        var args = new List<string> { "--scenario", "GC", "--output", _folder };
        int at = args.IndexOf(option);
        if (at >= 0)
        {
            args[at + 1] = value;
        }
        else
        {
            args.AddRange([option, value]);
        }

        var (exit, output) = Run([.. args]);
        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(2));
            Assert.That(output, Does.StartWith("error: ").And.Contain(message));
            Assert.That(output, Does.Not.Contain("(Parameter"));
            Assert.That(Directory.GetFiles(_folder), Is.Empty);
        });
    }

    private static (int Exit, string Output) Run(params string[] args)
    {
        using var output = new StringWriter(CultureInfo.InvariantCulture);
        int exit = RemodelCommand.Create(output).Parse(args).Invoke();
        return (exit, output.ToString());
    }
}
