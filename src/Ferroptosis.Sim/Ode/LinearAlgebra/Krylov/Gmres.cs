namespace Ferroptosis.Sim.Ode.LinearAlgebra.Krylov;

/// <summary>Restarted GMRES with modified Gram–Schmidt and Givens rotations, left preconditioned and scaled, on a fixed workspace.</summary>
/// <remarks>
/// <para>
/// Saad and Schultz, SIAM J. Sci. Stat. Comput. 7, 1986; the scaled, left-preconditioned form of CVODE's SPGMR
/// (Brown and Hindmarsh, Appl. Math. Comput. 31, 1989): with D = diag(w) (the error weights) GMRES is applied to
/// D·P⁻¹·A·D⁻¹·z = D·P⁻¹·b, z = D·x, so it minimises the weighted 2-norm of the preconditioned residual, and stops
/// when ‖D·P⁻¹·(b − A·x)‖₂ ≤ δ. The initial guess is x = 0.
/// </para>
/// <para>Every buffer is allocated in the constructor; <see cref="Solve"/> allocates nothing. Single-threaded.</para>
/// </remarks>
internal sealed class Gmres
{
    private readonly int _n;
    private readonly int _maxDimension;
    private readonly int _maxRestarts;
    private readonly double[][] _basis;
    private readonly double[] _hessenberg;
    private readonly double[] _cosines;
    private readonly double[] _sines;
    private readonly double[] _g;
    private readonly double[] _coefficients;
    private readonly double[] _rhs;
    private readonly double[] _work;

    /// <summary>Initialises the workspace for systems of dimension <paramref name="n"/>.</summary>
    /// <param name="n">The dimension.</param>
    /// <param name="maxDimension">The largest Krylov dimension per cycle.</param>
    /// <param name="maxRestarts">The restarts allowed per solve.</param>
    public Gmres(int n, int maxDimension, int maxRestarts)
    {
        _n = n;
        _maxDimension = Math.Max(1, Math.Min(maxDimension, n));
        _maxRestarts = maxRestarts;
        _basis = new double[_maxDimension + 1][];
        for (int k = 0; k <= _maxDimension; k++)
        {
            _basis[k] = new double[n];
        }

        _hessenberg = new double[(_maxDimension + 1) * _maxDimension];
        _cosines = new double[_maxDimension];
        _sines = new double[_maxDimension];
        _g = new double[_maxDimension + 1];
        _coefficients = new double[_maxDimension];
        _rhs = new double[n];
        _work = new double[n];
    }

    /// <summary>Gets the Krylov iterations (products with A) of the last solve.</summary>
    public int Iterations { get; private set; }

    /// <summary>Gets the scaled residual norm ‖D·P⁻¹·(b − A·x)‖₂ reached by the last solve.</summary>
    public double ResidualNorm { get; private set; }

