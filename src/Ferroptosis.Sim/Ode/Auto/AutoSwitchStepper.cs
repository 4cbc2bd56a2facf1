using Ferroptosis.Sim.Ode.ExplicitRungeKutta;
using Ferroptosis.Sim.Ode.Stepping;

namespace Ferroptosis.Sim.Ode.Auto;

/// <summary>Runs an explicit method while the problem is non-stiff and a stiff method while it is stiff, switching both ways.</summary>
/// <remarks>
/// <para>
/// <b>Stiffness.</b> A problem is stiff for the explicit method when its step h is held near the stability
/// boundary B (3.5 for Tsit5 on the negative real axis) rather than by accuracy, i.e. q = h·ρ(J)/B nears 1;
/// well before that (q of a few tenths at tight tolerances) the stiff mode already costs an explicit method
/// accuracy, because its stage order is 1. ρ(J) is estimated by <see cref="SpectralRadiusProbe"/> (power
/// iteration on finite-difference J·v products in scaled variables), which stays accurate at every tolerance;
/// Hairer's stage-difference estimate (Hairer–Wanner II, IV.2), which sinks into rounding noise at tight
/// tolerances, only prompts an early probe. The probe runs after the first explicit step, then with a
/// period that doubles (up to <see cref="MaxProbePeriod"/> steps) while q is below half the trial threshold
/// and is <see cref="MinProbePeriod"/> steps otherwise; between probes q is tracked with the last ρ and the
/// proposed step, and a q above the threshold is confirmed by a fresh probe. Each power iteration costs one
/// evaluation of f (three to six per probe): 1–5 % of Tsit5's evaluations on a non-stiff problem.
/// </para>
/// <para>
/// <b>Explicit → stiff: a trial.</b> When a fresh probe gives q ≥ q_t = 0.25·(rtol/1e-7)^(1/5), clamped to
/// [0.05, 0.5] (the accuracy-limited step of an order-5 method shrinks like rtol^(1/5), and so does the q at
/// which stiffness starts to cost accuracy) and multiplied by (8 + n)/9, the cost of a stiff step relative to
/// n = 1 (a Jacobian counts n evaluations), at most <see cref="MaxTrialFraction"/>, the stiff method takes
/// <see cref="TrialSteps"/> steps. It is kept
/// if it advances at least <see cref="TrialGain"/> times as far per unit of work as the explicit method did
/// (work = evaluations of f + n per analytic Jacobian; time per work = proposed step × steps ÷ work in the
/// phase). Otherwise the explicit method returns, and no probe or trial happens for a number of explicit
/// steps that starts at <see cref="FirstTrialBackoff"/> and doubles after every failed trial. Even an explicit
/// method pinned at its boundary can be the cheaper one when a Jacobian costs n evaluations and the stiff
/// steps are not much longer (the 46-state pathway model at loose tolerances), hence a trial rather than a rule.
/// </para>
/// <para>
/// <b>Stiff → explicit.</b> While stiff, ρ is bounded by the ∞-norm of the stiff method's own Jacobian (no
/// extra work); when h·‖J‖∞ &lt; B/3 on <see cref="NonStiffIndications"/> steps in a row, the explicit method
/// could take the stiff method's step with a margin of 3 and it returns.
/// </para>
/// <para>
/// <b>Hysteresis.</b> Entering needs q ≥ q_t measured with ρ itself and a successful trial; leaving needs
/// q &lt; 1/3 measured with an upper bound of ρ on five consecutive steps; failed trials back off
/// exponentially. A failure of the explicit method (e.g. step-size underflow on a stiff transient) hands the
/// step to the stiff method instead of ending the integration.
/// </para>
/// <para>Both members share the work counters; the integrator sees this stepper's mirrored state.</para>
/// </remarks>
internal sealed class AutoSwitchStepper : Stepper
{
    private const double MaxTrialFraction = 0.8;
    private const int TrialSteps = 4;
    private const double TrialGain = 1.25;
    private const int FirstTrialBackoff = 32;
    private const int MaxTrialBackoff = 1 << 16;
    private const int MinProbePeriod = 4;
    private const int MaxProbePeriod = 64;
    private const int NonStiffIndications = 5;

