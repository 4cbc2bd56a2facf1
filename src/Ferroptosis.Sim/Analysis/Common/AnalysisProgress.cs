namespace Ferroptosis.Sim.Analysis;

/// <summary>How far a long analysis has got: evaluations completed out of the total, time elapsed, and an estimate of the time left.</summary>
/// <param name="Completed">The evaluations (simulations) completed.</param>
/// <param name="Total">The evaluations planned.</param>
/// <param name="Elapsed">The wall-clock time since the analysis started.</param>
public readonly record struct AnalysisProgress(long Completed, long Total, TimeSpan Elapsed)
{
    /// <summary>Gets the completed fraction in [0, 1].</summary>
    public double Fraction => Total == 0 ? 1 : (double)Completed / Total;

    /// <summary>Gets the estimated time left at the average rate so far, or null before the first evaluation completes.</summary>
    public TimeSpan? EstimatedRemaining => Completed == 0 ? null : Elapsed * ((double)(Total - Completed) / Completed);
}
