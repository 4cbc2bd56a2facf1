using Ferroptosis.Sim.Ode.Jacobians;
using Ferroptosis.Sim.Ode.LinearAlgebra;
using Ferroptosis.Sim.Ode.LinearAlgebra.Krylov;
using Ferroptosis.Sim.Ode.Rosenbrock;
using Ferroptosis.Sim.Ode.StepControl;
using Ferroptosis.Sim.Ode.Stepping;

namespace Ferroptosis.Sim.Ode.Bdf;

/// <summary>The variable-order (1–5), variable-step backward differentiation formulas with a modified Newton corrector.</summary>
/// <remarks>
/// <para>
/// Formulation: the quasi-constant step-size BDF of Shampine and Reichelt ("The MATLAB ODE Suite",
/// SIAM J. Sci. Comput. 18, 1997, §2.3; MATLAB ode15s with κ = 0, SciPy <c>BDF</c>), the past kept as
/// backward differences (<see cref="BdfHistory"/>). Control: the strategy of CVODE (Hindmarsh et al.,
/// ACM TOMS 31, 2005; CVODE theory guide §2.1), which makes BDF cheap on small stiff systems, with the
/// changes marked "unlike CVODE", which keep small components honest at loose tolerances (CVODE returns
/// success on ROBER at rtol 1e-4 with y1 ≈ −4e7; see the partial files):
/// </para>
/// <list type="bullet">
/// <item>Newton on the corrector with M = I − γJ, γ = h/γ_q. M is factorised again only when γ moved by
/// more than 30 % since the last factorisation, after a failed step, or every 20 steps; J is evaluated at
/// the start, after a convergence failure with a Jacobian from an earlier step, every 50 steps, and
/// (unlike CVODE) after a step whose Newton iteration contracted slowly (ratio &gt; 0.2) with an old J.
/// With a stale γ the correction is scaled by 2/(1 + γ/γ_LU).</item>
/// <item>Convergence when ‖δ‖·min(1, ρ) ≤ 0.03, ρ the contraction rate kept across steps (CRDOWN 0.3):
/// the Newton error is 3 % of the local tolerance (unlike CVODE, which bounds it by a tenth of the error
/// estimate, i.e. 0.1·(q + 1) = 20–60 % of the tolerance; with a stale J that noise enters the history
/// and is one of the ways ROBER's y1 turns negative).</item>
/// <item>Local error E = ‖∇^{q+1}y‖/(q + 1) ≤ 1; step ratios η = 1/((b·E)^{1/(k+1)} + 10⁻⁶) with biases 6,
/// 6, 10 for orders q − 1, q, q + 1; order changes after q + 1 steps at one order; a step change only when
/// η ≥ 1.5, at most ×10 at order 1 and (unlike CVODE) ×2 at higher orders; (unlike CVODE) an order change
/// at the same h when η_q &lt; 1 and another order does better; rejections shrink by at least 0.9 (0.2
/// after two, order reduced after three).</item>
/// <item>Unlike CVODE, a step that flips the sign of a component by more than a tenth of its tolerance
/// while its local error exceeds a quarter of the new value is retried with a smaller step (at most four
/// times).</item>
/// </list>
/// <para>
/// Dense output is the interpolating polynomial of the step's order through the last q + 1 values.
/// Single-threaded; every buffer is allocated in the constructor.
/// </para>
/// <para>
/// A system with a mass matrix (<see cref="IMassMatrixSystem"/>, index 1) is solved with the Newton matrix M − γJ and
/// the residual γf − M·(ψ + d); at the start and after every event the state is made consistent as the Rosenbrock
/// solvers do it (<see cref="ConsistentInitializer"/>) and the history starts from the consistent y′.
/// </para>
/// </remarks>
internal sealed partial class BdfStepper : Stepper
{
    private readonly int _maxOrder;
    private readonly BdfHistory _history;
    private readonly JacobianEvaluator _jacobianEvaluator;
    private readonly LinearSolver _linear;
    private readonly KrylovLinearSolver? _krylov;
    private readonly double[] _weights;
    private readonly double[] _prediction;
    private readonly double[] _psi;
    private readonly double[] _f;
    private readonly double[] _correction;
    private readonly double[] _delta;
    private double[] _candidate;
    private readonly double[]? _mass;
    private readonly double[] _massWork;
    private readonly ConsistentInitializer? _initializer;

