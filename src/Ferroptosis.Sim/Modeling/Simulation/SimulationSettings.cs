using Ferroptosis.Sim.Ode;

namespace Ferroptosis.Sim.Modeling.Simulation;

/// <summary>What to simulate: time span, output grid, solver, tolerances, parameter and initial-value changes, and which quantities to report.</summary>
/// <remarks>Immutable; use <c>with</c> to derive variants.</remarks>
/// <example>
/// <code>
/// var settings = new SimulationSettings { EndTime = 48, OutputPoints = 97, Parameters = new Dictionary&lt;string, double&gt; { ["erastin"] = 5 } };
/// </code>
/// </example>
public sealed record SimulationSettings
{
    /// <summary>Gets the start time (default 0).</summary>
    public double StartTime { get; init; }

    /// <summary>Gets the end time (default 10).</summary>
    public double EndTime { get; init; } = 10;

    /// <summary>Gets the number of evenly spaced output points including both ends (default 101); ignored when <see cref="OutputTimes"/> is set.</summary>
    public int OutputPoints { get; init; } = 101;

    /// <summary>Gets explicit output times (ascending, inside the span), or null for <see cref="OutputPoints"/> evenly spaced points.</summary>
    public IReadOnlyList<double>? OutputTimes { get; init; }

    /// <summary>Gets the solver (default: the automatic solver).</summary>
    public IOdeSolver? Solver { get; init; }

    /// <summary>Gets the relative tolerance (default 1e-6).</summary>
    public double RelativeTolerance { get; init; } = 1e-6;

    /// <summary>Gets the absolute tolerance (default 1e-10).</summary>
    public double AbsoluteTolerance { get; init; } = 1e-10;

    /// <summary>Gets the largest step (default unlimited).</summary>
    public double MaxStep { get; init; } = double.PositiveInfinity;

    /// <summary>Gets the largest number of steps (default 1,000,000).</summary>
    public long MaxSteps { get; init; } = 1_000_000;

    /// <summary>Gets parameter values for this run, by id (parameters, constant compartments, local parameters as <c>reaction.parameter</c>).</summary>
    public IReadOnlyDictionary<string, double>? Parameters { get; init; }

    /// <summary>Gets initial values for this run, by id (species in their symbol's unit: concentration unless only substance units).</summary>
    public IReadOnlyDictionary<string, double>? InitialValues { get; init; }

    /// <summary>Gets the ids to report, or null for every species and every assignment-rule variable.</summary>
    public IReadOnlyList<string>? Outputs { get; init; }

    /// <summary>Gets species ids to report as amounts instead of concentrations (only matters in compartments of size ≠ 1).</summary>
    public IReadOnlySet<string>? OutputAmounts { get; init; }

    /// <summary>Gets levels whose crossing times are located during the run (reported in <see cref="SimulationResult.Crossings"/>).</summary>
    public IReadOnlyList<ThresholdWatch>? Thresholds { get; init; }

    /// <summary>Gets the number of interior points of each step at which the model's events and the threshold watches are also checked (default 4, as <see cref="OdeSolverOptions.EventSamplesPerStep"/>).</summary>
    /// <remarks>0 checks step ends only, as CVODE does: enough when each watched quantity crosses its level at most once per step (a monotone quantity, for instance), and cheaper.</remarks>
    public int EventSamplesPerStep { get; init; } = 4;

    /// <summary>Gets parameter changes at given times (e.g. a drug added at 12 h), applied exactly at those times.</summary>
    public IReadOnlyList<ScheduledChange>? Schedule { get; init; }

    /// <summary>Gets the reported quantities recorded during the run when the others are to be computed, when first read, from a second run of the same settings that records every state; null records everything during the run.</summary>
    /// <remarks>
    /// Only for <see cref="Simulator.Simulate(Compilation.CompiledModel, SimulationSettings?, CancellationToken)"/> (a fresh run
    /// state, so the second run gives the same bits) and runs that record their states; otherwise ignored. A caller that
    /// mostly reads a few quantities then stores those few, not every state at every point, and pays a second run
    /// when it reads another.
    /// </remarks>
    internal IReadOnlyList<string>? RecordedQuantities { get; init; }
}
