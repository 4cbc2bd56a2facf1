namespace Ferroptosis.Sim.Ode.Rosenbrock;

/// <summary>The coefficients of an embedded Rosenbrock (linearly implicit Runge–Kutta) method with a continuous extension, in the form the stepper uses.</summary>
/// <remarks>
/// <para>
/// A Rosenbrock method in standard form (Hairer–Wanner II, Sec. IV.7) is
/// k_i = h f(t + α_i h, y + Σ_{j&lt;i} α_ij k_j) + γ_i h² f_t + h J Σ_{j≤i} γ_ij k_j, y₁ = y + Σ b_i k_i,
/// with γ_ii = γ for all i, α_i = Σ_j α_ij and γ_i = Σ_j γ_ij. The stepper works with the stage
/// variables u_i = Σ_{j≤i} γ_ij k_j (Hairer–Wanner II, IV.7; the formulation of the code RODAS), in
/// which each stage costs one evaluation of f and one back-substitution and needs no product with J:
/// </para>
/// <para>
/// (I/(hγ) − J) u_i = f(t + α_i h, y + Σ_{j&lt;i} a_ij u_j) + Σ_{j&lt;i} (c_ij / h) u_j + γ_i h f_t,
/// y₁ = y + Σ m_i u_i, error estimate Σ e_i u_i,
/// </para>
/// <para>
/// where, with Γ = (γ_ij), (a_ij) = (α_ij) Γ⁻¹, (c_ij) = diag(1/γ) − Γ⁻¹, m = b Γ⁻¹ and e = (b − b̂) Γ⁻¹.
/// Continuous extensions y(t + θh) = y + Σ_i b_i(θ) k_i are stored the same way, as the monomial
/// coefficients of θ of b(θ) Γ⁻¹.
/// </para>
/// <para>Immutable and shareable across threads.</para>
/// </remarks>
internal sealed class RosenbrockTableau
{
    private RosenbrockTableau(
        string name, int order, int embeddedOrder, int denseOrder, double gamma, double[][] a, double[][] c,
        double[] nodes, double[] gammaSums, double[] m, double[] mHat, double[,] dense, bool isFirstSameAsLast)
    {
        int s = m.Length;
        if (a.Length != s || c.Length != s || nodes.Length != s || gammaSums.Length != s || mHat.Length != s || dense.GetLength(1) != s)
        {
            throw new ArgumentException($"Tableau {name}: every coefficient array must describe {s} stages.", nameof(a));
        }

        for (int i = 0; i < s; i++)
        {
            if (a[i].Length != i || c[i].Length != i)
            {
                throw new ArgumentException($"Tableau {name}: row {i} of a and c must have {i} entries.", nameof(a));
            }
        }

        Name = name;
        Order = order;
        EmbeddedOrder = embeddedOrder;
        DenseOrder = denseOrder;
        Stages = s;
        Gamma = gamma;
        A = a;
        C = c;
        Nodes = nodes;
        GammaSums = gammaSums;
        M = m;
        E = new double[s];
        for (int i = 0; i < s; i++)
        {
            E[i] = m[i] - mHat[i];
        }

        Dense = dense;
        DenseDegree = dense.GetLength(0);
        IsFirstSameAsLast = isFirstSameAsLast;
        IsStifflyAccurate = CheckStifflyAccurate();
        ExtendsPreviousArgument = new bool[s];
        for (int i = 2; i < s; i++)
        {
            bool extends = a[i][i - 1] == 1.0;
            for (int j = 0; extends && j < i - 1; j++)
            {
                extends = a[i][j] == a[i - 1][j];
            }

            ExtendsPreviousArgument[i] = extends;
        }
    }

    public string Name { get; }

    /// <summary>Gets the order of the propagated solution.</summary>
    public int Order { get; }

    /// <summary>Gets the order of the embedded solution that the error estimate compares with.</summary>
    public int EmbeddedOrder { get; }

    /// <summary>Gets the order of the continuous extension.</summary>
    public int DenseOrder { get; }

    /// <summary>Gets the number of stages s.</summary>
    public int Stages { get; }

