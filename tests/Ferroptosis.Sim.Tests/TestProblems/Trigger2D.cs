using Ferroptosis.Sim.Ode;

namespace Ferroptosis.Sim.Tests.TestProblems;

/// <summary>
/// The bistable (Nagumo, Schlögl) trigger wave of the CVODE sparse harness ("TRIGGER"): u_t = D Δu + k u (1 − u)(u − a)
/// on an N×N cell-centred grid of [0, 32]², no-flux boundaries, seeded in a corner; n = N², with its analytic sparse
/// Jacobian and the measurement of the planar front speed.
/// </summary>
/// <remarks>
/// <para>
/// D = 1, k = 1, a = 0.25, t ∈ [0, 100]; cells x_i = (i + ½)h, h = 32/N; each cell exchanges D/h²·(u_neighbour − u) with
/// its (up to four) grid neighbours, so boundary cells have fewer neighbours (reflecting ghost cells, i.e. no flux).
/// The seed is the travelling-wave profile u₀ = 1 / (1 + exp((r − 4)/w)), w = √(2D/k), bent round the corner (0, 0).
/// State layout: y[j·N + i], x index i fastest. The Jacobian has N² + 4N(N − 1) entries.
/// </para>
/// <para>
/// The planar profile 1 / (1 + exp((x − ct)/w)) is an exact travelling wave of the continuous equation with
/// c = √(Dk/2)(1 − 2a) (Keener and Sneyd, Mathematical Physiology I, 2nd ed., Springer 2009, ch. 6). The corner front
/// is a quarter circle whose radius R obeys dR/dt = c − D/R − β/R² + …; <see cref="FrontSpeed"/> reads R on the bottom
/// edge at t = 40, 60 and 80 and solves the two interval averages for c and β, as the harness does.
/// </para>
/// </remarks>
public sealed class Trigger2D : ISparseOdeSystem
{
    /// <summary>The end of the time interval.</summary>
    public const double EndTime = 100;

    /// <summary>The side of the square domain.</summary>
    public const double Length = 32;

    private const double D = 1;
    private const double K = 1;
    private const double A = 0.25;
    private const double SeedRadius = 4;
    private readonly int _n;
    private readonly double _coupling;
    private readonly int[] _diagonal;

