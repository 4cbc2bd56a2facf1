namespace Ferroptosis.Sim.Ode.Stepping;

/// <summary>Collects recorded states and, optionally, each step's interpolating polynomial, in flat growable arrays.</summary>
/// <remarks>When the points are not kept (<see cref="OdeSolverOptions.KeepPoints"/> false) they only go to the observer, through one reused row.</remarks>
internal sealed class SolutionRecorder
{
    private readonly int _n;
    private readonly IReadOnlyList<double>? _outputTimes;
    private readonly GrowableBuffer _times;
    private readonly GrowableBuffer _states;
    private readonly double[]? _row;
    private readonly DenseSegments? _dense;
    private readonly OutputObserver? _observer;
    private int _nextOutput;

    public SolutionRecorder(int n, IReadOnlyList<double>? outputTimes, bool dense, OutputObserver? observer, bool keep = true)
    {
        _n = n;
        _observer = observer;
        _outputTimes = outputTimes;
        int capacity = keep ? outputTimes?.Count ?? 64 : 0;
        _times = new GrowableBuffer(capacity);
        _states = new GrowableBuffer(capacity * n);
        _row = keep ? null : new double[n];
        _dense = dense ? new DenseSegments(n) : null;
    }

    /// <summary>Gets a value indicating whether every accepted step is recorded (no output times were given).</summary>
    public bool RecordsEveryStep => _outputTimes is null;

    public int Count => _times.Count;

    /// <summary>Records the state at a step end or event (every-step mode only).</summary>
    public void RecordPoint(double t, ReadOnlySpan<double> y)
    {
        if (_outputTimes is null)
        {
            Add(t, y);
        }
    }

    /// <summary>Records requested output times t with t &lt; <paramref name="tEnd"/> (or ≤ when <paramref name="inclusive"/>), interpolated from the stepper's last step.</summary>
    public void RecordOutputsUpTo(Stepper stepper, double tEnd, bool inclusive)
    {
        if (_outputTimes is null)
        {
            return;
        }

        while (_nextOutput < _outputTimes.Count)
        {
            double t = _outputTimes[_nextOutput];
            if (t > tEnd || (!inclusive && t == tEnd))
            {
                break;
            }

            Span<double> row;
            if (_row is null)
            {
                _times.Add(t);
                row = _states.Append(_n);
            }
            else
            {
                row = _row;
            }

            stepper.Interpolate(t, row);
            _observer?.Invoke(t, row);
            _nextOutput++;
        }
    }

    /// <summary>Records requested output times equal to <paramref name="t"/> from a known state (the state after events at t).</summary>
    public void RecordOutputsAt(double t, ReadOnlySpan<double> y)
    {
        if (_outputTimes is null)
        {
            return;
        }

        while (_nextOutput < _outputTimes.Count && _outputTimes[_nextOutput] <= t)
        {
            Add(_outputTimes[_nextOutput], y);
            _nextOutput++;
        }
    }

    /// <summary>Keeps the interpolant of the stepper's last step, valid up to <paramref name="validUntil"/>.</summary>
    public void RecordSegment(Stepper stepper, double validUntil) => _dense?.Add(stepper, validUntil);

    public double[] Times() => _times.ToArray();

    private void Add(double t, ReadOnlySpan<double> y)
    {
        if (_row is null)
        {
            _times.Add(t);
            y.CopyTo(_states.Append(_n));
        }

        _observer?.Invoke(t, y);
    }

    public double[] States() => _states.ToArray();

    public DenseSegments? Dense => _dense;
}
