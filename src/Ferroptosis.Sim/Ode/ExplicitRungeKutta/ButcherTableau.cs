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
/// evaluated when an interpolant is needed). An extra stage whose row is b and whose node is 1 is f at
/// the new solution (<see cref="NewPointStage"/>); a stepper can reuse it as the next step's first stage.
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
        int denseOrder,
        int extraStages = 0,
        (int First, int Second)? stiffnessPair = null,
        double stabilityBoundary = 0)
    {
        int total = b.Length + extraStages;
        if (a.Length != total || c.Length != total || bHat.Length != b.Length || dense.GetLength(0) != total)
        {
            throw new ArgumentException($"Tableau {name}: A, c and the dense weights need {total} rows (stages plus extra stages), b̂ needs {b.Length} entries.", nameof(a));
        }

        for (int i = 0; i < total; i++)
        {
            if (a[i].Length != i)
            {
                throw new ArgumentException($"Tableau {name}: row {i} of A has {a[i].Length} entries; an explicit method needs exactly {i}.", nameof(a));
            }
        }

        if (stiffnessPair is { } pair && (pair.Second != pair.First + 1 || pair.First < 1 || pair.Second >= b.Length || c[pair.First] != c[pair.Second]))
        {
            throw new ArgumentException($"Tableau {name}: the stiffness pair must be two consecutive main stages with the same node.", nameof(stiffnessPair));
        }

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
        DenseOrder = denseOrder;
        StiffnessPair = stiffnessPair;
        StabilityBoundary = stabilityBoundary;
        IsFirstSameAsLast = IsNewPoint(Stages - 1);
        NewPointStage = -1;
        for (int e = Stages; e < total && NewPointStage < 0; e++)
        {
            NewPointStage = IsNewPoint(e) ? e : -1;
        }

        ARows = new SparseWeights[total];
        for (int i = 0; i < total; i++)
        {
            ARows[i] = SparseWeights.From(a[i]);
        }

        BRow = SparseWeights.From(b);
        ERow = SparseWeights.From(E);
        DenseRows = new SparseWeights[DenseDegree];
        var column = new double[total];
        for (int m = 0; m < DenseDegree; m++)
        {
            for (int j = 0; j < total; j++)
            {
                column[j] = dense[j, m];
            }

            DenseRows[m] = SparseWeights.From(column);
        }
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

    /// <summary>Gets the order of the continuous extension.</summary>
    public int DenseOrder { get; }

    /// <summary>Gets a value indicating whether the last stage is f at the new solution, reused as the next first stage.</summary>
    public bool IsFirstSameAsLast { get; }

    /// <summary>Gets the index of an extra stage that is f at the new solution, or −1.</summary>
    public int NewPointStage { get; }

    /// <summary>Gets two consecutive stages with the same node c whose difference estimates the dominant eigenvalue (Hairer–Wanner II, IV.2), or null.</summary>
    public (int First, int Second)? StiffnessPair { get; }

    /// <summary>Gets the approximate extent of the stability region along the negative real axis (|hλ| beyond which the method is unstable).</summary>
    public double StabilityBoundary { get; }

    /// <summary>Gets the non-zero entries of each row of A (main then extra stages).</summary>
    public SparseWeights[] ARows { get; }

    /// <summary>Gets the non-zero entries of b.</summary>
    public SparseWeights BRow { get; }

    /// <summary>Gets the non-zero entries of e = b − b̂.</summary>
    public SparseWeights ERow { get; }

    /// <summary>Gets, per power θ^(m+1), the non-zero dense-output weights over all stages.</summary>
    public SparseWeights[] DenseRows { get; }

    // Stage i is f at y + h Σ b_j k_j (c_i = 1, row i = b padded with zeros).
    private bool IsNewPoint(int i)
    {
        if (C[i] != 1.0)
        {
            return false;
        }

        var row = A[i];
        for (int j = 0; j < row.Length; j++)
        {
            double expected = j < B.Length ? B[j] : 0;
            if (row[j] != expected)
            {
                return false;
            }
        }

        // The row must cover every weight of b (b_j = 0 for the stages it does not reach).
        for (int j = row.Length; j < B.Length; j++)
        {
            if (B[j] != 0)
            {
                return false;
            }
        }

        return true;
    }
}
