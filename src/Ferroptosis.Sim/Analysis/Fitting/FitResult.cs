namespace Ferroptosis.Sim.Analysis;

/// <summary>The outcome of a parameter fit: estimates with approximate standard errors and intervals, the covariance, residuals and every start.</summary>
/// <remarks>Immutable. The covariance is in the fit's internal coordinates (log10 for log-scale parameters).</remarks>
public sealed class FitResult
{
    private readonly double[,]? _covariance;

    internal FitResult(bool isSuccess, string message, IReadOnlyList<ParameterEstimate> estimates, double[,]? covariance, IReadOnlyList<FitResidual> residuals, double chiSquare, int degreesOfFreedom, IReadOnlyList<FitStart> starts, int evaluations)
    {
        IsSuccess = isSuccess;
        Message = message;
        Estimates = estimates;
        _covariance = covariance;
        Residuals = residuals;
        ChiSquare = chiSquare;
        DegreesOfFreedom = degreesOfFreedom;
        Starts = starts;
        Evaluations = evaluations;
    }

    /// <summary>Gets a value indicating whether some start converged to finite values.</summary>
    public bool IsSuccess { get; }

    /// <summary>Gets a description of the outcome, with warnings (e.g. a parameter at its bound, or not determined by the data).</summary>
    public string Message { get; }

    /// <summary>Gets the estimates: value, standard error (delta method for log-scale parameters) and the interval, which for log-scale parameters is 10^(log10 θ ± t·SE), asymmetric.</summary>
    public IReadOnlyList<ParameterEstimate> Estimates { get; }

    /// <summary>Gets the residuals of every measurement at the best fit.</summary>
    public IReadOnlyList<FitResidual> Residuals { get; }

    /// <summary>Gets the weighted residual sum of squares χ² at the best fit.</summary>
    public double ChiSquare { get; }

    /// <summary>Gets the degrees of freedom, measurements − parameters.</summary>
    public int DegreesOfFreedom { get; }

    /// <summary>Gets every start, in start order.</summary>
    public IReadOnlyList<FitStart> Starts { get; }

    /// <summary>Gets the number of model evaluations (simulations).</summary>
    public int Evaluations { get; }

    /// <summary>Gets a value indicating whether the covariance could be computed (the data determine every parameter).</summary>
    public bool HasCovariance => _covariance is not null;

    /// <summary>Gets the estimate of one parameter.</summary>
    /// <param name="name">The parameter name.</param>
    public ParameterEstimate this[string name] => Estimates.FirstOrDefault(e => e.Name == name) ?? throw new ArgumentException($"No fitted parameter '{name}'; they are {string.Join(", ", Estimates.Select(e => e.Name))}.", nameof(name));

    /// <summary>Copies the approximate covariance matrix of the estimates in internal coordinates (log10 for log-scale parameters).</summary>
    /// <returns>A new matrix, or null when the data do not determine every parameter.</returns>
    public double[,]? GetCovariance() => (double[,]?)_covariance?.Clone();

    /// <summary>Gets the approximate correlation matrix of the estimates.</summary>
    /// <returns>A new matrix, or null without a covariance.</returns>
    public double[,]? GetCorrelation()
    {
        if (_covariance is null)
        {
            return null;
        }

        int p = _covariance.GetLength(0);
        var correlation = new double[p, p];
        for (int i = 0; i < p; i++)
        {
            for (int j = 0; j < p; j++)
            {
                correlation[i, j] = _covariance[i, j] / Math.Sqrt(_covariance[i, i] * _covariance[j, j]);
            }
        }

        return correlation;
    }
}
