namespace Ferroptosis.Sim.Ode.StepControl;

/// <summary>The PI step-size controller of Gustafsson, in the form of Hairer's DOPRI5 (Hairer–Nørsett–Wanner I, IV.2, "Stabilized step size control").</summary>
/// <remarks>
/// h_new = h · safety · err^(−α) · err_old^(β), with α = 1/k − 0.75·β, where k is the order of the
/// error estimator plus one. β = 0 gives the classical I controller. The factor is clamped to
/// [<see cref="MinFactor"/>, <see cref="MaxFactor"/>]; after a rejection the step may not grow.
/// </remarks>
internal struct PiController
{
    private readonly double _alpha;
    private readonly double _beta;
    private double _errorOld;

    public PiController(int estimatorOrder, double beta = 0.04, double safety = 0.9, double minFactor = 0.2, double maxFactor = 10.0)
    {
        _beta = beta;
        _alpha = (1.0 / (estimatorOrder + 1)) - (0.75 * beta);
        Safety = safety;
        MinFactor = minFactor;
        MaxFactor = maxFactor;
        _errorOld = 1e-4;
    }

    public double Safety { get; }

    public double MinFactor { get; }

    public double MaxFactor { get; }

    /// <summary>Forgets the error history (after a restart).</summary>
    public void Reset() => _errorOld = 1e-4;

    /// <summary>The next step size after an accepted step with error norm <paramref name="error"/> ≤ 1.</summary>
    public double Accepted(double h, double error, bool previousRejected)
    {
        double factor;
        if (error <= 0)
        {
            factor = MaxFactor;
        }
        else
        {
            factor = Safety * Math.Pow(error, -_alpha) * Math.Pow(_errorOld, _beta);
            factor = Math.Clamp(factor, MinFactor, MaxFactor);
        }

        if (previousRejected)
        {
            factor = Math.Min(factor, 1.0);
        }

        _errorOld = Math.Max(error, 1e-4);
        return h * factor;
    }

    /// <summary>The step size to retry with after a rejected step (error norm &gt; 1 or NaN).</summary>
    public readonly double Rejected(double h, double error)
    {
        if (!double.IsFinite(error))
        {
            return h * 0.25;
        }

        // Pure I control on rejection: the error history says nothing about the failed step.
        double factor = Safety * Math.Pow(error, -(_alpha + (0.75 * _beta)));
        return h * Math.Clamp(factor, MinFactor, 1.0);
    }
}
