using System.Collections.ObjectModel;
using System.Globalization;
using Ferroptosis.Sim.Modeling.Simulation;
using Ferroptosis.Sim.Ode;
using Ferroptosis.Sim.Ode.Events;

namespace Ferroptosis.Sim.Pathway;

/// <summary>Runs the ferroptosis model for a bone cell under drugs, exposures, genetic changes and disease scenarios.</summary>
/// <remarks>
/// <para>
/// Protocol (specification §9 and §13): the drug-free model of the cell type, with its genetic changes,
/// is brought to its resting state; the surviving fraction is set to 1; at t = 0 the scenario and the
/// exposures start (scheduled ones later; wash-outs restore the values in force when they started);
/// the model is integrated for the given duration with a stiff solver.
/// </para>
/// <para>
/// Pre-treatment: a perturbation may start before the exposure (<see cref="Perturbation.Before"/>, or a
/// negative <see cref="Perturbation.From"/>). The run then starts from the resting state at the earliest
/// such time, and the surviving fraction is set to 1 again at t = 0, so that survival and the time to
/// 50 % death count from the start of the challenge (expected behaviour EB-15: HO-1 induced 12 h before an
/// oxidative challenge). The pre-treatment phase is part of the reported time course (negative times).
/// </para>
/// <para>
/// The model version is <see cref="CellSimulationOptions.Model"/> (default <see cref="FerroptosisModel.Default"/>, v2); the
/// cell's parameter set, its resting state and the compiled model all come from that version, and the result records it
/// (<see cref="CellSimulationResult.ModelVersion"/>).
/// </para>
/// <para>Thread-safe: runs share the compiled model and the cached resting states of their version, nothing else.</para>
/// </remarks>
/// <example>
/// <code>
/// var result = FerroptosisSimulation.Run(BoneCell.Osteoblast, [Perturbation.Erastin(5, ConcentrationUnit.Micromolar)], TimeSpan.FromHours(48));
/// Console.WriteLine($"survival at 24 h: {result.SurvivalAtHours(24):F2}, t50: {result.TimeTo50PercentDeathHours:F1} h");
/// </code>
/// </example>
public static class FerroptosisSimulation
{
    /// <summary>Simulates one cell type under a set of perturbations.</summary>
    /// <param name="cell">The cell type.</param>
    /// <param name="perturbations">Drugs, exposures and genetic changes (may be empty).</param>
    /// <param name="duration">The length of the exposure (from t = 0; a pre-treatment adds its lead time before).</param>
    /// <param name="options">Scenario, solver and tolerances, or null for the defaults.</param>
    /// <returns>The time course with read-outs; check <see cref="CellSimulationResult.IsSuccess"/>.</returns>
    /// <exception cref="ArgumentException">A perturbation names an unknown parameter, a wash-out is not after its start, the duration is not positive, the output would have more than <see cref="CellSimulationOptions.MaxOutputPoints"/> points, or the cell type does not exist in the chosen model version (the osteoclast precursor in v1).</exception>
    /// <exception cref="InvalidOperationException">The cell with its genetic changes has no resting state to start from (see <see cref="FerroptosisModel.RestingState"/>).</exception>
    public static CellSimulationResult Run(BoneCell cell, IEnumerable<Perturbation> perturbations, TimeSpan duration, CellSimulationOptions? options = null) =>
        RunWithWatchSamples(cell, perturbations, duration, options, WatchSamplesPerStep, CancellationToken.None);

    /// <summary>Simulates one cell type under a set of perturbations; the run can be cancelled.</summary>
    /// <param name="cell">The cell type.</param>
    /// <param name="perturbations">Drugs, exposures and genetic changes (may be empty).</param>
    /// <param name="duration">The length of the exposure (from t = 0; a pre-treatment adds its lead time before).</param>
    /// <param name="options">Scenario, solver and tolerances, or null for the defaults.</param>
    /// <param name="cancellationToken">Stops the integration between steps.</param>
    /// <returns>The time course with read-outs; check <see cref="CellSimulationResult.IsSuccess"/>.</returns>
    /// <exception cref="ArgumentException">As <see cref="Run(BoneCell, IEnumerable{Perturbation}, TimeSpan, CellSimulationOptions?)"/>, including a run whose output would exceed <see cref="CellSimulationOptions.MaxOutputPoints"/>.</exception>
    /// <exception cref="InvalidOperationException">The cell with its genetic changes has no resting state to start from.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public static CellSimulationResult Run(BoneCell cell, IEnumerable<Perturbation> perturbations, TimeSpan duration, CellSimulationOptions? options, CancellationToken cancellationToken) =>
        RunWithWatchSamples(cell, perturbations, duration, options, WatchSamplesPerStep, cancellationToken);

