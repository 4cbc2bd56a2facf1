using Ferroptosis.Sim.Ode.Events;

namespace Ferroptosis.Sim.Modeling.Compilation;

/// <content>SBML event semantics on top of the integrator's continuous and time events.</content>
public sealed partial class ModelInstance
{
    /// <summary>Creates the integrator events that implement this run's model events: one continuous event per relational subexpression of a trigger, and a check at t0.</summary>
    /// <param name="t0">The initial time.</param>
    /// <returns>The continuous events (with one per relation of time or the state inside a fast rate) and the time event at t0 (empty when the model has no events).</returns>
    /// <remarks>
    /// SBML rules implemented (Level 3 Version 2, §4.12): an event fires when its
    /// trigger changes from false to true; at t0 the trigger is taken to have been its initial value;
    /// an execution is due at the trigger time plus the event's delay (evaluated at trigger time), and
    /// the model's time event for delayed executions makes the integrator land on it exactly;
    /// executions due at one time execute in decreasing priority (in random order among equals, seeded per instance); a
    /// non-persistent event whose trigger becomes false before an execution is due is cancelled;
    /// assignment values are computed at trigger time when <c>useValuesFromTriggerTime</c> holds,
    /// otherwise at execution; executions can make further triggers true, which then fire at the
    /// same time (an event retriggered while still pending executes once per rise); the assignments
    /// of one execution act together, so assigned concentrations use the compartment sizes from
    /// before that execution.
    /// </remarks>
    public (IReadOnlyList<OdeEvent> Continuous, IReadOnlyList<TimeEvent> AtStart) CreateEngineEvents(double t0)
    {
        var program = Model.Events;
        var switches = FastSwitchEvents();
        if (program.Count == 0)
        {
            return (switches, []);
        }

        // One engine event per relation, in both directions: at each sign change of its function (including reaching
        // and leaving an exact zero) the triggers are re-evaluated from the functions' values (see EvaluateTriggers).
        var continuous = new OdeEvent[program.AtomCount + switches.Length];
        switches.CopyTo(continuous, program.AtomCount);
        for (int a = 0; a < program.AtomCount; a++)
        {
            int atom = a;
            continuous[a] = new OdeEvent($"trigger#{atom}", (t, y) => AtomValue(atom, t, y), EventDirection.Both, (t, y) => FireEvents(t, y, initial: false));
        }

        var timeEvents = new List<TimeEvent> { new("initial-triggers", [t0], (t, y) => FireEvents(t, y, initial: true)) };
        var exactTimes = program.TimeRoots.Where(t => t > t0).ToArray();
        if (exactTimes.Length > 0)
        {
            // Relations of time with a constant: land on that time exactly, so that "time >= 5" fires at 5
            // (a strict "time > 5" fires just after, at the crossing located by the continuous event).
            timeEvents.Add(new TimeEvent("trigger-times", exactTimes, (t, y) => FireEvents(t, y, initial: false)));
        }

        if (program.AnyDelay)
        {
            // Delayed executions become known as triggers fire; the integrator asks for the next one after every step.
            var state = EventState;
            timeEvents.Add(new TimeEvent("delayed-executions", () => state.NextDue, (t, y) => FireEvents(t, y, initial: false)));
        }

        return (continuous, timeEvents);
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
                Enqueue(e, t, y);
            }
            else if (!now && previous && !program.Events[e].IsPersistent)
            {
                // A delayed execution of a non-persistent event is cancelled when its trigger falls before it is due.
                state.Cancel(e);
            }
        }

        while (NextPending(t, y) is var (chosen, index) && chosen >= 0)
        {
            double[] values = state.Pending[chosen][index].Values;
            state.Pending[chosen].RemoveAt(index);
            if (!program.Events[chosen].UseValuesFromTriggerTime)
            {
                program.Assignments[chosen](LoadInputs(t, y), values);
            }

            Apply(chosen, values, t, y);
            state.Release(chosen, values);

            // Fast reactions re-equilibrate at once after each execution.
            RelaxFast(t, y);

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
        var program = Model.Events;
        double[] values = state.Rent(e);
        if (program.Events[e].UseValuesFromTriggerTime)
        {
            program.Assignments[e](LoadInputs(t, y), values);
        }

        double due = t;
        if (program.HasDelay[e])
        {
            program.Delays(LoadInputs(t, y), state.DelayValues);
            double delay = state.DelayValues[e];
            if (!(delay >= 0))
            {
                throw new InvalidOperationException(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"The delay of event '{program.Events[e].Id}' is {delay} at t = {t:G10}; an event delay must be a non-negative number."));
            }

            due = t + delay;
        }

        state.Pending[e].Add(new PendingExecution(due, values));
    }

    /// <summary>Chooses the next execution due at <paramref name="t"/>: the event of highest priority among those with one due, and its earliest-due execution; (−1, −1) when none is due.</summary>
    private (int Event, int Index) NextPending(double t, ReadOnlySpan<double> y)
    {
        var state = EventState;
        var program = Model.Events;
        program.Priorities(LoadInputs(t, y), state.PriorityValues);
        int best = -1;
        int bestIndex = -1;
        int ties = 0;
        for (int e = 0; e < program.Count; e++)
        {
            int index = EarliestDue(state.Pending[e], t);
            if (index < 0)
            {
                continue;
            }

            double priority = program.HasPriority[e] ? state.PriorityValues[e] : double.NegativeInfinity;
            double bestPriority = best < 0 ? double.NaN : program.HasPriority[best] ? state.PriorityValues[best] : double.NegativeInfinity;
            // SBML: executions due together with equal priority run in random order (reservoir choice among the ties).
            if (best < 0 || priority > bestPriority || (priority == bestPriority && state.Random.Next(++ties) == 0))
            {
                ties = priority == bestPriority ? ties : 1;
                best = e;
                bestIndex = index;
            }
        }

        return (best, bestIndex);
    }

    /// <summary>The index of the earliest execution due at or before <paramref name="t"/> (the first triggered among equal times), or −1.</summary>
    private static int EarliestDue(List<PendingExecution> pending, double t)
    {
        int best = -1;
        for (int i = 0; i < pending.Count; i++)
        {
            if (pending[i].Due <= t && (best < 0 || pending[i].Due < pending[best].Due))
            {
                best = i;
            }
        }

        return best;
    }

    /// <summary>Evaluates every trigger from the values of its relations' event functions a − b.</summary>
    /// <remarks>
    /// The integrator reports a passage through zero where the event function already has its new sign strictly, so a
    /// strict relation such as x &lt; c holds at the reported time as the non-strict one does (SBML Test Suite cases
    /// 00348, 01212); a function that steps onto exactly zero and stays there is reported where it reaches zero, with
    /// the value 0, so x &lt;= c holds there and x &lt; c only where it leaves zero. The values are therefore used as
    /// they are, for every relation.
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
        state.Atoms.AsSpan(0, count).CopyTo(triggerInputs.AsSpan(first));

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

        // A species held as a concentration keeps its amount when the execution changes its compartment's size.
        var rescaled = Model.Events.Rescaled[e];
        Span<double> oldSizes = rescaled.Length <= 16 ? stackalloc double[rescaled.Length] : new double[rescaled.Length];
        for (int r = 0; r < rescaled.Length; r++)
        {
            oldSizes[r] = Model.SizeOf(this, rescaled[r].Compartment, t, y);
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

        for (int r = 0; r < rescaled.Length; r++)
        {
            y[rescaled[r].State] *= oldSizes[r] / Model.SizeOf(this, rescaled[r].Compartment, t, y);
        }
    }
}
