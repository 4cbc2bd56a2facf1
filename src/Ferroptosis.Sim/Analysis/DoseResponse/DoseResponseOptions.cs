namespace Ferroptosis.Sim.Analysis;

/// <summary>Options of <see cref="DoseResponse.Fit(IReadOnlyList{double}, IReadOnlyList{double}, DoseResponseOptions?)"/>.</summary>
public sealed record DoseResponseOptions
{
    /// <summary>Gets the default options.</summary>
    public static DoseResponseOptions Default { get; } = new();

    /// <summary>Gets the confidence level of the intervals (default 0.95).</summary>
    public double ConfidenceLevel { get; init; } = 0.95;

    /// <summary>Gets the smallest interior excess, as a fraction of the response range, that counts as non-monotonic (default 0.05).</summary>
    /// <remarks>The excess must also be significant at <see cref="SignificanceLevel"/>.</remarks>
    public double NonMonotonicFraction { get; init; } = 0.05;

    /// <summary>Gets the family-wise significance level of the shape tests (default 0.01): the chance that noise alone makes monotonic data look non-monotonic, or a real response look flat.</summary>
    public double SignificanceLevel { get; init; } = 0.01;

    /// <summary>Gets a value indicating whether to fit a 4PL curve even to non-monotonic data (default false: they are reported, not fitted).</summary>
    public bool FitNonMonotonic { get; init; }

    /// <summary>Gets the largest number of Levenberg–Marquardt iterations per start (default 500).</summary>
    public int MaxIterations { get; init; } = 500;
}
