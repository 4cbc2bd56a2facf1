namespace Ferroptosis.Sim.Analysis;

/// <summary>First-order and total Sobol indices of every factor for every output.</summary>
/// <remarks>Immutable.</remarks>
public sealed class SobolResult
{
    private readonly SobolIndex[][] _indices;
    private readonly double[] _variances;

    internal SobolResult(IReadOnlyList<string> factors, IReadOnlyList<string> outputs, SobolIndex[][] indices, double[] variances, int baseSamples, int evaluations, int failures)
    {
        Factors = factors;
        Outputs = outputs;
        _indices = indices;
        _variances = variances;
        BaseSamples = baseSamples;
        Evaluations = evaluations;
        FailureCount = failures;
    }

    /// <summary>Gets the factor names.</summary>
    public IReadOnlyList<string> Factors { get; }

    /// <summary>Gets the output names.</summary>
    public IReadOnlyList<string> Outputs { get; }

    /// <summary>Gets N, the rows of each sample matrix.</summary>
    public int BaseSamples { get; }

    /// <summary>Gets the number of model evaluations, N(k + 2).</summary>
    public int Evaluations { get; }

    /// <summary>Gets the number of failed evaluations (rows with a failure are left out of every estimate).</summary>
    public int FailureCount { get; }

    /// <summary>Gets the indices of every factor for one output, in factor order.</summary>
    /// <param name="output">The output name.</param>
    /// <returns>One entry per factor.</returns>
    public IReadOnlyList<SobolIndex> Indices(string output) => _indices[AnalysisChecks.RequireName(Outputs, output, "output")];

    /// <summary>Gets the estimated variance of one output over the input distribution.</summary>
    /// <param name="output">The output name.</param>
    /// <returns>V(Y).</returns>
    public double Variance(string output) => _variances[AnalysisChecks.RequireName(Outputs, output, "output")];
}
