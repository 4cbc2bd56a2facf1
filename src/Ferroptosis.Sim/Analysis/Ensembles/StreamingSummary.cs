namespace Ferroptosis.Sim.Analysis;

/// <summary>Running statistics of one output over a population, fed in cell order: count, mean and variance (Welford), extremes, and P² quantiles.</summary>
/// <remarks>Memory is constant in the number of cells. NaN values (e.g. a threshold never crossed) are counted as missing and otherwise ignored. Not thread-safe.</remarks>
internal sealed class StreamingSummary
{
    private readonly P2Quantile[] _quantiles;
    private readonly double[] _probabilities;
    private long _count;
    private long _missing;
    private double _mean;
    private double _m2;
    private double _min = double.PositiveInfinity;
    private double _max = double.NegativeInfinity;

    public StreamingSummary(double[] probabilities)
    {
        _probabilities = probabilities;
        _quantiles = [.. probabilities.Select(p => new P2Quantile(p))];
    }

    public void Add(double x)
    {
        if (double.IsNaN(x))
        {
            _missing++;
            return;
        }

        // Welford's update (Knuth, TAOCP 2, §4.2.2): stable for long streams.
        _count++;
        double delta = x - _mean;
        _mean += delta / _count;
        _m2 += delta * (x - _mean);
        _min = Math.Min(_min, x);
        _max = Math.Max(_max, x);
        foreach (var q in _quantiles)
        {
            q.Add(x);
        }
    }

    public OutputSummary ToSummary(string name)
    {
        double sd = _count > 1 ? Math.Sqrt(_m2 / (_count - 1)) : double.NaN;
        return new OutputSummary(
            name,
            _count,
            _missing,
            _count > 0 ? _mean : double.NaN,
            sd,
            _count > 1 ? sd / Math.Sqrt(_count) : double.NaN,
            _count > 0 ? _min : double.NaN,
            _count > 0 ? _max : double.NaN,
            [.. _probabilities.Select((p, i) => new QuantileEstimate(p, _quantiles[i].Estimate()))]);
    }
}
