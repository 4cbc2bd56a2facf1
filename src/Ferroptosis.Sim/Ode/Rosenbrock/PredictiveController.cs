namespace Ferroptosis.Sim.Ode.Rosenbrock;

/// <summary>Gustafsson's predictive step-size controller in the form of Hairer's RODAS (Hairer–Wanner II, IV.8, eq. 8.21).</summary>
/// <remarks>
/// <para>
/// After an accepted step with error norm err the classical proposal h·(1/err)^(1/k)·safety is
/// compared with Gustafsson's prediction h·(h/h_acc)·(err_acc/err²)^(1/k)·safety, which uses the last
/// accepted step (h_acc, err_acc), and the smaller is taken (k is the order of the error estimator
/// plus one). The prediction damps the oscillation of step sizes that a pure I controller shows when
/// stability rather than accuracy limits the step, which is typical of stiff problems.
/// </para>
/// <para>
/// The step may change by a factor in [<see cref="MinFactor"/>, <see cref="MaxFactor"/>] (RODAS: 0.2
/// and 6); after a rejection it may not grow; a non-finite error shrinks the step by 4.
/// </para>
/// </remarks>
internal struct PredictiveController
{
    private readonly double _exponent;
    private readonly double _errorFloorPower;
    private double _acceptedStep;
    private double _acceptedErrorPower;
    private bool _hasHistory;

    public PredictiveController(int estimatorOrder, double safety = 0.9, double minFactor = 0.2, double maxFactor = 6.0)
    {
        _exponent = 1.0 / (estimatorOrder + 1);
        _errorFloorPower = Math.Pow(ErrorFloor, _exponent);
        Safety = safety;
        MinFactor = minFactor;
        MaxFactor = maxFactor;
    }

    /// <summary>RODAS keeps err_acc ≥ 0.01 so that one very accurate step does not inflate the prediction.</summary>
    private const double ErrorFloor = 1e-2;

    public double Safety { get; }

    public double MinFactor { get; }

    public double MaxFactor { get; }

    /// <summary>Forgets the history of accepted steps (after a restart).</summary>
    public void Reset() => _hasHistory = false;

    /// <summary>The next step size after an accepted step of size <paramref name="h"/> with error norm <paramref name="error"/> ≤ 1.</summary>
    public double Accepted(double h, double error, bool previousRejected)
    {
        // One power per step: (err²/err_acc)^(1/k) = (err^(1/k))² / err_acc^(1/k).
        double errorPower = Math.Pow(error, _exponent);
        double shrink = Math.Clamp(errorPower / Safety, 1.0 / MaxFactor, 1.0 / MinFactor);
        if (_hasHistory)
        {
            // Hairer–Wanner II, eq. (8.21): h_new = h · (h/h_acc) · (err_acc/err²)^(1/k) · safety.
            double predictive = _acceptedStep / h * (errorPower * errorPower / _acceptedErrorPower) / Safety;
            shrink = Math.Max(shrink, Math.Clamp(predictive, 1.0 / MaxFactor, 1.0 / MinFactor));
        }

        _acceptedStep = h;
        _acceptedErrorPower = error >= ErrorFloor ? errorPower : _errorFloorPower;
        _hasHistory = true;
        double next = h / shrink;
        return previousRejected ? Math.Min(next, h) : next;
    }

    /// <summary>The step size to retry with after a rejected step (error norm &gt; 1 or NaN).</summary>
    public readonly double Rejected(double h, double error)
    {
        if (!double.IsFinite(error))
        {
            return h * 0.25;
        }

        return h / Math.Clamp(Math.Pow(error, _exponent) / Safety, 1.0, 1.0 / MinFactor);
    }
}
