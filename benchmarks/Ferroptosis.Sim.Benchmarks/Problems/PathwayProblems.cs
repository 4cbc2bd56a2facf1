using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Ferroptosis.Sim.Modeling.Compilation;
using Ferroptosis.Sim.Pathway;
using Ferroptosis.Sim.Tests.TestProblems;

namespace Ferroptosis.Sim.Benchmarks.Problems;

/// <summary>
/// The pathway model as benchmark problems: one per bone cell type, 48 h of erastin 10 µM from the cell's
/// resting state (the protocol of <see cref="FerroptosisSimulation.Run(BoneCell, IEnumerable{Perturbation}, TimeSpan, CellSimulationOptions?)"/>), with a stored reference solution.
/// </summary>
/// <remarks>
/// <para>
/// The problem is the bare ODE: the compiled model with the cell's parameters and the erastin dose set,
/// integrated from the stored resting state to 48 h with output only at the end — no output grid, no
/// threshold watch, no step-size cap (the cell simulation adds those; see the pathway benchmarks).
/// Erastin 10 µM is a standard challenge: the surviving fraction falls from 1 through 0.5 within the
/// run, so the solver must follow the death switch.
/// </para>
/// <para>
/// The initial state and the reference at 48 h are read from <c>benchmarks/data/pathway-reference.tsv</c>
/// (embedded), so the problem does not change when the resting-state computation does. The file records the
/// command that made it and a fingerprint of the model files; when the model changes, <see cref="Load"/>
/// refuses the stale reference and says how to regenerate it.
/// </para>
/// <para>The problems use the default model version (<see cref="Model"/>), as the pathway API does.</para>
/// </remarks>
public static class PathwayProblems
{
    /// <summary>The simulated time in hours.</summary>
    public const double EndHours = 48;

    /// <summary>The erastin dose of the challenge, µM.</summary>
    public const double ErastinMicromolar = 10;

    /// <summary>The command that regenerates the reference file (from the repository root).</summary>
    public const string Command = "dotnet run -c Release --project benchmarks/Ferroptosis.Sim.Benchmarks -- pathway-reference --out benchmarks/data/pathway-reference.tsv";

    private const string ResourceName = "Ferroptosis.Sim.Benchmarks.data.pathway-reference.tsv";
    private static readonly Lazy<IReadOnlyDictionary<string, ReferenceProblem>> Stored = new(Load);

    /// <summary>Gets the model version of the problems: the default (<see cref="FerroptosisModel.Default"/>).</summary>
    public static FerroptosisModel Model => FerroptosisModel.Default;

    /// <summary>Gets the cell types, in the order of the problems.</summary>
    public static IReadOnlyList<BoneCell> Cells => BoneCell.All;

    /// <summary>Gets the three pathway problems (osteoblast, osteoclast, osteocyte).</summary>
    public static IReadOnlyList<ReferenceProblem> All => [.. Cells.Select(c => Stored.Value[c.Name])];

    /// <summary>Gets the challenge every problem applies.</summary>
    public static Perturbation Challenge => Perturbation.Erastin(ErastinMicromolar, ConcentrationUnit.Micromolar);

    /// <summary>Gets the problem of a cell type.</summary>
    /// <param name="cell">The cell type.</param>
    /// <returns>The problem with its stored initial state and reference.</returns>
    public static ReferenceProblem For(BoneCell cell) => Stored.Value[cell.Name];

    /// <summary>Creates a run state of the model with the cell's parameters and the challenge applied.</summary>
    /// <param name="cell">The cell type.</param>
    /// <param name="model">The model version, or null for <see cref="Model"/>.</param>
    /// <returns>A new instance (not thread-safe: one per thread).</returns>
    public static ModelInstance CreateInstance(BoneCell cell, FerroptosisModel? model = null)
    {
        model ??= Model;
        var instance = model.Compiled.CreateInstance();
        foreach (var (id, value) in cell.ParametersIn(model))
        {
            instance.SetParameter(id, value);
        }

        foreach (var change in Challenge.Changes)
        {
            instance.SetParameter(change.Parameter, change.Apply(instance.GetParameter(change.Parameter)));
        }

        // Initial assignments (the model's normalisation constants) live in the parameter vector.
        instance.ComputeInitialState(0);
        return instance;
    }

    /// <summary>Gets the state of a cell at the end of the problem (48 h of erastin 10 µM from rest) in a model version: the stored reference for <see cref="Model"/>, else a cell simulation at rtol 1e-10.</summary>
    /// <param name="cell">The cell type.</param>
    /// <param name="model">The model version.</param>
    /// <returns>The state, ordered as the version's compiled model.</returns>
    public static double[] StateAt48Hours(BoneCell cell, FerroptosisModel model)
    {
        if (model == Model)
        {
            return [.. For(cell).Reference];
        }

        var run = FerroptosisSimulation.Run(cell, [Challenge], TimeSpan.FromHours(EndHours), new CellSimulationOptions { Model = model, RelativeTolerance = 1e-10, AbsoluteTolerance = 1e-12 });
        return [.. model.Compiled.StateIds.Select(id => run.Quantity(id)[^1])];
    }

    /// <summary>Gets a hexadecimal SHA-256 of the base model and the cell's parameter-set file, which define the problem.</summary>
    /// <param name="cell">The cell type.</param>
    /// <returns>The first 16 hexadecimal digits.</returns>
    public static string Fingerprint(BoneCell cell)
    {
        string text = Model.ReadFile(FerroptosisModel.BaseFile) + "\n" + Model.ReadFile(cell.ParameterFile);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ReplaceLineEndings("\n"))))[..16];
    }

    /// <summary>Reads the embedded reference file.</summary>
    private static Dictionary<string, ReferenceProblem> Load()
    {
        using var stream = typeof(PathwayProblems).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The reference file is missing; create it with: {Command}");
        using var reader = new StreamReader(stream);
        var table = ReferenceTable.Read(reader);
        var problems = new Dictionary<string, ReferenceProblem>(StringComparer.OrdinalIgnoreCase);
        var stateIds = Model.Compiled.StateIds;
        foreach (var cell in Cells)
        {
            if (!table.Fingerprints.TryGetValue(cell.Name, out string? stored) || stored != Fingerprint(cell))
            {
                throw new InvalidOperationException(
                    $"The stored reference of the {cell.Name} problem does not match the model files (they changed since it was made). Regenerate it with: {Command}");
            }

            var initial = new double[stateIds.Count];
            var reference = new double[stateIds.Count];
            for (int k = 0; k < stateIds.Count; k++)
            {
                (initial[k], reference[k]) = table.Values[(cell.Name, stateIds[k])];
            }

            problems[cell.Name] = new ReferenceProblem(cell.Name, CreateInstance(cell), EndHours, initial, reference, IsStiff: true);
        }

        return problems;
    }

    /// <summary>Formats a number so that it reads back exactly.</summary>
    internal static string Exact(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
