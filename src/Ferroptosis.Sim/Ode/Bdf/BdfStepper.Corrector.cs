using Ferroptosis.Sim.Ode.LinearAlgebra.Krylov;
using System.Globalization;

namespace Ferroptosis.Sim.Ode.Bdf;

/// <summary>The Newton corrector and the reuse of the Jacobian and of the LU factors.</summary>
internal sealed partial class BdfStepper
{
    // CVODE's NLS_MAXCOR, MXNCF, ETACF, CRDOWN, RDIV, DGMAX, MSBP and MSBJ.
    private const int MaxNewtonIterations = 3;
    private const int MaxConvergenceFailures = 10;
    private const double ConvergenceFailureShrink = 0.25;
    private const double RateDecay = 0.3;
    private const double DivergenceRatio = 2.0;
    private const double GammaChangeForSetup = 0.3;
    private const int StepsBetweenSetups = 20;
    private const int StepsBetweenJacobians = 50;

    // Not CVODE: the bound on the Newton error in the solution itself (weighted norm, so relative to the
    // local tolerance), and the contraction ratio above which an old Jacobian is replaced at the next step.
    private const double NewtonTolerance = 0.03;
    private const double SlowContraction = 0.2;

    private bool _haveJacobian;
    private bool _haveFactor;
    private bool _jacobianCurrent;
    private bool _refreshJacobian;
    private double _factorGamma;
    private int _stepsSinceFactor;
    private int _stepsSinceJacobian;
    private double _convergenceRate;

    private enum CorrectorOutcome
    {
        Converged,
        StaleJacobian,
        Failed,
        NonFinite,
    }

    private void ResetLinearAlgebra()
    {
        _haveJacobian = false;
        _haveFactor = false;
        _refreshJacobian = false;
        _convergenceRate = 1.0;
    }

    private void BeginStep() => _jacobianCurrent = false;

    private void EndStep()
    {
        _stepsSinceFactor++;
        _stepsSinceJacobian++;
    }

    /// <summary>Solves d − γ·f(t_new, y⁽⁰⁾ + d) + ψ = 0 for the correction d by modified Newton iteration.</summary>
    /// <remarks>
    /// On return <c>_correction</c> holds d and <c>_candidate</c> holds y⁽⁰⁾ + d. The first residual uses
    /// f at the predictor, which is also where a new Jacobian is evaluated (CVODE's lsetup at the
    /// predicted state), so a setup costs no extra right-hand side with an analytic Jacobian.
    /// </remarks>
    private CorrectorOutcome SolveCorrector(double tNew, bool failedBefore)
    {
        double gamma = _step / BdfHistory.Gamma[_order];
        Evaluate(tNew, _prediction, _f);
        if (!AllFinite(_f))
        {
            _correction.AsSpan().Clear();
            _prediction.AsSpan().CopyTo(_candidate);
            return CorrectorOutcome.NonFinite;
        }

        bool setup = failedBefore || _refreshJacobian || !_haveFactor || _stepsSinceFactor >= StepsBetweenSetups
            || Math.Abs((gamma / _factorGamma) - 1.0) > GammaChangeForSetup;
        if (setup && !Setup(tNew, gamma))
        {
            return _jacobianCurrent ? CorrectorOutcome.Failed : RequestFreshJacobian();
        }

        // M was factorised for γ_LU; for γ ≠ γ_LU, CVODE's compromise 2/(1 + γ/γ_LU) between the stiff and
        // non-stiff limits of the mismatch keeps the iteration convergent (CVODE guide §2.1; cvLsSolve).
        // The Krylov path applies M with the current γ (only its preconditioner is stale) and needs no correction.
        double ratio = gamma / _factorGamma;
        double scale = ratio == 1.0 || _krylov is not null ? 1.0 : 2.0 / (1.0 + ratio);
        var correction = _correction.AsSpan();
        var y = _candidate.AsSpan();
        var delta = _delta.AsSpan();
        correction.Clear();
        _prediction.AsSpan().CopyTo(y);
        double previousNorm = 0;
        double ratioToPrevious = 0;
        for (int m = 0; ; m++)
        {
            Counters.NewtonIterations++;
            if (_mass is null)
            {
                for (int i = 0; i < N; i++)
                {
                    delta[i] = (gamma * _f[i]) - _psi[i] - correction[i];
                }
            }
            else
            {
                MassResidual(gamma, correction);
            }

            _krylov?.Prepare(tNew, _candidate, _f, gamma, _weights, NewtonTolerance);
            _linear.Solve(delta);
            Counters.LinearSolves++;
            if (_krylov is not null && !KrylovSolveUsable(m))
            {
                return _jacobianCurrent ? CorrectorOutcome.Failed : RequestFreshJacobian();
            }
            if (scale != 1.0)
            {
                for (int i = 0; i < N; i++)
                {
                    delta[i] *= scale;
                }
            }

            double norm = WeightedNorm(delta);
            if (!double.IsFinite(norm))
            {
                return CorrectorOutcome.NonFinite;
            }

            for (int i = 0; i < N; i++)
            {
                correction[i] += delta[i];
                y[i] += delta[i];
            }

            if (m > 0)
            {
                ratioToPrevious = norm / previousNorm;
                _convergenceRate = Math.Max(RateDecay * _convergenceRate, ratioToPrevious);
            }

            // CVODE's form of the test (the remaining error ≈ rate·‖δ‖, the rate carried over from earlier
            // steps so that one iteration can suffice), with the error measured in the solution itself.
            if (norm * Math.Min(1.0, _convergenceRate) <= NewtonTolerance)
            {
                if (ratioToPrevious > SlowContraction && !_jacobianCurrent)
                {
                    // Converged, but slowly: J no longer describes the problem (ROBER's slow manifold
                    // after the transient), and its Newton errors would pollute the history. Renew it.
                    _refreshJacobian = true;
                }

                return CorrectorOutcome.Converged;
            }

            if (m == MaxNewtonIterations - 1 || (m > 0 && norm > DivergenceRatio * previousNorm))
            {
                return _jacobianCurrent ? CorrectorOutcome.Failed : RequestFreshJacobian();
            }

            previousNorm = norm;
            Evaluate(tNew, _candidate, _f);
            if (!AllFinite(_f))
            {
                return CorrectorOutcome.NonFinite;
            }
        }
    }

