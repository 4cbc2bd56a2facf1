using System.Globalization;
using System.Reflection;
using System.Xml.Linq;
using Ferroptosis.Sim.Tests.Plotting;
using SkiaSharp;

namespace Ferroptosis.Sim.Tests.Samples;

/// <summary>The BoneLoss sample runs in-process (through its entry point, output folder as its argument), prints its table and writes a figure that decodes and the trajectories.</summary>
/// <remarks>Not parallelisable: the sample prints to the process-wide console.</remarks>
[NonParallelizable]
[Category("Slow")]
public sealed class BoneLossSampleTests
{
    private string _folder = string.Empty;

    [SetUp]
    public void CreateFolder() => _folder = PlotTestKit.NewFolder();

    [TearDown]
    public void DeleteFolder() => PlotTestKit.DeleteFolder(_folder);

    [Test]
    public void BoneLoss_PrintsTheTable_AndWritesFigureAndTrajectories()
    {
        var entry = Assembly.Load("BoneLoss").EntryPoint!;
        var original = Console.Out;
        using var captured = new StringWriter(CultureInfo.InvariantCulture);
        Console.SetOut(captured);
        object? exit;
        try
        {
            exit = entry.Invoke(null, [new[] { _folder }]);
        }
        finally
        {
            Console.SetOut(original);
        }

        string output = captured.ToString();
        Assert.That(exit, Is.Zero, output);
        using var bitmap = PlotTestKit.DecodePng(Path.Combine(_folder, "bone-loss.png"));
        var svg = XDocument.Load(Path.Combine(_folder, "bone-loss.svg"));
        var texts = svg.Descendants().Where(e => e.Name.LocalName == "text").Select(e => e.Value).ToList();
        var csv = File.ReadAllLines(Path.Combine(_folder, "bone-loss.csv"));
        var gcAtOneYear = csv.Select(l => l.Split(',')).Single(c => c[0] == "glucocorticoid" && c[1] == "untreated" && c[2] == "365");
        Assert.Multiple(() =>
        {
            Assert.That(output, Does.Contain("12 months").And.Contain("+ ferrostatin-1 1 µM").And.Contain("+ deferoxamine 100 µM").And.Contain("+ sulforaphane 5 µM"));
            Assert.That((bitmap.Width, bitmap.Height), Is.EqualTo((2400, 1800)));
            Assert.That(PlotTestKit.CountInk(bitmap, new SKRectI(0, 0, 2400, 1800)), Is.GreaterThan(20_000));
            Assert.That(texts, Does.Contain("glucocorticoid").And.Contain("estrogen-deficiency").And.Contain("Time (months)"));
            Assert.That(csv[0], Is.EqualTo("scenario,intervention,time_d,bone_mass_percent,osteoclasts,osteoblasts,viable_osteocytes"));
            Assert.That(csv, Has.Length.EqualTo(1 + (4 * 4 * 366)));

            // Specification §15: glucocorticoids, κ = 0.02, 1 year: z = 95.3.
            Assert.That(double.Parse(gcAtOneYear[3], CultureInfo.InvariantCulture), Is.EqualTo(95.3).Within(0.15));
        });
    }
}
