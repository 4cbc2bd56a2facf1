using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Ferroptosis.Sim.Ode;
using Ferroptosis.Sim.Pathway;
using Ferroptosis.Sim.Tests.Formats.Antimony;
using Ferroptosis.Sim.Tests.TestProblems;

namespace Ferroptosis.Sim.Tests.Pathway;

/// <summary>
/// The reference solutions of the pathway problems of the work-precision runner
/// (<c>benchmarks/data/pathway-reference.tsv</c>) belong to the current model files and are right.
/// </summary>
/// <remarks>
/// The runner refuses a stale reference, but only when someone runs it; this test makes a model change that
/// forgets to regenerate the file fail the build's tests. The fingerprint is the runner's (SHA-256 of the base
/// model and the cell's parameter file with normalised line endings, first 16 hex digits). The values are checked
/// independently of the two methods that made them (Verner7 and Rodas5P): Rodas4 at rtol 1e-12 from the stored
/// initial state must reach the stored end state to more than 11 digits (it reaches 12.0–12.4), enough to judge
/// the scd of about 11 the fastest methods reach at rtol 1e-10. The benchmarks run the default model version
/// (<see cref="FerroptosisModel.Default"/>), so this test does too.
/// </remarks>
[Parallelizable(ParallelScope.All)]
public sealed class BenchmarkReferenceTests
{
    private const string File = "benchmarks/data/pathway-reference.tsv";
    private const string Regenerate = "dotnet run -c Release --project benchmarks/Ferroptosis.Sim.Benchmarks -- pathway-reference --out benchmarks/data/pathway-reference.tsv";

    private static IEnumerable<BoneCell> Cells => BoneCell.All;

    private static FerroptosisModel Model => FerroptosisModel.Default;

    [TestCaseSource(nameof(Cells))]
    public void Fingerprint_matches_the_model_files(BoneCell cell)
    {
        var rows = Rows(cell);
        string text = Model.ReadFile(FerroptosisModel.BaseFile) + "\n" + Model.ReadFile(cell.ParameterFile);
        string expected = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ReplaceLineEndings("\n"))))[..16];
        Assert.That(rows.Select(r => r.Fingerprint).Distinct(), Is.EqualTo(new[] { expected }), $"The model files changed since {File} was made; regenerate it with: {Regenerate}");
    }

    [TestCaseSource(nameof(Cells))]
    public void Stored_end_state_is_reached_by_an_independent_method(BoneCell cell)
    {
        var rows = Rows(cell);
        var model = Model.Compiled;
        Assert.That(rows.Select(r => r.State), Is.EqualTo(model.StateIds), "one row per state, in the model's order");

        var instance = model.CreateInstance();
        foreach (var (id, value) in cell.ParametersIn(Model))
        {
            instance.SetParameter(id, value);
        }

        foreach (var change in Perturbation.Erastin(10, ConcentrationUnit.Micromolar).Changes)
        {
            instance.SetParameter(change.Parameter, change.Apply(instance.GetParameter(change.Parameter)));
        }

        instance.ComputeInitialState(0);
        double[] initial = [.. rows.Select(r => r.Initial)];
        var problem = new ReferenceProblem(cell.Name, instance, 48, initial, [.. rows.Select(r => r.Reference)], IsStiff: true);
        var options = new OdeSolverOptions { RelativeTolerance = 1e-12, AbsoluteTolerance = 1e-15, OutputTimes = [48.0] };
        var solution = OdeSolvers.Rodas4.CreateIntegrator(problem.ToProblem(), options).Solve();

        Assert.That(solution.Status, Is.EqualTo(SolverStatus.Success));
        Assert.That(problem.Scd(solution.FinalState), Is.GreaterThan(11), "mixed significant correct digits of Rodas4's end state against the stored reference");
        Assert.That(solution.FinalState[model.IndexOfState("S")], Is.LessThan(0.5), "the challenge kills the cell within the run, so the reference covers the death switch");
    }

    private static List<(string State, double Initial, double Reference, string Fingerprint)> Rows(BoneCell cell)
    {
        var rows = new List<(string, double, double, string)>();
        foreach (string line in System.IO.File.ReadLines(RepositoryFiles.PathOf(File)))
        {
            string[] f = line.Split('\t');
            if (line.StartsWith('#') || f[0] != cell.Name)
            {
                continue;
            }

            Assert.That(f, Has.Length.EqualTo(6), line);
            rows.Add((f[1], double.Parse(f[2], CultureInfo.InvariantCulture), double.Parse(f[3], CultureInfo.InvariantCulture), f[5]));
        }

        Assert.That(rows, Is.Not.Empty, $"{File} has no rows for the {cell.Name}");
        return rows;
    }
}
