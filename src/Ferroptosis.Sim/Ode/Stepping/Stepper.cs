using System.Globalization;
using System.Runtime.CompilerServices;
using Ferroptosis.Sim.Ode.StepControl;

namespace Ferroptosis.Sim.Ode.Stepping;

/// <summary>
/// The contract between <see cref="OdeIntegrator"/> and a method: take one accepted step at a time,
/// restart after discontinuities, and describe the last step by a polynomial in θ.
/// </summary>
/// <remarks>
/// <para>
/// A stepper owns the current state (<see cref="T"/>, <see cref="Y"/>), the state at the start of the
/// last accepted step (<see cref="TPrevious"/>, <see cref="YPrevious"/>) and all work arrays, which are
/// allocated in the constructor: <see cref="Advance"/> must not allocate.
/// </para>
/// <para>
/// Dense output of every method is stored in one form: monomial coefficients c_0 … c_d (each a vector
/// of length n) with y(TPrevious + θ·Δt) = Σ_j c_j θ^j, Δt = T − TPrevious, θ ∈ [0, 1]. Explicit
/// Runge–Kutta continuous extensions, Rosenbrock interpolants and BDF interpolating polynomials are all
/// polynomials in θ, so solutions, events and output share one evaluator (Horner's rule).
/// </para>
/// </remarks>
internal abstract class Stepper
{
    private readonly double _maxStep;
    private bool _denseReady;

    // Once a step has been rejected for a non-finite error estimate, every evaluation of f is checked so a
    // failure can name where f itself produced NaN/Inf from a finite state (off the hot path until then).
    private bool _watchNonFinite;
    private double _nonFiniteTime = double.NaN;
    private int _nonFiniteComponent;
    private double _nonFiniteValue;

    protected Stepper(IOdeSystem system, OdeSolverOptions options, WorkCounters counters, int denseDegree)
    {
        System = system;
        N = system.Dimension;
        Counters = counters;
        RelTol = options.RelativeTolerance;
        AbsTol = new double[N];
        for (int i = 0; i < N; i++)
        {
            AbsTol[i] = options.AbsoluteTolerances is { } list ? list[i] : options.AbsoluteTolerance;
        }

        _maxStep = options.MaxStep;
        UserInitialStep = options.InitialStep;
        Y = new double[N];
        YPrevious = new double[N];
        DenseDegree = denseDegree;
        Dense = new double[(denseDegree + 1) * N];
    }

    public IOdeSystem System { get; }

    public int N { get; }

    public WorkCounters Counters { get; }

    public double T { get; protected set; }

    public double TPrevious { get; protected set; }

    /// <summary>Gets the current state (length n). Only the stepper writes it, except <see cref="OdeIntegrator"/> through <see cref="Restart"/>.</summary>
    public double[] Y { get; protected set; }

    public double[] YPrevious { get; protected set; }

    /// <summary>Gets or sets the step size to try next.</summary>
    public double NextStep { get; protected set; }

    public SolverStatus FailureStatus { get; protected set; } = SolverStatus.InProgress;

    public string? FailureMessage { get; protected set; }

    public int DenseDegree { get; }

    public double[] Dense { get; }

    protected double RelTol { get; }

    protected double[] AbsTol { get; }

    protected double MaxStep => _maxStep;

    protected double? UserInitialStep { get; }

    /// <summary>Starts (or restarts after a discontinuity) at (t, y): fresh derivative, step size and history.</summary>
    public void Restart(double t, ReadOnlySpan<double> y)
    {
        T = t;
        TPrevious = t;
        y.CopyTo(Y);
        y.CopyTo(YPrevious);
        _denseReady = false;
        FailureStatus = SolverStatus.InProgress;
        FailureMessage = null;
        OnRestart();
    }

    /// <summary>Takes one accepted step, landing exactly on <paramref name="tLimit"/> if the step would pass it.</summary>
    /// <returns>True on success; false with <see cref="FailureStatus"/> and <see cref="FailureMessage"/> set.</returns>
    public bool Advance(double tLimit)
    {
        _denseReady = false;
        return AdvanceCore(tLimit);
    }

    /// <summary>Makes <see cref="Dense"/> describe the last accepted step (computed at most once per step).</summary>
    public void EnsureDense()
    {
        if (!_denseReady)
        {
            BuildDense();
            _denseReady = true;
        }
    }

    /// <summary>Evaluates the last step's interpolant at t ∈ [TPrevious, T].</summary>
    public void Interpolate(double t, Span<double> destination)
    {
        double dt = T - TPrevious;
        if (dt == 0 || t == T)
        {
            Y.CopyTo(destination);
            return;
        }

        EnsureDense();
        DensePolynomial.Evaluate(Dense, DenseDegree, N, (t - TPrevious) / dt, destination);
    }

    /// <summary>Replaces the step size to try next (a composite stepper passes on what the other method learnt).</summary>
    public void OverrideNextStep(double h) => NextStep = h;

