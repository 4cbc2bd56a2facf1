using Ferroptosis.Sim.Ode.Stepping;

namespace Ferroptosis.Sim.Ode.Events;

/// <summary>Finds the sign changes of the continuous event functions within an accepted step and locates them on the dense output.</summary>
/// <remarks>
/// <para>
/// Each step is checked at its ends and at <see cref="OdeSolverOptions.EventSamplesPerStep"/> interior
/// points of the interpolant, so a function that crosses zero several times within one step is not
/// missed when the crossings are at least a sample apart (the strategy of DifferentialEquations.jl's
/// continuous callbacks). A sign change is located by the Illinois variant of regula falsi (Dowell and
/// Jarratt 1971), which keeps a bracket and converges superlinearly, until the bracket is narrower than the
/// time tolerance; the bracket's right end, where the sign has already changed, is reported.
/// </para>
/// <para>
/// The sign of g has three values. A function that passes through zero changes it once, at the first point
/// where g has the new sign strictly (so a strict relation such as t &gt; 5 already holds at the reported
/// time). A function that steps onto exactly zero and stays there (a floor or ceiling, a piecewise constant)
/// changes it twice: where it reaches zero, reported at the first point where g is no longer of the old sign
/// (g = 0 there, so a non-strict relation holds and the strict one does not), and where it leaves zero. A
/// single zero sample is decided by the next one; an isolated zero, the two locations closer than the time
/// tolerance, counts as a passage.
/// </para>
/// <para>
/// A function that turns back towards zero between samples (three samples of one sign, the middle one
/// closest to zero, or the end of the step closest to zero with g moving away from it just before) may
/// have a pair of crossings hidden between them, e.g. a cusp such as √|x| − c; the turning point is then
/// searched for by golden-section minimisation of |g| on the interpolant, and when g changes sign there,
/// the two crossings are located on either side. A turn whose depth is far below the value of g (more
/// than 64 times) is not searched.
/// </para>
/// <para>Work arrays are allocated once; checking a step allocates nothing.</para>
/// </remarks>
internal sealed partial class EventLocator
{
    private readonly OdeEvent[] _events;
    private readonly double[] _previousValue;
    private readonly double[] _beforeLastValue;
    private readonly int[] _referenceSign;
    private readonly bool[] _atZero;
    private readonly bool[] _zeroPending;
    private readonly double[] _scratch;
    private readonly double _tolerance;
    private readonly int _samples;
    private readonly double[] _rootTime;
    private readonly int[] _rootEvent;
    private readonly int[] _rootSignAfter;

    // The walk of one event through one step (Check handles the events one at a time).
    private Stepper? _stepper;
    private int _k;
    private bool _pending;
    private double _zeroFrom;
    private double _zeroFromValue;
    private double _zeroFirst;

    public EventLocator(IReadOnlyList<OdeEvent> events, int n, double tolerance, int samplesPerStep)
    {
        _events = [.. events];
        _previousValue = new double[_events.Length];
        _beforeLastValue = new double[_events.Length];
        _referenceSign = new int[_events.Length];
        _atZero = new bool[_events.Length];
        _zeroPending = new bool[_events.Length];
        _scratch = new double[n];
        _tolerance = tolerance;
        _samples = samplesPerStep;

        // At most two crossings per checked interval; a turning point adds one interval.
        int capacity = _events.Length * 4 * (samplesPerStep + 2);
        _rootTime = new double[capacity];
        _rootEvent = new int[capacity];
        _rootSignAfter = new int[capacity];
    }

    public int Count => _events.Length;

    /// <summary>Gets the number of crossings found in the last checked step, ordered by time (then event index).</summary>
    public int RootCount { get; private set; }

    public OdeEvent this[int index] => _events[index];

    public double RootTime(int r) => _rootTime[r];

    public int RootEvent(int r) => _rootEvent[r];

    /// <summary>Gets the sign event k has just after crossing r: the opposite of its sign before, or 0 when g reached zero and stays there.</summary>
    public int PostCrossingSign(int r) => _rootSignAfter[r];

    /// <summary>Takes the signs at (t, y) as the reference: at the start of the integration, and after a time event (whose state change must not fire continuous events); a value of exactly zero keeps the previous reference and counts as having reached zero, so a crossing that completes just after a time event is still seen.</summary>
    public void Reset(double t, ReadOnlySpan<double> y)
    {
        for (int k = 0; k < _events.Length; k++)
        {
            double g = _events[k].Condition(t, y);
            _previousValue[k] = g;
            _beforeLastValue[k] = double.NaN;
            _zeroPending[k] = false;
            int sign = Math.Sign(double.IsNaN(g) ? 0 : g);
            if (sign != 0)
            {
                _referenceSign[k] = sign;
                _atZero[k] = false;
            }
            else
            {
                _atZero[k] = _referenceSign[k] != 0;
            }
        }
    }

