namespace Ferroptosis.Sim.Analysis;

/// <summary>Time courses of population statistics (mean, spread, quantiles) of quantities of a virtual population, plus statistics of any extra readouts.</summary>
/// <remarks>For a survival species S, <c>Mean("S")</c> is the population's surviving fraction over time. Immutable.</remarks>
public sealed class PopulationResult
{
    private readonly int[,] _columns;

    internal PopulationResult(IReadOnlyList<string> quantities, IReadOnlyList<double> times, int[,] columns, EnsembleResult ensemble)
    {
        Quantities = quantities;
        Times = times;
        _columns = columns;
        Ensemble = ensemble;
    }

    /// <summary>Gets the quantities followed over time.</summary>
    public IReadOnlyList<string> Quantities { get; }

    /// <summary>Gets the observation times.</summary>
    public IReadOnlyList<double> Times { get; }

    /// <summary>Gets the underlying ensemble statistics (every output, including extra readouts).</summary>
    public EnsembleResult Ensemble { get; }

    /// <summary>Gets the population mean of a quantity at every time.</summary>
    /// <param name="quantity">The quantity.</param>
    /// <returns>One value per time.</returns>
    public double[] Mean(string quantity) => Series(quantity, s => s.Mean);

    /// <summary>Gets the population standard deviation of a quantity at every time.</summary>
    /// <param name="quantity">The quantity.</param>
    /// <returns>One value per time.</returns>
    public double[] StandardDeviation(string quantity) => Series(quantity, s => s.StandardDeviation);

    /// <summary>Gets a population quantile of a quantity at every time.</summary>
    /// <param name="quantity">The quantity.</param>
    /// <param name="probability">One of the tracked probabilities (<see cref="EnsembleOptions.Quantiles"/>).</param>
    /// <returns>One value per time.</returns>
    public double[] Quantile(string quantity, double probability) => Series(quantity, s => s.Quantile(probability));

    /// <summary>Gets the statistics of a quantity at one time index.</summary>
    /// <param name="quantity">The quantity.</param>
    /// <param name="time">The time index.</param>
    /// <returns>The summary.</returns>
    public OutputSummary Summary(string quantity, int time) => Ensemble.Summaries[_columns[AnalysisChecks.RequireName(Quantities, quantity, "quantity"), time]];

    private double[] Series(string quantity, Func<OutputSummary, double> pick)
    {
        int q = AnalysisChecks.RequireName(Quantities, quantity, "quantity");
        return [.. Enumerable.Range(0, Times.Count).Select(t => pick(Ensemble.Summaries[_columns[q, t]]))];
    }
}