    /// <summary>The corrector residual of M·y′ = f: γf − M·(ψ + d), into <c>_delta</c>.</summary>
    private void MassResidual(double gamma, ReadOnlySpan<double> correction)
    {
        var mass = _mass!;
        for (int k = 0; k < N; k++)
        {
            _massWork[k] = _psi[k] + correction[k];
        }

        for (int i = 0; i < N; i++)
        {
            double sum = 0;
            var row = mass.AsSpan(i * N, N);
            for (int k = 0; k < N; k++)
            {
                sum += row[k] * _massWork[k];
            }

            _delta[i] = (gamma * _f[i]) - sum;
        }
    }

    /// <summary>
    /// Whether the GMRES result may be used: converged, or (CVODE's rule for SUNLS_RES_REDUCED) reduced on the first
    /// Newton iteration, whose correction the following iterations still check. Anything else fails the iteration,
    /// so that a Krylov failure ends in a smaller step or a failure status, never in an accepted wrong step.
    /// </summary>
    private bool KrylovSolveUsable(int iteration) => _krylov!.LastOutcome switch
    {
        GmresOutcome.Converged => true,
        GmresOutcome.ResidualReduced => iteration == 0,
        _ => false,
    };

    private CorrectorOutcome RequestFreshJacobian()
    {
        _refreshJacobian = true;
        return CorrectorOutcome.StaleJacobian;
    }

    /// <summary>Forms and factorises M = I − γJ, evaluating J at the predictor first when it is missing, old or suspected.</summary>
    private bool Setup(double tNew, double gamma)
    {
        if (!_haveJacobian || _refreshJacobian || _stepsSinceJacobian >= StepsBetweenJacobians)
        {
            _linear.EvaluateJacobian(tNew, _prediction, _f, _step);
            _haveJacobian = true;
            _jacobianCurrent = true;
            _refreshJacobian = false;
            _stepsSinceJacobian = 0;
        }

        if (_krylov is null)
        {
            Counters.LuDecompositions++;
        }
        else if (_krylov.HasPreconditioner)
        {
            Counters.PreconditionerSetups++;
        }

        _factorGamma = gamma;
        _stepsSinceFactor = 0;
        _convergenceRate = 1.0;
        _haveFactor = _linear.Factor(1.0, gamma);
        return _haveFactor;
    }

    private bool FailConvergence(double tNew, double h, int failures, bool nonFinite)
    {
        int worst = 0;
        double worstValue = -1;
        for (int i = 0; i < N; i++)
        {
            double r = Math.Abs(_delta[i] * _weights[i]);
            if (double.IsNaN(r) || !double.IsFinite(_f[i]))
            {
                worst = i;
                break;
            }

            if (r > worstValue)
            {
                worstValue = r;
                worst = i;
            }
        }

        string message = nonFinite
            ? string.Create(CultureInfo.InvariantCulture, $"The right-hand side or the Newton iterate became non-finite {failures} times in a row while stepping from t = {T:G10} to t = {tNew:G10} (step size {h:G3}); component {worst}: y = {Y[worst]:G6}, f = {_f[worst]:G6}.")
            : string.Create(CultureInfo.InvariantCulture, $"The Newton iteration failed to converge {failures} times in a row at t = {T:G10} (step size {h:G3}, order {_order}); worst component y[{worst}] = {Y[worst]:G6}.");
        return Fail(nonFinite ? SolverStatus.NonFiniteState : SolverStatus.ConvergenceFailure, message);
    }
}
