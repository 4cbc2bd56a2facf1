using Ferroptosis.Sim.Ode;

namespace Ferroptosis.Sim.Tests.TestProblems;

/// <summary>ROBER right-hand side and Jacobian (test set <c>rober.f</c>).</summary>
internal sealed class RoberSystem : IOdeSystem
{
    public int Dimension => 3;

    public bool IsAutonomous => true;

    public bool HasJacobian => true;

    public void Evaluate(double t, ReadOnlySpan<double> y, Span<double> f)
    {
        f[0] = (-0.04 * y[0]) + (1.0e4 * y[1] * y[2]);
        f[1] = (0.04 * y[0]) - (1.0e4 * y[1] * y[2]) - (3.0e7 * y[1] * y[1]);
        f[2] = 3.0e7 * y[1] * y[1];
    }

    public void EvaluateJacobian(double t, ReadOnlySpan<double> y, Span<double> j)
    {
        j[0] = -0.04; j[1] = 1.0e4 * y[2]; j[2] = 1.0e4 * y[1];
        j[3] = 0.04; j[4] = (-1.0e4 * y[2]) - (6.0e7 * y[1]); j[5] = -1.0e4 * y[1];
        j[6] = 0.0; j[7] = 6.0e7 * y[1]; j[8] = 0.0;
    }
}

/// <summary>HIRES right-hand side and Jacobian (test set <c>hires.f</c>).</summary>
internal sealed class HiresSystem : IOdeSystem
{
    public int Dimension => 8;

    public bool IsAutonomous => true;

    public bool HasJacobian => true;

    public void Evaluate(double t, ReadOnlySpan<double> y, Span<double> f)
    {
        f[0] = (-1.71 * y[0]) + (0.43 * y[1]) + (8.32 * y[2]) + 0.0007;
        f[1] = (1.71 * y[0]) - (8.75 * y[1]);
        f[2] = (-10.03 * y[2]) + (0.43 * y[3]) + (0.035 * y[4]);
        f[3] = (8.32 * y[1]) + (1.71 * y[2]) - (1.12 * y[3]);
        f[4] = (-1.745 * y[4]) + (0.43 * (y[5] + y[6]));
        f[5] = (-280.0 * y[5] * y[7]) + (0.69 * y[3]) + (1.71 * y[4]) - (0.43 * y[5]) + (0.69 * y[6]);
        f[6] = (280.0 * y[5] * y[7]) - (1.81 * y[6]);
        f[7] = -f[6];
    }

    public void EvaluateJacobian(double t, ReadOnlySpan<double> y, Span<double> j)
    {
        j.Clear();
        const int n = 8;
        j[(0 * n) + 0] = -1.71; j[(0 * n) + 1] = 0.43; j[(0 * n) + 2] = 8.32;
        j[(1 * n) + 0] = 1.71; j[(1 * n) + 1] = -8.75;
        j[(2 * n) + 2] = -10.03; j[(2 * n) + 3] = 0.43; j[(2 * n) + 4] = 0.035;
        j[(3 * n) + 1] = 8.32; j[(3 * n) + 2] = 1.71; j[(3 * n) + 3] = -1.12;
        j[(4 * n) + 4] = -1.745; j[(4 * n) + 5] = 0.43; j[(4 * n) + 6] = 0.43;
        j[(5 * n) + 3] = 0.69; j[(5 * n) + 4] = 1.71; j[(5 * n) + 5] = (-280.0 * y[7]) - 0.43;
        j[(5 * n) + 6] = 0.69; j[(5 * n) + 7] = -280.0 * y[5];
        j[(6 * n) + 5] = 280.0 * y[7]; j[(6 * n) + 6] = -1.81; j[(6 * n) + 7] = 280.0 * y[5];
        j[(7 * n) + 5] = -280.0 * y[7]; j[(7 * n) + 6] = 1.81; j[(7 * n) + 7] = -280.0 * y[5];
    }
}

/// <summary>OREGO right-hand side and Jacobian (test set <c>orego.f</c>).</summary>
internal sealed class OregoSystem : IOdeSystem
{
    public int Dimension => 3;

    public bool IsAutonomous => true;

    public bool HasJacobian => true;

    public void Evaluate(double t, ReadOnlySpan<double> y, Span<double> f)
    {
        f[0] = 77.27 * (y[1] + (y[0] * (1.0 - (8.375e-6 * y[0]) - y[1])));
        f[1] = (y[2] - ((1.0 + y[0]) * y[1])) / 77.27;
        f[2] = 0.161 * (y[0] - y[2]);
    }

    public void EvaluateJacobian(double t, ReadOnlySpan<double> y, Span<double> j)
    {
        j[0] = 77.27 * (1.0 - (2.0 * 8.375e-6 * y[0]) - y[1]);
        j[1] = 77.27 * (1.0 - y[0]);
        j[2] = 0.0;
        j[3] = -y[1] / 77.27;
        j[4] = -(1.0 + y[0]) / 77.27;
        j[5] = 1.0 / 77.27;
        j[6] = 0.161;
        j[7] = 0.0;
        j[8] = -0.161;
    }
}

/// <summary>VDPOL right-hand side and Jacobian, ε = 1e-6 (test set <c>vdpol.f</c>).</summary>
internal sealed class VdpolSystem : IOdeSystem
{
    private const double Epsilon = 1.0e-6;

    public int Dimension => 2;

    public bool IsAutonomous => true;

    public bool HasJacobian => true;

    public void Evaluate(double t, ReadOnlySpan<double> y, Span<double> f)
    {
        f[0] = y[1];
        f[1] = (((1.0 - (y[0] * y[0])) * y[1]) - y[0]) / Epsilon;
    }

    public void EvaluateJacobian(double t, ReadOnlySpan<double> y, Span<double> j)
    {
        j[0] = 0.0;
        j[1] = 1.0;
        j[2] = ((-2.0 * y[0] * y[1]) - 1.0) / Epsilon;
        j[3] = (1.0 - (y[0] * y[0])) / Epsilon;
    }
}

/// <summary>The Arenstorf orbit (Hairer–Nørsett–Wanner I, II.0, eq. 0.1); no analytic Jacobian.</summary>
internal sealed class ArenSystem : IOdeSystem
{
    private const double Mu = 0.012277471;
    private const double MuPrime = 1.0 - Mu;

    public int Dimension => 4;

    public bool IsAutonomous => true;

    public void Evaluate(double t, ReadOnlySpan<double> y, Span<double> f)
    {
        double a = ((y[0] + Mu) * (y[0] + Mu)) + (y[1] * y[1]);
        double b = ((y[0] - MuPrime) * (y[0] - MuPrime)) + (y[1] * y[1]);
        double d1 = a * Math.Sqrt(a);
        double d2 = b * Math.Sqrt(b);
        f[0] = y[2];
        f[1] = y[3];
        f[2] = y[0] + (2.0 * y[3]) - (MuPrime * (y[0] + Mu) / d1) - (Mu * (y[0] - MuPrime) / d2);
        f[3] = y[1] - (2.0 * y[2]) - (MuPrime * y[1] / d1) - (Mu * y[1] / d2);
    }
}
