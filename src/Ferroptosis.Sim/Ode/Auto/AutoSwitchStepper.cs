using Ferroptosis.Sim.Ode.ExplicitRungeKutta;
using Ferroptosis.Sim.Ode.Stepping;

namespace Ferroptosis.Sim.Ode.Auto;

/// <summary>Runs an explicit method while the problem is non-stiff and a stiff method while it is stiff, switching both ways.</summary>
/// <remarks>
/// <para>
/// Stiffness is detected as in Hairer's DOPRI5 (Hairer–Wanner II, IV.2): after each accepted explicit
/// step, h·ρ with ρ ≈ ‖k_s − k_p‖/‖g_s − g_p‖ estimates how close the step is to the method's
/// stability boundary. When it exceeds 90 % of the boundary on <see cref="StiffIndications"/> steps
/// (the count restarts after <see cref="NonStiffResets"/> unremarkable steps in a row), the step size
/// is limited by stability rather than accuracy and the stiff method takes over. While stiff, the
/// spectral radius of the stiff method's Jacobian is bounded by its ∞-norm; when h times that bound
/// stays below a third of the explicit boundary for <see cref="NonStiffIndications"/> steps, the
/// explicit method returns. A failure of the explicit method (e.g. step-size underflow on an
/// undetected stiff transient) hands the step to the stiff method instead of ending the integration.
/// </para>
/// <para>Both members share the work counters; the integrator sees this stepper's mirrored state.</para>
/// </remarks>
internal sealed class AutoSwitchStepper : Stepper
{
    private const int StiffIndications = 10;
    private const int NonStiffResets = 6;
    private const int NonStiffIndications = 5;

    private readonly ExplicitRungeKuttaStepper _explicit;
    private readonly Stepper _stiff;
    private readonly double _boundary;
    private Stepper _active;
    private Stepper? _pending;
    private int _stiffCount;
    private int _calmCount;

    public AutoSwitchStepper(ExplicitRungeKuttaStepper nonStiff, Stepper stiff, OdeSolverOptions options, WorkCounters counters)
        : base(nonStiff.System, options, counters, Math.Max(nonStiff.DenseDegree, stiff.DenseDegree))
    {
        _explicit = nonStiff;
        _stiff = stiff;
        _boundary = nonStiff.Tableau.StabilityBoundary;
        _active = nonStiff;
    }

    /// <summary>Gets a value indicating whether the stiff method is the active one.</summary>
    public bool IsStiffActive => ReferenceEquals(_active, _stiff);

    protected override void OnRestart()
    {
        // After a discontinuity keep the current mode: a stiff pathway model stays stiff across a dose.
        _pending = null;
        _active.Restart(T, Y);
        _stiffCount = 0;
        _calmCount = 0;
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
            SwitchTo(_stiff, _explicit.T, _explicit.Y, _explicit.NextStep);
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
        if (_explicit.LastStiffnessProduct > 0.9 * _boundary)
        {
            _calmCount = 0;
            if (++_stiffCount >= StiffIndications)
            {
                _pending = _stiff;
            }
        }
        else if (++_calmCount >= NonStiffResets)
        {
            _stiffCount = 0;
        }
    }

    private void WatchForNonStiffness()
    {
        double bound = _stiff is IStiffnessProbe probe ? probe.SpectralRadiusBound : double.NaN;
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
        _stiffCount = 0;
        _calmCount = 0;
        _active = next;
        next.Restart(t, y);
        if (next.FailureStatus == SolverStatus.InProgress && step > 0 && double.IsFinite(step))
        {
            next.OverrideNextStep(step);
        }

        Mirror(next);
    }
}
