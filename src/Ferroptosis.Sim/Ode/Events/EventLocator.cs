using Ferroptosis.Sim.Ode.Stepping;

namespace Ferroptosis.Sim.Ode.Events;

/// <summary>Detects sign changes of the continuous event functions over an accepted step and locates the earliest one on the dense output.</summary>
/// <remarks>
/// Root location uses the Illinois variant of regula falsi (Dowell and Jarratt 1971), which keeps a
/// bracket and converges superlinearly; it stops when the bracket is narrower than the time tolerance
/// and reports the bracket's right end, where the sign has already changed.
/// </remarks>
internal sealed class EventLocator
{
    private readonly OdeEvent[] _events;
    private readonly double[] _previousValue;
    private readonly int[] _referenceSign;
    private readonly bool[] _candidate;
    private readonly int[] _signBefore;
    private readonly double[] _root;
    private readonly double[] _scratch;
    private readonly double _tolerance;

    public EventLocator(IReadOnlyList<OdeEvent> events, int n, double tolerance)
    {
        _events = [.. events];
        _previousValue = new double[_events.Length];
        _referenceSign = new int[_events.Length];
        _candidate = new bool[_events.Length];
        _signBefore = new int[_events.Length];
        _root = new double[_events.Length];
        _scratch = new double[n];
        _tolerance = tolerance;
    }

    public int Count => _events.Length;

    public OdeEvent this[int index] => _events[index];

    /// <summary>Takes the signs at (t, y) as the reference (start of integration, or after a restart).</summary>
    public void Reset(double t, ReadOnlySpan<double> y)
    {
        for (int k = 0; k < _events.Length; k++)
        {
            double g = _events[k].Condition(t, y);
            _previousValue[k] = g;
            _referenceSign[k] = Math.Sign(g);
        }
    }

    /// <summary>Checks the step just taken by <paramref name="stepper"/>; returns the earliest event time in (TPrevious, T], or NaN when nothing fires.</summary>
    public double FindEarliest(Stepper stepper)
    {
        double earliest = double.NaN;
        for (int k = 0; k < _events.Length; k++)
        {
            _candidate[k] = false;
            double g = _events[k].Condition(stepper.T, stepper.Y);
            int sign = Math.Sign(double.IsNaN(g) ? 0 : g);
            int reference = _referenceSign[k];
            double previous = _previousValue[k];
            _previousValue[k] = g;
            if (reference == 0)
            {
                _referenceSign[k] = sign;
                continue;
            }

            if (sign == reference)
            {
                continue;
            }

            // A crossing; the reference flips whether or not the direction wants it.
            _referenceSign[k] = sign == 0 ? -reference : sign;
            if (previous == 0 || !Wanted(_events[k].Direction, reference))
            {
                continue;
            }

            _candidate[k] = true;
            _signBefore[k] = reference;
            double root = Locate(stepper, k, previous, g);
            _root[k] = root;
            if (double.IsNaN(earliest) || root < earliest)
            {
                earliest = root;
            }
        }

        return earliest;
    }

    /// <summary>Gets whether event k changed sign in the direction it watches during the last checked step.</summary>
    public bool IsCandidate(int k) => _candidate[k];

    /// <summary>Gets the located time of candidate event k.</summary>
    public double RootOf(int k) => _root[k];

    /// <summary>Gets whether any candidate of the last checked step changes the state or stops the integration.</summary>
    public bool AnyCandidateActs()
    {
        for (int k = 0; k < _events.Length; k++)
        {
            if (_candidate[k] && (_events[k].Action is not null || _events[k].IsTerminal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether event k crossed within the step at or before <paramref name="t"/> (call after <see cref="FindEarliest"/> with the interpolated state at the earliest event time); several events can fire at one time.</summary>
    public bool FiresAt(int k, double t, ReadOnlySpan<double> yAtT)
    {
        if (!_candidate[k])
        {
            return false;
        }

        double g = _events[k].Condition(t, yAtT);
        return g == 0 || Math.Sign(g) != _signBefore[k];
    }

    /// <summary>After the state change at an event time, takes the new signs as reference; an event that fired and sits exactly on zero keeps its post-crossing sign, so it cannot fire again at once.</summary>
    public void ResetAfterEvent(double t, ReadOnlySpan<double> y, ReadOnlySpan<bool> fired)
    {
        for (int k = 0; k < _events.Length; k++)
        {
            double g = _events[k].Condition(t, y);
            int sign = Math.Sign(g);
            _previousValue[k] = g;
            _referenceSign[k] = sign != 0 ? sign : (fired[k] ? -_signBefore[k] : 0);
        }
    }

    private static bool Wanted(EventDirection direction, int signBefore) => direction switch
    {
        EventDirection.Rising => signBefore < 0,
        EventDirection.Falling => signBefore > 0,
        _ => true,
    };

    private double Locate(Stepper stepper, int k, double fa, double fb)
    {
        double a = stepper.TPrevious;
        double b = stepper.T;
        if (fb == 0)
        {
            return b;
        }

        var condition = _events[k].Condition;
        int side = 0;
        for (int iteration = 0; iteration < 200; iteration++)
        {
            double width = b - a;
            if (width <= _tolerance * Math.Max(1.0, Math.Abs(b)))
            {
                break;
            }

            double c = ((a * fb) - (b * fa)) / (fb - fa);
            if (!(c > a && c < b))
            {
                c = a + (0.5 * width);
            }

            stepper.Interpolate(c, _scratch);
            double fc = condition(c, _scratch);
            if (fc == 0)
            {
                return c;
            }

            if (Math.Sign(fc) == Math.Sign(fb))
            {
                b = c;
                fb = fc;
                if (side == 1)
                {
                    fa *= 0.5;
                }

                side = 1;
            }
            else
            {
                a = c;
                fa = fc;
                if (side == -1)
                {
                    fb *= 0.5;
                }

                side = -1;
            }

            if (c == a && b - a <= 4 * (Math.BitIncrement(Math.Abs(b)) - Math.Abs(b)))
            {
                break;
            }
        }

        return b;
    }
}
