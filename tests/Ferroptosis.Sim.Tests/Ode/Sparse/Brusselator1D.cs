using Ferroptosis.Sim.Ode;

namespace Ferroptosis.Sim.Tests.Ode.Sparse;

/// <summary>The 1-D Brusselator with diffusion (Hairer–Wanner II, §IV.1, "BRUSS"), u and v interleaved so that the Jacobian is banded with bandwidth 2.</summary>
/// <remarks>
/// u_i' = 1 + u_i²v_i − 4u_i + c(u_{i−1} − 2u_i + u_{i+1}), v_i' = 3u_i − u_i²v_i + c(v_{i−1} − 2v_i + v_{i+1}),
/// c = α(N + 1)², α = 1/50, boundary values u = 1, v = 3, u_i(0) = 1 + sin(2πx_i), v_i(0) = 3, x_i = i/(N + 1).
/// Stiff through the diffusion (eigenvalues down to about −4c).
/// </remarks>
internal sealed class Brusselator1D : ISparseOdeSystem
{
    private readonly int _points;
    private readonly double _c;

    public Brusselator1D(int points, bool analyticJacobian)
    {
        _points = points;
        _c = (points + 1) * (points + 1) / 50.0;
        HasSparseJacobian = analyticJacobian;
        JacobianPattern = SparsityPattern.Banded(2 * points, 2, 2);
    }

    public int Dimension => 2 * _points;

    public bool IsAutonomous => true;

    public SparsityPattern JacobianPattern { get; }

    public bool HasSparseJacobian { get; }

    public double[] InitialState()
    {
        var y = new double[Dimension];
        for (int i = 0; i < _points; i++)
        {
            y[2 * i] = 1 + Math.Sin(2 * Math.PI * (i + 1) / (_points + 1));
            y[(2 * i) + 1] = 3;
        }

        return y;
    }

    public void Evaluate(double t, ReadOnlySpan<double> y, Span<double> dydt)
    {
        for (int i = 0; i < _points; i++)
        {
            double u = y[2 * i];
            double v = y[(2 * i) + 1];
            double uLeft = i > 0 ? y[2 * (i - 1)] : 1.0;
            double vLeft = i > 0 ? y[(2 * (i - 1)) + 1] : 3.0;
            double uRight = i < _points - 1 ? y[2 * (i + 1)] : 1.0;
            double vRight = i < _points - 1 ? y[(2 * (i + 1)) + 1] : 3.0;
            dydt[2 * i] = 1 + (u * u * v) - (4 * u) + (_c * (uLeft - (2 * u) + uRight));
            dydt[(2 * i) + 1] = (3 * u) - (u * u * v) + (_c * (vLeft - (2 * v) + vRight));
        }
    }

    public void EvaluateSparseJacobian(double t, ReadOnlySpan<double> y, Span<double> values)
    {
        values.Clear();
        for (int i = 0; i < _points; i++)
        {
            int ru = 2 * i;
            int rv = ru + 1;
            double u = y[ru];
            double v = y[rv];
            values[JacobianPattern.IndexOf(ru, ru)] = (2 * u * v) - 4 - (2 * _c);
            values[JacobianPattern.IndexOf(ru, rv)] = u * u;
            values[JacobianPattern.IndexOf(rv, ru)] = 3 - (2 * u * v);
            values[JacobianPattern.IndexOf(rv, rv)] = (-u * u) - (2 * _c);
            if (i > 0)
            {
                values[JacobianPattern.IndexOf(ru, ru - 2)] = _c;
                values[JacobianPattern.IndexOf(rv, rv - 2)] = _c;
            }

            if (i < _points - 1)
            {
                values[JacobianPattern.IndexOf(ru, ru + 2)] = _c;
                values[JacobianPattern.IndexOf(rv, rv + 2)] = _c;
            }
        }
    }
}
