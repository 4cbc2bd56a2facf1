namespace Ferroptosis.Sim.Analysis;

/// <summary>Reports progress by calling a handler directly, one report at a time, on the thread that reports.</summary>
/// <remarks>
/// <see cref="Progress{T}"/> posts each report to the thread pool when there is no synchronization context (console
/// programs, services), so its last reports may run after the analysis has returned and print after its results.
/// This reporter calls the handler before the analysis goes on, under a lock (reports come from worker threads), so
/// every report is handled before <c>Run</c> returns. Keep the handler short: the workers wait for it.
/// </remarks>
/// <example>
/// <code>
/// var progress = new SynchronousProgress(p => Console.Write($"\r{p.Completed}/{p.Total}"));
/// var scan = ParameterScan.Run(experiment, axes, new ExecutionOptions { Progress = progress });
/// </code>
/// </example>
/// <param name="handler">Receives each report.</param>
public sealed class SynchronousProgress(Action<AnalysisProgress> handler) : IProgress<AnalysisProgress>
{
    private readonly Action<AnalysisProgress> _handler = handler ?? throw new ArgumentNullException(nameof(handler));
    private readonly Lock _gate = new();

    /// <summary>Calls the handler with a report.</summary>
    /// <param name="value">The report.</param>
    public void Report(AnalysisProgress value)
    {
        lock (_gate)
        {
            _handler(value);
        }
    }
}
