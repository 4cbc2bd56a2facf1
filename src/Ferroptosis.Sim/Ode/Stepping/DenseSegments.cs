namespace Ferroptosis.Sim.Ode.Stepping;

/// <summary>The piecewise-polynomial dense output of a whole solution: per step its start, length, end of validity, degree and monomial coefficients.</summary>
internal sealed class DenseSegments(int n)
{
    private readonly GrowableBuffer _start = new(64);
    private readonly GrowableBuffer _length = new(64);
    private readonly GrowableBuffer _end = new(64);
    private readonly GrowableBuffer _degree = new(64);
    private readonly GrowableBuffer _offset = new(64);
    private readonly GrowableBuffer _coefficients = new(64 * n * 5);

    public int Count => _start.Count;

    public void Add(Stepper stepper, double validUntil)
    {
        double length = stepper.T - stepper.TPrevious;
        if (length <= 0 || validUntil <= stepper.TPrevious)
        {
            return;
        }

        stepper.EnsureDense();
        _start.Add(stepper.TPrevious);
        _length.Add(length);
        _end.Add(validUntil);
        _degree.Add(stepper.DenseDegree);
        _offset.Add(_coefficients.Count);
        stepper.Dense.AsSpan(0, (stepper.DenseDegree + 1) * n).CopyTo(_coefficients.Append((stepper.DenseDegree + 1) * n));
    }

    /// <summary>Gets the end of the last segment's validity (−∞ when there is none).</summary>
    public double End => _start.Count == 0 ? double.NegativeInfinity : _end[_start.Count - 1];

    /// <summary>Evaluates the solution at t; at a time shared by two segments (an event) the later one wins.</summary>
    /// <param name="t">The time.</param>
    /// <param name="destination">Receives the state.</param>
    /// <param name="extrapolate">True to continue the last segment's polynomial beyond its end.</param>
    public bool TryEvaluate(double t, Span<double> destination, bool extrapolate = false)
    {
        int count = _start.Count;
        if (count == 0 || t < _start[0] || (t > _end[count - 1] && !extrapolate))
        {
            return false;
        }

        // Last segment whose start is ≤ t (binary search on ascending starts).
        int lo = 0;
        int hi = count - 1;
        while (lo < hi)
        {
            int mid = (lo + hi + 1) >> 1;
            if (_start[mid] <= t)
            {
                lo = mid;
            }
            else
            {
                hi = mid - 1;
            }
        }

        double theta = (t - _start[lo]) / _length[lo];
        int degree = (int)_degree[lo];
        var coefficients = _coefficients.Items.Slice((int)_offset[lo], (degree + 1) * n);
        DensePolynomial.Evaluate(coefficients, degree, n, theta, destination);
        return true;
    }
}
