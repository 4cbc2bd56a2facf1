namespace Ferroptosis.Sim.Ode.Bdf;

/// <summary>Order and step-size selection, rejections, and the sign-change check.</summary>
internal sealed partial class BdfStepper
{
    // CVODE's constants (cvode.c: THRESH, ETAMX1, ETAMX3, ETAMIN, ETAMXF, ADDON, BIAS1–3, MXNEF1, LONG_WAIT).
    private const double GrowthThreshold = 1.5;
    private const double FirstStepMaxGrowth = 1e4;
    private const double FirstOrderMaxGrowth = 10.0;
    private const double MinShrink = 0.1;
    private const double RepeatedFailureShrink = 0.2;
    private const double Addon = 1e-6;
    private const double BiasLower = 6.0;
    private const double BiasSame = 6.0;
    private const double BiasHigher = 10.0;
    private const int ErrorFailuresBeforeOrderReduction = 3;
    private const int WaitAfterFirstOrderRestart = 10;

    // Not CVODE: at orders ≥ 2 the corrector reads the interpolated (fictitious) history, and a step
    // ρ times larger extrapolates the history polynomial ρ times further back than the data it was fitted
    // to. The error estimate, the difference of predictor and corrector built from that same history,
    // cannot see the result: on ROBER (h ≈ t late on) ratios of 3–5 gave estimates 100× too small and
    // negative y1. Doubling per change costs almost nothing, since changes are ≥ 1.5 anyway.
    private const double HigherOrderMaxGrowth = 2.0;

    // Sign-change check: a flip counts when it moves the component by ≥ 0.1 of its tolerance, and is
    // unresolved when the local error is ≥ 0.25 of the new value (the new sign is then noise).
    private const double SignJumpThreshold = 0.1;
    private const double SignErrorFraction = 0.25;
    private const int MaxSignRetries = 4;

    private int _orderWait;
    private double _maxGrowth;

    private void ResetControl()
    {
        _orderWait = 2;
        _maxGrowth = FirstStepMaxGrowth;
    }

    /// <summary>No growth at the end of a step that needed a retry (CVODE sets etamax = 1).</summary>
    private void BlockGrowth() => _maxGrowth = 1.0;

    /// <summary>Chooses the order and step size of the next step (CVODE's cvPrepareNextStep, cvChooseEta and cvSetEta).</summary>
    private void SelectNextStep(double error)
    {
        int q = _order;
        _orderWait--;
        double eta = 1.0;
        int nextOrder = q;
        if (_maxGrowth == 1.0)
        {
            // The step just taken followed a failure: keep h and q for at least two more steps.
            _orderWait = Math.Max(_orderWait, 2);
        }
        else
        {
            double etaSame = StepRatio(BiasSame * error, q + 1);
            eta = etaSame;
            if (_orderWait <= 0)
            {
                // ∇^q y estimates the error of order q − 1, ∇^{q+2} y that of order q + 1.
                _orderWait = 2;
                double etaLower = q > 1 ? StepRatio(BiasLower * WeightedNorm(_history[q]) / q, q) : 0.0;
                double etaHigher = q < _maxOrder ? StepRatio(BiasHigher * WeightedNorm(_history[q + 2]) / (q + 2), q + 2) : 0.0;
                if (etaLower > etaSame && etaLower >= etaHigher)
                {
                    eta = etaLower;
                    nextOrder = q - 1;
                }
                else if (etaHigher > etaSame)
                {
                    eta = etaHigher;
                    nextOrder = q + 1;
                }
            }

            if (eta < GrowthThreshold)
            {
                // Not worth a new factorisation. Unlike CVODE, which then keeps the order too, switch
                // order at the same h when the current order is at its limit (η_q < 1) and another is
                // more accurate: otherwise a smooth solution can stay at E ≈ 0.7 and order 2 for good
                // (a 40-point heat equation at rtol 1e-4: 90 steps and 60 tolerances of global error,
                // against 37 steps and 4 with the switch).
                if (nextOrder == q || etaSame >= 1.0)
                {
                    nextOrder = q;
                }

                eta = 1.0;
            }
            else
            {
                eta = Math.Min(eta, nextOrder >= 2 ? Math.Min(_maxGrowth, HigherOrderMaxGrowth) : _maxGrowth);
            }
        }

        if (nextOrder != q)
        {
            _orderWait = nextOrder + 1;
        }

        _maxGrowth = FirstOrderMaxGrowth;
        _nextOrder = nextOrder;
        NextStep = _step * eta;
    }

