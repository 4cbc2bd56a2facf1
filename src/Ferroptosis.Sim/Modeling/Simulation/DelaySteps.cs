using Ferroptosis.Sim.Modeling.Compilation;
using Ferroptosis.Sim.Ode.Events;

namespace Ferroptosis.Sim.Modeling.Simulation;

/// <summary>The method of steps for a model with <c>delay(x, τ)</c>: the largest step and the breaking points of the solution.</summary>
/// <remarks>
/// <para>
/// With constant delays τ_1 … τ_D (τ depending on parameters only, evaluated at the start), a step no longer than the
/// smallest τ only ever reads the past from steps already accepted, so the delayed values are the continuous extension
/// of the solution, not an extrapolation. The solution's derivatives jump where a delayed argument crosses a jump of
/// an earlier derivative: from the start (where the constant initial history meets the motion), at
/// t0 + k_1·τ_1 + … + k_D·τ_D, one derivative higher at each further delay. The integrator steps exactly onto these
/// breaking points and restarts there, up to <see cref="Order"/> delays deep, where the jump is beyond what a
/// method of order 5 resolves.
/// </para>
/// <para>
/// A delay that depends on time or the state is evaluated where it is used; its breaking points are not located and
/// the step is not limited by it (the last step's interpolant is continued when t − τ falls in the step being taken).
/// </para>
/// </remarks>
internal static class DelaySteps
{
    /// <summary>How many delays deep the breaking points are followed.</summary>
    public const int Order = 6;

    /// <summary>At most this many breaking points are placed.</summary>
    public const int MaxBreakpoints = 10_000;

    /// <summary>Plans a run: the breaking points (as a time event that changes nothing) and the largest step.</summary>
    public static (TimeEvent[] Breakpoints, double MaxStep) Plan(ModelInstance instance, double t0, double[] y0, double t1, double maxStep)
    {
        var program = instance.Model.Delays!;
        var inputs = instance.LoadInputs(t0, y0);
        var one = new double[1];
        var taus = new SortedSet<double>();
        for (int k = 0; k < program.Count; k++)
        {
            if (!program.IsConstantDelay[k])
            {
                continue;
            }

            program.DelayKernels[k](inputs, one);
            if (one[0] > 0 && double.IsFinite(one[0]))
            {
                taus.Add(one[0]);
            }
        }

        if (taus.Count == 0)
        {
            return ([], maxStep);
        }

        var times = new SortedSet<double>();
        var level = new HashSet<double> { t0 };
        for (int depth = 0; depth < Order && times.Count < MaxBreakpoints; depth++)
        {
            var next = new HashSet<double>();
            foreach (double t in level)
            {
                foreach (double tau in taus)
                {
                    double b = t + tau;
                    if (b < t1 && times.Add(b) && times.Count < MaxBreakpoints)
                    {
                        next.Add(b);
                    }
                }
            }

            level = next;
        }

        var events = times.Count == 0 ? [] : new[] { new TimeEvent("delay breaking point", times, static (_, _) => { }) };
        return (events, Math.Min(maxStep, taus.Min));
    }
}
