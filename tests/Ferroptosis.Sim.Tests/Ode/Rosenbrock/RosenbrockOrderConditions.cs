using Ferroptosis.Sim.Ode.Rosenbrock;

namespace Ferroptosis.Sim.Tests.Ode.Rosenbrock;

/// <summary>A Rosenbrock method in standard form (α_ij, γ_ij, b), recovered from the transformed tableau the stepper uses, and its order conditions.</summary>
/// <remarks>
/// <para>
/// From (a_ij) = αΓ⁻¹, (c_ij) = diag(1/γ) − Γ⁻¹ and m = bΓ⁻¹ (the transformation of Hairer–Wanner II, IV.7):
/// Γ = (diag(1/γ) − C)⁻¹, α = AΓ, b = mΓ. The conditions are then checked on exactly the numbers the
/// stepper computes with, so one wrong digit in a published coefficient shows up.
/// </para>
/// <para>
/// Order conditions through B-series: for the stage k_i = h f(y + Σ α_ij k_j) + hJ Σ_{j≤i} γ_ij k_j
/// the coefficient of the elementary differential of t = [t₁, …, t_m] is
/// K_i(t) = Π_k (Σ_j α_ij K_j(t_k)) + [m = 1] Σ_{j≤i} γ_ij K_j(t₁), and order p means
/// Σ b_i K_i(t) = 1/γ(t) for all trees with |t| ≤ p. These are the conditions of Hairer–Wanner II,
/// Table IV.7.1 (written there with β_ij = α_ij + γ_ij).
/// </para>
/// </remarks>
internal sealed class RosenbrockOrderConditions
{
    private RosenbrockOrderConditions(double[,] alpha, double[,] gamma, double[] b, double[] bHat, double[][] dense)
    {
        Alpha = alpha;
        Gamma = gamma;
        B = b;
        BHat = bHat;
        DenseWeights = dense;
    }

    public double[,] Alpha { get; }

    /// <summary>Gets Γ including its diagonal.</summary>
    public double[,] Gamma { get; }

    public double[] B { get; }

    public double[] BHat { get; }

    /// <summary>Gets the coefficients of θ^p (p = 1 …) of the continuous weights b(θ), in standard form.</summary>
    public double[][] DenseWeights { get; }

    public int Stages => B.Length;

    public static RosenbrockOrderConditions FromTableau(RosenbrockTableau tableau)
    {
        int s = tableau.Stages;
        var inverse = new double[s, s];
        for (int i = 0; i < s; i++)
        {
            inverse[i, i] = 1.0 / tableau.Gamma;
            for (int j = 0; j < i; j++)
            {
                inverse[i, j] = -tableau.C[i][j];
            }
        }

        var gamma = InvertLowerTriangular(inverse);
        var a = new double[s, s];
        for (int i = 0; i < s; i++)
        {
            for (int j = 0; j < i; j++)
            {
                a[i, j] = tableau.A[i][j];
            }
        }

        var alpha = Multiply(a, gamma);
        var mHat = tableau.M.Zip(tableau.E, (m, e) => m - e).ToArray();
        var dense = new double[tableau.DenseDegree][];
        for (int p = 0; p < dense.Length; p++)
        {
            dense[p] = RowTimes(Enumerable.Range(0, s).Select(j => tableau.Dense[p, j]).ToArray(), gamma);
        }

        return new RosenbrockOrderConditions(alpha, gamma, RowTimes(tableau.M, gamma), RowTimes(mHat, gamma), dense);
    }

    /// <summary>The continuous weights b(θ) = Σ_p θ^p·DenseWeights[p−1].</summary>
    public double[] DenseAt(double theta)
    {
        var w = new double[Stages];
        for (int p = 0; p < DenseWeights.Length; p++)
        {
            double power = Math.Pow(theta, p + 1);
            for (int i = 0; i < Stages; i++)
            {
                w[i] += power * DenseWeights[p][i];
            }
        }

        return w;
    }

    /// <summary>Σ_i w_i K_i(t) − θ^|t|/γ(t): zero when the weights w reproduce the exact solution at t + θh for tree t.</summary>
    public double Residual(RootedTree tree, double[] weights, double theta = 1.0)
    {
        var k = StageCoefficients(tree);
        double sum = 0;
        for (int i = 0; i < Stages; i++)
        {
            sum += weights[i] * k[i];
        }

        return sum - (Math.Pow(theta, tree.Order) / tree.Density);
    }

    /// <summary>K_i(t) for every stage i.</summary>
    public double[] StageCoefficients(RootedTree tree)
    {
        int s = Stages;
        var result = Enumerable.Repeat(1.0, s).ToArray();
        var childCoefficients = tree.Children.Select(StageCoefficients).ToList();
        foreach (var child in childCoefficients)
        {
            for (int i = 0; i < s; i++)
            {
                double sum = 0;
                for (int j = 0; j < i; j++)
                {
                    sum += Alpha[i, j] * child[j];
                }

                result[i] *= sum;
            }
        }

        if (childCoefficients.Count == 1)
        {
            var child = childCoefficients[0];
            for (int i = 0; i < s; i++)
            {
                for (int j = 0; j <= i; j++)
                {
                    result[i] += Gamma[i, j] * child[j];
                }
            }
        }

        return result;
    }

    private static double[,] InvertLowerTriangular(double[,] lower)
    {
        int s = lower.GetLength(0);
        var inverse = new double[s, s];
        for (int j = 0; j < s; j++)
        {
            inverse[j, j] = 1.0 / lower[j, j];
            for (int i = j + 1; i < s; i++)
            {
                double sum = 0;
                for (int k = j; k < i; k++)
                {
                    sum += lower[i, k] * inverse[k, j];
                }

                inverse[i, j] = -sum / lower[i, i];
            }
        }

        return inverse;
    }

    private static double[,] Multiply(double[,] x, double[,] y)
    {
        int s = x.GetLength(0);
        var result = new double[s, s];
        for (int i = 0; i < s; i++)
        {
            for (int j = 0; j < s; j++)
            {
                for (int k = 0; k < s; k++)
                {
                    result[i, j] += x[i, k] * y[k, j];
                }
            }
        }

        return result;
    }

    private static double[] RowTimes(double[] row, double[,] matrix)
    {
        int s = row.Length;
        var result = new double[s];
        for (int j = 0; j < s; j++)
        {
            for (int k = 0; k < s; k++)
            {
                result[j] += row[k] * matrix[k, j];
            }
        }

        return result;
    }
}
