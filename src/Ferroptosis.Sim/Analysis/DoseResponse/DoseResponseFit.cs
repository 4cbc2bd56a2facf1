namespace Ferroptosis.Sim.Analysis;

/// <summary>The outcome of a dose–response analysis: the shape found and, for monotonic data, the fitted four-parameter logistic with confidence intervals.</summary>
/// <remarks>Immutable. <see cref="Message"/> always says in words what was found.</remarks>
public sealed record DoseResponseFit
{
    /// <summary>Gets what was found.</summary>
    public required DoseResponseShape Shape { get; init; }

    /// <summary>Gets a description of the result, including warnings (e.g. an EC50 outside the tested doses).</summary>
    public required string Message { get; init; }

    /// <summary>Gets the fitted curve, or null when none was fitted.</summary>
    public FourParameterLogistic? Curve { get; init; }

    /// <summary>Gets the lower plateau with its confidence interval.</summary>
    public ParameterEstimate? Bottom { get; init; }

    /// <summary>Gets the upper plateau with its confidence interval.</summary>
    public ParameterEstimate? Top { get; init; }

    /// <summary>Gets log10 EC50 with its confidence interval.</summary>
    public ParameterEstimate? LogEC50 { get; init; }

    /// <summary>Gets EC50 (the IC50 of a falling curve) with the interval 10^(log10 EC50 ± t·SE) and the delta-method standard error.</summary>
    public ParameterEstimate? EC50 { get; init; }

    /// <summary>Gets the Hill slope (negative when the response falls with dose) with its confidence interval.</summary>
    public ParameterEstimate? HillSlope { get; init; }

    /// <summary>Gets the residual standard error s = √(RSS/(n − 4)).</summary>
    public double ResidualStandardError { get; init; } = double.NaN;

    /// <summary>Gets the coefficient of determination 1 − RSS/TSS.</summary>
    public double RSquared { get; init; } = double.NaN;

    /// <summary>Gets the residual degrees of freedom n − 4.</summary>
    public int DegreesOfFreedom { get; init; }

    /// <summary>Gets the estimated noise standard deviation of the mean response at a dose (from replicates, or from second differences).</summary>
    public double NoiseEstimate { get; init; } = double.NaN;

    /// <summary>Gets, for non-monotonic data, the dose of the interior extremum.</summary>
    public double? ExtremumDose { get; init; }

    /// <summary>Gets, for non-monotonic data, the mean response at the interior extremum.</summary>
    public double? ExtremumResponse { get; init; }
}
