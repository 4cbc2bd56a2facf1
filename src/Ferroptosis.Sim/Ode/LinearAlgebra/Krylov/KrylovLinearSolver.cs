using Ferroptosis.Sim.Ode.Jacobians;
using Ferroptosis.Sim.Ode.Stepping;

namespace Ferroptosis.Sim.Ode.LinearAlgebra.Krylov;

/// <summary>The Newton–Krylov path of <see cref="LinearSolver"/>: M = α·I − β·J applied without being formed, solved by <see cref="Gmres"/> with an optional preconditioner.</summary>
/// <remarks>
/// <para>
/// J·v is the product with the analytic sparse Jacobian when the system has one (its values from the last
/// <see cref="EvaluateJacobian"/>, like a direct solver's modified Newton matrix), and otherwise the directional
/// difference (f(t, y + σv) − f(t, y))/σ, σ = 1/‖v‖ in the weighted RMS norm, at the current Newton iterate
/// (CVODE's <c>cvLsDQJtimes</c>), one evaluation of f per Krylov iteration. The operator uses the current β (= γ);
/// only the preconditioner keeps the β of its set-up, so no correction of a stale γ is needed.
/// </para>
/// <para>
/// Before each <see cref="LinearSolver.Solve"/> the stepper hands over the iterate, f there, β and the error weights
/// (<see cref="Prepare"/>); the solve's outcome is then in <see cref="LastOutcome"/>. Buffers are allocated here;
/// nothing is allocated per solve. Single-threaded.
/// </para>
/// </remarks>
internal sealed class KrylovLinearSolver : LinearSolver, IKrylovOperator
{
    /// <summary>The linear tolerance as a fraction of the Newton tolerance.</summary>
    /// <remarks>
    /// CVODE's <c>eplifac</c> is 0.05 of its Newton tolerance, 0.1/tq₂ in the weighted norm of the solution, i.e. roughly
    /// 0.005·(q + 1) at order q. The stepper's Newton tolerance is much tighter (0.03 in the same norm), and 0.05 of it
    /// (0.0015) was more than GMRES(5) could reach on BRUSS2D: 1–27 % of its solves failed, each costing a retried
    /// Newton iteration and a fresh Jacobian. 0.15 of it (0.0045) is still below CVODE's linear tolerance at every
    /// order; the Newton test, unchanged, still bounds the error of the iterate.
    /// </remarks>
    public const double LinearToleranceFactor = 0.15;

    private readonly IOdeSystem _system;
    private readonly WorkCounters _counters;
    private readonly CsrJacobian? _jacobian;
    private readonly Preconditioner? _preconditioner;
    private readonly Gmres _gmres;
    private readonly double[] _perturbed;
    private readonly double[] _fPerturbed;
    private readonly double _sqrtN;
    private double _t;
    private double[] _y = [];
    private double[] _fy = [];
    private double[] _weights = [];
    private double _alpha = 1.0;
    private double _beta;

    /// <summary>Initialises the solver.</summary>
    /// <param name="system">The system (for the directional differences).</param>
    /// <param name="counters">The work counters.</param>
    /// <param name="jacobian">The sparse Jacobian, needed by a preconditioner or available analytically; else null.</param>
    /// <param name="preconditioner">The preconditioner, or null for none.</param>
    /// <param name="krylovDimension">The largest Krylov dimension per cycle.</param>
    /// <param name="restarts">The restarts allowed per solve.</param>
    public KrylovLinearSolver(IOdeSystem system, WorkCounters counters, CsrJacobian? jacobian, Preconditioner? preconditioner, int krylovDimension, int restarts)
    {
        _system = system;
        _counters = counters;
        _jacobian = jacobian;
        _preconditioner = preconditioner;
        int n = system.Dimension;
        _gmres = new Gmres(n, krylovDimension, restarts);
        _perturbed = new double[n];
        _fPerturbed = new double[n];
        _sqrtN = Math.Sqrt(n);
    }