    private int _order;
    private double _step;
    private int _nextOrder;
    private bool _fixedStep;

    public BdfStepper(IOdeSystem system, OdeSolverOptions options, WorkCounters counters, int maxOrder)
        : base(system, options, counters, BdfHistory.MaxOrder)
    {
        _maxOrder = maxOrder;
        _history = new BdfHistory(N);
        _jacobianEvaluator = new JacobianEvaluator(system, counters, AbsTol, RelTol);
        _mass = ConsistentInitializer.ReadMassMatrix(system, options);
        _linear = LinearSolverFactory.Create(system, _mass is null ? options.LinearSolver : LinearSolverChoice.Dense, counters, _jacobianEvaluator, AbsTol, RelTol, manySolvesPerFactor: false);
        _krylov = _linear as KrylovLinearSolver;
        if (_mass is not null)
        {
            // M·y′ = f: the Newton matrix is M − γJ and the corrector residual γf − M·(ψ + d) (Hairer–Wanner II, VI.2).
            ((DenseLinearSolver)_linear).MassMatrix = _mass;
            _initializer = new ConsistentInitializer(system, _mass, _jacobianEvaluator, counters, AbsTol, RelTol);
        }

        _massWork = _mass is null ? [] : new double[N];
        _weights = new double[N];
        _prediction = new double[N];
        _psi = new double[N];
        _f = new double[N];
        _correction = new double[N];
        _delta = new double[N];
        _candidate = new double[N];
    }

    /// <summary>Gets the order of the last accepted step (1 before the first step).</summary>
    public int Order => _order;

    protected override void OnRestart()
    {
        // A differential–algebraic system: read M again (it may change at events), make the state consistent, and
        // start the history from y′ rather than f.
        if (_initializer is not null && (_initializer.Reload(T, out _) ?? _initializer.Solve(T, Y)) is { } failure)
        {
            Fail(SolverStatus.ConvergenceFailure, failure);
            NextStep = double.NaN;
            return;
        }

        Evaluate(T, Y, _f);
        if (!AllFinite(_f))
        {
            FailNonFinite(T, _f, "The right-hand side");
            NextStep = double.NaN;
            return;
        }

        if (_initializer?.Derivative(T, Y, _f) is { } singular)
        {
            Fail(SolverStatus.ConvergenceFailure, singular);
            NextStep = double.NaN;
            return;
        }

        double h = UserInitialStep ?? InitialStep.Estimate(
            System, T, Y, _f, 1, MaxStep, AbsTol, RelTol, _prediction, _psi, ref Counters.Rhs);
        h = Math.Min(h, MaxStep);
        _history.Start(Y, _f, h);
        _order = 1;
        _nextOrder = 1;
        _step = h;
        NextStep = h;
        _fixedStep = false;
        ResetControl();
        ResetLinearAlgebra();
    }

    /// <summary>
    /// Test hook: restarts at order q = <paramref name="past"/>.Count − 1 from exact values
    /// y(t − j·h), j = 0 … q, and from then on never changes h or q nor rejects a step, so that the
    /// convergence order of the formulas themselves can be measured.
    /// </summary>
    internal void StartFixedStep(double t, double h, IReadOnlyList<double[]> past)
    {
        Restart(t, past[0]);
        _history.StartFromValues(past);
        _order = past.Count - 1;
        _nextOrder = _order;
        _step = h;
        NextStep = h;
        _fixedStep = true;
    }

