using System.Globalization;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Ferroptosis.Sim.Ode.Jacobians;
using Ferroptosis.Sim.Ode.LinearAlgebra;
using Ferroptosis.Sim.Ode.StepControl;
using Ferroptosis.Sim.Ode.Stepping;

namespace Ferroptosis.Sim.Ode.Rosenbrock;

/// <summary>One generic adaptive stepper for every Rosenbrock tableau.</summary>
/// <remarks>
/// <para>
/// Follows Hairer's RODAS (Hairer–Wanner II, IV.7–IV.8): the stage variables u_i of
/// <see cref="RosenbrockTableau"/> solve (I/(hγ) − J) u_i = f(g_i) + Σ (c_ij/h) u_j + γ_i h f_t, so
/// each stage costs one f and one back-substitution with the LU factors of W = I/(hγ) − J.
/// </para>
/// <para>
/// The Jacobian (and ∂f/∂t for non-autonomous systems) is evaluated once per step at (t, y): the
/// order of a Rosenbrock method rests on the exact Jacobian. After a rejected step the point is the
/// same, so J, ∂f/∂t and f(t, y) are reused and only W is refactored with the new h. A W that
/// cannot be factored shrinks the step; repeated failure ends the integration with
/// <see cref="SolverStatus.ConvergenceFailure"/>. Non-finite stages make the error norm NaN, which
/// rejects the step and shrinks it by 4.
/// </para>
/// <para>
/// Step sizes come from Gustafsson's predictive controller (<see cref="PredictiveController"/>, as
/// in RODAS) or from the PI controller, with the error norm of Hairer–Nørsett–Wanner I, eq. II.4.11.
/// </para>
/// </remarks>
internal sealed class RosenbrockStepper : Stepper, IStiffnessProbe
{
    private const int MaxFactorizationFailures = 10;

    private readonly RosenbrockTableau _tableau;
    private readonly JacobianEvaluator _jacobianEvaluator;
    private readonly bool _autonomous;
    private readonly bool _predictive;
    private readonly LinearSolver _linear;
    private readonly double[] _u;
    private readonly double[] _stage;
    private readonly double[] _dfdt;
    private readonly double[] _error;
    private readonly double[]? _mass;
    private readonly double[] _massWork;
    private readonly ConsistentInitializer? _initializer;
    private double[] _f0;
    private double[] _fLast;
    private double[] _candidate;
    private PredictiveController _predictiveController;
    private PiController _piController;
    private bool _previousRejected;
    private bool _f0Current;
    private bool _jacobianCurrent;

    public RosenbrockStepper(RosenbrockTableau tableau, IOdeSystem system, OdeSolverOptions options, WorkCounters counters, bool predictiveControl)
        : base(system, options, counters, tableau.DenseDegree)
    {
        _tableau = tableau;
        _jacobianEvaluator = new JacobianEvaluator(system, counters, AbsTol, RelTol);
        _autonomous = system.IsAutonomous;
        _predictive = predictiveControl;
        int n = N;
        _mass = MassMatrixOf(system, tableau, options);
        _linear = LinearSolverFactory.Create(system, _mass is null ? options.LinearSolver : LinearSolverChoice.Dense, counters, _jacobianEvaluator, AbsTol, RelTol, manySolvesPerFactor: true);
        if (_mass is not null)
        {
            ((DenseLinearSolver)_linear).MassMatrix = _mass;
            _initializer = new ConsistentInitializer(system, _mass, _jacobianEvaluator, counters, AbsTol, RelTol);
        }

        _massWork = _mass is null ? [] : new double[n];
        _u = new double[tableau.Stages * n];
        _stage = new double[n];
        _dfdt = new double[n];
        _error = new double[n];
        _f0 = new double[n];
        _fLast = new double[n];
        _candidate = new double[n];
        int estimatorOrder = Math.Min(tableau.Order, tableau.EmbeddedOrder);
        _predictiveController = new PredictiveController(estimatorOrder);
        _piController = new PiController(estimatorOrder, beta: 0.04, maxFactor: 6.0);
    }

    public RosenbrockTableau Tableau => _tableau;

