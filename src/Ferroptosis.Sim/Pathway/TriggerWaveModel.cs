using Ferroptosis.Sim.Formats.Antimony;
using Ferroptosis.Sim.Modeling.Compilation;
using Ferroptosis.Sim.Modeling.Networks;
using Ferroptosis.Sim.Modeling.Spatial;
using Ferroptosis.Sim.Ode;

namespace Ferroptosis.Sim.Pathway;

/// <summary>The ferroptotic trigger-wave cell model: model v2 extended by an extracellular, diffusible peroxide (<c>models/ferroptosis/v2/tissue/</c>), and tissues of it.</summary>
/// <remarks>
/// <para>
/// The extension (<see cref="ExtensionFile"/>) adds to <see cref="FerroptosisModel.Version2"/> the state <c>PX</c>, the
/// peroxide next to a cell in units of the peroxide tone it adds inside, released by cells whose lipid peroxidation
/// rises, cleared at rate <c>k_PXc</c> and exchanged between neighbouring cells by diffusion. The v2 peroxide tone is
/// renamed <c>ROS_cell</c> and <c>ROS</c> becomes <c>ROS_cell + PX/C_clear</c>; no other v2 equation or constant
/// changes, so the extended cell at rest (<c>PX</c> = 0) is the v2 cell at rest.
/// </para>
/// <para>Distances are in µm and time in hours throughout. Thread-safe.</para>
/// </remarks>
/// <example>
/// <code>
/// var tissue = TriggerWaveModel.CreateTissue(CellTopology.Line(200, TriggerWaveModel.CellSpacing));
/// var y0 = TriggerWaveModel.PrimedState(tissue, erastin: 1, TimeSpan.FromHours(24));
/// </code>
/// </example>
public static class TriggerWaveModel
{
    /// <summary>The file name of the extension in <c>models/ferroptosis/v2/tissue/</c>.</summary>
    public const string ExtensionFile = "trigger-wave.ant";

    /// <summary>The extracellular peroxide state variable.</summary>
    public const string PeroxideId = "PX";

    /// <summary>The diffusion coefficient of hydrogen peroxide in water, 1.4·10⁻⁹ m²/s, in µm²/h.</summary>
    public const double PeroxideDiffusion = 1.4e-9 * 1e12 * 3600;

    /// <summary>The distance between neighbouring osteoblasts of a sheet, in µm.</summary>
    public const double CellSpacing = 20;

    private const string ResourceName = "Ferroptosis.Sim.Models.ferroptosis_tissue.v2." + ExtensionFile;
    private const string ToneRule = "  ROS := ";

    private static readonly Lazy<string> Extension = new(ReadExtension);
    private static readonly Lazy<ReactionNetwork> Composed = new(Compose);
    private static readonly Lazy<CompiledModel> CompiledModel = new(() => ModelCompiler.Compile(Composed.Value));

    /// <summary>Gets the text of the extension.</summary>
    public static string ExtensionText => Extension.Value;

    /// <summary>Gets the extended cell network (id <c>ferroptosis_v2_trigger_wave</c>).</summary>
    public static ReactionNetwork Network => Composed.Value;

    /// <summary>Gets the compiled extended cell model.</summary>
    public static CompiledModel Compiled => CompiledModel.Value;

    /// <summary>Creates a tissue of extended cells on a topology, with the extracellular peroxide diffusing between neighbours.</summary>
    /// <param name="topology">The cells (positions and distances in µm).</param>
    /// <param name="cellType">The cell type whose v2 parameter set every cell gets; the reference osteoblast by default.</param>
    /// <param name="diffusion">The diffusion coefficient of the peroxide in µm²/h; <see cref="PeroxideDiffusion"/> by default.</param>
    /// <returns>The tissue; set drug inputs per cell with <see cref="TissueSystem.SetCellParameter"/> or all at once with <see cref="SetEverywhere"/>.</returns>
    /// <exception cref="ArgumentException">Model v2 has no parameter set for <paramref name="cellType"/>.</exception>
    public static TissueSystem CreateTissue(CellTopology topology, BoneCell? cellType = null, double diffusion = PeroxideDiffusion)
    {
        var tissue = new TissueSystem(Compiled, topology, [new SpeciesCoupling(PeroxideId, diffusion)]);
        foreach (var (id, value) in BaselineOf(cellType))
        {
            SetEverywhere(tissue, id, value);
        }

        return tissue;
    }

