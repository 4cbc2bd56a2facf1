using System.Globalization;
using System.Reflection;
using System.Xml.Linq;
using Ferroptosis.Sim.Pathway;
using Ferroptosis.Sim.Pathway.Remodelling;
using Ferroptosis.Sim.Tests.Plotting;
using SkiaSharp;

namespace Ferroptosis.Sim.Tests.Samples;

/// <summary>Every sample runs to completion in-process (through its entry point, output folder as its argument), prints its table and writes figures that decode.</summary>
/// <remarks>Not parallelisable: samples print to the process-wide console, and the QuickStart test changes the current directory.</remarks>
[NonParallelizable]
[Category("Slow")]
public sealed class SampleTests : TempFolderTests
{
    [Test]
    public void CellDeathTrajectories_PrintsT50AndSurvival_AndWritesTheFigureAndTrajectories()
    {
        var (exit, output) = RunSample("CellDeathTrajectories", Folder);

        Assert.That(exit, Is.Zero, output);
        string png = Path.Combine(Folder, "cell-death-trajectories.png");
        using var bitmap = PlotTestKit.DecodePng(png);
        var svg = XDocument.Load(Path.Combine(Folder, "cell-death-trajectories.svg"));
        var csv = File.ReadAllLines(Path.Combine(Folder, "cell-death-trajectories.csv"));
        var erastinAt24 = csv.Select(l => l.Split(',')).Single(c => c[0] == "osteoblast" && c[1] == "erastin 10 µM" && c[2] == "24");
        Assert.Multiple(() =>
        {
            Assert.That(output, Does.Contain("t50 (h)").And.Contain("S(24 h)").And.Contain("S(48 h)"));
            Assert.That(output, Does.Contain(png));
            Assert.That((bitmap.Width, bitmap.Height), Is.EqualTo((2400, 1800)));
            Assert.That(PlotTestKit.CountInk(bitmap, new SKRectI(0, 0, 2400, 1800)), Is.GreaterThan(50_000));
            Assert.That(Texts(svg), Does.Contain("Osteoblast").And.Contain("Osteoclast").And.Contain("Osteocyte"));
            Assert.That(csv[0], Is.EqualTo("cell_type,condition,time_h,surviving_fraction,LPO,GSH_mM,LIP_uM,GPX4,HO1"));
            Assert.That(File.ReadAllBytes(Path.Combine(Folder, "cell-death-trajectories.csv"))[..3], Is.Not.EqualTo(new byte[] { 0xEF, 0xBB, 0xBF }), "no byte-order mark, as ferrosim's CSV files");
            Assert.That(csv, Has.Length.EqualTo(1 + (3 * 5 * 193)));
            AssertCaption(Path.Combine(Folder, "cell-death-trajectories.caption.txt"), "erastin 10 µM", "ferrostatin-1 1 µM", "deferoxamine 100 µM", "zinc protoporphyrin 10 µM", "48 h", "cell-death-trajectories.csv");

            // EB-3 (in force for model v2, the sample's default): osteoblast, erastin 10 µM, S(24 h) < 0.4.
            Assert.That(double.Parse(erastinAt24[3], CultureInfo.InvariantCulture), Is.LessThan(0.4));
        });
    }

    [Test]
    public void DualRoleDoseResponse_FindsTheBell_InOsteoblastsAndOsteocytes_UnderEveryInductionTiming()
    {
        var (exit, output) = RunSample("DualRoleDoseResponse", Folder);

        Assert.That(exit, Is.Zero, output);
        using var bitmap = PlotTestKit.DecodePng(Path.Combine(Folder, "dual-role-dose-response.png"));
        Assert.Multiple(() =>
        {
            // Model v2 contract EB-28/EB-29: a bell under constitutive expression and under two induction timings; DFO and Fer-1 rescue at 50×.
            foreach (string cell in new[] { "osteoblast", "osteocyte" })
            {
                foreach (string timing in new[] { "constitutive", "induced 48 h before", "induced with erastin" })
                {
                    Assert.That(output, Does.Match($@"{cell}\s+{timing}\s+bell: optimum at"), $"{cell}, {timing}");
                }

                // The deferoxamine arm rescues at every HO-1 level: flat at S ≈ 1.
                Assert.That(output, Does.Match($@"{cell}\s+constitutive \+ DFO\s+flat: spans 0\.0\d\d < 0\.05 \(S (0\.9\d+|1\.000)–"), cell);
            }

            var texts = Texts(XDocument.Load(Path.Combine(Folder, "dual-role-dose-response.svg")));
            Assert.That(texts, Does.Contain("osteocyte, induced 48 h before").And.Contain("osteoblast, constitutive + DFO").And.Contain("0"));
            Assert.That(texts, Has.Some.Contains("axis break"));
            Assert.That(PlotTestKit.CountInk(bitmap, new SKRectI(0, 0, bitmap.Width, bitmap.Height)), Is.GreaterThan(20_000));
            AssertCaption(Path.Combine(Folder, "dual-role-dose-response.caption.txt"), "IC50", "48 h before", "0×", "24 h", "deferoxamine", "Fe²⁺", "axis break");
        });
    }

