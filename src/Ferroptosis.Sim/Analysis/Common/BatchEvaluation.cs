namespace Ferroptosis.Sim.Analysis;

/// <summary>Evaluates a response model at a batch of points in parallel, one evaluator per worker, storing results by point index so the output never depends on the number of threads.</summary>
internal static class BatchEvaluation
{
    /// <summary>Writes the inputs of a point.</summary>
    public delegate void InputFiller(long point, Span<double> inputs);

    /// <summary>Evaluates points first … first + count − 1.</summary>
    /// <param name="model">The model.</param>
    /// <param name="first">The index of the first point (passed to <paramref name="fill"/>).</param>
    /// <param name="count">The number of points.</param>
    /// <param name="fill">Writes a point's inputs; called from worker threads, must be thread-safe.</param>
    /// <param name="outputs">Receives the outputs, row-major: count × model outputs.</param>
    /// <param name="failures">Receives null or the failure message of each point.</param>
    /// <param name="execution">Threads and progress.</param>
    /// <param name="tracker">Counts completed points.</param>
    /// <param name="cancellationToken">Stops the batch; then <see cref="OperationCanceledException"/> is thrown.</param>
    public static void Run(
        IResponseModel model,
        long first,
        int count,
        InputFiller fill,
        double[] outputs,
        string?[] failures,
        ExecutionOptions execution,
        ProgressTracker tracker,
        CancellationToken cancellationToken)
    {
        int inputCount = model.InputNames.Count;
        int outputCount = model.OutputNames.Count;
        Parallel.For(
            0,
            count,
            execution.ToParallelOptions(cancellationToken),
            () => (Evaluator: model.CreateEvaluator(cancellationToken), Inputs: new double[inputCount]),
            (i, _, worker) =>
            {
                fill(first + i, worker.Inputs);
                var row = outputs.AsSpan(i * outputCount, outputCount);
                failures[i] = worker.Evaluator.TryEvaluate(worker.Inputs, row, out string? failure) ? null : failure ?? "The evaluation failed.";
                tracker.Completed(1);
                return worker;
            },
            _ => { });
        cancellationToken.ThrowIfCancellationRequested();
    }

    /// <summary>Evaluates the model at explicit points (row-major, one row of inputs per point) with progress reporting.</summary>
    /// <returns>The outputs (row-major) and the failure message of each point (null on success).</returns>
    public static (double[] Outputs, string?[] Failures) RunPoints(IResponseModel model, double[] points, ExecutionOptions? execution, CancellationToken cancellationToken)
    {
        execution ??= ExecutionOptions.Default;
        int k = model.InputNames.Count;
        int count = points.Length / k;
        var outputs = new double[count * model.OutputNames.Count];
        var failures = new string?[count];
        var tracker = new ProgressTracker(count, execution.Progress);
        Run(model, 0, count, (point, inputs) => points.AsSpan((int)point * k, k).CopyTo(inputs), outputs, failures, execution, tracker, cancellationToken);
        tracker.Finish();
        return (outputs, failures);
    }
}
