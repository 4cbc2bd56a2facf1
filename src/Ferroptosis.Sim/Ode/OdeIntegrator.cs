using System.Globalization;
using Ferroptosis.Sim.Ode.Events;
using Ferroptosis.Sim.Ode.Stepping;

namespace Ferroptosis.Sim.Ode;

/// <summary>The stepping state of one integration: advance step by step, to a time, or to the end.</summary>
/// <remarks>
/// <para>
/// Created by <see cref="IOdeSolver.CreateIntegrator"/>; every work array is allocated then, so a
/// warmed-up <see cref="Step"/> allocates nothing (unless it records output into a growing solution,
/// which grows by doubling). This is the one-step mode of CVODE and the <c>init</c>/<c>step!</c>
/// interface of DifferentialEquations.jl.
/// </para>
/// <para>Not thread-safe: use one integrator per thread (problems and solvers can be shared).</para>
/// </remarks>
public sealed partial class OdeIntegrator
{
    private readonly Stepper _stepper;
    private readonly WorkCounters _counters;
    private readonly SolutionRecorder _recorder;
    private readonly EventLocator? _locator;
    private readonly TimeEventSchedule _timeEvents;
    private readonly List<EventOccurrence> _occurrences = [];
    private readonly double[] _eventState;
    private readonly bool[] _fired;
    private readonly int[] _postCrossingSign;
    private double _finalTime;

    internal OdeIntegrator(IOdeSolver solver, OdeProblem problem, OdeSolverOptions options, Func<WorkCounters, Stepper> createStepper)
    {
        Solver = solver;
        Problem = problem;
        Options = options;
        _counters = new WorkCounters();
        _stepper = problem.Dimension == 0 ? new ZeroDimensionStepper(problem.System, options, _counters) : createStepper(_counters);
        int n = problem.Dimension;
        _eventState = new double[n];
        _recorder = new SolutionRecorder(n, options.OutputTimes, options.DenseOutput, options.OutputObserver, options.KeepPoints);
        _locator = options.Events.Count > 0 ? new EventLocator(options.Events, n, options.EventTimeTolerance, options.EventSamplesPerStep) : null;
        _fired = new bool[options.Events.Count];
        _postCrossingSign = new int[options.Events.Count];
        _timeEvents = new TimeEventSchedule(options.TimeEvents, problem.StartTime, problem.EndTime);
        Start();
    }

    /// <summary>Validates the options against the problem and creates an integrator driven by a stepper of <paramref name="solver"/>.</summary>
    internal static OdeIntegrator Create<TSolver>(TSolver solver, OdeProblem problem, OdeSolverOptions? options)
        where TSolver : IOdeSolver, IStepperFactory
    {
        ArgumentNullException.ThrowIfNull(problem);
        options ??= OdeSolverOptions.Default;
        options.Validate(problem);
        if (problem.System is IMassMatrixSystem { MassMatrix.IsEmpty: false } && solver is not (Rosenbrock.RosenbrockSolver or Auto.AutoSwitchSolver or Bdf.BdfSolver))
        {
            throw new ArgumentException($"The system has a mass matrix (a differential–algebraic system), which {solver.Name} does not solve; use Rodas5P, Rodas4, Bdf or Auto.", nameof(problem));
        }

        return new OdeIntegrator(solver, problem, options, counters => solver.CreateStepper(problem.System, options, counters));
    }

    /// <summary>Gets the solver (method) that drives this integrator.</summary>
    public IOdeSolver Solver { get; }

    /// <summary>Gets the problem being solved.</summary>
    public OdeProblem Problem { get; }

    /// <summary>Gets the options in force.</summary>
    public OdeSolverOptions Options { get; }

    /// <summary>Gets the current time (the end of the last step, or the last event time).</summary>
    public double Time => _stepper.T;

    /// <summary>Gets the current state.</summary>
    public ReadOnlySpan<double> State => _stepper.Y;

    /// <summary>Gets the start of the last accepted step; <see cref="Interpolate"/> works on [<see cref="PreviousTime"/>, <see cref="Time"/>].</summary>
    public double PreviousTime => _stepper.TPrevious;

    /// <summary>Gets the step size the method will try next.</summary>
    public double NextStepSize => _stepper.NextStep;

    /// <summary>Gets how the integration stands: <see cref="SolverStatus.InProgress"/> until it ends.</summary>
    public SolverStatus Status { get; private set; } = SolverStatus.InProgress;

    /// <summary>Gets a description of the failure, or null.</summary>
    public string? Message { get; private set; }

    /// <summary>Gets a value indicating whether the integration has ended (reached the end, stopped at a terminal event, or failed).</summary>
    public bool IsFinished => Status != SolverStatus.InProgress;

    /// <summary>Gets the work counters so far.</summary>
    public SolverStatistics Statistics => _counters.Snapshot();

    /// <summary>Gets the events that fired so far.</summary>
    public IReadOnlyList<EventOccurrence> EventOccurrences => _occurrences;

