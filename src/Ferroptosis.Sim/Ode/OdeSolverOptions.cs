using Ferroptosis.Sim.Ode.Events;

namespace Ferroptosis.Sim.Ode;

/// <summary>Tolerances, step limits, output and events for one integration.</summary>
/// <remarks>
/// <para>
/// The local error estimate e of each step is accepted when its weighted RMS norm
/// sqrt(mean((e_i / (atol_i + rtol·max(|y_i|, |ŷ_i|)))²)) is at most 1 (Hairer–Nørsett–Wanner I,
/// eq. II.4.11). The defaults (rtol 1e-6, atol 1e-8) are tighter than SciPy's 1e-3/1e-6, which are
/// too loose for pathway models whose species span several orders of magnitude.
/// </para>
/// <para>Options are validated when an integrator is created; invalid values throw
/// <see cref="ArgumentException"/> with a message naming the option and the fix.</para>
/// </remarks>
/// <example>
/// <code>
/// var options = OdeSolverOptions.Default with { RelativeTolerance = 1e-8, AbsoluteTolerance = 1e-11 };
/// </code>
/// </example>
public sealed record OdeSolverOptions
{
    /// <summary>Gets the default options.</summary>
    public static OdeSolverOptions Default { get; } = new();

    /// <summary>Gets the relative tolerance rtol (default 1e-6).</summary>
    public double RelativeTolerance { get; init; } = 1e-6;

    /// <summary>Gets the scalar absolute tolerance atol (default 1e-8, at least 0), used for every component unless <see cref="AbsoluteTolerances"/> is set.</summary>
    /// <remarks>
    /// atol = 0 gives pure relative control (as CVODE allows): the error of a component is measured against
    /// rtol·max(|y_old|, |y_new|). A component that is exactly 0 at both ends of a step is then measured against
    /// a floor of 1e-300: it passes if its error estimate is 0 (it stays at 0) and otherwise forces smaller steps.
    /// The BDF method weights its Newton iteration with the current state only, so it cannot start a component
    /// from exactly 0 under atol = 0 (it ends with a failure status); give such components a positive entry in
    /// <see cref="AbsoluteTolerances"/>.
    /// </remarks>
    public double AbsoluteTolerance { get; init; } = 1e-8;

    /// <summary>Gets per-component absolute tolerances (one per state variable, each at least 0), or null to use <see cref="AbsoluteTolerance"/> everywhere.</summary>
    /// <remarks>A zero entry gives that component pure relative control; see <see cref="AbsoluteTolerance"/> for what happens when it is exactly 0.</remarks>
    public IReadOnlyList<double>? AbsoluteTolerances { get; init; }

    /// <summary>Gets the first step size to try, or null for Hairer's automatic estimate (Hairer–Nørsett–Wanner I, II.4).</summary>
    public double? InitialStep { get; init; }

    /// <summary>Gets the largest step size allowed (default: unlimited).</summary>
    public double MaxStep { get; init; } = double.PositiveInfinity;

    /// <summary>Gets the largest number of accepted plus rejected steps before the integration stops with <see cref="SolverStatus.MaxStepsExceeded"/> (default 1,000,000).</summary>
    public long MaxSteps { get; init; } = 1_000_000;

    /// <summary>
    /// Gets the times at which the solution is recorded, ascending and inside [t0, tEnd], or null to
    /// record t0 and every accepted step. Values between steps come from the method's dense output;
    /// steps are never shortened to hit them.
    /// </summary>
    public IReadOnlyList<double>? OutputTimes { get; init; }

    /// <summary>
    /// Gets a callback invoked for every recorded point, in time order, when it is recorded: values that
    /// depend on things events change (e.g. parameters of a model) can be computed then, before a later
    /// event changes them. Null by default.
    /// </summary>
    public OutputObserver? OutputObserver { get; init; }

    /// <summary>
    /// Gets a value indicating whether the recorded points are kept in the solution (default true). False for callers that
    /// take every point from <see cref="OutputObserver"/> and need only the statistics, status and events of the
    /// solution, whose <see cref="OdeSolution.Times"/> and <see cref="OdeSolution.States"/> are then empty.
    /// </summary>
    internal bool KeepPoints { get; init; } = true;

    /// <summary>Gets a receiver of every accepted step and its interpolant, in time order (null by default): the history a delay equation reads.</summary>
    internal Stepping.IStepHistory? StepHistory { get; init; }

    /// <summary>Gets a value indicating whether the interpolant of every step is kept, so that
    /// <see cref="OdeSolution.Interpolate(double, Span{double})"/> works anywhere in [t0, tEnd] (default false).</summary>
    public bool DenseOutput { get; init; }

    /// <summary>Gets the continuous events (zero crossings of g(t, y)).</summary>
    public IReadOnlyList<OdeEvent> Events { get; init; } = [];

    /// <summary>Gets the events at known times (dosing schedules).</summary>
    public IReadOnlyList<TimeEvent> TimeEvents { get; init; } = [];

