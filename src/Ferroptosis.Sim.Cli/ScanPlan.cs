using Ferroptosis.Sim.Modeling.Compilation;
using Ferroptosis.Sim.Modeling.Simulation;
using Ferroptosis.Sim.Pathway;

namespace Ferroptosis.Sim.Cli;

/// <summary>A scan ready to run: its axes, read-out, series (cell types, or the model file) and how to evaluate one grid point.</summary>
/// <remarks>
/// Points are numbered series-major, then by the first axis, then the second (the last varies fastest), so the
/// CSV lists them in that order. <see cref="Evaluate"/> is thread-safe: every point is its own simulation from
/// shared immutable parts (compiled model, cached resting states).
/// </remarks>
internal sealed class ScanPlan
{
    private readonly Func<int, double[], (double Value, string? Failure)> _evaluate;
    private int _failures;
    private string? _firstFailure;

    private ScanPlan(IReadOnlyList<ScanAxisSpec> axes, ScanReadout readout, IReadOnlyList<string> series, string modelName, Func<int, double[], (double, string?)> evaluate)
    {
        Axes = axes;
        Readout = readout;
        Series = series;
        ModelName = modelName;
        _evaluate = evaluate;
        PointsPerSeries = axes.Aggregate(1, (n, a) => checked(n * a.Values.Count));
        PointCount = checked(PointsPerSeries * series.Count);
    }

    /// <summary>Gets the scanned axes (one or two).</summary>
    public IReadOnlyList<ScanAxisSpec> Axes { get; }

    /// <summary>Gets the read-out.</summary>
    public ScanReadout Readout { get; }

    /// <summary>Gets the series: cell type names for the built-in model, the model name for a file.</summary>
    public IReadOnlyList<string> Series { get; }

    /// <summary>Gets the model name.</summary>
    public string ModelName { get; }

    /// <summary>Gets a value indicating whether the model is the built-in one (the CSV then starts with the cell type).</summary>
    public bool IsBuiltIn => ModelName == ModelFile.BuiltInName;

    /// <summary>Gets the number of grid points of one series.</summary>
    public int PointsPerSeries { get; }

    /// <summary>Gets the number of simulations.</summary>
    public int PointCount { get; }

    /// <summary>Gets how many points failed.</summary>
    public int Failures => _failures;

    /// <summary>Gets the first failure's description, or null.</summary>
    public string? FirstFailure => _firstFailure;