    /// <summary>Gets the diagonal coefficient γ = γ_ii.</summary>
    public double Gamma { get; }

    /// <summary>Gets the rows of (a_ij) = (α_ij)Γ⁻¹, strictly lower triangular (row i has i entries).</summary>
    public double[][] A { get; }

    /// <summary>Gets the rows of (c_ij) = diag(1/γ) − Γ⁻¹, strictly lower triangular (row i has i entries).</summary>
    public double[][] C { get; }

    /// <summary>Gets the nodes α_i = Σ_j α_ij (stage i is evaluated at t + α_i h).</summary>
    public double[] Nodes { get; }

    /// <summary>Gets γ_i = Σ_j γ_ij, the weights of h·f_t in the stages.</summary>
    public double[] GammaSums { get; }

    /// <summary>Gets the solution weights m = bΓ⁻¹.</summary>
    public double[] M { get; }

    /// <summary>Gets the error weights e = (b − b̂)Γ⁻¹.</summary>
    public double[] E { get; }

    /// <summary>Gets the dense-output weights: row p−1 holds the coefficients of θ^p for each stage variable u_j.</summary>
    public double[,] Dense { get; }

    public int DenseDegree { get; }

    /// <summary>Gets a value indicating whether y₁ = (argument of the last stage) + u_s and the error estimate is u_s (the RODAS structure).</summary>
    public bool IsStifflyAccurate { get; }

    /// <summary>Gets, per stage, whether its argument is the previous stage's argument plus u_{i−1} (a_ij = a_{i−1,j}, a_{i,i−1} = 1), so it costs one vector addition.</summary>
    public bool[] ExtendsPreviousArgument { get; }

    /// <summary>Gets a value indicating whether the last stage is evaluated at (t + h, y₁), so that its f is the next step's f(t, y).</summary>
    public bool IsFirstSameAsLast { get; }

    /// <summary>Creates a tableau from the transformed coefficients as RODAS-type codes publish them.</summary>
    /// <remarks>
    /// The method is stiffly accurate: y₁ = y + Σ_{j&lt;s} a_sj u_j + u_s and the embedded solution is
    /// the argument of the last stage, so the error estimate is u_s. The continuous extension is
    /// y(θ) = (1 − θ) y₀ + θ (y₁ + (1 − θ)(K₁ + θ K₂ + θ² K₃ + …)) with K_r = Σ_i H_ri u_i (Hairer's
    /// RODAS, OrdinaryDiffEq.jl's <c>H</c> matrix); here it is expanded into powers of θ.
    /// </remarks>
    public static RosenbrockTableau FromStifflyAccurate(
        string name, int order, int embeddedOrder, int denseOrder, double gamma, double[][] a, double[][] c,
        double[] nodes, double[] gammaSums, double[,] h)
    {
        int s = a.Length;
        var m = new double[s];
        var mHat = new double[s];
        a[s - 1].CopyTo(m, 0);
        a[s - 1].CopyTo(mHat, 0);
        m[s - 1] = 1.0;

        // θΔ + θ(1−θ)K₁ + θ²(1−θ)K₂ + … : θ¹: Δ + K₁; θ^p: K_p − K_{p−1}; θ^{r+1}: −K_r.
        int r = h.GetLength(0);
        var dense = new double[r + 1, s];
        for (int i = 0; i < s; i++)
        {
            dense[0, i] = m[i] + h[0, i];
            for (int p = 1; p < r; p++)
            {
                dense[p, i] = h[p, i] - h[p - 1, i];
            }

            dense[r, i] = -h[r - 1, i];
        }

        return new RosenbrockTableau(name, order, embeddedOrder, denseOrder, gamma, a, c, nodes, gammaSums, m, mHat, dense, isFirstSameAsLast: false);
    }