    /// <summary>Gets the width of the bracket, relative to max(1, |t|), within which continuous event times are located (default 1e-12).</summary>
    public double EventTimeTolerance { get; init; } = 1e-12;

    /// <summary>Gets the number of interior points of each step at which continuous event functions are also checked (default 4; 0 checks step ends only). Two crossings closer together than this spacing are found when the samples turn back towards zero around them (see <see cref="OdeEvent"/>); otherwise they can be missed.</summary>
    public int EventSamplesPerStep { get; init; } = 4;

    /// <summary>Gets the linear solver of the stiff methods' Newton matrix (default <see cref="LinearSolverChoice.Auto"/>); explicit methods ignore it.</summary>
    /// <remarks>
    /// Choose <see cref="LinearSolverChoice.Sparse"/> or <see cref="LinearSolverChoice.Banded"/> for large systems (a
    /// reaction–diffusion grid, say) whose Jacobian is sparse: dense LU costs O(n²) memory and O(n³) time per
    /// factorisation. The sparse solver needs a system implementing <see cref="ISparseOdeSystem"/>. For BDF,
    /// <see cref="LinearSolverChoice.Krylov"/> solves the Newton systems by preconditioned GMRES instead of factoring them.
    /// </remarks>
    public LinearSolverChoice LinearSolver { get; init; } = LinearSolverChoice.Auto;

    /// <summary>Validates the options against a problem.</summary>
    /// <param name="problem">The problem to be solved with these options.</param>
    /// <exception cref="ArgumentException">An option is invalid; the message names it and says what to change.</exception>
    public void Validate(OdeProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        Validate(this, problem);
    }

    private static void Validate(OdeSolverOptions options, OdeProblem problem)
    {
        if (!(options.RelativeTolerance > 0) || !double.IsFinite(options.RelativeTolerance))
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.RelativeTolerance, "RelativeTolerance must be a positive finite number, e.g. 1e-6.");
        }

        if (options.RelativeTolerance < 1e-15)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.RelativeTolerance, "RelativeTolerance below 1e-15 cannot be honoured in double precision; use at least 1e-14.");
        }

        if (options.AbsoluteTolerances is null)
        {
            CheckAbsolute(options.AbsoluteTolerance, nameof(AbsoluteTolerance));
        }
        else
        {
            if (options.AbsoluteTolerances.Count != problem.Dimension)
            {
                throw new ArgumentException($"AbsoluteTolerances has {options.AbsoluteTolerances.Count} values but the system has {problem.Dimension} state variables; give one per variable or use the scalar AbsoluteTolerance.", nameof(options));
            }

            for (int i = 0; i < options.AbsoluteTolerances.Count; i++)
            {
                CheckAbsolute(options.AbsoluteTolerances[i], $"AbsoluteTolerances[{i}]");
            }
        }

        if (options.InitialStep is double h0 && (!(h0 > 0) || !double.IsFinite(h0)))
        {
            throw new ArgumentOutOfRangeException(nameof(options), h0, "InitialStep must be a positive finite number, or null for an automatic choice.");
        }

        if (!(options.MaxStep > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.MaxStep, "MaxStep must be positive (use double.PositiveInfinity for no limit).");
        }

        if (options.MaxSteps < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.MaxSteps, "MaxSteps must be at least 1.");
        }

        if (!(options.EventTimeTolerance > 0) || !double.IsFinite(options.EventTimeTolerance))
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.EventTimeTolerance, "EventTimeTolerance must be a positive finite number, e.g. 1e-12.");
        }

        if (options.EventSamplesPerStep is < 0 or > 1000)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.EventSamplesPerStep, "EventSamplesPerStep must be between 0 and 1000.");
        }

        ArgumentNullException.ThrowIfNull(options.Events, nameof(options));
        ArgumentNullException.ThrowIfNull(options.LinearSolver, nameof(options));
        ArgumentNullException.ThrowIfNull(options.TimeEvents, nameof(options));
        ValidateOutputTimes(options, problem);
    }

    private static void ValidateOutputTimes(OdeSolverOptions options, OdeProblem problem)
    {
        var outputTimes = options.OutputTimes;
        if (outputTimes is null)
        {
            return;
        }

        double previous = double.NegativeInfinity;
        for (int i = 0; i < outputTimes.Count; i++)
        {
            double t = outputTimes[i];
            if (!double.IsFinite(t) || t < problem.StartTime || t > problem.EndTime)
            {
                throw new ArgumentOutOfRangeException(nameof(options), t, $"OutputTimes[{i}] = {t:R} lies outside the time span [{problem.StartTime:R}, {problem.EndTime:R}]; every output time must be inside it.");
            }

            if (t <= previous)
            {
                throw new ArgumentException($"OutputTimes must be strictly ascending, but OutputTimes[{i}] = {t:R} follows {previous:R}.", nameof(options));
            }

            previous = t;
        }
    }

    private static void CheckAbsolute(double value, string name)
    {
        if (!(value >= 0) || !double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, $"{name} must be a finite number ≥ 0, e.g. 1e-8 (0 means pure relative control of that component).");
        }
    }
}
