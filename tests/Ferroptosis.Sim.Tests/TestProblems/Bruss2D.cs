using Ferroptosis.Sim.Ode;

namespace Ferroptosis.Sim.Tests.TestProblems;

/// <summary>The 2-D Brusselator with diffusion and periodic boundary conditions on an N×N grid (n = 2N²), with its analytic sparse Jacobian.</summary>
/// <remarks>
/// <para>
/// Hairer and Wanner, Solving Ordinary Differential Equations II, 2nd ed., Springer 1996, §IV.10 ("BRUSS-2D"):
/// u_t = 1 + u²v − 4.4u + α(u_xx + u_yy) + f(x, y, t), v_t = 3.4u − u²v + α(v_xx + v_yy), α = 0.1, t ∈ [0, 11.5],
/// f = 5 on the disc (x − 0.3)² + (y − 0.6)² ≤ 0.1² for t ≥ 1.1; u(x, y, 0) = 22·y(1 − y)^{3/2},
/// v(x, y, 0) = 27·x(1 − x)^{3/2}; grid x_i = i/N, y_j = j/N, 5-point Laplacian with coefficient αN², periodic.
/// The disc is tested in integers, (10i − 3N)² + (10j − 6N)² ≤ N², so no grid point is decided by rounding.
/// </para>
/// <para>
/// State layout (the stored references' "natural ordering"): y[(j·N + i)·2 + c], c = 0 for u, 1 for v. Each row of
/// the Jacobian has 6 entries: the point's own two, and the four diffusion neighbours of the same species. The
/// periodic wrap in y couples grid rows 0 and N − 1, so in natural ordering the Jacobian is not banded; with
/// <c>folded</c> the grid rows are stored in the order 0, N − 1, 1, N − 2, 2, … (as the CVODE harness does for its
/// band solver), which makes it banded with both bandwidths 4N. <see cref="Reference"/> returns the reference in the
/// instance's own ordering.
/// </para>
/// </remarks>
public sealed class Bruss2D : ISparseOdeSystem
{
    /// <summary>The end of the time interval.</summary>
    public const double EndTime = 11.5;

    private const double Alpha = 0.1;
    private const double SourceOn = 1.1;
    private const double SourceAmplitude = 5.0;
    private readonly int _n;
    private readonly double _diffusion;
    private readonly bool[] _source;
    private readonly int[] _entry;
    private readonly int[] _rowPosition;