    protected override void OnRestart()
    {
        // The mass matrix may change at events (IMassMatrixSystem): read it again.
        if (_mass is not null && !RefreshMassMatrix())
        {
            _f0Current = false;
            _jacobianCurrent = false;
            NextStep = double.NaN;
            return;
        }

        if (_initializer?.Solve(T, Y) is { } failure)
        {
            _f0Current = false;
            _jacobianCurrent = false;
            Fail(SolverStatus.ConvergenceFailure, failure);
            NextStep = double.NaN;
            return;
        }

        Y.AsSpan().CopyTo(YPrevious);
        Evaluate(T, Y, _f0);
        _jacobianCurrent = false;
        _previousRejected = false;
        _predictiveController.Reset();
        _piController.Reset();
        if (!AllFinite(_f0))
        {
            _f0Current = false;
            FailNonFinite(T, _f0, "The right-hand side");
            NextStep = double.NaN;
            return;
        }

        _f0Current = true;
        NextStep = UserInitialStep ?? InitialStep.Estimate(
            System, T, Y, _f0, _tableau.Order, MaxStep, AbsTol, RelTol, _stage, _error, ref Counters.Rhs);
    }

    /// <inheritdoc/>
    /// <remarks>The ∞-norm (largest absolute row sum) of the last Jacobian bounds every eigenvalue's modulus.</remarks>
    public double SpectralRadiusBound
    {
        get
        {
            if (!_jacobianCurrent && Counters.Jacobians == 0)
            {
                return double.NaN;
            }

            return _linear.JacobianInfinityNorm();
        }
    }

    protected override bool AdvanceCore(double tLimit)
    {
        if (FailureStatus != SolverStatus.InProgress)
        {
            return false;
        }

        double h = NextStep;
        if (!_f0Current)
        {
            Evaluate(T, Y, _f0);
            if (!AllFinite(_f0))
            {
                return FailNonFinite(T, _f0, "The right-hand side");
            }

            _f0Current = true;
        }

        if (!_jacobianCurrent && !UpdateJacobian(h))
        {
            return false;
        }

        int factorizationFailures = 0;
        double err = 0;
        while (true)
        {
            h = ClampStep(h, tLimit, out bool hitsLimit);
            double tNew = hitsLimit ? tLimit : T + h;
            if (IsTooSmall(T, h))
            {
                return FailStepTooSmall(h, _error, _candidate, double.IsNaN(err) ? "the stages are not finite" : "repeated error-test failures");
            }

            if (!FactorIterationMatrix(h))
            {
                if (++factorizationFailures >= MaxFactorizationFailures)
                {
                    return Fail(
                        SolverStatus.ConvergenceFailure,
                        string.Create(CultureInfo.InvariantCulture, $"The matrix I/(hγ) − J is singular at t = {T:G10} for {MaxFactorizationFailures} step sizes down to h = {h:G3}."));
                }

                Counters.Rejected++;
                _previousRejected = true;
                h *= 0.5;
                continue;
            }

            err = ComputeStages(h);
            if (err <= 1.0)
            {
                NextStep = _predictive
                    ? _predictiveController.Accepted(h, err, _previousRejected)
                    : _piController.Accepted(h, err, _previousRejected);
                _previousRejected = false;
                _candidate = Accept(tNew, _candidate);
                _jacobianCurrent = false;
                if (_tableau.IsFirstSameAsLast)
                {
                    (_f0, _fLast) = (_fLast, _f0);
                }
                else
                {
                    _f0Current = false;
                }

                return true;
            }

            // Same (t, y): J, ∂f/∂t and f(t, y) stay valid; only W changes with h.
            Counters.Rejected++;
            _previousRejected = true;
            if (!double.IsFinite(err))
            {
                NoteNonFiniteError();
            }

            h = _predictive ? _predictiveController.Rejected(h, err) : _piController.Rejected(h, err);
        }
    }

    protected override void BuildDense()
    {
        int n = N;
        int s = _tableau.Stages;
        var dense = Dense.AsSpan();
        var u = _u.AsSpan();
        YPrevious.AsSpan().CopyTo(dense);
        for (int p = 1; p <= _tableau.DenseDegree; p++)
        {
            var coefficient = dense.Slice(p * n, n);
            coefficient.Clear();
            for (int j = 0; j < s; j++)
            {
                double w = _tableau.Dense[p - 1, j];
                if (w == 0)
                {
                    continue;
                }

                var uj = u.Slice(j * n, n);
                for (int i = 0; i < n; i++)
                {
                    coefficient[i] += w * uj[i];
                }
            }
        }
    }

