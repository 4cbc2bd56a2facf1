namespace Ferroptosis.Sim.Ode.Events;

/// <summary>All times of all time events inside [t0, tEnd], in firing order (time, then the order of the events in the options); events whose times become known during the integration are asked for their next time.</summary>
internal sealed class TimeEventSchedule
{
    private readonly double[] _times;
    private readonly int[] _eventIndex;
    private readonly (int Index, Func<double> Next)[] _dynamic;
    private readonly double[] _firedAt;
    private readonly double _t0;
    private int _next;

    public TimeEventSchedule(IReadOnlyList<TimeEvent> events, double t0, double tEnd)
    {
        var entries = new List<(double Time, int Index)>();
        var dynamic = new List<(int Index, Func<double> Next)>();
        for (int e = 0; e < events.Count; e++)
        {
            if (events[e].NextTime is { } next)
            {
                dynamic.Add((e, next));
            }

            foreach (double t in events[e].Times)
            {
                if (t >= t0 && t <= tEnd)
                {
                    entries.Add((t, e));
                }
            }
        }

        _dynamic = [.. dynamic];
        _firedAt = new double[_dynamic.Length];
        Array.Fill(_firedAt, double.NaN);
        _t0 = t0;
        entries.Sort((x, y) => x.Time != y.Time ? x.Time.CompareTo(y.Time) : x.Index.CompareTo(y.Index));
        _times = new double[entries.Count];
        _eventIndex = new int[entries.Count];
        for (int i = 0; i < entries.Count; i++)
        {
            (_times[i], _eventIndex[i]) = entries[i];
        }
    }

    /// <summary>Gets the next pending event time, or +∞.</summary>
    public double NextTime
    {
        get
        {
            double next = _next < _times.Length ? _times[_next] : double.PositiveInfinity;
            foreach (var (_, due) in _dynamic)
            {
                double t = due();
                if (t >= _t0 && t < next)
                {
                    next = t;
                }
            }

            return next;
        }
    }

    /// <summary>Takes the next pending event if it is due at <paramref name="t"/>.</summary>
    public bool TryTakeDue(double t, out int eventIndex)
    {
        if (_next < _times.Length && _times[_next] <= t)
        {
            eventIndex = _eventIndex[_next++];
            return true;
        }

        for (int d = 0; d < _dynamic.Length; d++)
        {
            // A dynamic event fires at most once per time: its action handles everything due then.
            double next = _dynamic[d].Next();
            if (next >= _t0 && next <= t && _firedAt[d] != t)
            {
                _firedAt[d] = t;
                eventIndex = _dynamic[d].Index;
                return true;
            }
        }

        eventIndex = -1;
        return false;
    }
}
