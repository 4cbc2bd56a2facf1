using System.Globalization;
using Ferroptosis.Sim.Distributed;

namespace Ferroptosis.Sim.Cli;

/// <summary>Prints an ensemble run's progress to stderr, one line per change: <c>progress: 3/16 shards done (19 %), 1 failed, 1 resubmitted</c>.</summary>
/// <remarks>Lines, not a redrawn bar, so that logs of batch jobs read the same as a terminal. Reports arrive on the driver's thread.</remarks>
internal sealed class EnsembleProgressLine(TextWriter error) : IProgress<EnsembleProgress>
{
    private EnsembleProgress? _last;

    /// <inheritdoc/>
    public void Report(EnsembleProgress value)
    {
        if (_last == value)
        {
            return;
        }

        _last = value;
        string failures = (value.Failed > 0 ? string.Create(CultureInfo.InvariantCulture, $", {value.Failed} failed") : "") + (value.Resubmitted > 0 ? string.Create(CultureInfo.InvariantCulture, $", {value.Resubmitted} resubmitted") : "");
        error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"progress: {value.Done}/{value.Total} shards done ({100.0 * value.Done / value.Total:F0} %){failures}"));
    }
}
