namespace Ferroptosis.Sim.Ode.Bdf;

/// <summary>The backward differences D_j = ∇^j y_n on an equally spaced grid of step h, which carry a BDF method's past.</summary>
/// <remarks>
/// <para>
/// The quasi-constant step-size form of Shampine and Reichelt ("The MATLAB ODE Suite", SIAM J. Sci.
/// Comput. 18, 1997, §2.3; the representation of ode15s and SciPy's BDF): the method always works on
/// a fictitious equally spaced history, stored as backward differences (on an equal grid the modified
/// divided differences of Byrne and Hindmarsh reduce to these). The interpolating polynomial of the last q + 1 values is
/// P(t_n + x·h) = Σ_j D_j·B_j(x), with B_j(x) = x(x+1)…(x+j−1)/j! (Newton's backward formula).
/// </para>
/// <para>
/// A change of step size to ρ·h evaluates the same polynomial on the new grid: the new differences are
/// ∇̃^k = Σ_i (−1)^i C(k,i) P(t_n − iρh) = Σ_j M_kj(ρ) D_j, an O(q²·n) update (the change of step of
/// Shampine–Reichelt §2.3, written here directly from the definition of ∇^k).
/// </para>
/// <para>
/// Rows 0 … q are the history of the method of order q; row q + 1 is the last correction
/// ∇^{q+1}y_n and row q + 2 the difference of the last two corrections ∇^{q+2}y_n, which estimate the
/// local errors of orders q and q + 1. Single-threaded; all storage is allocated in the constructor.
/// </para>
/// </remarks>
internal sealed class BdfHistory
{
    /// <summary>The highest order supported (BDF6 is A(α)-stable only for α ≈ 18°, BDF7 is not zero-stable).</summary>
    public const int MaxOrder = 5;

    /// <summary>γ_k = Σ_{j=1}^{k} 1/j; the BDF formula of order q is Σ_{j=1}^{q} (1/j)·∇^j y_{n+1} = h·f(t_{n+1}, y_{n+1}).</summary>
    public static readonly double[] Gamma = [0.0, 1.0, 1.5, 11.0 / 6.0, 25.0 / 12.0, 137.0 / 60.0];

    // Monomial coefficients of B_j(θ − 1) = Π_{m=0}^{j−1} (θ − 1 + m)/(m + 1): the interpolant over the
    // last step [t_n − h, t_n] written in θ ∈ [0, 1]. Row j, column k = coefficient of θ^k.
    private static readonly double[,] DenseBasis = BuildDenseBasis();

    private static readonly double[,] Binomial = BuildBinomial();

    private readonly double[][] _d;
    private readonly double[] _change;
    private readonly double[] _basis;
    private readonly double[] _old;
    private readonly int _n;

    public BdfHistory(int n)
    {
        _n = n;
        _d = new double[MaxOrder + 3][];
        for (int j = 0; j < _d.Length; j++)
        {
            _d[j] = new double[n];
        }

        _change = new double[(MaxOrder + 1) * (MaxOrder + 1)];
        _basis = new double[(MaxOrder + 1) * (MaxOrder + 1)];
        _old = new double[MaxOrder + 1];
    }

    /// <summary>Gets row j of the difference array (D_0 = y_n).</summary>
    public double[] this[int j] => _d[j];

    /// <summary>Starts an order-1 history at (y, f) with step h: D_0 = y, D_1 = h·f, higher rows zero.</summary>
    public void Start(ReadOnlySpan<double> y, ReadOnlySpan<double> f, double h)
    {
        y.CopyTo(_d[0]);
        RestartFirstOrder(f, h);
    }

    /// <summary>Starts an order-q history from values on an equally spaced grid: <paramref name="past"/>[j] = y(t_n − j·h), j = 0 … q.</summary>
    public void StartFromValues(IReadOnlyList<double[]> past)
    {
        int q = past.Count - 1;
        for (int j = 0; j < _d.Length; j++)
        {
            if (j <= q)
            {
                past[j].AsSpan().CopyTo(_d[j]);
            }
            else
            {
                Array.Clear(_d[j]);
            }
        }

        // Difference table in place: after pass k, row j ≥ k holds ∇^k y_{n−j+k}, so row k ends as ∇^k y_n.
        for (int k = 1; k <= q; k++)
        {
            for (int j = q; j >= k; j--)
            {
                var row = _d[j];
                var below = _d[j - 1];
                for (int i = 0; i < _n; i++)
                {
                    row[i] = below[i] - row[i];
                }
            }
        }
    }

    /// <summary>Restarts the order-1 history from D_0 with a new D_1 = h·f (after repeated error-test failures at order 1).</summary>
    public void RestartFirstOrder(ReadOnlySpan<double> f, double h)
    {
        var d1 = _d[1];
        for (int i = 0; i < _n; i++)
        {
            d1[i] = h * f[i];
        }

        for (int j = 2; j < _d.Length; j++)
        {
            Array.Clear(_d[j]);
        }
    }

    /// <summary>Writes the predictor y⁽⁰⁾ = Σ_{j=0}^{q} D_j and ψ = (1/γ_q)·Σ_{j=1}^{q} γ_j D_j.</summary>
    /// <remarks>
    /// With d = y_{n+1} − y⁽⁰⁾ = ∇^{q+1}y_{n+1} the BDF formula reads d − c·f(y⁽⁰⁾ + d) + ψ = 0 with
    /// c = h/γ_q (Shampine–Reichelt §2.3, κ = 0): the corrector solved by Newton's method.
    /// </remarks>
    public void Predict(int q, Span<double> prediction, Span<double> psi)
    {
        double inverseGamma = 1.0 / Gamma[q];
        _d[0].AsSpan().CopyTo(prediction);
        psi.Clear();
        for (int j = 1; j <= q; j++)
        {
            var row = _d[j];
            double g = Gamma[j] * inverseGamma;
            for (int i = 0; i < _n; i++)
            {
                prediction[i] += row[i];
                psi[i] += g * row[i];
            }
        }
    }

