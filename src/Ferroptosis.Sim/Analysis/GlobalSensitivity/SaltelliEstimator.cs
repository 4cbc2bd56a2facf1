namespace Ferroptosis.Sim.Analysis;

/// <summary>The Saltelli (2010) first-order and Jansen total-effect estimators over the rows of an A/B/A_B design, with row bootstrap.</summary>
internal sealed class SaltelliEstimator(int rows, int factors, Func<int, int, double> value)
{
    /// <summary>The variance of f_A ∪ f_B over the given rows (all rows when null).</summary>
    public double Variance(int[]? sample)
    {
        int count = sample?.Length ?? rows;
        double sum = 0, squares = 0;
        for (int r = 0; r < count; r++)
        {
            int row = sample?[r] ?? r;
            double a = value(row, 0), b = value(row, 1);
            sum += a + b;
            squares += (a * a) + (b * b);
        }

        double mean = sum / (2 * count);
        return (squares / (2 * count)) - (mean * mean);
    }

    public SobolIndex Index(string name, int factor, SobolOptions options, int output)
    {
        var (first, total) = Estimate(factor, null);
        int b = options.BootstrapSamples;
        if (b == 0 || rows < 2)
        {
            return new SobolIndex(name, first, double.NaN, double.NaN, double.NaN, total, double.NaN, double.NaN, double.NaN);
        }

        var firsts = new double[b];
        var totals = new double[b];
        var sample = new int[rows];
        for (int s = 0; s < b; s++)
        {
            // Resampling stream depends on the output and factor, so every index has its own bootstrap.
            for (int r = 0; r < rows; r++)
            {
                sample[r] = CounterRandom.Integer(options.Seed ^ 0x5DEECE66DUL, ((long)s * rows) + r, 1 + (output * factors) + factor, rows);
            }

            (firsts[s], totals[s]) = Estimate(factor, sample);
        }

        double tail = 0.5 * (1 - options.ConfidenceLevel);
        return new SobolIndex(name, first, StandardDeviation(firsts), Percentile(firsts, tail), Percentile(firsts, 1 - tail), total, StandardDeviation(totals), Percentile(totals, tail), Percentile(totals, 1 - tail));
    }

    private (double First, double Total) Estimate(int factor, int[]? sample)
    {
        int count = sample?.Length ?? rows;
        double first = 0, total = 0;
        for (int r = 0; r < count; r++)
        {
            int row = sample?[r] ?? r;
            double a = value(row, 0), b = value(row, 1), ab = value(row, 2 + factor);
            first += b * (ab - a);
            total += (a - ab) * (a - ab);
        }

        double v = Variance(sample);
        return (first / count / v, total / (2.0 * count) / v);
    }

    private static double StandardDeviation(double[] values)
    {
        double mean = values.Average();
        return Math.Sqrt(values.Sum(x => (x - mean) * (x - mean)) / (values.Length - 1));
    }

    private static double Percentile(double[] values, double p)
    {
        double[] sorted = [.. values.Order()];
        double position = p * (sorted.Length - 1);
        int lower = (int)Math.Floor(position);
        int upper = Math.Min(lower + 1, sorted.Length - 1);
        return sorted[lower] + ((position - lower) * (sorted[upper] - sorted[lower]));
    }
}