    /// <summary>Plans a scan of the built-in model.</summary>
    /// <param name="axes">The axes.</param>
    /// <param name="readout">The read-out text.</param>
    /// <param name="cells">The cell types (one for a 2-D scan).</param>
    /// <param name="scenario">The scenario, or null.</param>
    /// <param name="chronic">Whether the scenario is in its chronic form.</param>
    /// <param name="settings">Shared settings.</param>
    /// <returns>The plan.</returns>
    /// <exception cref="CliException">An inconsistent request.</exception>
    public static ScanPlan ForBuiltIn(IReadOnlyList<ScanAxisSpec> axes, string readout, IReadOnlyList<BoneCell> cells, DiseaseScenario? scenario, bool chronic, ScanSettings settings)
    {
        if (axes.Count == 2 && cells.Count > 1)
        {
            throw new CliException("A 2-D scan runs one cell type; give a single --cell.");
        }

        var read = ScanReadout.Parse(readout, [.. OutputProgram.DefaultIds(FerroptosisModel.Network)], timesHaveUnits: true);
        double hours = settings.TEnd is null ? (read.Kind == ScanReadout.ReadoutKind.At ? read.Time : 48) : Units.ParseHours(settings.TEnd, "--t-end");
        CheckDuration(read, hours);
        var background = PerturbationSpec.ParseBuiltIn(settings.Perturb);
        var defaults = CellSimulationOptions.Default;
        var options = defaults with
        {
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

        return new ScanPlan(axes, read, [.. cells.Select(c => c.Name)], ModelFile.BuiltInName, (series, point) =>
        {
            var perturbations = new List<Perturbation>(background.Perturbations);
            var parameters = new Dictionary<string, double>(background.Parameters, StringComparer.Ordinal);
            for (int a = 0; a < axes.Count; a++)
            {
                if (axes[a].Target!.Create(point[a]) is { } perturbation)
                {
                    perturbations.Add(perturbation);
                }
                else
                {
                    parameters[axes[a].Name] = point[a];
                }
            }

            var result = FerroptosisSimulation.Run(cells[series], perturbations, TimeSpan.FromHours(hours), options with { Parameters = parameters });
            return result.IsSuccess ? (read.Evaluate(result), null) : (double.NaN, $"{result.Status}: {result.Message}");
        });
    }

    /// <summary>Plans a scan of a model file.</summary>
    /// <param name="model">The model.</param>
    /// <param name="axes">The axes.</param>
    /// <param name="readout">The read-out text.</param>
    /// <param name="settings">Shared settings.</param>
    /// <returns>The plan.</returns>
    /// <exception cref="CliException">An inconsistent request.</exception>
    public static ScanPlan ForFile(ModelFile model, IReadOnlyList<ScanAxisSpec> axes, string readout, ScanSettings settings)
    {
        ArgumentNullException.ThrowIfNull(model);
        var compiled = ModelCompiler.Compile(model.Network);
        var read = ScanReadout.Parse(readout, [.. OutputProgram.DefaultIds(model.Network)], timesHaveUnits: false);
        double end = settings.TEnd is null ? (read.Kind == ScanReadout.ReadoutKind.At ? read.Time : 10) : Units.ParseNumber(settings.TEnd, "--t-end");
        CheckDuration(read, end);
        var background = PerturbationSpec.ParseForFile(settings.Perturb, model.Network);
        var defaults = new SimulationSettings();
        var grid = Enumerable.Range(0, 201).Select(i => end * i / 200).Append(read.Kind == ScanReadout.ReadoutKind.At ? read.Time : end).Distinct().Order().ToList();
        var baseSettings = defaults with
        {
            EndTime = end,
            OutputTimes = grid,
            Solver = settings.Solver ?? Ode.OdeSolvers.Auto,
            RelativeTolerance = settings.RelativeTolerance ?? defaults.RelativeTolerance,
            AbsoluteTolerance = settings.AbsoluteTolerance ?? defaults.AbsoluteTolerance,
        };
        return new ScanPlan(axes, read, [model.Name], model.Name, (_, point) =>
        {
            var parameters = new Dictionary<string, double>(background.Parameters, StringComparer.Ordinal);
            var initial = new Dictionary<string, double>(background.InitialValues, StringComparer.Ordinal);
            for (int a = 0; a < axes.Count; a++)
            {
                var target = model.Network.KindOf(axes[a].Name) == Modeling.Networks.SymbolKind.Species ? initial : parameters;
                target[axes[a].Name] = point[a];
            }

            var result = Simulator.Simulate(compiled, baseSettings with { Parameters = parameters, InitialValues = initial });
            return result.IsSuccess ? (read.Evaluate(result), null) : (double.NaN, $"{result.Status}: {result.Message}");
        });
    }

    /// <summary>Gets the series index and the axis values of a point.</summary>
    /// <param name="point">The point number.</param>
    /// <returns>The series and the coordinates, one per axis.</returns>
    public (int Series, double[] Coordinates) Coordinates(int point)
    {
        int rest = point % PointsPerSeries;
        var coordinates = new double[Axes.Count];
        for (int a = Axes.Count - 1; a >= 0; a--)
        {
            coordinates[a] = Axes[a].Values[rest % Axes[a].Values.Count];
            rest /= Axes[a].Values.Count;
        }

        return (point / PointsPerSeries, coordinates);
    }

    /// <summary>Simulates one point and returns its read-out (NaN for a failed run, which is counted).</summary>
    /// <param name="point">The point number.</param>
    /// <returns>The read-out.</returns>
    public double Evaluate(int point)
    {
        var (series, coordinates) = Coordinates(point);
        var (value, failure) = _evaluate(series, coordinates);
        if (failure is not null && Interlocked.Increment(ref _failures) == 1)
        {
            _firstFailure = $"{Series[series]} at {string.Join(", ", Axes.Select((a, i) => $"{a.Name} = {ScanAxisSpec.Format(coordinates[i])}"))}: {failure}";
        }

        return value;
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