    /// <summary>Moves the history one step forward after an accepted step of order q whose correction was d.</summary>
    /// <remarks>∇^{q+2}y_{n+1} = d − ∇^{q+1}y_n, ∇^{q+1}y_{n+1} = d, then ∇^j y_{n+1} = ∇^j y_n + ∇^{j+1}y_{n+1} downwards, so D_0 = y_{n+1}.</remarks>
    public void Advance(int q, ReadOnlySpan<double> correction)
    {
        var top = _d[q + 2];
        var next = _d[q + 1];
        for (int i = 0; i < _n; i++)
        {
            double d = correction[i];
            top[i] = d - next[i];
            next[i] = d;
        }

        for (int j = q; j >= 0; j--)
        {
            var row = _d[j];
            var above = _d[j + 1];
            for (int i = 0; i < _n; i++)
            {
                row[i] += above[i];
            }
        }
    }

    /// <summary>Re-expresses the order-q history on a grid of step ρ·h.</summary>
    /// <remarks>
    /// Rows 1 … q are re-evaluated from the degree-q interpolant (the polynomial through the last q + 1
    /// values is unchanged). Row q + 1, the last correction ≈ h^{q+1}·y^{(q+1)}, is only scaled by
    /// ρ^{q+1} so that the next ∇^{q+2} estimate stays comparable (CVODE's cquot factor in its q + 1
    /// order test); extrapolating it as a higher-degree term would amplify its noise by ~ρ^{q+1}.
    /// </remarks>
    /// <param name="order">The order q of the history after the change.</param>
    /// <param name="ratio">ρ = h_new / h_old.</param>
    public void Rescale(int order, double ratio)
    {
        if (ratio == 1.0)
        {
            return;
        }

        double scale = Math.Pow(ratio, order + 1);
        var correction = _d[order + 1];
        for (int i = 0; i < _n; i++)
        {
            correction[i] *= scale;
        }

        int rows = order;
        int size = rows + 1;

        // basis[i, j] = B_j(−iρ), i.e. the polynomial's j-th basis function at the new grid point t_n − iρh.
        for (int i = 0; i <= rows; i++)
        {
            double x = -i * ratio;
            double b = 1.0;
            for (int j = 1; j <= rows; j++)
            {
                b *= (x + j - 1) / j;
                _basis[(i * size) + j] = b;
            }
        }

        // change[k, j] = Σ_i (−1)^i C(k, i) B_j(−iρ): the k-th backward difference of B_j on the new grid.
        for (int k = 1; k <= rows; k++)
        {
            for (int j = 1; j <= rows; j++)
            {
                double sum = 0;
                double sign = 1;
                for (int i = 0; i <= k; i++)
                {
                    sum += sign * Binomial[k, i] * _basis[(i * size) + j];
                    sign = -sign;
                }

                _change[(k * size) + j] = sum;
            }
        }

        var old = _old.AsSpan(0, size);
        for (int c = 0; c < _n; c++)
        {
            for (int j = 1; j <= rows; j++)
            {
                old[j] = _d[j][c];
            }

            for (int k = 1; k <= rows; k++)
            {
                double sum = 0;
                for (int j = 1; j <= rows; j++)
                {
                    sum += _change[(k * size) + j] * old[j];
                }

                _d[k][c] = sum;
            }
        }
    }

    /// <summary>Writes the monomial coefficients in θ of the order-q interpolant over the last step into <paramref name="dense"/> (coefficients above θ^q are zero).</summary>
    public void WriteDense(int q, Span<double> dense)
    {
        dense.Clear();
        for (int k = 0; k <= q; k++)
        {
            var coefficient = dense.Slice(k * _n, _n);
            for (int j = k; j <= q; j++)
            {
                double w = DenseBasis[j, k];
                var row = _d[j];
                for (int i = 0; i < _n; i++)
                {
                    coefficient[i] += w * row[i];
                }
            }
        }
    }

    private static double[,] BuildDenseBasis()
    {
        var basis = new double[MaxOrder + 1, MaxOrder + 1];
        basis[0, 0] = 1.0;
        for (int j = 1; j <= MaxOrder; j++)
        {
            // B_j(θ − 1) = B_{j−1}(θ − 1)·(θ + j − 2)/j.
            double shift = j - 2;
            for (int k = 0; k <= j; k++)
            {
                double fromLower = k > 0 ? basis[j - 1, k - 1] : 0.0;
                double fromSame = k < j ? basis[j - 1, k] * shift : 0.0;
                basis[j, k] = (fromLower + fromSame) / j;
            }
        }

        return basis;
    }

    private static double[,] BuildBinomial()
    {
        var c = new double[MaxOrder + 2, MaxOrder + 2];
        for (int k = 0; k <= MaxOrder + 1; k++)
        {
            c[k, 0] = 1.0;
            for (int i = 1; i <= k; i++)
            {
                c[k, i] = c[k - 1, i - 1] + (i < k ? c[k - 1, i] : 0.0);
            }
        }

        return c;
    }
}