    /// <summary>Solves A·x = b; <paramref name="b"/> is overwritten with x.</summary>
    /// <param name="op">A and its preconditioner.</param>
    /// <param name="b">The right-hand side on entry, the solution (or the best iterate) on return.</param>
    /// <param name="weights">The scaling D (positive).</param>
    /// <param name="tolerance">δ, the bound on the scaled 2-norm of the preconditioned residual.</param>
    /// <returns>How the solve ended; with <see cref="GmresOutcome.Failed"/>, <paramref name="b"/> holds zeros or a meaningless iterate.</returns>
    public GmresOutcome Solve(IKrylovOperator op, Span<double> b, ReadOnlySpan<double> weights, double tolerance)
    {
        int n = _n;
        Iterations = 0;
        b.CopyTo(_rhs);
        var x = b;
        x.Clear();

        // r = D·P⁻¹·b.
        var r = _basis[0].AsSpan();
        _rhs.AsSpan().CopyTo(r);
        op.Precondition(r);
        Scale(r, weights);
        double beta = Norm(r);
        double initial = beta;
        ResidualNorm = beta;
        if (!double.IsFinite(beta))
        {
            return GmresOutcome.Failed;
        }

        if (beta <= tolerance)
        {
            return GmresOutcome.Converged;
        }

        for (int cycle = 0; ; cycle++)
        {
            Multiply(r, 1.0 / beta, r);
            _g.AsSpan().Clear();
            _g[0] = beta;
            int k = 0;
            bool converged = false;
            while (k < _maxDimension)
            {
                // v_{k+1} = D·P⁻¹·A·D⁻¹·v_k, orthogonalised against v_0 … v_k by modified Gram–Schmidt.
                var v = _basis[k].AsSpan();
                var next = _basis[k + 1].AsSpan();
                for (int i = 0; i < n; i++)
                {
                    _work[i] = v[i] / weights[i];
                }

                if (!op.Multiply(_work, next))
                {
                    return GmresOutcome.Failed;
                }

                op.Precondition(next);
                Scale(next, weights);
                Iterations++;
                for (int j = 0; j <= k; j++)
                {
                    var basis = _basis[j].AsSpan();
                    double h = Dot(next, basis);
                    H(j, k) = h;
                    Axpy(-h, basis, next);
                }

                double subdiagonal = Norm(next);
                H(k + 1, k) = subdiagonal;

                // Apply the earlier rotations to the new column, then the one that zeroes the sub-diagonal.
                for (int j = 0; j < k; j++)
                {
                    double upper = H(j, k);
                    double lower = H(j + 1, k);
                    H(j, k) = (_cosines[j] * upper) - (_sines[j] * lower);
                    H(j + 1, k) = (_sines[j] * upper) + (_cosines[j] * lower);
                }

                double diagonal = H(k, k);
                double radius = Math.Sqrt((diagonal * diagonal) + (subdiagonal * subdiagonal));
                if (!double.IsFinite(radius))
                {
                    return GmresOutcome.Failed;
                }

                double c = radius == 0 ? 1.0 : diagonal / radius;
                double s = radius == 0 ? 0.0 : -subdiagonal / radius;
                _cosines[k] = c;
                _sines[k] = s;
                H(k, k) = radius;
                H(k + 1, k) = 0;
                _g[k + 1] = s * _g[k];
                _g[k] = c * _g[k];
                k++;
                ResidualNorm = Math.Abs(_g[k]);
                if (ResidualNorm <= tolerance || subdiagonal == 0)
                {
                    converged = ResidualNorm <= tolerance;
                    break;
                }

                Multiply(next, 1.0 / subdiagonal, next);
            }

            // x += D⁻¹·V·y, y from the k×k upper triangle.
            for (int i = k - 1; i >= 0; i--)
            {
                double sum = _g[i];
                for (int j = i + 1; j < k; j++)
                {
                    sum -= H(i, j) * _coefficients[j];
                }

                _coefficients[i] = H(i, i) == 0 ? 0.0 : sum / H(i, i);
            }

            for (int j = 0; j < k; j++)
            {
                var basis = _basis[j].AsSpan();
                double coefficient = _coefficients[j];
                for (int i = 0; i < n; i++)
                {
                    x[i] += coefficient * basis[i] / weights[i];
                }
            }

            if (converged)
            {
                return GmresOutcome.Converged;
            }

            if (cycle >= _maxRestarts || ResidualNorm >= beta)
            {
                return ResidualNorm < initial ? GmresOutcome.ResidualReduced : GmresOutcome.Failed;
            }

            // Restart from the true residual r = D·P⁻¹·(b − A·x).
            if (!op.Multiply(x, r))
            {
                return GmresOutcome.Failed;
            }

            for (int i = 0; i < n; i++)
            {
                r[i] = _rhs[i] - r[i];
            }

            op.Precondition(r);
            Scale(r, weights);
            beta = Norm(r);
            ResidualNorm = beta;
            if (!double.IsFinite(beta))
            {
                return GmresOutcome.Failed;
            }

            if (beta <= tolerance)
            {
                return GmresOutcome.Converged;
            }
        }
    }

    private ref double H(int row, int column) => ref _hessenberg[(row * _maxDimension) + column];

    private static void Scale(Span<double> v, ReadOnlySpan<double> weights)
    {
        for (int i = 0; i < v.Length; i++)
        {
            v[i] *= weights[i];
        }
    }

    private static void Multiply(ReadOnlySpan<double> v, double factor, Span<double> result)
    {
        for (int i = 0; i < v.Length; i++)
        {
            result[i] = factor * v[i];
        }
    }

    private static void Axpy(double a, ReadOnlySpan<double> x, Span<double> y)
    {
        for (int i = 0; i < y.Length; i++)
        {
            y[i] += a * x[i];
        }
    }

    private static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        double sum = 0;
        for (int i = 0; i < a.Length; i++)
        {
            sum += a[i] * b[i];
        }

        return sum;
    }

    private static double Norm(ReadOnlySpan<double> v) => Math.Sqrt(Dot(v, v));
}