    protected override bool AdvanceCore(double tLimit)
    {
        if (FailureStatus != SolverStatus.InProgress)
        {
            return false;
        }

        // The order and step chosen after the last step are applied only now, so that BuildDense could
        // still read the history of the last step in its own spacing.
        if (_nextOrder != _order || NextStep != _step)
        {
            ChangeStep(_nextOrder, NextStep);
        }

        ComputeWeights();
        BeginStep();
        int errorFailures = 0;
        int convergenceFailures = 0;
        int signRetries = 0;
        bool forceSetup = false;
        while (true)
        {
            // ClampStep returns (T + h) − T; a change at the rounding level of h (t near 0) is not worth rescaling the history for.
            double h = ClampStep(_step, tLimit, out bool hitsLimit);
            if (Math.Abs(h - _step) > 1e-12 * _step)
            {
                ChangeStep(_order, h);
            }

            if (IsTooSmall(T, h))
            {
                return FailStepTooSmall(h, _correction, _candidate, errorFailures > 0 ? "repeated error-test failures" : "repeated Newton failures");
            }

            double tNew = hitsLimit ? tLimit : T + h;
            _history.Predict(_order, _prediction, _psi);
            var outcome = SolveCorrector(tNew, forceSetup);
            forceSetup = true;
            if (outcome != CorrectorOutcome.Converged)
            {
                Counters.NewtonFailures++;
                if (outcome == CorrectorOutcome.StaleJacobian)
                {
                    // Same step, fresh Jacobian (CVODE's CV_FAIL_BAD_J): the failure may be J's fault, not h's.
                    continue;
                }

                Counters.Rejected++;
                if (outcome == CorrectorOutcome.NonFinite)
                {
                    NoteNonFiniteError();
                }

                if (++convergenceFailures >= MaxConvergenceFailures)
                {
                    return FailConvergence(tNew, h, convergenceFailures, outcome == CorrectorOutcome.NonFinite);
                }

                BlockGrowth();
                ChangeStep(_order, h * ConvergenceFailureShrink);
                continue;
            }

            double error = WeightedNorm(_correction) / (_order + 1);
            if (_fixedStep)
            {
                AcceptStep(tNew, error);
                return true;
            }

            if (error <= 1.0)
            {
                if (signRetries < MaxSignRetries && SignChangeUnresolved(out double eta))
                {
                    signRetries++;
                    Counters.Rejected++;
                    BlockGrowth();
                    ChangeStep(_order, h * eta);
                    continue;
                }

                AcceptStep(tNew, error);
                return true;
            }

            Counters.Rejected++;
            errorFailures++;
            if (!double.IsFinite(error))
            {
                NoteNonFiniteError();
            }

            BlockGrowth();
            ShrinkAfterErrorFailure(error, errorFailures);
        }
    }

    protected override void BuildDense() => _history.WriteDense(_order, Dense);

    private void AcceptStep(double tNew, double error)
    {
        _history.Advance(_order, _correction);
        _history[0].AsSpan().CopyTo(_candidate);
        _candidate = Accept(tNew, _candidate);
        EndStep();
        if (!_fixedStep)
        {
            SelectNextStep(error);
        }
    }

    private void ComputeWeights()
    {
        var y = Y;
        for (int i = 0; i < N; i++)
        {
            _weights[i] = 1.0 / Math.Max(AbsTol[i] + (RelTol * Math.Abs(y[i])), ErrorNorm.ScaleFloor);
        }
    }

    /// <summary>The weighted RMS norm with the weights of the step's start (CVODE's ewt, fixed within a step).</summary>
    private double WeightedNorm(ReadOnlySpan<double> v)
    {
        double sum = 0;
        for (int i = 0; i < v.Length; i++)
        {
            double r = v[i] * _weights[i];
            sum += r * r;
        }

        return Math.Sqrt(sum / v.Length);
    }

    private static bool AllFinite(ReadOnlySpan<double> values)
    {
        foreach (double v in values)
        {
            if (!double.IsFinite(v))
            {
                return false;
            }
        }

        return true;
    }
}
