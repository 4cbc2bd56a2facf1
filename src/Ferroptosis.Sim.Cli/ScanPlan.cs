using Ferroptosis.Sim.Analysis;
using Ferroptosis.Sim.Modeling.Compilation;
using Ferroptosis.Sim.Modeling.Networks;
using Ferroptosis.Sim.Modeling.Simulation;
using Ferroptosis.Sim.Ode;
using Ferroptosis.Sim.Pathway;

namespace Ferroptosis.Sim.Cli;

/// <summary>A scan ready to run with the analysis toolkit: a response model, its grid axes, the read-out and the series (cell types, or the model file).</summary>
/// <remarks>
/// Built-in model: the response model is <see cref="PathwayScanModel"/> and the first grid axis is the cell
/// type (by index), so points are numbered cell-major and the CSV lists one cell type after the other. Model
/// file: a <see cref="SimulationExperiment"/> whose inputs are the scanned parameters or initial values and
/// whose output is the read-out, computed from the solver's dense output.
/// </remarks>
internal sealed class ScanPlan
{
    /// <summary>The name of the cell-type axis of built-in scans.</summary>
    public const string CellAxis = "cell_type";

    private ScanPlan(IResponseModel model, IReadOnlyList<ScanAxis> grid, IReadOnlyList<ScanAxisSpec> axes, ScanReadout readout, IReadOnlyList<string> series, string modelName, FerroptosisModel? builtIn)
    {
        Model = model;
        BuiltIn = builtIn;
        Grid = grid;
        Axes = axes;
        Readout = readout;
        Series = series;
        ModelName = modelName;
    }

    /// <summary>Gets the response model the scan evaluates.</summary>
    public IResponseModel Model { get; }

    /// <summary>Gets the grid axes passed to <see cref="ParameterScan.Run"/>: the cell-type axis first for the built-in model, then the scanned inputs.</summary>
    public IReadOnlyList<ScanAxis> Grid { get; }

    /// <summary>Gets the scanned inputs (one or two).</summary>
    public IReadOnlyList<ScanAxisSpec> Axes { get; }

    /// <summary>Gets the read-out.</summary>
    public ScanReadout Readout { get; }

    /// <summary>Gets the series: cell type names for the built-in model, the model name for a file.</summary>
    public IReadOnlyList<string> Series { get; }

    /// <summary>Gets the model name.</summary>
    public string ModelName { get; }

    /// <summary>Gets the version of the built-in model, or null for a model file.</summary>
    public FerroptosisModel? BuiltIn { get; }

    /// <summary>Gets a value indicating whether the model is the built-in one.</summary>
    public bool IsBuiltIn => Grid.Count > Axes.Count;

    /// <summary>Gets the number of simulations as a double, counted without overflow for any grid (checked against the limits before <see cref="PointCount"/> is used).</summary>
    public double EstimatedPoints => Axes.Aggregate((double)Series.Count, (n, a) => n * a.Values.Count);

    /// <summary>Gets the number of grid points of one series.</summary>
    public int PointsPerSeries => Axes.Aggregate(1, (n, a) => checked(n * a.Values.Count));

    /// <summary>Gets the number of simulations.</summary>
    public int PointCount => PointsPerSeries * Series.Count;

    /// <summary>Plans a scan of the built-in model.</summary>
    /// <param name="version">The version of the built-in model.</param>
    /// <param name="axes">The scanned inputs.</param>
    /// <param name="readout">The read-out text.</param>
    /// <param name="cells">The cell types (one for a 2-D scan).</param>
    /// <param name="scenario">The scenario, or null.</param>
    /// <param name="chronic">Whether the scenario is in its chronic form.</param>
    /// <param name="settings">Shared settings.</param>
    /// <returns>The plan.</returns>
    /// <exception cref="CliException">An inconsistent request.</exception>
    public static ScanPlan ForBuiltIn(FerroptosisModel version, IReadOnlyList<ScanAxisSpec> axes, string readout, IReadOnlyList<BoneCell> cells, DiseaseScenario? scenario, bool chronic, ScanSettings settings)
    {
        if (axes.Count == 2 && cells.Count > 1)
        {
            throw new CliException("A 2-D scan runs one cell type; give a single --cell.");
        }

        var read = ScanReadout.Parse(readout, [.. OutputProgram.DefaultIds(version.Network)], timesHaveUnits: true);
        double hours = settings.TEnd is null ? (read.Kind == ScanReadout.ReadoutKind.At ? read.Time : 48) : Units.ParseHours(settings.TEnd, "--t-end");
        CheckDuration(read, hours);
        var defaults = CellSimulationOptions.Default;
        var options = defaults with
        {
            Model = version,
            Scenario = scenario,
            ChronicScenario = chronic,
            Solver = settings.Solver,
            RelativeTolerance = settings.RelativeTolerance ?? defaults.RelativeTolerance,
            AbsoluteTolerance = settings.AbsoluteTolerance ?? defaults.AbsoluteTolerance,
        };

        // Fail on a bad value (e.g. a knock-down fraction above 1) before the scan starts, not at every point.
        foreach (var axis in axes)
        {
            foreach (double value in axis.Values)
            {
                axis.Target!.Create(value);
            }
        }

        var background = PerturbationSpec.ParseBuiltIn(settings.Perturb, version);
        PerturbationSpec.RequireWithinRun(background.Perturbations, hours);
        var model = new PathwayScanModel(cells, axes, background, read, Units.ToTimeSpan(hours, "--t-end"), options);
        ScanAxis cellAxis = new(CellAxis, Enumerable.Range(0, cells.Count).Select(i => (double)i));
        return new ScanPlan(model, [cellAxis, .. axes.Select(a => a.ToScanAxis())], axes, read, [.. cells.Select(c => c.Name)], ModelFile.BuiltInName, version);
    }

