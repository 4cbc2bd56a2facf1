using System.Globalization;

namespace Ferroptosis.Sim.Analysis;

/// <summary>A probability distribution of one input, given by its inverse cumulative distribution function: for global sensitivity factors and for cell-to-cell variability in virtual populations.</summary>
/// <remarks>
/// Samples are drawn as x = F⁻¹(u) from uniform u, so that designs built in the unit cube (Morris
/// trajectories, Saltelli matrices) and counter-based random numbers map to any distribution.
/// Immutable and thread-safe.
/// </remarks>
/// <example>
/// <code>
/// var k = InputDistribution.LogNormalFromMean(0.5, cv: 0.3);   // 30 % cell-to-cell variation
/// var ki = InputDistribution.LogUniform(0.01, 10);
/// </code>
/// </example>
public sealed class InputDistribution
{
    private readonly Func<double, double> _inverseCdf;

    private InputDistribution(string description, Func<double, double> inverseCdf)
    {
        Description = description;
        _inverseCdf = inverseCdf;
    }

    /// <summary>Gets a short description, e.g. <c>LogNormal(median 0.5, σ 0.29)</c>.</summary>
    public string Description { get; }

    /// <summary>Gets the smallest value (F⁻¹(0)); −∞ for unbounded distributions.</summary>
    public double Lower => _inverseCdf(0);

    /// <summary>Gets the largest value (F⁻¹(1)); +∞ for unbounded distributions.</summary>
    public double Upper => _inverseCdf(1);

    /// <summary>Gets a value indicating whether both ends are finite (as Morris screening needs).</summary>
    public bool IsBounded => double.IsFinite(Lower) && double.IsFinite(Upper);

    /// <summary>The uniform distribution on [lower, upper].</summary>
    /// <param name="lower">The lower end.</param>
    /// <param name="upper">The upper end (&gt; lower).</param>
    /// <returns>The distribution.</returns>
    public static InputDistribution Uniform(double lower, double upper)
    {
        CheckRange(lower, upper);
        return new(Format($"Uniform({lower:G4}, {upper:G4})"), u => u >= 1 ? upper : lower + ((upper - lower) * u));
    }

    /// <summary>The log-uniform distribution on [lower, upper] (uniform in log x), for quantities known only to within orders of magnitude.</summary>
    /// <param name="lower">The lower end (&gt; 0).</param>
    /// <param name="upper">The upper end (&gt; lower).</param>
    /// <returns>The distribution.</returns>
    public static InputDistribution LogUniform(double lower, double upper)
    {
        CheckRange(lower, upper);
        AnalysisChecks.Positive(lower, nameof(lower));
        double a = Math.Log(lower), b = Math.Log(upper);
        return new(Format($"LogUniform({lower:G4}, {upper:G4})"), u => u <= 0 ? lower : u >= 1 ? upper : Math.Exp(a + ((b - a) * u)));
    }

    /// <summary>The normal distribution.</summary>
    /// <param name="mean">The mean.</param>
    /// <param name="standardDeviation">The standard deviation (&gt; 0).</param>
    /// <returns>The distribution.</returns>
    public static InputDistribution Normal(double mean, double standardDeviation)
    {
        AnalysisChecks.Positive(standardDeviation, nameof(standardDeviation));
        return new(Format($"Normal({mean:G4}, {standardDeviation:G4})"), u => MathNet.Numerics.Distributions.Normal.InvCDF(mean, standardDeviation, u));
    }

    /// <summary>The lognormal distribution: ln x is normal with mean ln(median) and standard deviation <paramref name="sigma"/>.</summary>
    /// <param name="median">The median (&gt; 0), e.g. a parameter's nominal value.</param>
    /// <param name="sigma">The standard deviation of ln x (&gt; 0).</param>
    /// <returns>The distribution.</returns>
    public static InputDistribution LogNormal(double median, double sigma)
    {
        AnalysisChecks.Positive(median, nameof(median));
        AnalysisChecks.Positive(sigma, nameof(sigma));
        double mu = Math.Log(median);
        return new(Format($"LogNormal(median {median:G4}, σ {sigma:G3})"), u => u <= 0 ? 0 : u >= 1 ? double.PositiveInfinity : Math.Exp(mu + (sigma * MathNet.Numerics.Distributions.Normal.InvCDF(0, 1, u))));
    }

    /// <summary>The lognormal distribution with a given mean and coefficient of variation: σ² = ln(1 + cv²), median = mean/√(1 + cv²).</summary>
    /// <param name="mean">The mean (&gt; 0).</param>
    /// <param name="cv">The coefficient of variation (standard deviation / mean, &gt; 0).</param>
    /// <returns>The distribution.</returns>
    public static InputDistribution LogNormalFromMean(double mean, double cv)
    {
        AnalysisChecks.Positive(mean, nameof(mean));
        AnalysisChecks.Positive(cv, nameof(cv));
        double s2 = Math.Log(1 + (cv * cv));
        return LogNormal(mean / Math.Sqrt(1 + (cv * cv)), Math.Sqrt(s2));
    }

    /// <summary>A fixed value (no variation).</summary>
    /// <param name="value">The value.</param>
    /// <returns>The distribution.</returns>
    public static InputDistribution Fixed(double value) => new(Format($"Fixed({value:G4})"), _ => value);

    /// <summary>A user distribution given by its inverse CDF.</summary>
    /// <param name="description">A short description.</param>
    /// <param name="inverseCdf">F⁻¹ on [0, 1], non-decreasing and thread-safe.</param>
    /// <returns>The distribution.</returns>
    public static InputDistribution FromInverseCdf(string description, Func<double, double> inverseCdf)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(description);
        ArgumentNullException.ThrowIfNull(inverseCdf);
        return new(description, inverseCdf);
    }

    /// <summary>Evaluates the inverse CDF.</summary>
    /// <param name="probability">u in [0, 1].</param>
    /// <returns>The quantile F⁻¹(u).</returns>
    public double Quantile(double probability) => _inverseCdf(probability);

    /// <inheritdoc/>
    public override string ToString() => Description;

    private static void CheckRange(double lower, double upper)
    {
        if (!double.IsFinite(lower) || !double.IsFinite(upper) || !(upper > lower))
        {
            throw new ArgumentException($"The range [{lower}, {upper}] is invalid; give finite lower < upper.", nameof(upper));
        }
    }

    private static string Format(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