    /// <summary>Creates a tableau from the standard coefficients α_ij, γ_ij, b, b̂ and a continuous extension b_i(θ) = Σ_p B_pi θ^(p+1).</summary>
    /// <param name="name">The method's name.</param>
    /// <param name="order">The order of b.</param>
    /// <param name="embeddedOrder">The order of b̂.</param>
    /// <param name="denseOrder">The order of the continuous extension.</param>
    /// <param name="alpha">Rows of α (row i has i entries).</param>
    /// <param name="gamma">Rows of Γ including the diagonal (row i has i + 1 entries, all diagonal entries equal).</param>
    /// <param name="b">Weights of the propagated solution.</param>
    /// <param name="bHat">Weights of the embedded solution.</param>
    /// <param name="denseWeights">Row p−1: coefficients of θ^p in b_i(θ).</param>
    public static RosenbrockTableau FromStandard(
        string name, int order, int embeddedOrder, int denseOrder, double[][] alpha, double[][] gamma, double[] b, double[] bHat, double[,] denseWeights)
    {
        int s = b.Length;
        double diagonal = gamma[0][0];
        var inverse = InvertLowerTriangular(gamma);
        var a = new double[s][];
        var c = new double[s][];
        var nodes = new double[s];
        var gammaSums = new double[s];
        for (int i = 0; i < s; i++)
        {
            if (gamma[i][i] != diagonal)
            {
                throw new ArgumentException($"Tableau {name}: every diagonal entry of Γ must equal γ = {diagonal}.", nameof(gamma));
            }

            a[i] = new double[i];
            c[i] = new double[i];
            for (int j = 0; j < i; j++)
            {
                nodes[i] += alpha[i][j];
                double sum = 0;
                for (int k = j; k < i; k++)
                {
                    sum += alpha[i][k] * inverse[k, j];
                }

                a[i][j] = sum;
                c[i][j] = -inverse[i, j];
            }

            for (int j = 0; j <= i; j++)
            {
                gammaSums[i] += gamma[i][j];
            }
        }

        var m = RowTimes(b, inverse);
        var mHat = RowTimes(bHat, inverse);
        int degree = denseWeights.GetLength(0);
        var dense = new double[degree, s];
        for (int p = 0; p < degree; p++)
        {
            var row = new double[s];
            for (int i = 0; i < s; i++)
            {
                row[i] = denseWeights[p, i];
            }

            var transformed = RowTimes(row, inverse);
            for (int i = 0; i < s; i++)
            {
                dense[p, i] = transformed[i];
            }
        }

        // The last stage is f(t + h, y₁) when its argument row equals b: its value starts the next step.
        bool fsal = nodes[s - 1] == 1.0 && b[s - 1] == 0.0;
        for (int j = 0; fsal && j < s - 1; j++)
        {
            fsal = alpha[s - 1][j] == b[j];
        }

        if (fsal)
        {
            // Make the last stage's argument bit-identical to y₁.
            Array.Copy(m, a[s - 1], s - 1);
        }

        return new RosenbrockTableau(name, order, embeddedOrder, denseOrder, diagonal, a, c, nodes, gammaSums, m, mHat, dense, fsal);
    }

    private static double[,] InvertLowerTriangular(double[][] lower)
    {
        int s = lower.Length;
        var inverse = new double[s, s];
        for (int j = 0; j < s; j++)
        {
            inverse[j, j] = 1.0 / lower[j][j];
            for (int i = j + 1; i < s; i++)
            {
                double sum = 0;
                for (int k = j; k < i; k++)
                {
                    sum += lower[i][k] * inverse[k, j];
                }

                inverse[i, j] = -sum / lower[i][i];
            }
        }

        return inverse;
    }

    private static double[] RowTimes(double[] row, double[,] matrix)
    {
        int s = row.Length;
        var result = new double[s];
        for (int j = 0; j < s; j++)
        {
            double sum = 0;
            for (int k = 0; k < s; k++)
            {
                sum += row[k] * matrix[k, j];
            }

            result[j] = sum;
        }

        return result;
    }

    private bool CheckStifflyAccurate()
    {
        int s = Stages;
        if (M[s - 1] != 1.0 || E[s - 1] != 1.0)
        {
            return false;
        }

        for (int j = 0; j < s - 1; j++)
        {
            if (M[j] != A[s - 1][j] || E[j] != 0.0)
            {
                return false;
            }
        }

        return true;
    }
}
