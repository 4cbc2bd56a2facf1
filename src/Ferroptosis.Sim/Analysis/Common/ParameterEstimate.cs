namespace Ferroptosis.Sim.Analysis;

/// <summary>An estimated parameter with its approximate standard error and confidence interval.</summary>
/// <param name="Name">The parameter's name.</param>
/// <param name="Value">The estimate.</param>
/// <param name="StandardError">The asymptotic standard error (NaN if the data do not determine it).</param>
/// <param name="Lower">The lower end of the confidence interval.</param>
/// <param name="Upper">The upper end of the confidence interval.</param>
public sealed record ParameterEstimate(string Name, double Value, double StandardError, double Lower, double Upper)
{
    /// <summary>Gets a value indicating whether the interval contains <paramref name="value"/>.</summary>
    /// <param name="value">The value.</param>
    /// <returns>True if Lower ≤ value ≤ Upper.</returns>
    public bool Covers(double value) => value >= Lower && value <= Upper;
}
