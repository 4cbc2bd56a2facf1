namespace Ferroptosis.Sim.Analysis;

/// <summary>An <see cref="IResponseModel"/> defined by a plain function, e.g. a test function with known sensitivity indices or a surrogate model.</summary>
/// <remarks>The function is called from several threads at once, so it must not mutate shared state. Non-finite outputs count as failures.</remarks>
/// <example>
/// <code>
/// var ishigami = new ResponseFunction(["x1", "x2", "x3"], ["y"], (x, y) =&gt;
///     y[0] = Math.Sin(x[0]) + (7 * Math.Pow(Math.Sin(x[1]), 2)) + (0.1 * Math.Pow(x[2], 4) * Math.Sin(x[0])));
/// </code>
/// </example>
public sealed class ResponseFunction : IResponseModel
{
    private readonly ResponseFunctionBody _body;

    /// <summary>Initializes a new instance of the <see cref="ResponseFunction"/> class.</summary>
    /// <param name="inputNames">The input names (distinct, at least one).</param>
    /// <param name="outputNames">The output names (distinct, at least one).</param>
    /// <param name="body">The function; thread-safe.</param>
    /// <exception cref="ArgumentException">A name list is empty or has duplicates.</exception>
    public ResponseFunction(IReadOnlyList<string> inputNames, IReadOnlyList<string> outputNames, ResponseFunctionBody body)
    {
        ArgumentNullException.ThrowIfNull(body);
        InputNames = AnalysisChecks.DistinctNames(inputNames, nameof(inputNames));
        OutputNames = AnalysisChecks.DistinctNames(outputNames, nameof(outputNames));
        _body = body;
    }

    /// <inheritdoc/>
    public IReadOnlyList<string> InputNames { get; }

    /// <inheritdoc/>
    public IReadOnlyList<string> OutputNames { get; }

    /// <inheritdoc/>
    public IResponseEvaluator CreateEvaluator(CancellationToken cancellationToken = default) => new Evaluator(_body);

    private sealed class Evaluator(ResponseFunctionBody body) : IResponseEvaluator
    {
        public bool TryEvaluate(ReadOnlySpan<double> inputs, Span<double> outputs, out string? failure)
        {
            body(inputs, outputs);
            for (int k = 0; k < outputs.Length; k++)
            {
                if (!double.IsFinite(outputs[k]))
                {
                    failure = $"Output {k} is {outputs[k]}.";
                    return false;
                }
            }

            failure = null;
            return true;
        }
    }
}