    /// <summary>Shrinks the step (and possibly the order) after a failed error test (CVODE's cvDoErrorTest).</summary>
    private void ShrinkAfterErrorFailure(double error, int failures)
    {
        if (failures <= ErrorFailuresBeforeOrderReduction)
        {
            double eta = StepRatio(BiasSame * error, _order + 1);
            eta = double.IsNaN(eta) ? MinShrink : Math.Clamp(eta, MinShrink, 0.9);
            if (failures >= 2)
            {
                eta = Math.Min(eta, RepeatedFailureShrink);
            }

            ChangeStep(_order, _step * eta);
            return;
        }

        if (_order > 1)
        {
            ChangeStep(_order - 1, _step * MinShrink);
            _orderWait = _order + 1;
            return;
        }

        // Order 1 keeps failing: the difference ∇y is untrustworthy; rebuild it from f at the current point.
        _step *= MinShrink;
        NextStep = _step;
        Evaluate(T, Y, _f);

        // For M·y′ = f the history needs y′ (where it is not determined, f stays in its place: a poorer predictor only).
        _ = _initializer?.Derivative(T, Y, _f);

        _history.RestartFirstOrder(_f, _step);
        _orderWait = WaitAfterFirstOrderRestart;
    }

    /// <summary>True when the candidate flips the sign of a component by more than its error can vouch for; <paramref name="eta"/> is the step ratio to retry with.</summary>
    /// <remarks>
    /// Components smaller than their absolute tolerance are not controlled by the error test, yet their sign
    /// can decide the dynamics: in ROBER a negative y1 (with y2) makes the slow manifold unstable
    /// (y1' ≈ −c·y1², finite-time blow-up), and CVODE then reports success with y1 ≈ −4e7 at rtol 1e-4.
    /// A genuine zero crossing moves the component by much more than its local error, so this check
    /// only costs a retry when a crossing happens to land within its error of zero.
    /// </remarks>
    private bool SignChangeUnresolved(out double eta)
    {
        eta = 1.0;
        bool unresolved = false;
        double errorConstant = 1.0 / (_order + 1);
        for (int i = 0; i < N; i++)
        {
            double before = Y[i];
            double after = _candidate[i];
            if (before * after >= 0)
            {
                continue;
            }

            double jump = Math.Abs(after - before);
            double error = Math.Abs(_correction[i]) * errorConstant;
            if (jump * _weights[i] < SignJumpThreshold || error < SignErrorFraction * Math.Abs(after))
            {
                continue;
            }

            // Aim for an error of a tenth of the jump: error ∝ h^{q+1}, jump ∝ h.
            unresolved = true;
            eta = Math.Min(eta, Math.Pow(0.1 * jump / error, 1.0 / _order));
        }

        eta = Math.Clamp(eta, MinShrink, 0.5);
        return unresolved;
    }

    /// <summary>Moves the history to a new order and step size.</summary>
    private void ChangeStep(int order, double step)
    {
        _history.Rescale(order, step / _step);
        _order = order;
        _nextOrder = order;
        _step = step;
        NextStep = step;
    }

    private static double StepRatio(double scaledError, int exponentDenominator) =>
        1.0 / (Math.Pow(scaledError, 1.0 / exponentDenominator) + Addon);
}
