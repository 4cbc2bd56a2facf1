using Ferroptosis.Sim.Modeling.Compilation;
using Ferroptosis.Sim.Modeling.Networks;
using Ferroptosis.Sim.Ode;
using Ferroptosis.Sim.Ode.Events;

namespace Ferroptosis.Sim.Modeling.Simulation;

/// <summary>Runs a compiled model over a time span and reports named quantities: the model-level counterpart of <see cref="Ode.Ode.Solve"/>.</summary>
/// <example>
/// <code>
/// var model = ModelCompiler.Compile(network);
/// var result = Simulator.Simulate(model, new SimulationSettings { EndTime = 24, OutputPoints = 49 });
/// Console.WriteLine(result.ToCsv());
/// </code>
/// </example>
public static class Simulator
{
    /// <summary>Simulates a fresh run of <paramref name="model"/>.</summary>
    /// <param name="model">The compiled model.</param>
    /// <param name="settings">The settings, or null for the defaults.</param>
    /// <param name="cancellationToken">Cancels a long run.</param>
    /// <returns>The result; check <see cref="SimulationResult.IsSuccess"/>.</returns>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    /// <remarks>
    /// Runs on a fresh run state: one kept per thread and reset between runs for models without events, delays or fast
    /// reactions (the same bits as a new one, without allocating it again).
    /// </remarks>
    public static SimulationResult Simulate(CompiledModel model, SimulationSettings? settings = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        settings ??= new SimulationSettings();
        var instance = InstancePool.Rent(model);
        try
        {
            return Run(instance, settings, replayable: true, cancellationToken);
        }
        finally
        {
            InstancePool.Return(instance);
        }
    }

    /// <summary>Simulates with an existing run state (its parameter values and overrides, plus those of <paramref name="settings"/>).</summary>
    /// <param name="instance">The run state; it is modified (settings' parameters applied, events may change parameters).</param>
    /// <param name="settings">The settings, or null for the defaults.</param>
    /// <param name="cancellationToken">Cancels a long run.</param>
    /// <returns>The result.</returns>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    /// <remarks>A NaN or infinite parameter in <paramref name="settings"/> is not refused (a run may not need it), but when the run fails its <see cref="SimulationResult.Message"/> names the parameter.</remarks>
    public static SimulationResult Simulate(ModelInstance instance, SimulationSettings? settings = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(instance);
        return Run(instance, settings ?? new SimulationSettings(), replayable: false, cancellationToken);
    }