    [Test]
    public void BoneLoss_PrintsTheTable_AndWritesFigureAndTrajectories_WithTheLibrarysGlucocorticoidLoss()
    {
        var (exit, output) = RunSample("BoneLoss", Folder);

        Assert.That(exit, Is.Zero, output);
        using var bitmap = PlotTestKit.DecodePng(Path.Combine(Folder, "bone-loss.png"));
        var svg = XDocument.Load(Path.Combine(Folder, "bone-loss.svg"));
        var csv = File.ReadAllLines(Path.Combine(Folder, "bone-loss.csv"));
        var glucocorticoidAtOneYear = csv.Select(l => l.Split(',')).Single(c => c[0] == "glucocorticoid" && c[1] == "untreated" && c[2] == "365");
        var library = BoneRemodelling.Run(DiseaseScenario.Glucocorticoid, BoneRemodelling.Months(12));
        string kappa = RemodellingOptions.Default.Kappa.ToString(CultureInfo.InvariantCulture);
        Assert.Multiple(() =>
        {
            Assert.That(output, Does.Contain("5 y").And.Contain("+ ferrostatin-1 1 µM").And.Contain("+ deferoxamine 100 µM").And.Contain("+ sulforaphane 5 µM"));
            Assert.That(output, Does.Contain("Untreated bone mass with its band"));
            Assert.That((bitmap.Width, bitmap.Height), Is.EqualTo((3600, 1900)));
            Assert.That(PlotTestKit.CountInk(bitmap, new SKRectI(0, 0, 3600, 1900)), Is.GreaterThan(20_000));
            Assert.That(Texts(svg), Does.Contain("glucocorticoid").And.Contain("estrogen deficiency").And.Contain("Time (months)"));

            // The band, the cell counts that drive bone mass.
            Assert.That(Texts(svg), Does.Contain("untreated: band (κ ×0.5–2, δ ×2/3–1.5)").And.Contain($"Osteoclasts, untreated (κ = {kappa})").And.Contain($"Viable osteocytes, untreated (κ = {kappa})"));
            Assert.That(csv[0], Is.EqualTo("scenario,intervention,time_d,bone_mass_percent,osteoclasts,osteoblasts,viable_osteocytes"));
            AssertCaption(Path.Combine(Folder, "bone-loss.caption.txt"), "5 years", $"κ = {kappa}", "held for the whole 5 years", "not 0–100", "κ ×0.5–2", "viable osteocytes");
            Assert.That(csv, Has.Length.EqualTo(1 + (4 * 4 * (5 * 365 + 1))), "four scenarios × four treatments × days 0–1825");

            // The sample writes what the library computes (the criteria themselves: BoundedDiseaseCourseTests).
            Assert.That(double.Parse(glucocorticoidAtOneYear[3], CultureInfo.InvariantCulture), Is.EqualTo(library.BoneMass[^1]).Within(1e-9));
        });
    }

    [TestCase("DrugPanel", "drug-panel-heatmap.png", "erastin 2 µM + ML385 5 µM")]
    [TestCase("DrugPanel", "drug-panel-trajectories.png", "erastin 2 µM + ML385 5 µM")]
    [TestCase("DiseaseScenarios", "disease-scenarios.png", "fac = 200")]
    public void Sample_RunsAndWritesItsFigure_WithItsCaption(string sample, string figure, string printed)
    {
        var (exit, output) = RunSample(sample, Folder);

        Assert.That(exit, Is.Zero, output);
        using var bitmap = PlotTestKit.DecodePng(Path.Combine(Folder, figure));
        Assert.Multiple(() =>
        {
            Assert.That(output, Does.Contain(printed));
            Assert.That(PlotTestKit.CountInk(bitmap, new SKRectI(0, 0, bitmap.Width, bitmap.Height)), Is.GreaterThan(20_000));
            AssertCaption(Path.Combine(Folder, Path.ChangeExtension(figure, null) + ".caption.txt"), "t = 0");
        });
    }

    [Test]
    public void DiseaseScenarios_DefinesItsScenarios_AndItsHeatMapHasAHealthyRow()
    {
        var (exit, output) = RunSample("DiseaseScenarios", Folder);

        Assert.That(exit, Is.Zero, output);
        var texts = Texts(XDocument.Load(Path.Combine(Folder, "disease-scenarios.svg")));
        string caption = File.ReadAllText(Path.Combine(Folder, "disease-scenarios.caption.txt"));
        Assert.Multiple(() =>
        {
            Assert.That(output, Does.Contain("Scenario definitions").And.Contain("FAC 200 µM").And.Contain("dexamethasone 1 µM"));
            Assert.That(texts, Does.Contain("healthy").And.Contain("healthy + Fer-1").And.Contain("iron overload (FAC 200 µM)"));
            Assert.That(texts, Has.None.Contains("estrogen-deficiency"), "labels are names, not code identifiers");
            Assert.That(caption, Does.Contain("iron overload = fac = 200"));
        });
    }

