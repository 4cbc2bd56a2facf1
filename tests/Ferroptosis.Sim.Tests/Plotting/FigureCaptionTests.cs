using System.Text;
using Ferroptosis.Sim.Pathway;
using Ferroptosis.Sim.Plotting;

namespace Ferroptosis.Sim.Tests.Plotting;

/// <summary>A figure found in a folder explains itself: its caption file says what is plotted, the protocol, the model, the solver and its tolerances.</summary>
public sealed class FigureCaptionTests : TempFolderTests
{
    [TestCase("output/bone-loss.png", "output/bone-loss.caption.txt")]
    [TestCase("a.b.svg", "a.b.caption.txt")]
    [TestCase("figure", "figure.caption.txt")]
    public void PathBeside_ReplacesTheExtension(string figure, string caption) =>
        Assert.That(FigureCaption.PathBeside(figure), Is.EqualTo(caption));

    [Test]
    public void ForSimulations_TakesModelSolverAndTolerancesFromTheRuns_AndExplainsNormalisedUnits()
    {
        var options = new CellSimulationOptions { RelativeTolerance = 1e-6, AbsoluteTolerance = 1e-10 };
        var run = FerroptosisSimulation.Run(BoneCell.Osteoblast, [Perturbation.Erastin(10)], TimeSpan.FromHours(2), options);

        var caption = FigureCaption.ForSimulations("Survival under erastin", [run], options) with { Protocol = "erastin 10 µM at t = 0", Panels = ["A: survival"] };
        string[] lines = caption.ToText("survival.png").Split('\n');

        Assert.Multiple(() =>
        {
            Assert.That(lines[0], Is.EqualTo("survival.png"));
            Assert.That(lines[1], Is.EqualTo("Survival under erastin"));
            Assert.That(lines[2], Is.EqualTo("A: survival"));
            Assert.That(lines, Does.Contain("Protocol: erastin 10 µM at t = 0"));
            Assert.That(lines, Does.Contain($"Model: {run.Model}"));
            Assert.That(lines, Does.Contain($"Solver: {run.Result.SolverName}, relative tolerance 1E-06, absolute tolerance 1E-10"));
            Assert.That(lines, Has.Some.StartsWith("Note: n.u. = ").And.Some.Contains("resting reference osteoblast"));
            Assert.That(() => FigureCaption.ForSimulations("x", []), Throws.ArgumentException);
        });
    }

    [Test]
    public void WriteBeside_WritesUtf8WithoutTemporaryFilesLeft_AndReplacesAnOldCaption()
    {
        string figure = Path.Combine(Folder, "dose.png");
        new FigureCaption("old").WriteBeside(figure);

        string written = new FigureCaption("HO-1 level (× wild type) against survival, 1.5 µM") { Notes = ["Fe²⁺"] }.WriteBeside(figure);

        Assert.Multiple(() =>
        {
            Assert.That(written, Is.EqualTo(Path.Combine(Folder, "dose.caption.txt")));
            Assert.That(File.ReadAllText(written, Encoding.UTF8), Is.EqualTo("dose.png\nHO-1 level (× wild type) against survival, 1.5 µM\nNote: Fe²⁺\n"));
            Assert.That(File.ReadAllBytes(written)[..3], Is.Not.EqualTo(new byte[] { 0xEF, 0xBB, 0xBF }), "no byte-order mark");
            Assert.That(Directory.GetFiles(Folder), Has.Length.EqualTo(1), "no temporary file left");
        });
    }
}
