namespace Ferroptosis.Sim.Analysis;

/// <summary>Population statistics of every output of an ensemble, and optionally every cell's inputs and outputs.</summary>
/// <remarks>Immutable.</remarks>
public sealed class EnsembleResult
{
    private readonly OutputSummary[] _summaries;
    private readonly double[]? _inputs;
    private readonly double[]? _outputs;

    internal EnsembleResult(IReadOnlyList<string> inputs, IReadOnlyList<string> outputs, OutputSummary[] summaries, int cells, int failures, IReadOnlyList<string> failureMessages, double[]? inputValues, double[]? outputValues)
    {
        InputNames = inputs;
        OutputNames = outputs;
        _summaries = summaries;
        Cells = cells;
        FailureCount = failures;
        FailureMessages = failureMessages;
        _inputs = inputValues;
        _outputs = outputValues;
    }

    /// <summary>Gets the input names.</summary>
    public IReadOnlyList<string> InputNames { get; }

    /// <summary>Gets the output names.</summary>
    public IReadOnlyList<string> OutputNames { get; }

    /// <summary>Gets the number of cells simulated.</summary>
    public int Cells { get; }

    /// <summary>Gets the number of cells whose evaluation failed (left out of every statistic).</summary>
    public int FailureCount { get; }

    /// <summary>Gets the messages of the first (at most ten) failures, in cell order.</summary>
    public IReadOnlyList<string> FailureMessages { get; }

    /// <summary>Gets a value indicating whether per-cell values were kept.</summary>
    public bool HasSamples => _outputs is not null;

    /// <summary>Gets the statistics of one output.</summary>
    /// <param name="output">The output name.</param>
    /// <returns>Count, mean, spread and quantiles.</returns>
    public OutputSummary Summary(string output) => _summaries[AnalysisChecks.RequireName(OutputNames, output, "output")];

    /// <summary>Gets the statistics of every output, in output order.</summary>
    public IReadOnlyList<OutputSummary> Summaries => _summaries;

    /// <summary>Copies one output of every cell (NaN for failed cells); needs <see cref="EnsembleOptions.KeepSamples"/>.</summary>
    /// <param name="output">The output name.</param>
    /// <returns>One value per cell, in cell order.</returns>
    /// <exception cref="InvalidOperationException">Samples were not kept.</exception>
    public double[] GetSamples(string output) => Column(_outputs, OutputNames, output);

    /// <summary>Copies one input of every cell; needs <see cref="EnsembleOptions.KeepSamples"/>.</summary>
    /// <param name="input">The input name.</param>
    /// <returns>One value per cell, in cell order.</returns>
    /// <exception cref="InvalidOperationException">Samples were not kept.</exception>
    public double[] GetInputSamples(string input) => Column(_inputs, InputNames, input);

    private double[] Column(double[]? values, IReadOnlyList<string> names, string name)
    {
        if (values is null)
        {
            throw new InvalidOperationException("Per-cell values were not kept; set EnsembleOptions.KeepSamples to keep them.");
        }

        int c = AnalysisChecks.RequireName(names, name, "column");
        var column = new double[Cells];
        for (int i = 0; i < Cells; i++)
        {
            column[i] = values[(i * names.Count) + c];
        }

        return column;
    }
}