    public override string Name => "krylov";

    public override string JacobianDescription => "The Jacobian (CSR values)";

    public override ReadOnlySpan<double> Jacobian => _jacobian is null ? [] : _jacobian.Values;

    /// <summary>Gets a value indicating whether set-ups do any work (a preconditioner is formed).</summary>
    public bool HasPreconditioner => _preconditioner is not null;

    /// <summary>Gets a value indicating whether J·v is the product with the analytic sparse Jacobian (else a directional difference).</summary>
    public bool UsesAnalyticProduct => _jacobian is { IsAnalytic: true };

    /// <summary>Gets how the last solve ended.</summary>
    public GmresOutcome LastOutcome { get; private set; }

    /// <summary>Sets the point of the next solves: the iterate <paramref name="y"/>, <paramref name="fy"/> = f(t, y), M = I − β·J, the error weights and the Newton tolerance (weighted RMS norm).</summary>
    /// <remarks>The arrays are read during the solves, not copied.</remarks>
    public void Prepare(double t, double[] y, double[] fy, double beta, double[] weights, double newtonTolerance)
    {
        _t = t;
        _y = y;
        _fy = fy;
        _alpha = 1.0;
        _beta = beta;
        _weights = weights;
        Tolerance = LinearToleranceFactor * newtonTolerance * _sqrtN;
    }

    private double Tolerance { get; set; }

    public override void EvaluateJacobian(double t, ReadOnlySpan<double> y, ReadOnlySpan<double> f0, double h) =>
        _jacobian?.Evaluate(t, y, f0, h);

    public override double JacobianInfinityNorm() => _jacobian?.InfinityNorm() ?? 0.0;

    public override bool Factor(double alpha, double beta) =>
        _preconditioner is null || _preconditioner.Setup(alpha, beta, _jacobian!);

    public override void Solve(Span<double> b)
    {
        LastOutcome = _gmres.Solve(this, b, _weights, Tolerance);
        _counters.LinearIterations += _gmres.Iterations;
        if (LastOutcome != GmresOutcome.Converged)
        {
            _counters.LinearConvergenceFailures++;
        }
    }

    bool IKrylovOperator.Multiply(ReadOnlySpan<double> v, Span<double> result)
    {
        if (UsesAnalyticProduct)
        {
            var pattern = _jacobian!.Pattern;
            var rowStarts = pattern.RowStarts;
            var columns = pattern.Columns;
            var values = _jacobian.Values;
            for (int i = 0; i < result.Length; i++)
            {
                double sum = 0;
                for (int e = rowStarts[i]; e < rowStarts[i + 1]; e++)
                {
                    sum += values[e] * v[columns[e]];
                }

                result[i] = (_alpha * v[i]) - (_beta * sum);
            }

            return true;
        }

        double norm = 0;
        for (int i = 0; i < v.Length; i++)
        {
            double r = v[i] * _weights[i];
            norm += r * r;
        }

        norm = Math.Sqrt(norm / v.Length);
        if (norm == 0)
        {
            result.Clear();
            return true;
        }

        double sigma = 1.0 / norm;
        for (int i = 0; i < v.Length; i++)
        {
            _perturbed[i] = _y[i] + (sigma * v[i]);
        }

        _system.Evaluate(_t, _perturbed, _fPerturbed);
        _counters.Rhs++;
        double inverse = 1.0 / sigma;
        for (int i = 0; i < result.Length; i++)
        {
            double jv = (_fPerturbed[i] - _fy[i]) * inverse;
            result[i] = (_alpha * v[i]) - (_beta * jv);
            if (!double.IsFinite(result[i]))
            {
                return false;
            }
        }

        return true;
    }

    void IKrylovOperator.Precondition(Span<double> v)
    {
        if (_preconditioner is not null)
        {
            _preconditioner.Solve(v);
            _counters.PreconditionerSolves++;
        }
    }
}