    [Test]
    public void QuickStart_IsTheReadmeExampleVerbatim_AndWritesItsFigureToTheFolderItIsGiven()
    {
        string root = RepositoryRoot();
        string source = File.ReadAllText(Path.Combine(root, "samples", "QuickStart", "Program.cs")).ReplaceLineEndings("\n");
        string readme = File.ReadAllText(Path.Combine(root, "README.md")).ReplaceLineEndings("\n");
        string figures = Path.Combine(Folder, "figures");

        string previous = Environment.CurrentDirectory;
        Environment.CurrentDirectory = Folder;
        (int Exit, string Output) run;
        try
        {
            run = RunSample("QuickStart", figures);
        }
        finally
        {
            Environment.CurrentDirectory = previous;
        }

        Assert.Multiple(() =>
        {
            Assert.That(readme, Does.Contain("```csharp\n" + source + "```"));
            Assert.That(source.Split('\n', StringSplitOptions.RemoveEmptyEntries), Has.Length.LessThanOrEqualTo(10));
            Assert.That(run.Exit, Is.Zero, run.Output);
            Assert.That(run.Output, Does.Contain("erastin: t50 = ").And.Contain(Path.Combine(figures, "quickstart.png")));
            Assert.That(File.Exists(Path.Combine(figures, "quickstart.png")), Is.True);
            Assert.That(Directory.Exists(Path.Combine(Folder, "output")), Is.False, "nothing written to ./output when a folder is given");
        });
    }

    [Test]
    public void SolverShowdown_SolvesBothProblemsWithEverySolver_AndWritesTheResultsAndAWorkPrecisionFigure()
    {
        var (exit, output) = RunSample("SolverShowdown", Folder);

        Assert.That(exit, Is.Zero, output);
        string[] lines = output.Split('\n');
        int rober = Array.FindIndex(lines, l => l.StartsWith("ROBER", StringComparison.Ordinal));
        var csv = File.ReadAllLines(Path.Combine(Folder, "solver-showdown.csv"));
        using var bitmap = PlotTestKit.DecodePng(Path.Combine(Folder, "solver-showdown-work-precision.png"));
        Assert.Multiple(() =>
        {
            Assert.That(csv[0], Is.EqualTo("problem,solver,rtol,atol,status,abs_error_S48,abs_error_t50_h,correct_digits,steps,rejected,f_evals,jacobian_evals,lu_decompositions,time_ms"));
            Assert.That(csv, Has.Length.EqualTo(1 + (2 * Ferroptosis.Sim.Ode.OdeSolvers.All.Count)));
            foreach (var solver in Ferroptosis.Sim.Ode.OdeSolvers.All)
            {
                // Every solver handles the ferroptosis model (steps ≤ 0.25 h keep even explicit methods stable).
                Assert.That(lines.Take(rober).Any(l => l.StartsWith(solver.Name + " ", StringComparison.Ordinal) && l.Contains("Success", StringComparison.Ordinal)), Is.True, solver.Name);
                Assert.That(lines.Skip(rober).Any(l => l.StartsWith(solver.Name + " ", StringComparison.Ordinal)), Is.True, solver.Name);
                Assert.That(csv.Count(l => l.Split(',')[1] == solver.Name), Is.EqualTo(2), solver.Name);
            }

            Assert.That(PlotTestKit.CountInk(bitmap, new SKRectI(0, 0, bitmap.Width, bitmap.Height)), Is.GreaterThan(20_000));
            Assert.That(File.ReadAllText(Path.Combine(Folder, "solver-showdown-work-precision.caption.txt")), Does.Contain("Protocol: ").And.Contain("Model: ferroptosis model v"));
        });
    }

    /// <summary>Runs a sample's entry point with its console output captured.</summary>
    private static (int Exit, string Output) RunSample(string name, string? outputFolder)
    {
        var entry = Assembly.Load(name).EntryPoint!;
        var original = Console.Out;
        using var captured = new StringWriter(CultureInfo.InvariantCulture);
        Console.SetOut(captured);
        try
        {
            string[] args = outputFolder is null ? [] : [outputFolder];
            object? result = entry.Invoke(null, entry.GetParameters().Length == 0 ? null : [args]);
            return (result is int code ? code : 0, captured.ToString());
        }
        finally
        {
            Console.SetOut(original);
        }
    }

    /// <summary>Checks that a caption file exists beside its figure and says what is plotted, the protocol, the model, the solver and the tolerances.</summary>
    private static void AssertCaption(string path, params string[] mentions)
    {
        Assert.That(File.Exists(path), Is.True, path);
        string text = File.ReadAllText(path);
        Assert.That(text, Does.Contain("Protocol: ").And.Contain("Model: ferroptosis model v").And.Contain("Solver: ").And.Contain("relative tolerance").And.Contain("absolute tolerance"), path);
        foreach (string mention in mentions)
        {
            Assert.That(text, Does.Contain(mention), path);
        }
    }

    private static List<string> Texts(XDocument svg) => [.. svg.Descendants().Where(e => e.Name.LocalName == "text").Select(e => e.Value)];

    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Ferroptosis.Sim.sln")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new InvalidOperationException("The repository root (Ferroptosis.Sim.sln) is not above the test folder.");
    }
}