    /// <summary>Plans a scan of a model file.</summary>
    /// <param name="model">The model.</param>
    /// <param name="axes">The scanned parameters or species.</param>
    /// <param name="readout">The read-out text.</param>
    /// <param name="settings">Shared settings.</param>
    /// <returns>The plan.</returns>
    /// <exception cref="CliException">An inconsistent request.</exception>
    public static ScanPlan ForFile(ModelFile model, IReadOnlyList<ScanAxisSpec> axes, string readout, ScanSettings settings)
    {
        ArgumentNullException.ThrowIfNull(model);
        ModelFile.RequireDynamics(model);
        var read = ScanReadout.Parse(readout, [.. OutputProgram.DefaultIds(model.Network)], timesHaveUnits: false);
        double end = settings.TEnd is null ? (read.Kind == ScanReadout.ReadoutKind.At ? read.Time : 10) : Units.ParseNumber(settings.TEnd, "--t-end");
        CheckDuration(read, end);
        var background = PerturbationSpec.ParseForFile(settings.Perturb, model.Network);
        var defaults = new SimulationSettings();
        var simulation = defaults with
        {
            EndTime = end,
            Solver = settings.Solver ?? OdeSolvers.Auto,
            RelativeTolerance = settings.RelativeTolerance ?? defaults.RelativeTolerance,
            AbsoluteTolerance = settings.AbsoluteTolerance ?? defaults.AbsoluteTolerance,
            Parameters = background.Parameters,
            InitialValues = background.InitialValues,
        };
        IModelInput[] inputs = [.. axes.Select(a => model.Network.KindOf(a.Name) == SymbolKind.Species ? (IModelInput)new InitialValueInput(a.Name) : new ParameterInput(a.Name))];
        SimulationExperiment experiment;
        try
        {
            experiment = new SimulationExperiment(ModelCompiler.Compile(model.Network), inputs, [read.ToAnalysisReadout()], simulation);
        }
        catch (ArgumentException ex)
        {
            throw CliException.From(ex, $"{model.Path}: ");
        }

        var grid = axes.Select((a, i) => new ScanAxis(inputs[i].Name, a.Values, a.IsLogarithmic)).ToList();
        return new ScanPlan(experiment, grid, axes, read, [model.Name], model.Name, null);
    }

    /// <summary>Gets the series index and the scanned values of a point of a scan result.</summary>
    /// <param name="result">The result of running this plan.</param>
    /// <param name="point">The point number.</param>
    /// <returns>The series and one value per scanned input.</returns>
    public (int Series, double[] Coordinates) Coordinates(ScanResult result, int point)
    {
        ArgumentNullException.ThrowIfNull(result);
        int offset = IsBuiltIn ? 1 : 0;
        int series = IsBuiltIn ? result.AxisIndex(point, 0) : 0;
        return (series, [.. Enumerable.Range(0, Axes.Count).Select(a => result.Coordinate(point, a + offset))]);
    }

    private static void CheckDuration(ScanReadout read, double end)
    {
        if (!(end > 0))
        {
            throw new CliException("--t-end must be longer than zero.");
        }

        if (read.Kind == ScanReadout.ReadoutKind.At && read.Time > end)
        {
            throw new CliException($"--readout '{read.Text}' reads after the end of the run ({end:G4}); raise --t-end.");
        }
    }
}
