using Ferroptosis.Sim.Ode.StepControl;

namespace Ferroptosis.Sim.Ode.Jacobians;

/// <summary>The increments of a forward-difference Jacobian, shared by the dense and the column-coloured evaluators so that both perturb every column by the same amount.</summary>
/// <remarks>
/// CVODE's dense difference-quotient Jacobian (cvLsDenseDQJac, SUNDIALS CVODE guide §2.1):
/// δ_j = max(√u·|y_j|, δ_min/w_j), with w_j the error weight 1/(rtol·|y_j| + atol_j) and
/// δ_min = 1000·|h|·u·n·‖f‖_w (1 when that is zero), so that columns of components near zero are still perturbed
/// by an amount the error test would notice.
/// </remarks>
internal readonly struct DifferenceIncrements
{
    private static readonly double SqrtEpsilon = Math.Sqrt(Math.BitIncrement(1.0) - 1.0);
    private readonly double _minIncrement;
    private readonly double _fallback;

    private DifferenceIncrements(double minIncrement, double fallback)
    {
        _minIncrement = minIncrement;
        _fallback = fallback;
    }

    /// <summary>Computes δ_min and the fallback increment at (y, f(t, y)) for step size h.</summary>
    public static DifferenceIncrements Prepare(ReadOnlySpan<double> y, ReadOnlySpan<double> f0, double[] atol, double rtol, double h)
    {
        int n = y.Length;
        double fNorm = 0;
        double yMean = 0;
        for (int i = 0; i < n; i++)
        {
            double w = f0[i] / Math.Max(atol[i] + (rtol * Math.Abs(y[i])), ErrorNorm.ScaleFloor);
            fNorm += w * w;
            yMean += Math.Abs(y[i]);
        }

        // With atol_j = 0 and y_j = 0 the CVODE increment is 0; perturb such a column by √u times the mean
        // magnitude of the state instead (√u if the state is 0).
        double fallbackIncrement = SqrtEpsilon * (yMean > 0 ? yMean / n : 1.0);

        fNorm = Math.Sqrt(fNorm / n);
        double unitRoundoff = Math.BitIncrement(1.0) - 1.0;
        double minIncrement = fNorm != 0 && double.IsFinite(fNorm) ? 1000 * Math.Abs(h) * unitRoundoff * n * fNorm : 1.0;
        return new DifferenceIncrements(minIncrement, fallbackIncrement);
    }

    /// <summary>Perturbs component j of <paramref name="yPerturbed"/> (which holds y there) and returns the increment, exactly representable so that (y + δ) − y == δ.</summary>
    public double Perturb(Span<double> yPerturbed, int j, double yj, double atolJ, double rtol)
    {
        double scale = atolJ + (rtol * Math.Abs(yj));
        double increment = Math.Max(SqrtEpsilon * Math.Abs(yj), _minIncrement * scale);
        if (!(increment > 0) || !double.IsFinite(increment))
        {
            increment = _fallback;
        }

        yPerturbed[j] = yj + increment;
        return yPerturbed[j] - yj;
    }
}
