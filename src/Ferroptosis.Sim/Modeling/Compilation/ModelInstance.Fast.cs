using Ferroptosis.Sim.Ode.Events;

namespace Ferroptosis.Sim.Modeling.Compilation;

/// <content>Fast reactions: relaxing the state to their equilibrium at the start, after event executions and where a fast rate switches branch.</content>
public sealed partial class ModelInstance
{
    private double[]? _massEntries;
    private FastRelaxation? _relaxation;
    private double[]? _switchValues;
    private double[]? _dependentValues;

    /// <summary>
    /// Relaxes <paramref name="y"/> to the equilibrium the fast reactions reach from it (nothing when the model has none),
    /// with the relations inside their rates locked to their values at (t, y); a relation the relaxation flips is locked
    /// anew and the state relaxed again (a few times at most).
    /// </summary>
    internal void RelaxFast(double t, Span<double> y)
    {
        if (Model.Fast is not { } fast)
        {
            return;
        }

        _relaxation ??= new FastRelaxation(this, fast);
        LockSwitches(fast, t, y);
        for (int round = 0; round < 4; round++)
        {
            _relaxation.Run(t, y);
            if (!LockSwitches(fast, t, y))
            {
                break;
            }
        }

        CheckDependent(fast, t, y, 1e-6);
    }

    /// <summary>Whether the model has fast reactions left out as linearly dependent, whose equilibrium a run checks.</summary>
    internal bool HasDependentFastReactions => Model.Fast?.DependentKernel is not null;

    /// <summary>Checks at an output point that every fast reaction left out as linearly dependent is still at equilibrium (|v| ≤ 10⁻³ of its scale: the state there is interpolated); throws <see cref="NotSupportedException"/> otherwise.</summary>
    internal void CheckDependentFastReactions(double t, ReadOnlySpan<double> y)
    {
        if (Model.Fast is { } fast)
        {
            CheckDependent(fast, t, y, 1e-3);
        }
    }

    /// <summary>Refuses the run when a fast reaction left out as linearly dependent is not at equilibrium where the others are: |v| above <paramref name="tolerance"/> times Σ_k |∂v/∂x_k·x_k|.</summary>
    private void CheckDependent(FastSubsystem fast, double t, ReadOnlySpan<double> y, double tolerance)
    {
        if (fast.DependentKernel is not { } kernel)
        {
            return;
        }

        int count = fast.DependentIds.Length;
        var values = _dependentValues ??= new double[count + fast.DependentGradientRows.Length];
        kernel(LoadInputs(t, y), values);
        for (int r = 0; r < count; r++)
        {
            double scale = 0;
            for (int e = 0; e < fast.DependentGradientRows.Length; e++)
            {
                if (fast.DependentGradientRows[e] == r)
                {
                    scale += Math.Abs(values[count + e] * y[fast.DependentGradientColumns[e]]);
                }
            }

            if (!(Math.Abs(values[r]) <= tolerance * scale) && values[r] != 0)
            {
                throw new NotSupportedException(string.Create(
                    System.Globalization.CultureInfo.InvariantCulture,
                    $"fast reaction: the fast reaction '{fast.DependentIds[r]}' is a linear combination of the other fast reactions, but at their equilibrium (t = {t:G6}) its rate is {values[r]:G6}, not zero: its rate law is not consistent with theirs (e.g. mass-action rate constants violating Wegscheider's condition), so no state holds every fast reaction at equilibrium"));
            }
        }
    }

    /// <summary>Sets the locked value of every relation of the fast rates from (t, y); returns whether one changed.</summary>
    private bool LockSwitches(FastSubsystem fast, double t, ReadOnlySpan<double> y)
    {
        if (fast.SwitchKernel is not { } kernel)
        {
            return false;
        }

        var values = _switchValues ??= new double[fast.SwitchCount];
        kernel(LoadInputs(t, y), values);
        int first = 1 + _n + _m + (Model.Delays?.Count ?? 0);
        bool changed = false;
        for (int s = 0; s < values.Length; s++)
        {
            double locked = FastSubsystem.Holds(fast.SwitchOperators[s], values[s]) ? 1 : 0;
            changed |= _inputs[first + s] != locked;
            _inputs[first + s] = locked;
        }

        return changed;
    }

    /// <summary>One continuous event per locked relation of the fast rates: where its function crosses zero the rate switches branch, and the state relaxes to the new branch's equilibrium.</summary>
    private OdeEvent[] FastSwitchEvents()
    {
        if (Model.Fast is not { SwitchKernel: { } kernel } fast)
        {
            return [];
        }

        var events = new OdeEvent[fast.SwitchCount];
        for (int s = 0; s < events.Length; s++)
        {
            int index = s;
            events[s] = new OdeEvent($"fast-switch#{index}", (t, y) => SwitchValue(kernel, index, t, y), EventDirection.Both, RelaxFast);
        }

        return events;
    }

    private double SwitchValue(Modeling.Expressions.ExpressionKernel kernel, int index, double t, ReadOnlySpan<double> y)
    {
        var values = _switchValues ??= new double[Model.Fast!.SwitchCount];
        kernel(LoadInputs(t, y), values);
        return values[index];
    }
}
