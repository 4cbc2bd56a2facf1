namespace Ferroptosis.Sim.Analysis;

/// <summary>The four-parameter logistic (Hill) curve y = Bottom + (Top − Bottom) / (1 + 10^((log10 EC50 − log10 x)·HillSlope)).</summary>
/// <remarks>
/// The parametrisation of Motulsky &amp; Christopoulos (Fitting Models to Biological Data, 2004, ch. 41):
/// with Top ≥ Bottom, a positive Hill slope rises with dose and a negative one falls (inhibition, where
/// EC50 is the IC50: the dose of the half-maximal effect between Bottom and Top). A zero dose is the
/// limit x → 0. Immutable.
/// </remarks>
/// <param name="Bottom">The plateau at one end (the lower plateau).</param>
/// <param name="Top">The other plateau (the upper plateau).</param>
/// <param name="LogEC50">The log10 of the dose of the half-maximal response.</param>
/// <param name="HillSlope">The slope factor; negative for a falling curve.</param>
public sealed record FourParameterLogistic(double Bottom, double Top, double LogEC50, double HillSlope)
{
    /// <summary>Gets the dose of the half-maximal response, 10^LogEC50 (the IC50 of a falling curve).</summary>
    public double EC50 => Math.Pow(10, LogEC50);

    /// <summary>Evaluates the curve.</summary>
    /// <param name="dose">The dose (≥ 0).</param>
    /// <returns>The response.</returns>
    public double Evaluate(double dose) => Bottom + ((Top - Bottom) * Fraction(dose, LogEC50, HillSlope));

    /// <summary>Gets the dose at which the curve takes a given response (an absolute IC50 for <paramref name="response"/> = 0.5 on a survival scale).</summary>
    /// <param name="response">The response level.</param>
    /// <returns>The dose, or NaN if the curve never takes that value (outside the open interval between the plateaus).</returns>
    public double DoseAt(double response)
    {
        double f = (response - Bottom) / (Top - Bottom);
        if (!(f > 0 && f < 1) || HillSlope == 0)
        {
            return double.NaN;
        }

        // f = 1/(1 + 10^((L − log x)h))  ⇒  log x = L − log10(1/f − 1)/h.
        return Math.Pow(10, LogEC50 - (Math.Log10((1 / f) - 1) / HillSlope));
    }

    /// <summary>The fraction of the way from Bottom to Top at a dose, 1/(1 + 10^((L − log10 x)·h)).</summary>
    internal static double Fraction(double dose, double logEC50, double hillSlope)
    {
        if (dose <= 0)
        {
            return hillSlope > 0 ? 0 : hillSlope < 0 ? 1 : 0.5;
        }

        double exponent = (logEC50 - Math.Log10(dose)) * hillSlope;
        return exponent > 300 ? 0 : 1 / (1 + Math.Pow(10, exponent));
    }
}