    private readonly ExplicitRungeKuttaStepper _explicit;
    private readonly Func<Stepper> _createStiff;
    private Stepper? _stiffStepper;
    private readonly double _boundary;
    private readonly SpectralRadiusProbe _probe;
    private readonly double[] _derivative;
    private readonly double _trialFraction;
    private Stepper _active;
    private Stepper? _pending;
    private int _calmCount;
    private int _probePeriod;
    private int _stepsSinceProbe;
    private double _rho;
    private bool _trial;
    private int _trialBackoff = FirstTrialBackoff;
    private int _stepsSinceTrial = int.MaxValue / 2;
    private long _phaseCost;
    private long _phaseSteps;
    private double _explicitEfficiency;

    /// <summary>Creates the switching stepper.</summary>
    /// <param name="nonStiff">The explicit stepper, active first.</param>
    /// <param name="createStiff">Creates the stiff stepper, called once, at the first switch to it (its matrices are not needed before).</param>
    /// <param name="stiffDenseDegree">The degree of the stiff stepper's dense output.</param>
    /// <param name="options">The options.</param>
    /// <param name="counters">The work counters both members share.</param>
    public AutoSwitchStepper(ExplicitRungeKuttaStepper nonStiff, Func<Stepper> createStiff, int stiffDenseDegree, OdeSolverOptions options, WorkCounters counters)
        : base(nonStiff.System, options, counters, Math.Max(nonStiff.DenseDegree, stiffDenseDegree))
    {
        _explicit = nonStiff;
        _createStiff = createStiff;
        _boundary = nonStiff.Tableau.StabilityBoundary;
        _active = nonStiff;
        _probe = new SpectralRadiusProbe(nonStiff.System, counters, AbsTol);
        _derivative = new double[N];

        // The accuracy-limited step of an order-5 method shrinks like rtol^(1/5), and so does the q at
        // which a stiff mode starts to cost the explicit method accuracy; the trial itself decides. A stiff
        // step costs about 8 + n evaluations (a Jacobian counting n), so the threshold grows with that
        // cost relative to n = 1: a trial of an expensive stiff method must have better odds.
        double relativeStiffCost = (8.0 + N) / 9.0;
        _trialFraction = Math.Min(Math.Clamp(0.25 * Math.Pow(RelTol / 1e-7, 0.2), 0.05, 0.5) * relativeStiffCost, MaxTrialFraction);
        ResetProbing();
    }

    /// <summary>Gets a value indicating whether the stiff method is the active one.</summary>
    public bool IsStiffActive => _stiffStepper is not null && ReferenceEquals(_active, _stiffStepper);

    /// <summary>Gets the stiff stepper, creating it on first use.</summary>
    private Stepper Stiff => _stiffStepper ??= _createStiff();

    protected override void OnRestart()
    {
        // After a discontinuity keep the current mode: a stiff pathway model stays stiff across a dose.
        _pending = null;
        _active.Restart(T, Y);
        _calmCount = 0;
        _probe.Reset();
        ResetProbing();
        Mirror(_active);
    }

    protected override bool AdvanceCore(double tLimit)
    {
        if (_pending is { } next)
        {
            // Switch at the start of a step, so the previous step's dense output stays valid until now.
            _pending = null;
            SwitchTo(next, T, Y, T - TPrevious);
        }

        bool ok = _active.Advance(tLimit);
        if (!ok && !IsStiffActive)
        {
            // The explicit method gave up (typically step-size underflow in a stiff transient):
            // continue from its last accepted point with the stiff method.
            SwitchTo(Stiff, _explicit.T, _explicit.Y, _explicit.NextStep);
            ok = _active.Advance(tLimit);
        }

        Mirror(_active);
        if (ok)
        {
            if (IsStiffActive)
            {
                WatchForNonStiffness();
            }
            else
            {
                WatchForStiffness();
            }
        }

        return ok;
    }

    protected override void BuildDense()
    {
        _active.EnsureDense();
        var source = _active.Dense.AsSpan(0, (_active.DenseDegree + 1) * N);
        source.CopyTo(Dense);
        Dense.AsSpan(source.Length).Clear();
    }