    /// <summary>Gets the number of time points a run would report: from the earliest pre-treatment (or 0) to the end of <paramref name="duration"/>, every <see cref="CellSimulationOptions.OutputIntervalHours"/>.</summary>
    /// <param name="perturbations">The perturbations (their start times set the start of the run).</param>
    /// <param name="duration">The length of the exposure.</param>
    /// <param name="options">The options, or null for the defaults.</param>
    /// <returns>The number of points (a double, so that absurd requests are counted without overflow); multiply by the number of quantities for the number of values.</returns>
    public static double EstimateOutputPoints(IEnumerable<Perturbation> perturbations, TimeSpan duration, CellSimulationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(perturbations);
        options ??= CellSimulationOptions.Default;
        double start = 0;
        foreach (var p in perturbations)
        {
            if (!p.IsGenetic)
            {
                start = Math.Min(start, p.StartHours);
            }
        }

        return Math.Ceiling((-start / options.OutputIntervalHours) - 1e-9) + Math.Ceiling((duration.TotalHours / options.OutputIntervalHours) - 1e-9) + 1;
    }

    /// <summary>
    /// Interior points per step at which the t50 watch is checked: none. The surviving fraction only falls
    /// (dS/dt = −h·S with a hazard h ≥ 0), so it crosses 0.5 at most once and the signs at the step ends find
    /// that crossing; the model has no events of its own. Sampling inside every step cost a quarter of a default
    /// run; the behaviour tests and <c>FerroptosisSimulationWatchTests</c> check that t50 does not change.
    /// </summary>
    internal const int WatchSamplesPerStep = 0;

    /// <summary>As the public overload, recording the given quantities during the run (null: every state, so that no quantity needs a second run); for callers that know which quantities they will read.</summary>
    internal static CellSimulationResult Run(BoneCell cell, IEnumerable<Perturbation> perturbations, TimeSpan duration, CellSimulationOptions? options, IReadOnlyList<string>? recorded, CancellationToken cancellationToken = default) =>
        RunWithWatchSamples(cell, perturbations, duration, options, WatchSamplesPerStep, recorded, cancellationToken);

    /// <summary>As the public overload, with the number of interior points per step at which the t50 watch is checked.</summary>
    internal static CellSimulationResult RunWithWatchSamples(BoneCell cell, IEnumerable<Perturbation> perturbations, TimeSpan duration, CellSimulationOptions? options, int watchSamplesPerStep, CancellationToken cancellationToken = default) =>
        RunWithWatchSamples(cell, perturbations, duration, options, watchSamplesPerStep, options?.RecordAllQuantities == true ? null : Recorded, cancellationToken);

    private static CellSimulationResult RunWithWatchSamples(BoneCell cell, IEnumerable<Perturbation> perturbations, TimeSpan duration, CellSimulationOptions? options, int watchSamplesPerStep, IReadOnlyList<string>? recorded, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cell);
        ArgumentNullException.ThrowIfNull(perturbations);
        options ??= CellSimulationOptions.Default;
        var list = perturbations.ToList();
        double hours = duration.TotalHours;
        if (!(hours > 0) || !double.IsFinite(hours))
        {
            throw new ArgumentOutOfRangeException(nameof(duration), duration, "The duration must be positive.");
        }

        CheckSize(list, duration, options);