    /// <summary>Runs <paramref name="settings"/> on <paramref name="instance"/>; <paramref name="replayable"/> tells that the instance was fresh, so that running the settings again on a fresh instance gives the same bits (which <see cref="SimulationSettings.RecordedQuantities"/> needs).</summary>
    private static SimulationResult Run(ModelInstance instance, SimulationSettings settings, bool replayable, CancellationToken cancellationToken)
    {
        var model = instance.Model;
        var nonFinite = new List<string>();
        foreach (var (id, value) in settings.Parameters ?? new Dictionary<string, double>())
        {
            instance.SetParameter(id, value);
            if (!double.IsFinite(value))
            {
                nonFinite.Add($"'{id}' = {value.ToString(System.Globalization.CultureInfo.InvariantCulture)}");
            }
        }

        foreach (var (id, value) in settings.InitialValues ?? new Dictionary<string, double>())
        {
            instance.SetInitialValue(id, value);
        }

        double t0 = settings.StartTime;
        var y0 = instance.ComputeInitialState(t0);
        CheckInitialState(model, y0);
        var outputs = settings.Outputs is null && settings.OutputAmounts is null ? model.DefaultOutputs : model.Outputs(settings.Outputs ?? OutputProgram.DefaultIds(model.Network), settings.OutputAmounts);
        var outputTimes = settings.OutputTimes ?? Grid(t0, settings.EndTime, settings.OutputPoints);
        bool byStates = StateTrajectory.Pays(model, outputs.Ids.Count);

        // Only some quantities recorded now, the others from a second run when first read (see RecordedQuantities).
        var deferred = replayable && byStates && settings.RecordedQuantities is { } chosen ? Deferred.Create(model, outputs.Ids, settings.OutputAmounts, chosen, outputTimes) : null;
        var trajectory = byStates && deferred is null ? new StateTrajectory(model, outputs.Ids, settings.OutputAmounts, outputTimes.Count) : null;
        var recorded = byStates ? null : new OutputColumns(outputs.Ids.Count, outputTimes.Count);
        var (continuous, atStart) = instance.CreateEngineEvents(t0);
        var watches = settings.Thresholds ?? [];
        var watchEvents = Watches(instance, watches);
        var row = byStates ? [] : new double[outputs.Ids.Count];
        var history = instance.History;
        history?.Start(t0, y0);
        var (breakpoints, maxStep) = history is null ? ([], settings.MaxStep) : DelaySteps.Plan(instance, t0, y0, settings.EndTime, settings.MaxStep);
        var options = new OdeSolverOptions
        {
            RelativeTolerance = settings.RelativeTolerance,
            AbsoluteTolerance = settings.AbsoluteTolerance,
            MaxStep = maxStep,
            StepHistory = history,
            MaxSteps = settings.MaxSteps,
            EventSamplesPerStep = settings.EventSamplesPerStep,
            OutputTimes = outputTimes,
            KeepPoints = false,
            Events = [.. continuous, .. watchEvents],
            TimeEvents = [.. atStart, .. Schedule(instance, settings.Schedule), .. breakpoints],
            // Outputs are computed from the state and the parameter values in force when each point is recorded
            // (events and scheduled changes later in the run must not leak into earlier rows): either then, or later
            // from the recorded states and parameters (StateTrajectory), which gives the same bits.
            OutputObserver = deferred is not null
                ? (t, y) => deferred.Add(t, instance.LoadInputs(t, y))
                : byStates
                ? (t, y) => trajectory!.Add(t, y, instance.Parameters)
                : (t, y) =>
                {
                    outputs.Kernel(instance.LoadInputs(t, y), row);
                    recorded!.Add(t, row);
                },
        };

        if (instance.HasDependentFastReactions)
        {
            // Fast reactions left out as linearly dependent must stay at equilibrium where the others are: checked at
            // every output point, so that inconsistent rate laws end in a refusal rather than in a wrong answer.
            var record = options.OutputObserver!;
            options = options with
            {
                OutputObserver = (t, y) =>
                {
                    instance.CheckDependentFastReactions(t, y);
                    record(t, y);
                },
            };
        }

        var problem = new OdeProblem(instance, t0, settings.EndTime, y0);
        OdeSolution solution;
        try
        {
            solution = (settings.Solver ?? OdeSolvers.Auto).CreateIntegrator(problem, options).Solve(cancellationToken);
        }
        finally
        {
            history?.Stop();
        }

        var crossings = Crossings(solution, watches);
        // A failure caused by a NaN or infinite parameter names it: the solver alone can only name a state component.
        string? cause = nonFinite.Count == 0 ? null : $"The settings give {(nonFinite.Count == 1 ? "the parameter" : "the parameters")} {string.Join(", ", nonFinite)}.";
        if (deferred is not null)
        {
            // The other columns come from the same settings run again on a fresh instance, recording every state: the
            // same bits as recording them now.
            var (recordedTimes, someColumns) = deferred.Take();
            return new SimulationResult(outputs.Ids, recordedTimes, someColumns, ReplayOf(model, settings, recordedTimes.Length), solution, crossings, cause);
        }

        if (trajectory is not null)
        {
            return new SimulationResult(outputs.Ids, trajectory, solution, crossings, cause);
        }

        var (times, columns) = recorded!.Take();
        return new SimulationResult(outputs.Ids, times, columns, solution, crossings, cause);
    }

    private const string WatchPrefix = "threshold#";

    /// <summary>The crossings of the watched thresholds among the solution's events, in time order.</summary>
    private static ThresholdCrossing[] Crossings(OdeSolution solution, IReadOnlyList<ThresholdWatch> watches)
    {
        List<ThresholdCrossing>? crossings = null;
        foreach (var e in solution.Events)
        {
            if (e.Name.StartsWith(WatchPrefix, StringComparison.Ordinal))
            {
                var watch = watches[int.Parse(e.Name.AsSpan(WatchPrefix.Length), System.Globalization.CultureInfo.InvariantCulture)];
                (crossings ??= []).Add(new ThresholdCrossing(watch.Quantity, watch.Level, e.Time));
            }
        }

        return crossings is null ? [] : [.. crossings];
    }

