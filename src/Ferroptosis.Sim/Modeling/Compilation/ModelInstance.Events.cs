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
    /// same time (an event retriggered while still pending executes once per rise); the assignments
    /// of one execution act together, so assigned concentrations use the compartment sizes from
    /// before that execution.
    /// </remarks>
    public (IReadOnlyList<OdeEvent> Continuous, IReadOnlyList<TimeEvent> AtStart) CreateEngineEvents(double t0)
    {
        var program = Model.Events;
        if (program.Count == 0)
        {
            return ([], []);
        }

        // Two engine events per relation, one per direction, so that the model knows on which side of zero the
        // relation is just after the crossing (see EvaluateTriggers).
        var continuous = new OdeEvent[2 * program.AtomCount];
        for (int a = 0; a < program.AtomCount; a++)
        {
            int atom = a;
            EventFunction g = (t, y) => AtomValue(atom, t, y);
            continuous[2 * a] = new OdeEvent($"trigger#{atom}+", g, EventDirection.Rising, (t, y) => FireEvents(t, y, initial: false, atom, +1));
            continuous[(2 * a) + 1] = new OdeEvent($"trigger#{atom}-", g, EventDirection.Falling, (t, y) => FireEvents(t, y, initial: false, atom, -1));
        }

        var atStart = new TimeEvent("initial-triggers", [t0], (t, y) => FireEvents(t, y, initial: true, -1, 0));
        var exactTimes = program.TimeRoots.Where(t => t > t0).ToArray();
        if (exactTimes.Length == 0)
        {
            return (continuous, [atStart]);
        }

        // Relations of time with a constant: land on that time exactly, so that "time >= 5" fires at 5
        // (a strict "time > 5" fires just after, at the crossing located by the continuous event).
        return (continuous, [atStart, new TimeEvent("trigger-times", exactTimes, (t, y) => FireEvents(t, y, initial: false, -1, 0))]);
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

    private void FireEvents(double t, Span<double> y, bool initial, int crossedAtom, int crossedSign)
    {
        var state = EventState;
        var program = Model.Events;
        state.AtomTime = double.NaN;
        if (initial || state.CrossingTime != t)
        {
            Array.Clear(state.CrossedSign);
            state.CrossingTime = t;
        }

        if (crossedAtom >= 0)
        {
            state.CrossedSign[crossedAtom] = crossedSign;
        }

        EvaluateTriggers(t, y);
        for (int e = 0; e < program.Count; e++)
        {
            bool previous = initial ? program.Events[e].TriggerInitialValue : state.Trigger[e];
            bool now = state.TriggerValues[e] != 0;
            state.Trigger[e] = now;
            if (now && !previous)
            {
                Enqueue(e, t, y);
            }
        }

        while (NextPending(t, y) is int chosen and >= 0)
        {
            double[] values = state.Pending[chosen].Dequeue();
            if (!program.Events[chosen].UseValuesFromTriggerTime)
            {
                program.Assignments[chosen](LoadInputs(t, y), values);
            }

            Apply(chosen, values, t, y);
            state.Release(chosen, values);

            // Executions can make other triggers true (a new pending execution, even of an event that is still
            // pending) or false (which cancels the pending executions of a non-persistent event) at the same time.
            EvaluateTriggers(t, y);
            for (int e = 0; e < program.Count; e++)
            {
                bool now = state.TriggerValues[e] != 0;
                if (now && !state.Trigger[e])
                {
                    Enqueue(e, t, y);
                }
                else if (!now && state.Trigger[e] && !program.Events[e].IsPersistent)
                {
                    state.Cancel(e);
                }

                state.Trigger[e] = now;
            }
        }

        state.AtomTime = double.NaN;
    }

    private void Enqueue(int e, double t, ReadOnlySpan<double> y)
    {
        var state = EventState;
        double[] values = state.Rent(e);
        if (Model.Events.Events[e].UseValuesFromTriggerTime)
        {
            Model.Events.Assignments[e](LoadInputs(t, y), values);
        }

        state.Pending[e].Enqueue(values);
    }

    private int NextPending(double t, ReadOnlySpan<double> y)
    {
        var state = EventState;
        var program = Model.Events;
        program.Priorities(LoadInputs(t, y), state.PriorityValues);
        int best = -1;
        for (int e = 0; e < program.Count; e++)
        {
            if (state.Pending[e].Count == 0)
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

    /// <summary>Evaluates every trigger from the values of its relations' event functions a − b.</summary>
    /// <remarks>
    /// The integrator reports a crossing where the event function is zero or has just changed sign. At an exact
    /// zero a strict relation such as x &lt; c is still false although it holds immediately after, when the
    /// trigger really changes; an event function that crossed at this time and is exactly zero is therefore
    /// given its sign from just after the crossing (the right limit) in inequalities, so that x &lt; c and
    /// x &lt;= c both become true at the crossing time (SBML Test Suite cases 00348, 01212). Equalities, which
    /// hold only at isolated points, use the value itself.
    /// </remarks>
    private void EvaluateTriggers(double t, ReadOnlySpan<double> y)
    {
        var state = EventState;
        var program = Model.Events;
        var inputs = LoadInputs(t, y);
        program.Atoms(inputs, state.Atoms);
        var triggerInputs = state.TriggerInputs;
        int first = program.InputCount;
        inputs.AsSpan(0, first).CopyTo(triggerInputs);
        int count = state.Atoms.Length;
        for (int a = 0; a < count; a++)
        {
            double value = state.Atoms[a];
            triggerInputs[first + a] = value;
            triggerInputs[first + count + a] = value == 0 && state.CrossedSign[a] != 0 ? state.CrossedSign[a] : value;
        }

        program.Triggers(triggerInputs, state.TriggerValues);
    }

    private void Apply(int e, double[] values, double t, Span<double> y)
    {
        var targets = Model.Events.Targets[e];
        var state = EventState;

        // The assignments of one execution act together: a species concentration is converted to an amount with
        // its compartment's size before this execution, even when the same event also changes that size
        // (SBML Test Suite case 01780).
        if (state.Sizes.Length > 0)
        {
            Model.Events.Sizes(LoadInputs(t, y), state.Sizes);
        }

        for (int a = 0; a < targets.Length; a++)
        {
            var target = targets[a];
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
