using System.Globalization;
using Ferroptosis.Sim.Ode.Jacobians;
using Ferroptosis.Sim.Ode.LinearAlgebra;
using Ferroptosis.Sim.Ode.StepControl;
using Ferroptosis.Sim.Ode.Stepping;

namespace Ferroptosis.Sim.Ode.Rosenbrock;

/// <summary>Makes a state of M·y′ = f(t, y) consistent: solves the algebraic equations while keeping M·y fixed.</summary>
/// <remarks>
/// <para>
/// Rows of M that are all zero are the algebraic equations 0 = f_i(t, y); the other rows keep their combination
/// M_i·y at its given value. The n equations G(y) = 0, G_i = M_i·(y − y_given) for a differential row and
/// G_i = f_i(t, y) for an algebraic row, are solved by Newton's method with the Jacobian rows M_i and ∂f_i/∂y, from
/// the given state (so the nearest solution in the Newton sense is taken, the one reached by continuation from it).
/// For a diagonal M this is the usual rule: the differential components stay, the algebraic ones are solved for
/// (Brown, Hindmarsh and Petzold, SIAM J. Sci. Comput. 19, 1998, the "Y_d given" case). A step that does not
/// reduce ‖G‖ is halved (up to 10 times). Newton stops when its update is below 10⁻³ of the error weights
/// atol_i + rtol·|y_i| and the algebraic residuals are small; after 50 iterations it reports failure.
/// </para>
/// <para>Every buffer is allocated in the constructor.</para>
/// </remarks>
internal sealed class ConsistentInitializer
{
    private const int MaxIterations = 50;
    private const int MaxHalvings = 10;

    private readonly IOdeSystem _system;
    private readonly double[] _mass;
    private readonly bool[] _algebraic;
    private readonly JacobianEvaluator _evaluator;
    private readonly WorkCounters _counters;
    private readonly double[] _atol;
    private readonly double _rtol;
    private readonly double[] _given;
    private readonly double[] _f;
    private readonly double[] _residual;
    private readonly double[] _trial;
    private readonly double[] _trialResidual;
    private readonly double[] _jacobian;
    private readonly double[] _delta;
    private readonly int[] _pivots;

    public ConsistentInitializer(IOdeSystem system, double[] mass, JacobianEvaluator evaluator, WorkCounters counters, double[] atol, double rtol)
    {
        int n = system.Dimension;
        _system = system;
        _mass = mass;
        _evaluator = evaluator;
        _counters = counters;
        _atol = atol;
        _rtol = rtol;
        _algebraic = new bool[n];
        Refresh();

        _given = new double[n];
        _f = new double[n];
        _residual = new double[n];
        _trial = new double[n];
        _trialResidual = new double[n];
        _jacobian = new double[n * n];
        _delta = new double[n];
        _pivots = new int[n];
    }

    /// <summary>Gets the number of algebraic equations (zero rows of M).</summary>
    public int AlgebraicCount { get; private set; }

    /// <summary>Finds the algebraic rows again, after the mass matrix array changed.</summary>
    public void Refresh()
    {
        int n = _algebraic.Length;
        AlgebraicCount = 0;
        for (int i = 0; i < n; i++)
        {
            bool zero = true;
            for (int j = 0; j < n && zero; j++)
            {
                zero = _mass[(i * n) + j] == 0;
            }

            _algebraic[i] = zero;
            AlgebraicCount += zero ? 1 : 0;
        }
    }

