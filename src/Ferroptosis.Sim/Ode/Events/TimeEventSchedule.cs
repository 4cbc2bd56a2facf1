namespace Ferroptosis.Sim.Ode.Events;

/// <summary>All times of all time events inside [t0, tEnd], in firing order (time, then the order of the events in the options).</summary>
internal sealed class TimeEventSchedule
{
    private readonly double[] _times;
    private readonly int[] _eventIndex;
    private int _next;

    public TimeEventSchedule(IReadOnlyList<TimeEvent> events, double t0, double tEnd)
    {
        var entries = new List<(double Time, int Index)>();
        for (int e = 0; e < events.Count; e++)
        {
            foreach (double t in events[e].Times)
            {
                if (t >= t0 && t <= tEnd)
                {
                    entries.Add((t, e));
                }
            }
        }

        entries.Sort((x, y) => x.Time != y.Time ? x.Time.CompareTo(y.Time) : x.Index.CompareTo(y.Index));
        _times = new double[entries.Count];
        _eventIndex = new int[entries.Count];
        for (int i = 0; i < entries.Count; i++)
        {
            (_times[i], _eventIndex[i]) = entries[i];
        }
    }

    /// <summary>Gets the next pending event time, or +∞.</summary>
    public double NextTime => _next < _times.Length ? _times[_next] : double.PositiveInfinity;

    /// <summary>Takes the next pending event if it is due at <paramref name="t"/>.</summary>
    public bool TryTakeDue(double t, out int eventIndex)
    {
        if (_next < _times.Length && _times[_next] <= t)
        {
            eventIndex = _eventIndex[_next++];
            return true;
        }

        eventIndex = -1;
        return false;
    }
}