    /// <summary>Sets a parameter (e.g. a drug input such as <c>erastin</c>, <c>fer1</c>, <c>dfo</c>, <c>rsl3</c>) in every cell.</summary>
    /// <param name="tissue">The tissue.</param>
    /// <param name="id">The parameter id.</param>
    /// <param name="value">The value.</param>
    public static void SetEverywhere(TissueSystem tissue, string id, double value)
    {
        ArgumentNullException.ThrowIfNull(tissue);
        for (int c = 0; c < tissue.CellCount; c++)
        {
            tissue.SetCellParameter(c, id, value);
        }
    }

    /// <summary>Computes the state of a tissue after a drug pre-treatment: each cell starts at its v2 resting state, is exposed to the drugs for the given time, and the tissue gets the cells' states.</summary>
    /// <remarks>
    /// A parameter with the same value in every cell (the cell type, the drugs) acts as in one cell; a parameter whose
    /// value differs between cells (a heterogeneous tissue, e.g. from <see cref="Analysis.TissueVariation"/>) is a property
    /// of each cell and shapes its resting state as well as its priming. Cells with the same values share one
    /// integration, so a uniform tissue costs one cell. Vary cell properties between cells, not drug doses: a dose that
    /// differs between cells would enter the resting state.
    /// </remarks>
    /// <param name="tissue">A tissue of <see cref="Compiled"/> cells with the drugs of the priming set in every cell.</param>
    /// <param name="erastin">The erastin dose of the priming, µM.</param>
    /// <param name="priming">The duration of the pre-treatment (zero: the resting state).</param>
    /// <param name="cellType">The cell type the tissue was created with (<see cref="CreateTissue"/>): its v2 resting state is the start of the pre-treatment.</param>
    /// <returns>The tissue's state vector at the end of the pre-treatment.</returns>
    /// <exception cref="ArgumentException">The tissue is not made of <see cref="Compiled"/> cells.</exception>
    /// <exception cref="InvalidOperationException">A cell has no resting state or its priming could not be integrated; the message names the cell.</exception>
    public static double[] PrimedState(TissueSystem tissue, double erastin, TimeSpan priming, BoneCell? cellType = null)
    {
        ArgumentNullException.ThrowIfNull(tissue);
        ArgumentOutOfRangeException.ThrowIfLessThan(priming, TimeSpan.Zero);
        if (!ReferenceEquals(tissue.Cell, Compiled))
        {
            throw new ArgumentException("The tissue must be made of TriggerWaveModel.Compiled cells.", nameof(tissue));
        }

        var derived = Compiled.Network.InitialAssignments.Select(a => a.Symbol).ToHashSet(StringComparer.Ordinal);
        var varied = Compiled.ParameterIds.Where(id => !derived.Contains(id) && Enumerable.Range(1, tissue.CellCount - 1).Any(c => tissue.GetCellParameter(c, id).CompareTo(tissue.GetCellParameter(0, id)) != 0)).ToArray();

        // InitialState also evaluates every cell's initial assignments (the v2 normalisation constants).
        var state = tissue.InitialState();
        var primed = new Dictionary<string, double[]>(StringComparer.Ordinal);
        for (int c = 0; c < tissue.CellCount; c++)
        {
            string key = string.Join(';', varied.Select(id => tissue.GetCellParameter(c, id).ToString("R", System.Globalization.CultureInfo.InvariantCulture)));
            if (!primed.TryGetValue(key, out var y))
            {
                y = PrimeCell(tissue, c, varied, derived, erastin, priming.TotalHours, cellType);
                primed.Add(key, y);
            }

            y.CopyTo(state, c * tissue.StatesPerCell);
        }

        return state;
    }