    /// <summary>Reads the mass matrix of a system that has one (validated: n × n finite values, the dense linear solver), or null for an ODE system.</summary>
    public static double[]? ReadMassMatrix(IOdeSystem system, OdeSolverOptions options)
    {
        if (system is not IMassMatrixSystem { MassMatrix.IsEmpty: false } dae)
        {
            return null;
        }

        int n = system.Dimension;
        var mass = dae.MassMatrix;
        if (mass.Length != n * n)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"The mass matrix has {mass.Length} entries but the system has dimension {n}; give n × n = {n * n} values, row-major (or none for the identity)."),
                nameof(system));
        }

        foreach (double m in mass)
        {
            if (!double.IsFinite(m))
            {
                throw new ArgumentException("Every entry of the mass matrix must be a finite number.", nameof(system));
            }
        }

        if (options.LinearSolver.Kind is not (LinearSolverKind.Auto or LinearSolverKind.Dense))
        {
            throw new ArgumentException($"A system with a mass matrix needs the dense linear solver; {options.LinearSolver} was chosen.", nameof(options));
        }

        return mass.ToArray();
    }

    /// <summary>Reads the system's mass matrix again into the array shared with the stepper (it may change at events); returns null, or why it cannot be used.</summary>
    /// <param name="t">The time, for the message.</param>
    /// <param name="changed">Set to whether the matrix changed.</param>
    public string? Reload(double t, out bool changed)
    {
        changed = false;
        var current = ((IMassMatrixSystem)_system).MassMatrix;
        if (current.SequenceEqual(_mass))
        {
            return null;
        }

        if (current.Length != _mass.Length)
        {
            return string.Create(CultureInfo.InvariantCulture, $"The mass matrix changed size at t = {t:G10} ({current.Length} entries, {_mass.Length} before).");
        }

        foreach (double m in current)
        {
            if (!double.IsFinite(m))
            {
                return string.Create(CultureInfo.InvariantCulture, $"The mass matrix has an entry that is not finite at t = {t:G10}.");
            }
        }

        current.CopyTo(_mass);
        Refresh();
        changed = true;
        return null;
    }

    /// <summary>
    /// Replaces <paramref name="f"/> = f(t, y) of a consistent state by y′: the differential rows M_i·y′ = f_i together
    /// with the algebraic equations differentiated once, ∂f_i/∂y·y′ = −∂f_i/∂t (∂f/∂t by a forward difference when the
    /// system is not autonomous), which determine y′ for an index-1 system. Returns null, or why not.
    /// </summary>
    public string? Derivative(double t, ReadOnlySpan<double> y, Span<double> f)
    {
        int n = y.Length;
        _evaluator.Evaluate(t, y, f, 1.0, _jacobian);
        bool timeDependent = AlgebraicCount > 0 && !_system.IsAutonomous;
        double dt = 1.5e-8 * Math.Max(1.0, Math.Abs(t));
        if (timeDependent)
        {
            _counters.Rhs++;
            _system.Evaluate(t + dt, y, _trial);
        }

        for (int i = 0; i < n; i++)
        {
            if (_algebraic[i])
            {
                _delta[i] = timeDependent ? -(_trial[i] - f[i]) / dt : 0;
            }
            else
            {
                _mass.AsSpan(i * n, n).CopyTo(_jacobian.AsSpan(i * n, n));
                _delta[i] = f[i];
            }
        }

        _counters.LuDecompositions++;
        if (!DenseLu.Factor(_jacobian, n, _pivots))
        {
            return string.Create(CultureInfo.InvariantCulture, $"The derivative at t = {t:G10} is not determined: the mass matrix with the algebraic equations' Jacobian is singular (the system is not of index 1 there).");
        }

        _counters.LinearSolves++;
        DenseLu.Solve(_jacobian, n, _pivots, _delta);
        _delta.AsSpan(0, n).CopyTo(f);
        return null;
    }

    /// <summary>Makes <paramref name="y"/> consistent at <paramref name="t"/>; returns null on success, else why it failed.</summary>
    public string? Solve(double t, Span<double> y)
    {
        if (AlgebraicCount == 0)
        {
            return null;
        }

        int n = y.Length;
        y.CopyTo(_given);
        double norm = Residual(t, y, _residual);
        for (int iteration = 0; iteration < MaxIterations; iteration++)
        {
            _counters.NewtonIterations++;
            if (!double.IsFinite(norm))
            {
                return Describe(t, "the algebraic equations are not finite at the initial state");
            }

            // Jacobian of G: M_i for differential rows, ∂f_i/∂y for algebraic ones (f is current from Residual).
            _evaluator.Evaluate(t, y, _f, 1.0, _jacobian);
            for (int i = 0; i < n; i++)
            {
                if (!_algebraic[i])
                {
                    _mass.AsSpan(i * n, n).CopyTo(_jacobian.AsSpan(i * n, n));
                }
            }

            _counters.LuDecompositions++;
            if (!DenseLu.Factor(_jacobian, n, _pivots))
            {
                return Describe(t, "the algebraic equations do not determine the algebraic components (their Jacobian is singular: the system is not of index 1 there)");
            }

            for (int i = 0; i < n; i++)
            {
                _delta[i] = -_residual[i];
            }

            _counters.LinearSolves++;
            DenseLu.Solve(_jacobian, n, _pivots, _delta);
            double updateNorm = ErrorNorm.Compute(_delta, y, _atol, _rtol);
            double factor = 1.0;
            double trialNorm = double.NaN;
            for (int halving = 0; halving <= MaxHalvings; halving++)
            {
                for (int i = 0; i < n; i++)
                {
                    _trial[i] = y[i] + (factor * _delta[i]);
                }

                trialNorm = Residual(t, _trial, _trialResidual);
                if (trialNorm < norm || trialNorm == 0 || updateNorm <= 1e-3)
                {
                    break;
                }

                factor *= 0.5;
            }

            // f at the new point is already in the f buffer, as the next Jacobian needs.
            _trial.AsSpan(0, n).CopyTo(y);
            _trialResidual.AsSpan(0, n).CopyTo(_residual);
            norm = trialNorm;
            if (factor == 1.0 && updateNorm <= 1e-3)
            {
                return double.IsFinite(norm) ? null : Describe(t, "the algebraic equations are not finite at the solution");
            }
        }

        return Describe(t, string.Create(CultureInfo.InvariantCulture, $"Newton's method did not converge in {MaxIterations} iterations (residual {norm:G3})"));
    }

    /// <summary>Evaluates G(y) into <paramref name="residual"/> (and f(t, y) into the f buffer); returns ‖G‖₂.</summary>
    private double Residual(double t, ReadOnlySpan<double> y, Span<double> residual)
    {
        int n = y.Length;
        _counters.Rhs++;
        _system.Evaluate(t, y, _f);
        double sum = 0;
        for (int i = 0; i < n; i++)
        {
            double g;
            if (_algebraic[i])
            {
                g = _f[i];
            }
            else
            {
                g = 0;
                var row = _mass.AsSpan(i * n, n);
                for (int j = 0; j < n; j++)
                {
                    g += row[j] * (y[j] - _given[j]);
                }
            }

            residual[i] = g;
            sum += g * g;
        }

        return Math.Sqrt(sum);
    }

    private static string Describe(double t, string why) =>
        string.Create(CultureInfo.InvariantCulture, $"No consistent initial values at t = {t:G10}: {why}.");
}