        foreach (var p in list)
        {
            if (p.EndHours is double end && !(end > p.StartHours))
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"'{p}' is washed out at {end:G4} h, which is not after its start at {p.StartHours:G4} h."), nameof(perturbations));
            }
        }

        var version = options.Model ?? FerroptosisModel.Default;
        var model = version.Compiled;
        var genetic = new List<Perturbation>();
        var exposures = new List<Perturbation>(list.Count);
        double start = 0;
        foreach (var p in list)
        {
            if (p.IsGenetic)
            {
                genetic.Add(p);
            }
            else
            {
                exposures.Add(p);
                start = Math.Min(start, p.StartHours);
            }
        }

        var baseline = Baseline(version, cell, genetic);
        var resting = version.StoredRestingState(baseline);
        var (parameters, schedule) = ExposureTimeline.Build(version, baseline, exposures, options, start);
        if (start < 0)
        {
            // The challenge starts at t = 0: survival counts from there (EB-15, "S reset to 1 at t = 0").
            schedule.Add(new ScheduledChange(0, "S", 1.0));
        }

        // The resting state as it is (a view, no copy), or with the caller's initial values over it.
        IReadOnlyDictionary<string, double> initial = new StateValues(model.StateIds, resting);
        if (options.InitialValues is { } given)
        {
            var merged = new Dictionary<string, double>(initial, StringComparer.Ordinal);
            foreach (var (id, value) in given)
            {
                if (model.IndexOfState(id) < 0)
                {
                    throw new ArgumentException($"'{id}' is not a state of the {version}; initial values can be set for {string.Join(", ", model.StateIds)}.", nameof(options));
                }

                merged[id] = value;
            }

            initial = merged;
        }

        var settings = new SimulationSettings
        {
            StartTime = start,
            EndTime = hours,
            OutputTimes = Grid(start, hours, options.OutputIntervalHours),
            Solver = options.Solver ?? OdeSolvers.Auto,
            RelativeTolerance = options.RelativeTolerance,
            AbsoluteTolerance = options.AbsoluteTolerance,
            MaxStep = options.MaxStepHours,
            Parameters = parameters,
            InitialValues = initial,
            Schedule = schedule,
            Thresholds = [new ThresholdWatch("S", 0.5, EventDirection.Falling)],
            EventSamplesPerStep = model.HasEvents ? new SimulationSettings().EventSamplesPerStep : watchSamplesPerStep,
            RecordedQuantities = recorded,
        };
        cancellationToken.ThrowIfCancellationRequested();
        var result = Simulator.Simulate(model, settings, cancellationToken);

        // The integrator ends a cancelled run with a status; the pathway API throws, as BoneRemodelling.Run does.
        cancellationToken.ThrowIfCancellationRequested();
        return new CellSimulationResult(version, cell, options.Scenario, list, result, version.RestingQuantities(baseline))
        {
            ParameterValues = options.Parameters ?? ReadOnlyDictionary<string, double>.Empty,
        };
    }

    /// <summary>
    /// The quantities a run records: the surviving fraction, which its read-outs (survival, t50, the summary line) use. The
    /// others are computed from a second run of the same settings when the first of them is read (the same bits): a
    /// caller that looks at survival does not pay for storing 21 states at every reported point.
    /// </summary>
    private static readonly string[] Recorded = ["S"];

    /// <summary>Refuses, before anything is computed, a run whose reported points would exceed <see cref="CellSimulationOptions.MaxOutputPoints"/> (e.g. <see cref="TimeSpan.MaxValue"/>), saying how many it would have.</summary>
    private static void CheckSize(IReadOnlyList<Perturbation> perturbations, TimeSpan duration, CellSimulationOptions options)
    {
        if (!(options.OutputIntervalHours > 0) || !double.IsFinite(options.OutputIntervalHours))
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.OutputIntervalHours, "OutputIntervalHours must be a positive number of hours.");
        }

        double points = EstimateOutputPoints(perturbations, duration, options);
        if (points > options.MaxOutputPoints)
        {
            throw new ArgumentOutOfRangeException(
                nameof(duration),
                duration,
                string.Create(CultureInfo.InvariantCulture, $"A run of {duration.TotalHours:G4} h reported every {options.OutputIntervalHours:G4} h has {points:G4} time points, more than CellSimulationOptions.MaxOutputPoints ({options.MaxOutputPoints:N0}); use a longer OutputIntervalHours or a shorter duration, or raise MaxOutputPoints."));
        }
    }

    /// <summary>The cell's absolute parameter values in a model version: its parameter set plus its genetic changes, starting from the base model's values.</summary>
    internal static Dictionary<string, double> Baseline(FerroptosisModel model, BoneCell cell, IEnumerable<Perturbation> genetic)
    {
        var values = new Dictionary<string, double>(cell.ParametersIn(model), StringComparer.Ordinal);
        foreach (var p in genetic)
        {
            ExposureTimeline.Apply(model, values, p.ChangesIn(model));
        }

        return values;
    }

    /// <summary>Output times every <paramref name="interval"/> hours on a grid through t = 0, from <paramref name="start"/> to <paramref name="hours"/>, both included.</summary>
    private static double[] Grid(double start, double hours, double interval)
    {
        if (!(interval > 0) || !double.IsFinite(interval))
        {
            throw new ArgumentOutOfRangeException(nameof(interval), interval, "The output interval must be a positive number of hours.");
        }

        int before = checked((int)Math.Ceiling((-start / interval) - 1e-9));
        int after = checked((int)Math.Ceiling((hours / interval) - 1e-9));
        var grid = new double[before + after + 1];
        grid[0] = start;
        for (int k = 1; k < before; k++)
        {
            grid[k] = (k - before) * interval;
        }

        for (int k = 0; k < after; k++)
        {
            grid[before + k] = k * interval;
        }

        grid[^1] = hours;
        return grid;
    }
}