    private void WatchForStiffness()
    {
        double h = Math.Min(_explicit.NextStep, MaxStep);
        if (!(h > 0) || !double.IsFinite(h))
        {
            return;
        }

        _stepsSinceProbe++;
        if (++_stepsSinceTrial < _trialBackoff)
        {
            // A trial failed recently: nothing a probe found could start another one yet.
            return;
        }

        bool suspicious = _stepsSinceProbe >= 2
            && ((h * _rho >= _trialFraction * _boundary) || (_explicit.LastStiffnessProduct > 0.9 * _boundary));
        if (_stepsSinceProbe < _probePeriod && !suspicious)
        {
            return;
        }

        _stepsSinceProbe = 0;
        var f = _explicit.CurrentDerivative(_derivative);
        _rho = _probe.Estimate(T, Y, f, _explicit.LastErrorEstimate);
        if (!double.IsFinite(_rho))
        {
            // f is not finite near y: let the explicit method meet (and report) it.
            _rho = 0;
            return;
        }

        double q = h * _rho / _boundary;
        if (q >= _trialFraction && _stepsSinceTrial >= _trialBackoff)
        {
            // Pinned at the boundary (q ≥ 1/2), or the stiff mode is large enough to spoil the explicit
            // method's accuracy (its stage order is 1): try the stiff method and keep the more efficient.
            // Even a pinned explicit method can be the cheaper one when a Jacobian costs n evaluations of f
            // and the stiff method's steps are not much longer (the pathway model, n = 46, at loose tolerances).
            _trial = true;
            _explicitEfficiency = Efficiency(h);
            _pending = Stiff;
        }
        else
        {
            _probePeriod = q < 0.5 * _trialFraction ? Math.Min(2 * _probePeriod, MaxProbePeriod) : MinProbePeriod;
        }
    }

    // Work since the current phase began, in evaluations of f: a Jacobian counts as n evaluations
    // (those of a finite-difference Jacobian are already evaluations of f).
    private long Cost() => Counters.Rhs + (System.HasJacobian ? N * Counters.Jacobians : 0);

    // Time advanced per evaluation of f if the method keeps taking steps of size h at its average cost per step in this phase.
    private double Efficiency(double h)
    {
        long steps = Counters.Accepted - _phaseSteps;
        long cost = Cost() - _phaseCost;
        return steps > 0 && cost > 0 ? h * steps / cost : double.NaN;
    }

    private void ResetProbing()
    {
        _probePeriod = 1;
        _stepsSinceProbe = 0;
        _rho = 0;
    }

    private void WatchForNonStiffness()
    {
        if (_trial && Counters.Accepted - _phaseSteps >= TrialSteps)
        {
            _trial = false;
            double stiffEfficiency = Efficiency(Math.Min(Stiff.NextStep, MaxStep));
            if (!(stiffEfficiency >= TrialGain * _explicitEfficiency))
            {
                // The explicit method was more efficient after all: go back, and wait twice as long before the next trial.
                _trialBackoff = Math.Min(2 * _trialBackoff, MaxTrialBackoff);
                _stepsSinceTrial = 0;
                _pending = _explicit;
                return;
            }
        }

        double bound = Stiff is IStiffnessProbe probe ? probe.SpectralRadiusBound : double.NaN;
        double h = T - TPrevious;
        if (double.IsFinite(bound) && h * bound < _boundary / 3)
        {
            if (++_calmCount >= NonStiffIndications)
            {
                _pending = _explicit;
            }
        }
        else
        {
            _calmCount = 0;
        }
    }

    private void SwitchTo(Stepper next, double t, double[] y, double step)
    {
        Counters.Switches++;
        _calmCount = 0;
        _trial &= !ReferenceEquals(next, _explicit);
        _phaseCost = Cost();
        _phaseSteps = Counters.Accepted;
        ResetProbing();
        _active = next;
        next.Restart(t, y);
        if (next.FailureStatus == SolverStatus.InProgress && step > 0 && double.IsFinite(step))
        {
            next.OverrideNextStep(step);
        }

        Mirror(next);
    }
}