    private bool UpdateJacobian(double h)
    {
        _linear.EvaluateJacobian(T, Y, _f0, h);
        if (!AllFinite(_linear.Jacobian))
        {
            return FailNonFinite(T, _linear.Jacobian, _linear.JacobianDescription);
        }

        _jacobianEvaluator.TimeDerivative(T, Y, _f0, h, _dfdt, out double tPerturbed);
        if (!AllFinite(_dfdt))
        {
            // f(t, y) is finite but f(t + δt, y) is not: the right-hand side fails just ahead of t.
            return FailNonFinite(tPerturbed, _dfdt, "The right-hand side (in the difference quotient for ∂f/∂t)");
        }

        _jacobianCurrent = true;
        return true;
    }

    /// <summary>Forms W = I/(hγ) − J (M/(hγ) − J with a mass matrix) and factors it; false when it is singular to working precision.</summary>
    private bool FactorIterationMatrix(double h)
    {
        Counters.LuDecompositions++;
        return _linear.Factor(1.0 / (h * _tableau.Gamma), 1.0);
    }

    /// <summary>Computes all stages, the candidate y₁ and its error; returns the error norm (NaN if anything is not finite).</summary>
    private double ComputeStages(double h)
    {
        var tableau = _tableau;
        int n = N;
        int s = tableau.Stages;
        double inverseH = 1.0 / h;
        var u = _u.AsSpan(0, s * n);
        var y = Y.AsSpan(0, n);
        var dfdt = _dfdt.AsSpan(0, n);
        var f0 = _f0.AsSpan(0, n);

        // Stage 1: f(t, y) is known.
        var u0 = u.Slice(0, n);
        double hd = h * tableau.GammaSums[0];
        f0.CopyTo(u0);
        if (!_autonomous)
        {
            AddScaled(u0, hd, dfdt);
        }

        _linear.Solve(u0);
        var stage = _stage.AsSpan(0, n);
        for (int i = 1; i < s; i++)
        {
            bool fsalStage = i == s - 1 && tableau.IsFirstSameAsLast;
            var argument = fsalStage ? _candidate.AsSpan(0, n) : stage;
            var ui = u.Slice(i * n, n);
            var a = tableau.A[i];
            var c = tableau.C[i];

            // g_i = y + Σ a_ij u_j; RODAS-type tableaus repeat the previous argument plus u_{i−1}.
            // Sums run over j inside the loop over components, in registers: with the loops the other
            // way round every j would store and reload each component, a chain of dependent memory
            // round trips that dominated the stage cost for n ≤ 10.
            if (tableau.ExtendsPreviousArgument[i] && !fsalStage)
            {
                AddScaled(argument, 1.0, u.Slice((i - 1) * n, n));
            }
            else
            {
                for (int k = 0; k < n; k++)
                {
                    double g = y[k];
                    for (int j = 0; j < a.Length; j++)
                    {
                        g += a[j] * u[(j * n) + k];
                    }

                    argument[k] = g;
                }
            }

            // The right-hand side f(g_i) + Σ (c_ij/h) u_j + γ_i h f_t is assembled in u_i itself.
            var f = fsalStage ? _fLast.AsSpan(0, n) : ui;
            Evaluate(T + (tableau.Nodes[i] * h), argument, f);
            if (fsalStage)
            {
                f.CopyTo(ui);
            }

            hd = h * tableau.GammaSums[i];
            if (!_autonomous && hd != 0)
            {
                AddScaled(ui, hd, dfdt);
            }

            if (_mass is null)
            {
                for (int k = 0; k < n; k++)
                {
                    double sum = 0;
                    for (int j = 0; j < c.Length; j++)
                    {
                        sum += c[j] * u[(j * n) + k];
                    }

                    ui[k] += sum * inverseH;
                }
            }
            else
            {
                AddMassTimesSum(ui, u, c, inverseH);
            }

            _linear.Solve(ui);
        }

        Counters.LinearSolves += s;
        return tableau.IsStifflyAccurate ? FinishStifflyAccurate(u.Slice((s - 1) * n, n)) : FinishGeneral(u);
    }

    /// <summary>y₁ = g_s + u_s and the error estimate is u_s (RODAS); fused with the error norm.</summary>
    private double FinishStifflyAccurate(ReadOnlySpan<double> last)
    {
        int n = N;
        var y = Y.AsSpan(0, n);
        var g = _stage.AsSpan(0, n);
        var candidate = _candidate.AsSpan(0, n);
        var error = _error.AsSpan(0, n);
        var atol = AbsTol.AsSpan(0, n);
        double rtol = RelTol;
        double sum = 0;
        for (int k = 0; k < n; k++)
        {
            double e = last[k];
            double y1 = g[k] + e;
            candidate[k] = y1;
            error[k] = e;
            double r = e / Math.Max(atol[k] + (rtol * Math.Max(Math.Abs(y[k]), Math.Abs(y1))), ErrorNorm.ScaleFloor);
            sum += r * r;
        }

        return Math.Sqrt(sum / n);
    }

