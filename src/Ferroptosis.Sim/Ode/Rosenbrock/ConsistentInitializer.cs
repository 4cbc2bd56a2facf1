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
