using MathNet.Numerics.Distributions;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Optimization;

namespace Ferroptosis.Sim.Analysis;

/// <summary>Weighted nonlinear least squares by MathNet's Levenberg–Marquardt minimiser, with the covariance computed from the Jacobian at the optimum.</summary>
/// <remarks>
/// MathNet minimises Σ w_i (y_i − f_i(p))² (bounds by its MINPACK-style sine mapping). The covariance is
/// computed here, not taken from MathNet, so that it refers to the external parameters even when bounds
/// are used: C = s² (JᵀWJ)⁻¹ with s² = RSS/(n − p) when the data carry no standard deviations, or
/// C = (JᵀWJ)⁻¹ when w_i = 1/σ_i² are known (Seber &amp; Wild, Nonlinear Regression, §5.1).
/// </remarks>
internal static class LeastSquares
{
    public static Solution Minimize(Problem problem, double[] initial, int maxIterations)
    {
        var observedX = Vector<double>.Build.Dense(problem.Observed.Length, i => i);
        var observedY = Vector<double>.Build.DenseOfArray(problem.Observed);
        var weights = problem.Weights is null ? null : Vector<double>.Build.DenseOfArray(problem.Weights);
        var objective = ObjectiveFunction.NonlinearModel((p, _) => problem.Model(p), (p, _) => problem.Jacobian(p), observedX, observedY, weights);
        var minimizer = new LevenbergMarquardtMinimizer(maximumIterations: maxIterations);
        var start = Vector<double>.Build.DenseOfArray(initial);
        var lower = problem.Lower is null ? null : Vector<double>.Build.DenseOfArray(problem.Lower);
        var upper = problem.Upper is null ? null : Vector<double>.Build.DenseOfArray(problem.Upper);
        try
        {
            var result = minimizer.FindMinimum(objective, start, lower, upper);
            var point = result.MinimizingPoint.ToArray();
            return new Solution(point, ResidualSumOfSquares(problem, point), result.ReasonForExit.ToString(), result.Iterations);
        }
        catch (Exception ex) when (ex is MaximumIterationsException or ArgumentException or MathNet.Numerics.NonConvergenceException or InvalidOperationException)
        {
            return new Solution(initial, double.NaN, ex.Message, maxIterations);
        }
    }

    public static double ResidualSumOfSquares(Problem problem, double[] point)
    {
        var values = problem.Model(Vector<double>.Build.DenseOfArray(point));
        double sum = 0;
        for (int i = 0; i < problem.Observed.Length; i++)
        {
            double r = problem.Observed[i] - values[i];
            sum += (problem.Weights?[i] ?? 1) * r * r;
        }

        return sum;
    }

    /// <summary>The covariance of the estimates, or null when JᵀWJ is singular (a parameter the data do not determine).</summary>
    public static Matrix<double>? Covariance(Problem problem, double[] point, double rss, bool knownVariance)
    {
        int n = problem.Observed.Length;
        var jacobian = problem.Jacobian(Vector<double>.Build.DenseOfArray(point));
        int p = jacobian.ColumnCount;
        if (n <= p)
        {
            return null;
        }

        var weighted = jacobian.Clone();
        for (int i = 0; i < n; i++)
        {
            double w = Math.Sqrt(problem.Weights?[i] ?? 1);
            for (int j = 0; j < p; j++)
            {
                weighted[i, j] *= w;
            }
        }

        var normal = weighted.TransposeThisAndMultiply(weighted);
        var svd = normal.Svd(computeVectors: true);
        double largest = svd.S[0];
        if (!(largest > 0) || svd.S[p - 1] <= largest * 1e-14 || !double.IsFinite(largest))
        {
            return null;
        }

        var inverse = normal.Inverse();
        double scale = knownVariance ? 1.0 : rss / (n - p);
        return inverse * scale;
    }

    /// <summary>The two-sided Student-t quantile for a confidence level and degrees of freedom.</summary>
    public static double StudentQuantile(double confidence, int degreesOfFreedom) =>
        StudentT.InvCDF(0, 1, Math.Max(1, degreesOfFreedom), 0.5 + (0.5 * confidence));

    /// <summary>A least-squares problem: model values and their Jacobian (rows: observations, columns: parameters).</summary>
    public sealed record Problem(
        Func<Vector<double>, Vector<double>> Model,
        Func<Vector<double>, Matrix<double>> Jacobian,
        double[] Observed,
        double[]? Weights,
        double[]? Lower,
        double[]? Upper);

    /// <summary>The minimiser's result.</summary>
    public sealed record Solution(double[] Point, double ResidualSumOfSquares, string ExitCondition, int Iterations);
}
