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
/// <para>Thread-safe: runs share the compiled model and the cached resting states, nothing else.</para>
/// </remarks>
/// <example>
/// <code>
/// var result = FerroptosisSimulation.Run(BoneCell.Osteoblast, [Perturbation.Erastin(5, ConcentrationUnit.Micromolar)], TimeSpan.FromHours(48));
/// Console.WriteLine($"survival at 24 h: {result.SurvivalAt(24):F2}, t50: {result.TimeTo50PercentDeath:F1} h");
/// </code>
/// </example>
public static class FerroptosisSimulation
{
    /// <summary>Simulates one cell type under a set of perturbations.</summary>
    /// <param name="cell">The cell type.</param>
    /// <param name="perturbations">Drugs, exposures and genetic changes (may be empty).</param>
    /// <param name="duration">The length of the exposure.</param>
    /// <param name="options">Scenario, solver and tolerances, or null for the defaults.</param>
    /// <returns>The time course with read-outs; check <see cref="CellSimulationResult.IsSuccess"/>.</returns>
    /// <exception cref="ArgumentException">A perturbation names an unknown parameter, or the duration is not positive.</exception>
    public static CellSimulationResult Run(BoneCell cell, IEnumerable<Perturbation> perturbations, TimeSpan duration, CellSimulationOptions? options = null)
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

        var model = FerroptosisModel.Compiled;
        var values = Baseline(cell, list.Where(p => p.IsGenetic));
        var resting = FerroptosisModel.RestingState(values);

        // Exposure at t = 0: scenario, then perturbations that start at 0.
        var exposure = new Dictionary<string, double>(values, StringComparer.Ordinal);
        if (options.Scenario is { } scenario)
        {
            Apply(exposure, options.ChronicScenario ? scenario.Chronic : scenario.InVitro);
        }

        var schedule = new List<ScheduledChange>();
        foreach (var p in list.Where(p => !p.IsGenetic).OrderBy(p => p.StartHours))
        {
            if (p.StartHours <= 0)
            {
                var before = Snapshot(exposure, p);
                Apply(exposure, p.Changes);
                Washout(p, before, schedule);
            }
            else
            {
                // Later starts are computed from the values at t = 0 (overlapping schedules of one parameter are applied in start order).
                var timeline = new Dictionary<string, double>(exposure, StringComparer.Ordinal);
                var before = Snapshot(timeline, p);
                Apply(timeline, p.Changes);
                foreach (var c in p.Changes)
                {
                    schedule.Add(new ScheduledChange(p.StartHours, c.Parameter, timeline[c.Parameter]));
                }

                Washout(p, before, schedule);
            }
        }

        foreach (var (id, value) in options.Parameters ?? new Dictionary<string, double>())
        {
            exposure[id] = value;
        }

        var initial = new Dictionary<string, double>(StringComparer.Ordinal);
        for (int k = 0; k < resting.Length; k++)
        {
            initial[model.StateIds[k]] = resting[k];
        }

        var settings = new SimulationSettings
        {
            EndTime = hours,
            OutputTimes = Grid(hours, options.OutputIntervalHours),
            Solver = options.Solver ?? OdeSolvers.Rodas5P,
            RelativeTolerance = options.RelativeTolerance,
            AbsoluteTolerance = options.AbsoluteTolerance,
            MaxStep = options.MaxStepHours,
            Parameters = exposure,
            InitialValues = initial,
            Schedule = schedule,
            Thresholds = [new ThresholdWatch("S", 0.5, EventDirection.Falling)],
        };
        var result = Simulator.Simulate(model, settings);
        return new CellSimulationResult(cell, options.Scenario, list, result);
    }

    /// <summary>The cell's absolute parameter values: its parameter set plus its genetic changes, starting from the base model's values.</summary>
    internal static Dictionary<string, double> Baseline(BoneCell cell, IEnumerable<Perturbation> genetic)
    {
        var values = new Dictionary<string, double>(cell.Parameters, StringComparer.Ordinal);
        foreach (var p in genetic)
        {
            Apply(values, p.Changes);
        }

        return values;
    }

    private static void Apply(Dictionary<string, double> values, IEnumerable<ParameterChange> changes)
    {
        foreach (var change in changes)
        {
            double current = values.TryGetValue(change.Parameter, out double v) ? v : DeclaredValue(change.Parameter);
            values[change.Parameter] = change.Apply(current);
        }
    }

    private static double DeclaredValue(string parameter)
    {
        var model = FerroptosisModel.Compiled;
        int index = model.IndexOfParameter(parameter);
        return index >= 0
            ? model.DefaultParameters[index]
            : throw new ArgumentException($"The ferroptosis model has no parameter '{parameter}'.", nameof(parameter));
    }

    private static Dictionary<string, double> Snapshot(Dictionary<string, double> values, Perturbation p) =>
        p.Changes.Select(c => c.Parameter).Distinct().ToDictionary(id => id, id => values.TryGetValue(id, out double v) ? v : DeclaredValue(id), StringComparer.Ordinal);

    private static void Washout(Perturbation p, Dictionary<string, double> before, List<ScheduledChange> schedule)
    {
        if (p.EndHours is double end)
        {
            foreach (var (id, value) in before)
            {
                schedule.Add(new ScheduledChange(end, id, value));
            }
        }
    }

    private static double[] Grid(double hours, double interval)
    {
        if (!(interval > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(interval), interval, "The output interval must be positive.");
        }

        int count = (int)Math.Ceiling((hours / interval) - 1e-9);
        var grid = new double[count + 1];
        for (int k = 0; k < count; k++)
        {
            grid[k] = k * interval;
        }

        grid[count] = hours;
        return grid;
    }
}
