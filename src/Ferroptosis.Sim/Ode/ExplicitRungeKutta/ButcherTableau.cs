namespace Ferroptosis.Sim.Ode.ExplicitRungeKutta;

/// <summary>The coefficients of an embedded explicit Runge–Kutta pair with a continuous extension.</summary>
/// <remarks>
/// <para>
/// Stages k_i = f(t + c_i h, y + h Σ_{j&lt;i} a_ij k_j), i = 0 … s−1; solution y + h Σ b_i k_i; local
/// error estimate h Σ e_i k_i with e = b − b̂. When <see cref="IsFirstSameAsLast"/> holds, the last
/// stage is evaluated at the new solution (its row of A equals b and c = 1) and is reused as the first
/// stage of the next step.
/// </para>
/// <para>
/// Dense output: y(t + θh) = y + h Σ_i (Σ_{m=1}^{d} B_im θ^m) k_i, where i runs over the s stages and
/// the <see cref="ExtraStages"/> extra stages (their rows of A follow the main ones; they are only
/// evaluated when an interpolant is needed).
/// </para>
/// <para>Immutable and shareable across threads.</para>
/// </remarks>
internal sealed class ButcherTableau
{
    public ButcherTableau(
        string name,
        int order,
        int embeddedOrder,
        double[][] a,
        double[] b,
        double[] bHat,
        double[] c,
        double[,] dense,
        int extraStages = 0,
        (int First, int Second)? stiffnessPair = null,
        double stabilityBoundary = 0)
    {
        Name = name;
        Order = order;
        EmbeddedOrder = embeddedOrder;
        Stages = b.Length;
        ExtraStages = extraStages;
        A = a;
        B = b;
        BHat = bHat;
        C = c;
        E = new double[b.Length];
        for (int i = 0; i < b.Length; i++)
        {
            E[i] = b[i] - bHat[i];
        }

        Dense = dense;
        DenseDegree = dense.GetLength(1);
        StiffnessPair = stiffnessPair;
        StabilityBoundary = stabilityBoundary;

        int last = Stages - 1;
        bool fsal = C[last] == 1.0 && B[last] == 0.0 && A[last].Length == last;
        for (int j = 0; fsal && j < last; j++)
        {
            fsal = A[last][j] == B[j];
        }

        IsFirstSameAsLast = fsal;
    }

    public string Name { get; }

    /// <summary>Gets the order of the propagated solution.</summary>
    public int Order { get; }

    /// <summary>Gets the order of the embedded solution used for the error estimate.</summary>
    public int EmbeddedOrder { get; }

    /// <summary>Gets the number of main stages s.</summary>
    public int Stages { get; }

    /// <summary>Gets the number of stages evaluated only for dense output.</summary>
    public int ExtraStages { get; }

    /// <summary>Gets the strictly lower triangular rows of A (row i has i entries), main stages then extra stages.</summary>
    public double[][] A { get; }

    public double[] B { get; }

    public double[] BHat { get; }

    /// <summary>Gets the error weights b − b̂.</summary>
    public double[] E { get; }

    /// <summary>Gets the nodes c, main stages then extra stages.</summary>
    public double[] C { get; }

    /// <summary>Gets the dense-output weights B_im: row i = stage (main then extra), column m−1 = power θ^m.</summary>
    public double[,] Dense { get; }

    public int DenseDegree { get; }

    /// <summary>Gets a value indicating whether the last stage is f at the new solution, reused as the next first stage.</summary>
    public bool IsFirstSameAsLast { get; }

    /// <summary>Gets two stages with the same node c whose difference estimates the dominant eigenvalue (Hairer–Wanner II, IV.2), or null.</summary>
    public (int First, int Second)? StiffnessPair { get; }

    /// <summary>Gets the approximate extent of the stability region along the negative real axis (|hλ| beyond which the method is unstable).</summary>
    public double StabilityBoundary { get; }
}