    /// <summary>One cell of the tissue, alone: its resting state (with its own values of the varied parameters), then the priming.</summary>
    private static double[] PrimeCell(TissueSystem tissue, int c, string[] varied, HashSet<string> derived, double erastin, double primingHours, BoneCell? cellType)
    {
        var cell = new TissueSystem(Compiled, CellTopology.Line(1, CellSpacing), []);
        var defaults = Compiled.DefaultParameters;
        for (int k = 0; k < Compiled.ParameterIds.Count; k++)
        {
            string id = Compiled.ParameterIds[k];
            double value = tissue.GetCellParameter(c, id);
            if (!derived.Contains(id) && value.CompareTo(defaults[k]) != 0)
            {
                cell.SetCellParameter(0, id, value);
            }
        }

        cell.SetCellParameter(0, "erastin", erastin);
        var y = cell.InitialState();
        var v2 = FerroptosisModel.Version2;
        var baseline = new Dictionary<string, double>(BaselineOf(cellType), StringComparer.Ordinal);
        foreach (string id in varied.Where(id => v2.Compiled.IndexOfParameter(id) >= 0))
        {
            baseline[id] = tissue.GetCellParameter(c, id);
        }

        double[] rest;
        try
        {
            rest = v2.RestingState(baseline);
        }
        catch (InvalidOperationException e) when (varied.Length > 0)
        {
            throw new InvalidOperationException($"Cell {c} of the tissue has no resting state with its own parameter values: {e.Message}", e);
        }

        for (int k = 0; k < rest.Length; k++)
        {
            y[cell.IndexOf(0, v2.Compiled.StateIds[k])] = rest[k];
        }

        if (primingHours > 0)
        {
            var result = cell.Simulate(y, [0, primingHours], options: new OdeSolverOptions { RelativeTolerance = 1e-8, AbsoluteTolerance = 1e-10 });
            if (!result.IsSuccess)
            {
                throw new InvalidOperationException($"The priming of cell {c} could not be integrated: {result.Solution.Message}");
            }

            y = result.Solution.GetState(result.Count - 1).ToArray();
        }

        return y;
    }

    private static IReadOnlyDictionary<string, double> BaselineOf(BoneCell? cellType) =>
        cellType is null ? new Dictionary<string, double>(StringComparer.Ordinal) : FerroptosisModel.Version2.ParametersOf(cellType);

    private static string ReadExtension()
    {
        using var stream = typeof(TriggerWaveModel).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded extension {ExtensionFile} is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static ReactionNetwork Compose()
    {
        string cell = FerroptosisModel.Version2.ReadFile(FerroptosisModel.BaseFile);
        int at = cell.IndexOf(ToneRule, StringComparison.Ordinal);
        int end = cell.LastIndexOf("\nend", StringComparison.Ordinal);
        if (at < 0 || cell.IndexOf(ToneRule, at + 1, StringComparison.Ordinal) >= 0 || end < at)
        {
            throw new InvalidOperationException($"The v2 model must define the peroxide tone once ('{ToneRule.Trim()}') before its final 'end' for the trigger-wave extension to apply.");
        }

        string text = cell[..at] + "  ROS_cell := " + cell[(at + ToneRule.Length)..end] + "\n" + ExtensionText + "\nend\n";
        var n = AntimonyReader.Read(text, ExtensionFile);
        return new ReactionNetwork(
            "ferroptosis_v2_trigger_wave", n.Compartments, n.Species, n.Parameters, n.Reactions, n.AssignmentRules, n.RateRules, n.InitialAssignments, n.Functions, n.Events, n.ConversionFactor);
    }
}
