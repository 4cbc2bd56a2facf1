using Ferroptosis.Sim.Ode.Stepping;

namespace Ferroptosis.Sim.Ode.Events;

/// <summary>Finds the zero crossings of the continuous event functions within an accepted step and locates them on the dense output.</summary>
/// <remarks>
/// <para>
/// Each step is checked at its ends and at <see cref="OdeSolverOptions.EventSamplesPerStep"/> interior
/// points of the interpolant, so a function that crosses zero several times within one step is not
/// missed when the crossings are at least a sample apart (the strategy of DifferentialEquations.jl's
/// continuous callbacks). Every sign change in the watched direction within a sub-interval is located
/// by the Illinois variant of regula falsi (Dowell and Jarratt 1971), which keeps a bracket and converges
/// superlinearly, until the bracket is narrower than the time tolerance; the bracket's right end, where
/// the sign has already changed, is reported.
/// </para>
/// <para>Work arrays are allocated once; checking a step allocates nothing.</para>
/// </remarks>
internal sealed class EventLocator
{
    private readonly OdeEvent[] _events;
    private readonly double[] _previousValue;
    private readonly int[] _referenceSign;
    private readonly double[] _scratch;
    private readonly double _tolerance;
    private readonly int _samples;
    private readonly double[] _rootTime;
    private readonly int[] _rootEvent;
    private readonly int[] _rootSignBefore;

    public EventLocator(IReadOnlyList<OdeEvent> events, int n, double tolerance, int samplesPerStep)
    {
        _events = [.. events];
        _previousValue = new double[_events.Length];
        _referenceSign = new int[_events.Length];
        _scratch = new double[n];
        _tolerance = tolerance;
        _samples = samplesPerStep;
        int capacity = _events.Length * (samplesPerStep + 1);
        _rootTime = new double[capacity];
        _rootEvent = new int[capacity];
        _rootSignBefore = new int[capacity];
    }

    public int Count => _events.Length;

    /// <summary>Gets the number of crossings found in the last checked step, ordered by time (then event index).</summary>
    public int RootCount { get; private set; }

    public OdeEvent this[int index] => _events[index];

    public double RootTime(int r) => _rootTime[r];

    public int RootEvent(int r) => _rootEvent[r];

    /// <summary>Takes the signs at (t, y) as the reference: at the start of the integration, and after a time event (whose state change must not fire continuous events); a value of exactly zero keeps the previous reference, so a crossing that completes just after a time event is still seen.</summary>
    public void Reset(double t, ReadOnlySpan<double> y)
    {
        for (int k = 0; k < _events.Length; k++)
        {
            double g = _events[k].Condition(t, y);
            _previousValue[k] = g;
            int sign = Math.Sign(double.IsNaN(g) ? 0 : g);
            if (sign != 0)
            {
                _referenceSign[k] = sign;
            }
        }
    }

    /// <summary>Checks the step just taken; afterwards <see cref="RootCount"/> crossings are available, earliest first.</summary>
    public void Check(Stepper stepper)
    {
        RootCount = 0;
        double t0 = stepper.TPrevious;
        double h = stepper.T - t0;
        for (int k = 0; k < _events.Length; k++)
        {
            var condition = _events[k].Condition;
            double a = t0;
            double ga = _previousValue[k];
            for (int m = 1; m <= _samples + 1; m++)
            {
                double b;
                double gb;
                if (m == _samples + 1)
                {
                    b = stepper.T;
                    gb = condition(b, stepper.Y);
                }
                else
                {
                    b = t0 + (h * m / (_samples + 1));
                    stepper.Interpolate(b, _scratch);
                    gb = condition(b, _scratch);
                }

                if (double.IsNaN(gb))
                {
                    // No information at this point; keep the last valid bracket end.
                    continue;
                }

                Inspect(stepper, k, a, ga, b, gb);
                a = b;
                ga = gb;
            }

            _previousValue[k] = ga;
        }

        SortRoots();
    }

    /// <summary>After the state change at an event time, takes the new signs as reference; an event that fired and sits exactly on zero keeps its post-crossing sign, so it cannot fire again at once.</summary>
    public void ResetAfterEvent(double t, ReadOnlySpan<double> y, ReadOnlySpan<bool> fired, ReadOnlySpan<int> postCrossingSign)
    {
        for (int k = 0; k < _events.Length; k++)
        {
            double g = _events[k].Condition(t, y);
            int sign = Math.Sign(double.IsNaN(g) ? 0 : g);
            _previousValue[k] = g;
            _referenceSign[k] = sign != 0 ? sign : (fired[k] ? postCrossingSign[k] : 0);
        }
    }

    /// <summary>Gets the sign event k has just after crossing r (the opposite of its sign before).</summary>
    public int PostCrossingSign(int r) => -_rootSignBefore[r];

    private void Inspect(Stepper stepper, int k, double a, double ga, double b, double gb)
    {
        // A value of exactly zero decides nothing: the crossing is where g first takes the new sign
        // strictly (so a strict trigger such as t > 5 is already true at the reported time).
        int sign = Math.Sign(gb);
        int reference = _referenceSign[k];
        if (sign == 0)
        {
            return;
        }

        if (reference == 0)
        {
            // No reference yet (g was exactly zero at the start): the first non-zero sign becomes it.
            _referenceSign[k] = sign;
            return;
        }

        if (sign == reference)
        {
            return;
        }

        // A crossing; the reference flips whether or not the direction is watched.
        _referenceSign[k] = sign;
        if (!Wanted(_events[k].Direction, reference))
        {
            return;
        }

        int r = RootCount++;
        _rootTime[r] = Locate(stepper, k, a, ga, b, gb);
        _rootEvent[r] = k;
        _rootSignBefore[r] = reference;
    }

    private static bool Wanted(EventDirection direction, int signBefore) => direction switch
    {
        EventDirection.Rising => signBefore < 0,
        EventDirection.Falling => signBefore > 0,
        _ => true,
    };

    private void SortRoots()
    {
        // Insertion sort by (time, event index): a handful of entries at most.
        for (int i = 1; i < RootCount; i++)
        {
            double time = _rootTime[i];
            int ev = _rootEvent[i];
            int sign = _rootSignBefore[i];
            int j = i - 1;
            while (j >= 0 && (_rootTime[j] > time || (_rootTime[j] == time && _rootEvent[j] > ev)))
            {
                _rootTime[j + 1] = _rootTime[j];
                _rootEvent[j + 1] = _rootEvent[j];
                _rootSignBefore[j + 1] = _rootSignBefore[j];
                j--;
            }

            _rootTime[j + 1] = time;
            _rootEvent[j + 1] = ev;
            _rootSignBefore[j + 1] = sign;
        }
    }

    private double Locate(Stepper stepper, int k, double a, double fa, double b, double fb)
    {
        // Invariant: fa has the old sign or is zero, fb has the new sign strictly; zero counts as old.
        var condition = _events[k].Condition;
        int side = 0;
        for (int iteration = 0; iteration < 200; iteration++)
        {
            double width = b - a;
            if (width <= _tolerance * Math.Max(1.0, Math.Abs(b)) || width <= 4 * (Math.BitIncrement(Math.Abs(b)) - Math.Abs(b)))
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
            if (double.IsNaN(fc))
            {
                // No information: shrink from the left by bisection.
                fc = 0;
            }

            if (fc != 0 && Math.Sign(fc) == Math.Sign(fb))
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
        }

        return b;
    }
}