    /// <summary>Initialises the problem on an N×N grid.</summary>
    /// <param name="n">The grid points per side (at least 3).</param>
    /// <param name="analyticJacobian">False to hide the analytic sparse Jacobian (solvers then colour finite differences).</param>
    /// <param name="folded">True to store the grid rows in folded order (banded Jacobian), false for natural order.</param>
    public Bruss2D(int n, bool analyticJacobian = true, bool folded = false)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 3);
        _n = n;
        _rowPosition = new int[n];
        for (int q = 0; q < n; q++)
        {
            _rowPosition[folded ? (q % 2 == 0 ? q / 2 : n - 1 - (q / 2)) : q] = q;
        }

        _diffusion = Alpha * n * n;
        HasSparseJacobian = analyticJacobian;
        _source = new bool[n * n];
        var entries = new List<(int, int)>();
        for (int j = 0; j < n; j++)
        {
            for (int i = 0; i < n; i++)
            {
                long a = (10L * i) - (3L * n);
                long b = (10L * j) - (6L * n);
                _source[(j * n) + i] = (a * a) + (b * b) <= (long)n * n;
                for (int c = 0; c < 2; c++)
                {
                    int row = Index(i, j, c);
                    entries.Add((row, Index(i, j, 0)));
                    entries.Add((row, Index(i, j, 1)));
                    entries.Add((row, Index((i + n - 1) % n, j, c)));
                    entries.Add((row, Index((i + 1) % n, j, c)));
                    entries.Add((row, Index(i, (j + n - 1) % n, c)));
                    entries.Add((row, Index(i, (j + 1) % n, c)));
                }
            }
        }

        JacobianPattern = SparsityPattern.FromEntries(2 * n * n, entries);

        // Positions of each row's entries in the CSR values: own u, own v, left, right, below, above.
        _entry = new int[2 * n * n * 6];
        for (int j = 0; j < n; j++)
        {
            for (int i = 0; i < n; i++)
            {
                for (int c = 0; c < 2; c++)
                {
                    int row = Index(i, j, c);
                    int[] columns = [Index(i, j, 0), Index(i, j, 1), Index((i + n - 1) % n, j, c), Index((i + 1) % n, j, c), Index(i, (j + n - 1) % n, c), Index(i, (j + 1) % n, c)];
                    for (int k = 0; k < 6; k++)
                    {
                        _entry[(row * 6) + k] = JacobianPattern.IndexOf(row, columns[k]);
                    }
                }
            }
        }
    }

    /// <summary>Gets the grid points per side.</summary>
    public int GridSize => _n;

    /// <inheritdoc/>
    public int Dimension => 2 * _n * _n;

    /// <inheritdoc/>
    public bool IsAutonomous => false;

    /// <inheritdoc/>
    public SparsityPattern JacobianPattern { get; }

    /// <inheritdoc/>
    public bool HasSparseJacobian { get; }

    /// <summary>Creates the initial value problem on [0, 11.5].</summary>
    public OdeProblem ToProblem() => new(this, 0.0, EndTime, InitialState());

    /// <summary>Returns u and v at t = 0.</summary>
    public double[] InitialState()
    {
        var y = new double[Dimension];
        for (int j = 0; j < _n; j++)
        {
            for (int i = 0; i < _n; i++)
            {
                double x = (double)i / _n;
                double yy = (double)j / _n;
                y[Index(i, j, 0)] = 22.0 * yy * Math.Pow(1.0 - yy, 1.5);
                y[Index(i, j, 1)] = 27.0 * x * Math.Pow(1.0 - x, 1.5);
            }
        }

        return y;
    }

    /// <inheritdoc/>
    public void Evaluate(double t, ReadOnlySpan<double> y, Span<double> dydt)
    {
        int n = _n;
        double a = _diffusion;
        double source = t >= SourceOn ? SourceAmplitude : 0.0;
        for (int j = 0; j < n; j++)
        {
            int row = 2 * n * _rowPosition[j];
            int below = 2 * n * _rowPosition[(j + n - 1) % n];
            int above = 2 * n * _rowPosition[(j + 1) % n];
            for (int i = 0; i < n; i++)
            {
                int left = row + (2 * ((i + n - 1) % n));
                int right = row + (2 * ((i + 1) % n));
                int p = row + (2 * i);
                double u = y[p];
                double v = y[p + 1];
                double uuv = u * u * v;
                dydt[p] = 1.0 + uuv - (4.4 * u)
                    + (a * (y[left] + y[right] + y[below + (2 * i)] + y[above + (2 * i)] - (4.0 * u)))
                    + (_source[(j * n) + i] ? source : 0.0);
                dydt[p + 1] = (3.4 * u) - uuv
                    + (a * (y[left + 1] + y[right + 1] + y[below + (2 * i) + 1] + y[above + (2 * i) + 1] - (4.0 * v)));
            }
        }
    }

    /// <inheritdoc/>
    public void EvaluateSparseJacobian(double t, ReadOnlySpan<double> y, Span<double> values)
    {
        if (!HasSparseJacobian)
        {
            throw new NotSupportedException("The analytic Jacobian is hidden in this instance.");
        }

        double a = _diffusion;
        for (int g = 0; g < _n * _n; g++)
        {
            double u = y[2 * g];
            double v = y[(2 * g) + 1];
            int rowU = 2 * g * 6;
            int rowV = rowU + 6;
            values[_entry[rowU]] = (2.0 * u * v) - 4.4 - (4.0 * a);
            values[_entry[rowU + 1]] = u * u;
            values[_entry[rowV]] = 3.4 - (2.0 * u * v);
            values[_entry[rowV + 1]] = (-u * u) - (4.0 * a);
            for (int k = 2; k < 6; k++)
            {
                values[_entry[rowU + k]] = a;
                values[_entry[rowV + k]] = a;
            }
        }
    }

    /// <summary>Gets a value indicating whether <c>tests/data/cvode-sparse</c> holds a reference for this N (16, 32 and 64 are stored).</summary>
    public bool HasReference => CvodeSparseData.Exists(ReferenceName);

    /// <summary>Reads the stored reference state at t = 11.5 (CVODE, rtol 1e-12) from <c>tests/data/cvode-sparse</c>.</summary>
    public double[] Reference()
    {
        // The file is in natural ordering: grid row j starts at 2N·j.
        var natural = CvodeSparseData.Read(ReferenceName, Dimension);
        var reference = new double[Dimension];
        for (int j = 0; j < _n; j++)
        {
            Array.Copy(natural, 2 * _n * j, reference, 2 * _n * _rowPosition[j], 2 * _n);
        }

        return reference;
    }

    /// <summary>The mixed significant correct digits −log10 max |y − ref| / (1e-3 + |ref|) of the CVODE harness.</summary>
    public static double Scd(ReadOnlySpan<double> y, ReadOnlySpan<double> reference)
    {
        double worst = 0;
        for (int k = 0; k < reference.Length; k++)
        {
            double e = Math.Abs(y[k] - reference[k]) / (1e-3 + Math.Abs(reference[k]));
            worst = double.IsNaN(e) ? double.PositiveInfinity : Math.Max(worst, e);
        }

        return worst == 0 ? 99 : -Math.Log10(worst);
    }

    private string ReferenceName => $"BRUSS2D_N{_n}.f64.gz";

    private int Index(int i, int j, int c) => (2 * ((_rowPosition[j] * _n) + i)) + c;
}