    /// <summary>Evaluates the last step's interpolant at t ∈ [<see cref="PreviousTime"/>, <see cref="Time"/>].</summary>
    /// <param name="t">The time.</param>
    /// <param name="destination">Receives the state.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="t"/> is outside the last step.</exception>
    public void Interpolate(double t, Span<double> destination)
    {
        if (t < _stepper.TPrevious || t > _stepper.T)
        {
            throw new ArgumentOutOfRangeException(nameof(t), t, string.Create(CultureInfo.InvariantCulture, $"Only the last step [{_stepper.TPrevious:R}, {_stepper.T:R}] can be interpolated by the integrator; solve with DenseOutput = true to interpolate anywhere."));
        }

        CheckLength(destination.Length);
        _stepper.Interpolate(t, destination);
    }

    /// <summary>Takes one step (or handles one event).</summary>
    /// <returns>True if the integration can continue; false once it has ended (see <see cref="Status"/>).</returns>
    public bool Step()
    {
        if (IsFinished)
        {
            return false;
        }

        if (_counters.Attempted >= Options.MaxSteps)
        {
            return Finish(SolverStatus.MaxStepsExceeded, string.Create(CultureInfo.InvariantCulture, $"MaxSteps ({Options.MaxSteps}) reached at t = {Time:G10} with step size {NextStepSize:G3}; raise OdeSolverOptions.MaxSteps or use a stiff solver."));
        }

        double tLimit = Math.Min(Problem.EndTime, _timeEvents.NextTime);
        if (!_stepper.Advance(tLimit))
        {
            return Finish(_stepper.FailureStatus, _stepper.FailureMessage);
        }

        if (_locator is not null)
        {
            _locator.Check(_stepper);
            if (_locator.RootCount > 0 && HandleContinuousEvents(_locator))
            {
                // The step was cut back to an event that changed the state or stopped the integration.
                return !IsFinished;
            }
        }

        double t = _stepper.T;
        _recorder.RecordSegment(_stepper, t);
        Options.StepHistory?.Add(_stepper, t);
        bool timeEventDue = _timeEvents.NextTime <= t;
        _recorder.RecordOutputsUpTo(_stepper, t, inclusive: false);
        _recorder.RecordPoint(t, _stepper.Y);
        if (timeEventDue)
        {
            return HandleTimeEvents(t);
        }

        _recorder.RecordOutputsAt(t, _stepper.Y);
        return t >= Problem.EndTime ? Finish(SolverStatus.Success, null) : true;
    }

    /// <summary>Integrates until <paramref name="t"/> and writes the state there (interpolated; steps are not shortened to hit it).</summary>
    /// <param name="t">A time not before <see cref="PreviousTime"/> and not after the end time.</param>
    /// <param name="destination">Receives the state at <paramref name="t"/>.</param>
    /// <returns>True on success; false if the integration ended before <paramref name="t"/> (see <see cref="Status"/>).</returns>
    public bool AdvanceTo(double t, Span<double> destination)
    {
        if (t < _stepper.TPrevious || t > Problem.EndTime || double.IsNaN(t))
        {
            throw new ArgumentOutOfRangeException(nameof(t), t, string.Create(CultureInfo.InvariantCulture, $"AdvanceTo needs a time in [{_stepper.TPrevious:R}, {Problem.EndTime:R}]."));
        }

        CheckLength(destination.Length);
        while (_stepper.T < t)
        {
            if (!Step())
            {
                if (_stepper.T >= t)
                {
                    break;
                }

                return false;
            }
        }

        _stepper.Interpolate(Math.Max(t, _stepper.TPrevious), destination);
        return true;
    }

    /// <summary>Integrates to the end (or to a terminal event or failure) and returns the solution.</summary>
    /// <param name="cancellationToken">Checked before the first step and every 64 steps.</param>
    /// <returns>The solution, whatever the numerical outcome; check <see cref="OdeSolution.IsSuccess"/>.</returns>
    /// <exception cref="OperationCanceledException">
    /// The token was cancelled (the library's one convention: cancellation throws, numerical failure is a status).
    /// The integrator stays usable: <see cref="ToSolution"/> returns what was computed, and stepping can resume.
    /// </exception>
    public OdeSolution Solve(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        int count = 0;
        while (Step())
        {
            if ((++count & 63) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }
        }

        return ToSolution();
    }

    /// <summary>Packages what has been recorded so far as a solution.</summary>
    /// <returns>A new immutable solution.</returns>
    public OdeSolution ToSolution() => new(
        Solver.Name,
        Problem.Dimension,
        _recorder.Times(),
        _recorder.States(),
        IsFinished ? _finalTime : _stepper.T,
        _stepper.Y.ToArray(),
        _recorder.Dense,
        _counters.Snapshot(),
        Status,
        Message,
        _occurrences.ToArray());

    private void CheckLength(int length)
    {
        if (length != Problem.Dimension)
        {
            throw new ArgumentException($"The destination has length {length} but the problem has dimension {Problem.Dimension}.", nameof(length));
        }
    }
}
