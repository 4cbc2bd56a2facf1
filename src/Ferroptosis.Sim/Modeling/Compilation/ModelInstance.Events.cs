using Ferroptosis.Sim.Ode.Events;

namespace Ferroptosis.Sim.Modeling.Compilation;

/// <content>SBML event semantics on top of the integrator's continuous and time events.</content>
public sealed partial class ModelInstance
{
    /// <summary>Creates the integrator events that implement this run's model events: one continuous event per relational subexpression of a trigger, and a check at t0.</summary>
    /// <param name="t0">The initial time.</param>
    /// <returns>The continuous events and the time event at t0 (empty when the model has no events).</returns>
    /// <remarks>
    /// SBML rules implemented (Level 3 Version 2, §4.12, without delays): an event fires when its
    /// trigger changes from false to true; at t0 the trigger is taken to have been its initial value;
    /// events that fire at one time execute in decreasing priority (document order among equals); a
    /// non-persistent event whose trigger became false through an earlier execution is cancelled;
    /// assignment values are computed at trigger time when <c>useValuesFromTriggerTime</c> holds,
    /// otherwise at execution; executions can make further triggers true, which then fire at the
    /// same time.
    /// </remarks>
    public (IReadOnlyList<OdeEvent> Continuous, IReadOnlyList<TimeEvent> AtStart) CreateEngineEvents(double t0)
    {
        var program = Model.Events;
        if (program.Count == 0)
        {
            return ([], []);
        }

        var continuous = new OdeEvent[program.AtomCount];
        for (int a = 0; a < continuous.Length; a++)
        {
            int atom = a;
            continuous[a] = new OdeEvent($"trigger#{atom}", (t, y) => AtomValue(atom, t, y), EventDirection.Both, (t, y) => FireEvents(t, y, initial: false));
        }

        var atStart = new TimeEvent("initial-triggers", [t0], (t, y) => FireEvents(t, y, initial: true));
        if (program.TimeRoots.Length == 0)
        {
            return (continuous, [atStart]);
        }

        // Relations of time with a constant: land on the time exactly, so that "time >= 5" fires at 5.
        var exact = new TimeEvent("trigger-times", program.TimeRoots.Where(t => t > t0), (t, y) => FireEvents(t, y, initial: false));
        return (continuous, [atStart, exact]);
    }

    private double AtomValue(int atom, double t, ReadOnlySpan<double> y)
    {
        var state = EventState;
        var cached = state.AtomState;
        if (state.AtomTime != t || cached is null || !y.SequenceEqual(cached))
        {
            Model.Events.Atoms(LoadInputs(t, y), state.Atoms);
            state.AtomTime = t;
            state.AtomState ??= new double[_n];
            y.CopyTo(state.AtomState);
        }

        return state.Atoms[atom];
    }

    private void FireEvents(double t, Span<double> y, bool initial)
    {
        var state = EventState;
        var program = Model.Events;
        state.AtomTime = double.NaN;
        EvaluateTriggers(t, y);
        for (int e = 0; e < program.Count; e++)
        {
            bool previous = initial ? program.Events[e].TriggerInitialValue : state.Trigger[e];
            bool now = state.TriggerValues[e] != 0;
            state.Trigger[e] = now;
            if (now && !previous)
            {
                MarkPending(e, t, y);
            }
        }

        while (NextPending(t, y) is int chosen and >= 0)
        {
            state.Pending[chosen] = false;
            var ev = program.Events[chosen];
            EvaluateTriggers(t, y);
            if (!ev.IsPersistent && state.TriggerValues[chosen] == 0)
            {
                continue;
            }

            double[] values = state.Stored[chosen];
            if (!ev.UseValuesFromTriggerTime)
            {
                program.Assignments[chosen](LoadInputs(t, y), values);
            }

            Apply(chosen, values, t, y);

            // Executions can make other triggers true (or false) at the same time.
            EvaluateTriggers(t, y);
            for (int e = 0; e < program.Count; e++)
            {
                bool now = state.TriggerValues[e] != 0;
                if (now && !state.Trigger[e])
                {
                    MarkPending(e, t, y);
                }

                state.Trigger[e] = now;
            }
        }

        state.AtomTime = double.NaN;
    }

    private void MarkPending(int e, double t, ReadOnlySpan<double> y)
    {
        var state = EventState;
        state.Pending[e] = true;
        if (Model.Events.Events[e].UseValuesFromTriggerTime)
        {
            Model.Events.Assignments[e](LoadInputs(t, y), state.Stored[e]);
        }
    }

    private int NextPending(double t, ReadOnlySpan<double> y)
    {
        var state = EventState;
        var program = Model.Events;
        program.Priorities(LoadInputs(t, y), state.PriorityValues);
        int best = -1;
        for (int e = 0; e < program.Count; e++)
        {
            if (!state.Pending[e])
            {
                continue;
            }

            double priority = program.HasPriority[e] ? state.PriorityValues[e] : double.NegativeInfinity;
            double bestPriority = best < 0 ? double.NaN : program.HasPriority[best] ? state.PriorityValues[best] : double.NegativeInfinity;
            if (best < 0 || priority > bestPriority)
            {
                best = e;
            }
        }

        return best;
    }

    private void EvaluateTriggers(double t, ReadOnlySpan<double> y) => Model.Events.Triggers(LoadInputs(t, y), EventState.TriggerValues);

    private void Apply(int e, double[] values, double t, Span<double> y)
    {
        var targets = Model.Events.Targets[e];
        var state = EventState;

        // Non-species targets first, then species, whose concentrations convert with the new sizes.
        for (int pass = 0; pass < 2; pass++)
        {
            if (pass == 1 && state.Sizes.Length > 0)
            {
                Model.Events.Sizes(LoadInputs(t, y), state.Sizes);
            }

            for (int a = 0; a < targets.Length; a++)
            {
                var target = targets[a];
                if ((target.SizeIndex >= 0) != (pass == 1))
                {
                    continue;
                }

                double value = target.SizeIndex >= 0 ? values[a] * state.Sizes[target.SizeIndex] : values[a];
                if (target.IsState)
                {
                    y[target.Index] = value;
                }
                else
                {
                    Parameters[target.Index] = value;
                }
            }
        }
    }
}
