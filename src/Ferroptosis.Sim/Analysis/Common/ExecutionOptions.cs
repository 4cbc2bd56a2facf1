namespace Ferroptosis.Sim.Analysis;

/// <summary>How an analysis runs its evaluations: how many threads, and where to report progress.</summary>
/// <remarks>Results never depend on these settings: points are evaluated independently and stored (or reduced) in a fixed order.</remarks>
public sealed record ExecutionOptions
{
    private readonly int _maxDegreeOfParallelism = -1;

    /// <summary>Gets the default options: all cores, no progress reports.</summary>
    public static ExecutionOptions Default { get; } = new();

    /// <summary>Gets the largest number of threads used (default −1: as many as the machine has cores).</summary>
    public int MaxDegreeOfParallelism
    {
        get => _maxDegreeOfParallelism;
        init => _maxDegreeOfParallelism = value is -1 or >= 1
            ? value
            : throw new ArgumentOutOfRangeException(nameof(value), value, "MaxDegreeOfParallelism must be −1 (all cores) or at least 1.");
    }

    /// <summary>Gets a receiver of progress reports (at most about five per second, and one at the end), or null.</summary>
    /// <remarks>Reports come from worker threads; <see cref="Progress{T}"/> forwards them to the thread that created it.</remarks>
    public IProgress<AnalysisProgress>? Progress { get; init; }

    internal ParallelOptions ToParallelOptions(CancellationToken cancellationToken) =>
        new() { MaxDegreeOfParallelism = MaxDegreeOfParallelism, CancellationToken = cancellationToken };
}