    /// <summary>Makes this stepper mirror another one's current point (a composite stepper shows its active member's state without copying).</summary>
    protected void Mirror(Stepper other)
    {
        T = other.T;
        TPrevious = other.TPrevious;
        Y = other.Y;
        YPrevious = other.YPrevious;
        NextStep = other.NextStep;
        FailureStatus = other.FailureStatus;
        FailureMessage = other.FailureMessage;
    }

    protected abstract void OnRestart();

    protected abstract bool AdvanceCore(double tLimit);

    /// <summary>Fills <see cref="Dense"/> with the monomial coefficients of the last step.</summary>
    protected abstract void BuildDense();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    protected void Evaluate(double t, ReadOnlySpan<double> y, Span<double> dydt)
    {
        Counters.Rhs++;
        System.Evaluate(t, y, dydt);
        if (_watchNonFinite)
        {
            WatchNonFinite(t, y, dydt);
        }
    }

    /// <summary>Called when a step is rejected because its error estimate is not finite: from now on evaluations of f are checked.</summary>
    protected void NoteNonFiniteError() => _watchNonFinite = true;

    /// <summary>Marks the step that ends at <paramref name="tNew"/> as accepted: the current state moves to <see cref="YPrevious"/> and <paramref name="yNew"/> becomes <see cref="Y"/> (buffers are swapped, not copied).</summary>
    /// <returns>The array that held the previous state, free to be reused as the next candidate buffer.</returns>
    protected double[] Accept(double tNew, double[] yNew)
    {
        var freed = YPrevious;
        YPrevious = Y;
        Y = yNew;
        TPrevious = T;
        T = tNew;
        Counters.Accepted++;
        _nonFiniteTime = double.NaN;
        return freed;
    }

    /// <summary>Limits a proposed step to <see cref="MaxStep"/> and to the remaining interval, avoiding a sliver of a last step (Hairer's 1.01 rule); the result is the difference of representable times, (T + h) − T.</summary>
    protected double ClampStep(double h, double tLimit, out bool hitsLimit) => ClampStep(T, h, _maxStep, tLimit, out hitsLimit);

    /// <summary>The step-limiting rule of <see cref="ClampStep(double, double, out bool)"/> for a stepper at time <paramref name="t"/> (shared with the batched lanes, which must take the same steps).</summary>
    internal static double ClampStep(double t, double h, double maxStep, double tLimit, out bool hitsLimit)
    {
        h = Math.Min(h, maxStep);
        double remaining = tLimit - t;
        if (h >= remaining || t + (1.01 * h) >= tLimit)
        {
            hitsLimit = true;
            return remaining;
        }

        // Take the step as the difference of representable times, so that the method integrates over exactly
        // the interval [T, T + h] it reports (far from t = 0 the rounding of T + h is a sizeable part of h).
        hitsLimit = false;
        return (t + h) - t;
    }

    /// <summary>True when h is too small to change t in floating point (with a safety factor of 10 ulps).</summary>
    internal static bool IsTooSmall(double t, double h) => h <= 10 * (Math.BitIncrement(Math.Abs(t)) - Math.Abs(t));

    protected bool Fail(SolverStatus status, string message)
    {
        FailureStatus = status;
        FailureMessage = message;
        return false;
    }

    protected bool FailStepTooSmall(double h, ReadOnlySpan<double> error, ReadOnlySpan<double> yNew, string reason)
    {
        if (!double.IsNaN(_nonFiniteTime))
        {
            // The step shrank because f itself returned NaN/Inf at a finite state: say so, and where.
            return Fail(
                SolverStatus.NonFiniteState,
                string.Create(CultureInfo.InvariantCulture, $"The right-hand side is not finite at t = {_nonFiniteTime:G17}: component {_nonFiniteComponent} = {_nonFiniteValue} although the state is finite; the step was reduced to {h:G3} at t = {T:G17} without avoiding it."));
        }

        int worst = ErrorNorm.WorstComponent(error, Y, yNew, AbsTol, RelTol);
        return Fail(
            SolverStatus.StepSizeTooSmall,
            string.Create(CultureInfo.InvariantCulture, $"Step size {h:G3} at t = {T:G10} is too small to continue ({reason}); worst component y[{worst}] = {Y[worst]:G6}."));
    }

    private void WatchNonFinite(double t, ReadOnlySpan<double> y, ReadOnlySpan<double> dydt)
    {
        for (int i = 0; i < dydt.Length; i++)
        {
            if (!double.IsFinite(dydt[i]))
            {
                foreach (double v in y)
                {
                    if (!double.IsFinite(v))
                    {
                        return;
                    }
                }

                _nonFiniteTime = t;
                _nonFiniteComponent = i;
                _nonFiniteValue = dydt[i];
                return;
            }
        }
    }

    protected bool FailNonFinite(double t, ReadOnlySpan<double> values, string what)
    {
        int index = 0;
        for (int i = 0; i < values.Length; i++)
        {
            if (!double.IsFinite(values[i]))
            {
                index = i;
                break;
            }
        }

        return Fail(
            SolverStatus.NonFiniteState,
            string.Create(CultureInfo.InvariantCulture, $"{what} is not finite at t = {t:G10}: component {index} = {values[index]}."));
    }
}
