namespace Ferroptosis.Sim.Analysis;

/// <summary>Statistics of one output over a virtual population.</summary>
/// <param name="Name">The output name.</param>
/// <param name="Count">The cells with a value.</param>
/// <param name="Missing">The cells whose value is NaN (e.g. a threshold never crossed); failed cells are not counted here.</param>
/// <param name="Mean">The mean over the cells with a value.</param>
/// <param name="StandardDeviation">The sample standard deviation.</param>
/// <param name="StandardError">The standard error of the mean.</param>
/// <param name="Minimum">The smallest value.</param>
/// <param name="Maximum">The largest value.</param>
/// <param name="Quantiles">The estimates of the requested quantiles (from a log-binned histogram: the midpoint of the bin holding the nearest-rank value, within 2⁻⁸ relative of it).</param>
public sealed record OutputSummary(string Name, long Count, long Missing, double Mean, double StandardDeviation, double StandardError, double Minimum, double Maximum, IReadOnlyList<QuantileEstimate> Quantiles)
{
    /// <summary>Gets the estimate of the p-quantile.</summary>
    /// <param name="probability">One of the probabilities requested in <see cref="EnsembleOptions.Quantiles"/>.</param>
    /// <returns>The estimate.</returns>
    /// <exception cref="ArgumentException">That quantile was not requested.</exception>
    public double Quantile(double probability)
    {
        foreach (var q in Quantiles)
        {
            if (Math.Abs(q.Probability - probability) < 1e-12)
            {
                return q.Value;
            }
        }

        throw new ArgumentException($"The {probability} quantile was not requested; the ensemble tracked {string.Join(", ", Quantiles.Select(q => q.Probability))}. Add it to EnsembleOptions.Quantiles.", nameof(probability));
    }
}
