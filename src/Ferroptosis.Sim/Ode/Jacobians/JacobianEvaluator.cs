using Ferroptosis.Sim.Ode.Stepping;

namespace Ferroptosis.Sim.Ode.Jacobians;

/// <summary>Provides ∂f/∂y (analytic when the system has it, else forward differences) and ∂f/∂t for implicit and Rosenbrock methods.</summary>
/// <remarks>
/// Finite-difference increments follow CVODE's dense difference-quotient Jacobian (see
/// <see cref="DifferenceIncrements"/>). The evaluations of f are counted with the solver's other evaluations.
/// </remarks>
internal sealed class JacobianEvaluator
{
    private static readonly double SqrtEpsilon = Math.Sqrt(Math.BitIncrement(1.0) - 1.0);
    private readonly IOdeSystem _system;
    private readonly WorkCounters _counters;
    private readonly double[] _atol;
    private readonly double _rtol;
    private readonly double[] _yPerturbed;
    private readonly double[] _fPerturbed;
    private readonly int _n;

    public JacobianEvaluator(IOdeSystem system, WorkCounters counters, double[] atol, double rtol)
    {
        _system = system;
        _counters = counters;
        _atol = atol;
        _rtol = rtol;
        _n = system.Dimension;
        _yPerturbed = new double[_n];
        _fPerturbed = new double[_n];
    }

    public bool IsAnalytic => _system.HasJacobian;

    /// <summary>Writes ∂f/∂y at (t, y) row-major into <paramref name="jacobian"/>; <paramref name="f0"/> must hold f(t, y).</summary>
    public void Evaluate(double t, ReadOnlySpan<double> y, ReadOnlySpan<double> f0, double h, Span<double> jacobian)
    {
        _counters.Jacobians++;
        if (_system.HasJacobian)
        {
            _system.EvaluateJacobian(t, y, jacobian);
            return;
        }

        int n = _n;
        var increments = DifferenceIncrements.Prepare(y, f0, _atol, _rtol, h);
        y.CopyTo(_yPerturbed);
        for (int j = 0; j < n; j++)
        {
            double yj = y[j];
            double increment = increments.Perturb(_yPerturbed, j, yj, _atol[j], _rtol);
            _system.Evaluate(t, _yPerturbed, _fPerturbed);
            _counters.Rhs++;
            double inverse = 1.0 / increment;
            for (int i = 0; i < n; i++)
            {
                jacobian[(i * n) + j] = (_fPerturbed[i] - f0[i]) * inverse;
            }

            _yPerturbed[j] = yj;
        }
    }

    /// <summary>Writes ∂f/∂t at (t, y) into <paramref name="dfdt"/> by a forward difference (zero for autonomous systems, at no cost).</summary>
    /// <param name="t">The time.</param>
    /// <param name="y">The state.</param>
    /// <param name="f0">f(t, y).</param>
    /// <param name="h">The step size (scales the increment).</param>
    /// <param name="dfdt">Receives ∂f/∂t.</param>
    /// <param name="tPerturbed">The time at which f was evaluated for the difference quotient (t for autonomous systems).</param>
    public void TimeDerivative(double t, ReadOnlySpan<double> y, ReadOnlySpan<double> f0, double h, Span<double> dfdt, out double tPerturbed)
    {
        tPerturbed = t;
        if (_system.IsAutonomous)
        {
            dfdt.Clear();
            return;
        }

        double dt = SqrtEpsilon * Math.Max(Math.Abs(t), Math.Abs(h));
        if (dt == 0)
        {
            dt = SqrtEpsilon;
        }

        double t1 = t + dt;
        dt = t1 - t;
        tPerturbed = t1;
        _system.Evaluate(t1, y, _fPerturbed);
        _counters.Rhs++;
        for (int i = 0; i < _n; i++)
        {
            dfdt[i] = (_fPerturbed[i] - f0[i]) / dt;
        }
    }
}
