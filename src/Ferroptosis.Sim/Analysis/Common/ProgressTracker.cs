using System.Diagnostics;

namespace Ferroptosis.Sim.Analysis;

/// <summary>Counts completed evaluations across threads and reports progress at most every 200 ms, plus once at the end.</summary>
internal sealed class ProgressTracker
{
    private static readonly long ReportInterval = Stopwatch.Frequency / 5;
    private readonly IProgress<AnalysisProgress>? _progress;
    private readonly long _start = Stopwatch.GetTimestamp();
    private readonly Lock _gate = new();
    private long _completed;
    private long _lastReport;

    public ProgressTracker(long total, IProgress<AnalysisProgress>? progress)
    {
        Total = total;
        _progress = progress;
        _lastReport = _start;
    }

    public long Total { get; }

    public void Completed(long count)
    {
        long done = Interlocked.Add(ref _completed, count);
        if (_progress is null)
        {
            return;
        }

        long now = Stopwatch.GetTimestamp();
        if (now - Interlocked.Read(ref _lastReport) < ReportInterval)
        {
            return;
        }

        lock (_gate)
        {
            if (now - _lastReport < ReportInterval)
            {
                return;
            }

            _lastReport = now;
        }

        _progress.Report(new AnalysisProgress(done, Total, Stopwatch.GetElapsedTime(_start, now)));
    }

    public void Finish() => _progress?.Report(new AnalysisProgress(Interlocked.Read(ref _completed), Total, Stopwatch.GetElapsedTime(_start)));
}
