namespace Ferroptosis.Sim.Ode.Events;

/// <summary>An event at known times, e.g. a dosing schedule; the integrator steps exactly onto each time.</summary>
/// <remarks>
/// <para>
/// Steps are shortened so that each time is hit exactly (never interpolated), the
/// <see cref="Action"/> changes the state there, and the method restarts after the discontinuity.
/// A time equal to t0 fires before the first step (a dose at t = 0); times outside [t0, tEnd] are
/// ignored. Output requested at an event time reports the state after the event. Several time
/// events at the same time fire in the order they are listed in the options.
/// </para>
/// <para>Immutable; the action must be safe to call from the integrating thread.</para>
/// </remarks>
public sealed record TimeEvent
{
    private readonly double[] _times;

    /// <summary>Initialises a time event.</summary>
    /// <param name="name">A name used in <see cref="EventOccurrence"/> records.</param>
    /// <param name="times">The event times (finite; sorted and de-duplicated here).</param>
    /// <param name="action">The state change applied at each time.</param>
    /// <param name="isTerminal">True to stop the integration at the first of the times.</param>
    /// <exception cref="ArgumentException">A time is not finite.</exception>
    public TimeEvent(string name, IEnumerable<double> times, StateAction action, bool isTerminal = false)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(times);
        ArgumentNullException.ThrowIfNull(action);
        var sorted = new SortedSet<double>();
        foreach (double t in times)
        {
            if (!double.IsFinite(t))
            {
                throw new ArgumentException($"Time event '{name}' has a non-finite time {t}; every event time must be a finite number.", nameof(times));
            }

            sorted.Add(t);
        }

        Name = name;
        _times = [.. sorted];
        Action = action;
        IsTerminal = isTerminal;
    }

    /// <summary>Initialises a time event whose times become known during the integration (e.g. actions scheduled with a delay by other events).</summary>
    /// <param name="name">A name used in <see cref="EventOccurrence"/> records.</param>
    /// <param name="nextTime">Gives the next time the event is due (+∞ when none); asked again after every step and event, so the action must move it past the time it handled.</param>
    /// <param name="action">The state change applied at each due time.</param>
    public TimeEvent(string name, Func<double> nextTime, StateAction action)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(nextTime);
        ArgumentNullException.ThrowIfNull(action);
        Name = name;
        _times = [];
        NextTime = nextTime;
        Action = action;
    }

    /// <summary>Gets the function giving the next due time of an event scheduled during the integration, or null for an event with fixed <see cref="Times"/>.</summary>
    public Func<double>? NextTime { get; }

    /// <summary>Gets the event's name.</summary>
    public string Name { get; }

    /// <summary>Gets the event times, ascending and distinct.</summary>
    public IReadOnlyList<double> Times => _times;

    /// <summary>Gets the state change applied at each time.</summary>
    public StateAction Action { get; }

    /// <summary>Gets a value indicating whether the integration stops at the first time.</summary>
    public bool IsTerminal { get; }

    /// <summary>Creates a schedule of doses: every <paramref name="interval"/> from <paramref name="first"/>, <paramref name="count"/> times, adding <paramref name="amount"/> to component <paramref name="index"/>.</summary>
    /// <param name="name">The event name.</param>
    /// <param name="index">The state component that receives the dose.</param>
    /// <param name="amount">The amount added at each dose.</param>
    /// <param name="first">The time of the first dose.</param>
    /// <param name="interval">The time between doses (positive).</param>
    /// <param name="count">The number of doses (at least 1).</param>
    /// <returns>A time event.</returns>
    public static TimeEvent Doses(string name, int index, double amount, double first, double interval, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        if (!(interval > 0) || !double.IsFinite(interval))
        {
            throw new ArgumentOutOfRangeException(nameof(interval), interval, "The dosing interval must be a positive finite number.");
        }

        var times = new double[count];
        for (int k = 0; k < count; k++)
        {
            times[k] = first + (k * interval);
        }

        return new TimeEvent(name, times, (t, y) => y[index] += amount);
    }
}
