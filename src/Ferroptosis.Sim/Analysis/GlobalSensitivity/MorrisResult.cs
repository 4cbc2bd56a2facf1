namespace Ferroptosis.Sim.Analysis;

/// <summary>Morris elementary-effect statistics of every factor for every output.</summary>
/// <remarks>Immutable.</remarks>
public sealed class MorrisResult
{
    private readonly MorrisIndex[][] _indices;

    internal MorrisResult(IReadOnlyList<string> factors, IReadOnlyList<string> outputs, MorrisIndex[][] indices, int evaluations, int failures, double delta)
    {
        Factors = factors;
        Outputs = outputs;
        _indices = indices;
        Evaluations = evaluations;
        FailureCount = failures;
        Delta = delta;
    }

    /// <summary>Gets the factor names.</summary>
    public IReadOnlyList<string> Factors { get; }

    /// <summary>Gets the output names.</summary>
    public IReadOnlyList<string> Outputs { get; }

    /// <summary>Gets the number of model evaluations.</summary>
    public int Evaluations { get; }

    /// <summary>Gets the number of failed evaluations (their elementary effects are left out).</summary>
    public int FailureCount { get; }

    /// <summary>Gets the step Δ in the unit cube.</summary>
    public double Delta { get; }

    /// <summary>Gets the statistics of every factor for one output, in factor order.</summary>
    /// <param name="output">The output name.</param>
    /// <returns>One entry per factor.</returns>
    public IReadOnlyList<MorrisIndex> Indices(string output) => _indices[AnalysisChecks.RequireName(Outputs, output, "output")];

    /// <summary>Gets the factors ranked by μ* for one output, most influential first.</summary>
    /// <param name="output">The output name.</param>
    /// <returns>The statistics, sorted by decreasing μ*.</returns>
    public IReadOnlyList<MorrisIndex> Ranking(string output) => [.. Indices(output).OrderByDescending(i => i.MuStar).ThenBy(i => i.Factor, StringComparer.Ordinal)];
}
