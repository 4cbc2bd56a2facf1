namespace Ferroptosis.Sim.Analysis;

/// <summary>Options of <see cref="SobolAnalysis"/>.</summary>
public sealed record SobolOptions
{
    /// <summary>Gets the default options.</summary>
    public static SobolOptions Default { get; } = new();

    /// <summary>Gets the number N of rows of each of the sample matrices A and B (default 1024); the analysis costs N(k + 2) evaluations for k factors.</summary>
    public int BaseSamples { get; init; } = 1024;

    /// <summary>Gets the number of bootstrap resamples for the standard errors and intervals (default 200; 0 for none).</summary>
    public int BootstrapSamples { get; init; } = 200;

    /// <summary>Gets the confidence level of the bootstrap percentile intervals (default 0.95).</summary>
    public double ConfidenceLevel { get; init; } = 0.95;

    /// <summary>Gets the random seed: the same seed gives the same samples and results.</summary>
    public ulong Seed { get; init; } = 20_100_301;
}
