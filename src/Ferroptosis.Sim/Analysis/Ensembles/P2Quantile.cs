namespace Ferroptosis.Sim.Analysis;

/// <summary>The P² streaming estimate of one quantile: five markers, O(1) memory and time per observation.</summary>
/// <remarks>
/// Jain &amp; Chlamtac, "The P² algorithm for dynamic calculation of quantiles and histograms without storing
/// observations", Commun. ACM 28(10), 1985. The markers track the minimum, the p/2, p and (1 + p)/2
/// quantiles and the maximum; after each observation, markers off their desired positions by one or more
/// move by one, their heights adjusted by the piecewise-parabolic (P²) formula, or linearly when that
/// would break the ordering. With fewer than five observations the exact sample quantile is returned.
/// The estimate depends on the order of the observations, so callers feed them in a fixed order.
/// </remarks>
internal sealed class P2Quantile
{
    private readonly double _p;
    private readonly double[] _heights = new double[5];
    private readonly double[] _positions = new double[5];
    private readonly double[] _desired = new double[5];
    private readonly double[] _increments;
    private int _count;

    public P2Quantile(double probability)
    {
        _p = probability;
        _increments = [0, probability / 2, probability, (1 + probability) / 2, 1];
    }

    public void Add(double x)
    {
        if (_count < 5)
        {
            _heights[_count++] = x;
            if (_count == 5)
            {
                Array.Sort(_heights);
                for (int i = 0; i < 5; i++)
                {
                    _positions[i] = i + 1;
                    _desired[i] = 1 + (4 * _increments[i]);
                }
            }

            return;
        }

        int k;
        if (x < _heights[0])
        {
            _heights[0] = x;
            k = 0;
        }
        else if (x >= _heights[4])
        {
            _heights[4] = x;
            k = 3;
        }
        else
        {
            k = 0;
            while (x >= _heights[k + 1])
            {
                k++;
            }
        }

        for (int i = k + 1; i < 5; i++)
        {
            _positions[i]++;
        }

        for (int i = 0; i < 5; i++)
        {
            _desired[i] += _increments[i];
        }

        _count++;
        for (int i = 1; i <= 3; i++)
        {
            double d = _desired[i] - _positions[i];
            if ((d >= 1 && _positions[i + 1] - _positions[i] > 1) || (d <= -1 && _positions[i - 1] - _positions[i] < -1))
            {
                int s = d >= 0 ? 1 : -1;
                double candidate = Parabolic(i, s);
                _heights[i] = _heights[i - 1] < candidate && candidate < _heights[i + 1] ? candidate : Linear(i, s);
                _positions[i] += s;
            }
        }
    }

    public double Estimate()
    {
        if (_count == 0)
        {
            return double.NaN;
        }

        if (_count >= 5)
        {
            return _heights[2];
        }

        double[] sorted = [.. _heights.AsSpan(0, _count).ToArray().Order()];
        double position = _p * (_count - 1);
        int lower = (int)Math.Floor(position);
        int upper = Math.Min(lower + 1, _count - 1);
        return sorted[lower] + ((position - lower) * (sorted[upper] - sorted[lower]));
    }

    private double Parabolic(int i, int s)
    {
        double n0 = _positions[i - 1], n1 = _positions[i], n2 = _positions[i + 1];
        double q0 = _heights[i - 1], q1 = _heights[i], q2 = _heights[i + 1];
        return q1 + (s / (n2 - n0) * ((((n1 - n0 + s) * (q2 - q1)) / (n2 - n1)) + (((n2 - n1 - s) * (q1 - q0)) / (n1 - n0))));
    }

    private double Linear(int i, int s) => _heights[i] + (s * (_heights[i + s] - _heights[i]) / (_positions[i + s] - _positions[i]));
}