    /// <summary>Runs the settings of a result again (in a separate method, so that the delegate holds only what it needs), recording every state, for the columns the result did not record.</summary>
    private static Func<StateTrajectory> ReplayOf(CompiledModel model, SimulationSettings settings, int count)
    {
        return () =>
        {
            var trajectory = Simulate(model, settings with { RecordedQuantities = null }).Trajectory;
            return trajectory is not null && trajectory.Count == count
                ? trajectory
                : throw new InvalidOperationException("Running the simulation again to compute its other quantities did not give the same points.");
        };
    }

    /// <summary>Refuses a non-finite initial value, naming the quantity (an SBML species without an initial amount or concentration is NaN).</summary>
    private static void CheckInitialState(CompiledModel model, double[] y0)
    {
        var problems = new List<string>();
        for (int k = 0; k < y0.Length; k++)
        {
            if (!double.IsFinite(y0[k]))
            {
                string id = model.StateIds[k];
                string kind = model.Network.KindOf(id).ToString().ToLowerInvariant();
                string value = double.IsNaN(y0[k]) ? "undefined (NaN)" : y0[k].ToString(System.Globalization.CultureInfo.InvariantCulture);
                problems.Add(model.Network.KindOf(id) == SymbolKind.Species
                    ? $"The initial value of species '{id}' is {value}; give it an initial amount or concentration, or an initial assignment with a finite value."
                    : $"The initial value of {kind} '{id}' is {value}; give it a finite value or an initial assignment with one.");
            }
        }

        if (problems.Count > 0)
        {
            throw new ModelValidationException(problems);
        }
    }

    private static OdeEvent[] Watches(ModelInstance instance, IReadOnlyList<ThresholdWatch> watches)
    {
        if (watches.Count == 0)
        {
            return [];
        }

        var program = instance.Model.Outputs([.. watches.Select(w => w.Quantity)], amounts: null);
        var values = new double[watches.Count];
        var events = new OdeEvent[watches.Count];
        for (int i = 0; i < watches.Count; i++)
        {
            int index = i;
            double level = watches[i].Level;
            events[i] = new OdeEvent(
                WatchPrefix + i.ToString(System.Globalization.CultureInfo.InvariantCulture),
                (t, y) =>
                {
                    program.Kernel(instance.LoadInputs(t, y), values);
                    return values[index] - level;
                },
                watches[i].Direction);
        }

        return events;
    }

    private static double[] Grid(double t0, double t1, int points)
    {
        if (points < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(points), points, "OutputPoints must be at least 2 (the start and the end).");
        }

        var grid = new double[points];
        for (int k = 0; k < points; k++)
        {
            grid[k] = k == points - 1 ? t1 : t0 + ((t1 - t0) * k / (points - 1));
        }

        return grid;
    }

    internal static IEnumerable<TimeEvent> Schedule(ModelInstance instance, IReadOnlyList<ScheduledChange>? schedule)
    {
        if (schedule is null)
        {
            yield break;
        }

        var model = instance.Model;
        foreach (var change in schedule)
        {
            int state = model.IndexOfState(change.Id);
            int parameter = model.IndexOfParameter(change.Id);
            if (state < 0 && parameter < 0)
            {
                throw new ArgumentException($"The scheduled change names '{change.Id}', which is neither a state nor a parameter of model '{model.Network.Id}'.", nameof(schedule));
            }

            var species = model.Network.FindSpecies(change.Id);
            double value = change.Value;
            yield return new TimeEvent($"set {change.Id}", [change.Time], (t, y) =>
            {
                // Species values are given in their symbol's unit; stored amounts need the size.
                double size = species is { HasOnlySubstanceUnits: false } && (state < 0 || model.Layout.AmountStates.Contains(change.Id))
                    ? model.SizeOf(instance, species.Compartment, t, y)
                    : 1.0;
                if (state >= 0)
                {
                    y[state] = value * size;
                }
                else
                {
                    instance.Parameters[parameter] = value * size;
                }
            });
        }
    }
}