    /// <summary>Initialises the problem on an N×N grid.</summary>
    /// <param name="n">The cells per side (at least 4).</param>
    public Trigger2D(int n)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 4);
        _n = n;
        double h = Length / n;
        _coupling = D / (h * h);
        var entries = new List<(int, int)>();
        for (int j = 0; j < n; j++)
        {
            for (int i = 0; i < n; i++)
            {
                int row = (j * n) + i;
                entries.Add((row, row));
                if (i > 0)
                {
                    entries.Add((row, row - 1));
                }

                if (i < n - 1)
                {
                    entries.Add((row, row + 1));
                }

                if (j > 0)
                {
                    entries.Add((row, row - n));
                }

                if (j < n - 1)
                {
                    entries.Add((row, row + n));
                }
            }
        }

        JacobianPattern = SparsityPattern.FromEntries(n * n, entries);
        _diagonal = [.. Enumerable.Range(0, n * n).Select(r => JacobianPattern.IndexOf(r, r))];
    }

    /// <summary>Gets the analytic speed √(Dk/2)(1 − 2a) of a planar front.</summary>
    public static double AnalyticSpeed => Math.Sqrt(D * K / 2) * (1 - (2 * A));

    /// <summary>Gets the times at which <see cref="FrontSpeed"/> reads the front position.</summary>
    public static IReadOnlyList<double> SpeedTimes { get; } = [40.0, 60.0, 80.0];

    /// <summary>Gets the cells per side.</summary>
    public int GridSize => _n;

    /// <summary>Gets the mesh width h = 32/N.</summary>
    public double Spacing => Length / _n;

    /// <inheritdoc/>
    public int Dimension => _n * _n;

    /// <inheritdoc/>
    public bool IsAutonomous => true;

    /// <inheritdoc/>
    public SparsityPattern JacobianPattern { get; }

    /// <inheritdoc/>
    public bool HasSparseJacobian => true;

    /// <summary>Creates the initial value problem on [0, 100].</summary>
    public OdeProblem ToProblem() => new(this, 0.0, EndTime, InitialState());

    /// <summary>Returns the seeded state at t = 0.</summary>
    public double[] InitialState()
    {
        var y = new double[Dimension];
        double h = Spacing;
        double w = Math.Sqrt(2 * D / K);
        for (int j = 0; j < _n; j++)
        {
            for (int i = 0; i < _n; i++)
            {
                double r = double.Hypot((i + 0.5) * h, (j + 0.5) * h);
                y[(j * _n) + i] = 1.0 / (1.0 + Math.Exp((r - SeedRadius) / w));
            }
        }

        return y;
    }

    /// <inheritdoc/>
    public void Evaluate(double t, ReadOnlySpan<double> y, Span<double> dydt)
    {
        int n = _n;
        double a = _coupling;
        for (int j = 0; j < n; j++)
        {
            for (int i = 0; i < n; i++)
            {
                int p = (j * n) + i;
                double u = y[p];
                double s = 0;
                double neighbours = 0;
                if (i > 0)
                {
                    s += y[p - 1];
                    neighbours++;
                }

                if (i < n - 1)
                {
                    s += y[p + 1];
                    neighbours++;
                }

                if (j > 0)
                {
                    s += y[p - n];
                    neighbours++;
                }

                if (j < n - 1)
                {
                    s += y[p + n];
                    neighbours++;
                }

                dydt[p] = (a * (s - (neighbours * u))) + (K * u * (1.0 - u) * (u - A));
            }
        }
    }

    /// <inheritdoc/>
    public void EvaluateSparseJacobian(double t, ReadOnlySpan<double> y, Span<double> values)
    {
        // Off-diagonal entries are the coupling; the diagonal is −(neighbours)·coupling + the reaction's derivative.
        values.Fill(_coupling);
        int n = _n;
        for (int j = 0; j < n; j++)
        {
            for (int i = 0; i < n; i++)
            {
                int p = (j * n) + i;
                int neighbours = (i > 0 ? 1 : 0) + (i < n - 1 ? 1 : 0) + (j > 0 ? 1 : 0) + (j < n - 1 ? 1 : 0);
                double u = y[p];
                values[_diagonal[p]] = (-neighbours * _coupling) + (K * ((-3.0 * u * u) + (2.0 * (1.0 + A) * u) - A));
            }
        }
    }

    /// <summary>Gets a value indicating whether <c>tests/data/cvode-sparse</c> holds a reference for this N (64 and 128 are stored).</summary>
    public bool HasReference => CvodeSparseData.Exists(ReferenceName);

    /// <summary>Reads the stored reference state at t = 100 (CVODE, rtol 1e-12) from <c>tests/data/cvode-sparse</c>.</summary>
    public double[] Reference() => CvodeSparseData.Read(ReferenceName, Dimension);

    /// <summary>Gets the position of the u = ½ level along the bottom edge (row j = 0), by linear interpolation between cell centres.</summary>
    /// <param name="y">A state.</param>
    /// <returns>The position, or NaN when the row does not cross ½.</returns>
    public double FrontPosition(ReadOnlySpan<double> y)
    {
        double h = Spacing;
        for (int i = _n - 2; i >= 0; i--)
        {
            if (y[i] >= 0.5 && y[i + 1] < 0.5)
            {
                return ((i + 0.5) * h) + (h * (y[i] - 0.5) / (y[i] - y[i + 1]));
            }
        }

        return double.NaN;
    }

    /// <summary>Estimates the planar front speed from the radius of the corner front at three times, corrected for curvature.</summary>
    /// <remarks>
    /// On each interval, (R_{k+1} − R_k)/(t_{k+1} − t_k) + D ln(R_{k+1}/R_k)/(R_{k+1} − R_k) ≈ c − β/(R_k R_{k+1}), the
    /// second term being the time average of D/R; the two intervals give c and β (the harness's <c>trigger_speed</c>).
    /// </remarks>
    /// <param name="radii">R at the three times.</param>
    /// <param name="times">The three times (ascending).</param>
    /// <returns>c, or NaN when the radii do not grow.</returns>
    public static double FrontSpeed(IReadOnlyList<double> radii, IReadOnlyList<double> times)
    {
        ArgumentNullException.ThrowIfNull(radii);
        ArgumentNullException.ThrowIfNull(times);
        Span<double> a = stackalloc double[2];
        Span<double> b = stackalloc double[2];
        for (int k = 0; k < 2; k++)
        {
            if (!(radii[k] > 0 && radii[k + 1] > radii[k]))
            {
                return double.NaN;
            }

            a[k] = ((radii[k + 1] - radii[k]) / (times[k + 1] - times[k])) + (D * Math.Log(radii[k + 1] / radii[k]) / (radii[k + 1] - radii[k]));
            b[k] = 1.0 / (radii[k] * radii[k + 1]);
        }

        return ((a[1] * b[0]) - (a[0] * b[1])) / (b[0] - b[1]);
    }

    private string ReferenceName => $"TRIGGER_N{_n}.f64.gz";
}