    /// <summary>y₁ = y + Σ m_j u_j (already formed as the last stage's argument when FSAL) and error Σ e_j u_j.</summary>
    private double FinishGeneral(ReadOnlySpan<double> u)
    {
        var tableau = _tableau;
        int n = N;
        int s = tableau.Stages;
        var m = tableau.M;
        var weights = tableau.E;
        for (int k = 0; k < n; k++)
        {
            double e = 0;
            double step = 0;
            for (int j = 0; j < s; j++)
            {
                double uj = u[(j * n) + k];
                e += weights[j] * uj;
                step += m[j] * uj;
            }

            _error[k] = e;
            if (!tableau.IsFirstSameAsLast)
            {
                _candidate[k] = Y[k] + step;
            }
        }

        return ErrorNorm.Compute(_error, Y, _candidate, AbsTol, RelTol);
    }

    /// <summary>u_i += M·(Σ_j c_ij u_j)/h, the mass-matrix form of the stage right-hand side (Hairer–Wanner II, VI.4).</summary>
    private void AddMassTimesSum(Span<double> ui, ReadOnlySpan<double> u, double[] c, double inverseH)
    {
        int n = N;
        var sum = _massWork.AsSpan(0, n);
        for (int k = 0; k < n; k++)
        {
            double total = 0;
            for (int j = 0; j < c.Length; j++)
            {
                total += c[j] * u[(j * n) + k];
            }

            sum[k] = total * inverseH;
        }

        var mass = _mass!;
        for (int i = 0; i < n; i++)
        {
            double total = 0;
            int row = i * n;
            for (int k = 0; k < n; k++)
            {
                total += mass[row + k] * sum[k];
            }

            ui[i] += total;
        }
    }

    /// <summary>The mass matrix of a differential–algebraic system (null for an ODE), checked against the method and the options.</summary>
    private static double[]? MassMatrixOf(IOdeSystem system, RosenbrockTableau tableau, OdeSolverOptions options)
    {
        var mass = ConsistentInitializer.ReadMassMatrix(system, options);
        if (mass is not null && !tableau.IsStifflyAccurate)
        {
            throw new ArgumentException($"{tableau.Name} is not stiffly accurate and does not solve differential–algebraic systems; use Rodas5P or Rodas4.", nameof(system));
        }

        return mass;
    }

    /// <summary>Reads the system's mass matrix again (it may change at events), with the algebraic rows; false on failure.</summary>
    private bool RefreshMassMatrix()
    {
        if (_initializer!.Reload(T, out bool changed) is { } failure)
        {
            return Fail(SolverStatus.NonFiniteState, failure);
        }

        _jacobianCurrent &= !changed;
        return true;
    }

    /// <summary>destination += factor · source (skipped when the factor is zero).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void AddScaled(Span<double> destination, double factor, ReadOnlySpan<double> source)
    {
        if (factor == 0)
        {
            return;
        }

        for (int k = 0; k < destination.Length; k++)
        {
            destination[k] += factor * source[k];
        }
    }

    /// <summary>Tells whether every value is finite; whole vectors at a time (x − x is +0 for finite x and NaN for ±∞ and NaN, so the sum of the differences is 0 exactly when all are finite).</summary>
    private static bool AllFinite(ReadOnlySpan<double> values)
    {
        int k = 0;
        if (Vector.IsHardwareAccelerated && values.Length >= Vector<double>.Count)
        {
            var sum = Vector<double>.Zero;
            ref double start = ref MemoryMarshal.GetReference(values);
            for (; k <= values.Length - Vector<double>.Count; k += Vector<double>.Count)
            {
                var v = Vector.LoadUnsafe(ref start, (nuint)k);
                sum += v - v;
            }

            if (!Vector.EqualsAll(sum, Vector<double>.Zero))
            {
                return false;
            }
        }

        for (; k < values.Length; k++)
        {
            if (!double.IsFinite(values[k]))
            {
                return false;
            }
        }

        return true;
    }
}