    /// <summary>After the state change at an event time, takes the new signs as reference; an event that fired and sits exactly on zero keeps its post-crossing sign (zero when it reached zero), so it cannot fire again at once.</summary>
    public void ResetAfterEvent(double t, ReadOnlySpan<double> y, ReadOnlySpan<bool> fired, ReadOnlySpan<int> postCrossingSign)
    {
        for (int k = 0; k < _events.Length; k++)
        {
            double g = _events[k].Condition(t, y);
            int sign = Math.Sign(double.IsNaN(g) ? 0 : g);
            _previousValue[k] = g;
            _beforeLastValue[k] = double.NaN;
            _zeroPending[k] = false;
            if (sign == 0 && fired[k] && postCrossingSign[k] != 0)
            {
                sign = postCrossingSign[k];
            }

            if (sign != 0)
            {
                _referenceSign[k] = sign;
                _atZero[k] = false;
            }
            else
            {
                _atZero[k] = _referenceSign[k] != 0;
            }
        }
    }

    /// <summary>Checks the step just taken; afterwards <see cref="RootCount"/> crossings are available, earliest first.</summary>
    public void Check(Stepper stepper)
    {
        RootCount = 0;
        _stepper = stepper;
        double t0 = stepper.TPrevious;
        double h = stepper.T - t0;
        for (int k = 0; k < _events.Length; k++)
        {
            _k = k;
            _pending = _zeroPending[k];
            _zeroFrom = double.NaN;
            _zeroFromValue = double.NaN;
            _zeroFirst = t0;

            // p, a: the last two valid samples (p NaN: the sample before a is in the previous step).
            double p = double.NaN;
            double gp = _beforeLastValue[k];
            double a = t0;
            double ga = _previousValue[k];
            for (int m = 1; m <= _samples + 1; m++)
            {
                double b = m == _samples + 1 ? stepper.T : t0 + (h * m / (_samples + 1));
                double gb = Value(b);
                if (double.IsNaN(gb))
                {
                    // No information at this point; keep the last valid bracket end.
                    continue;
                }

                double lo = double.IsNaN(p) ? a : p;
                if (TurnsBack(gp, ga, gb) && FindTurn(lo, b, out double c, out double gc))
                {
                    // A crossing hidden around the sample a: walk through the point found (a was already passed).
                    if (c < a)
                    {
                        Advance(p, gp, c, gc);
                        Advance(c, gc, a, ga);
                    }
                    else
                    {
                        Advance(a, ga, c, gc);
                        a = c;
                        ga = gc;
                    }
                }

                Advance(a, ga, b, gb);
                p = a;
                gp = ga;
                a = b;
                ga = gb;
            }

            if (a == stepper.T && !double.IsNaN(p))
            {
                gp = CheckEnd(p, gp, a, ga);
            }

            _previousValue[k] = ga;
            _beforeLastValue[k] = gp;
            _zeroPending[k] = _pending;
        }

        _stepper = null;
        SortRoots();
    }

    private static bool Wanted(EventDirection direction, int signBefore, int signAfter) => direction switch
    {
        EventDirection.Rising => signAfter > signBefore,
        EventDirection.Falling => signAfter < signBefore,
        _ => true,
    };

    private void Report(double time, int signBefore, int signAfter)
    {
        if (!Wanted(_events[_k].Direction, signBefore, signAfter))
        {
            return;
        }

        int r = RootCount++;
        _rootTime[r] = time;
        _rootEvent[r] = _k;
        _rootSignAfter[r] = signAfter;
    }

    private void SortRoots()
    {
        // Insertion sort by (time, event index): a handful of entries at most.
        for (int i = 1; i < RootCount; i++)
        {
            double time = _rootTime[i];
            int ev = _rootEvent[i];
            int sign = _rootSignAfter[i];
            int j = i - 1;
            while (j >= 0 && (_rootTime[j] > time || (_rootTime[j] == time && _rootEvent[j] > ev)))
            {
                _rootTime[j + 1] = _rootTime[j];
                _rootEvent[j + 1] = _rootEvent[j];
                _rootSignAfter[j + 1] = _rootSignAfter[j];
                j--;
            }

            _rootTime[j + 1] = time;
            _rootEvent[j + 1] = ev;
            _rootSignAfter[j + 1] = sign;
        }
    }
}
