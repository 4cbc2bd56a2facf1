using Ferroptosis.Sim.Ode;

namespace Ferroptosis.Sim.Tests.Ode.Dae;

/// <summary>A differential–algebraic test system M·y′ = f(t, y) from a right-hand side and a mass matrix.</summary>
internal sealed class DaeSystem(int dimension, double[] mass, RightHandSide rightHandSide, bool isAutonomous = true, JacobianFunction? jacobian = null) : IMassMatrixSystem
{
    public bool HasJacobian => jacobian is not null;

    public int Dimension => dimension;

    public bool IsAutonomous => isAutonomous;

    public ReadOnlySpan<double> MassMatrix => mass;

    public void Evaluate(double t, ReadOnlySpan<double> y, Span<double> dydt) => rightHandSide(t, y, dydt);

    public void EvaluateJacobian(double t, ReadOnlySpan<double> y, Span<double> j) => jacobian!(t, y, j);

    /// <summary>ROBER with the conservation law y1 + y2 + y3 = 1 in place of the third equation (Hairer–Wanner II, VI.1).</summary>
    public static DaeSystem RoberDae() => new(
        3,
        [1, 0, 0, 0, 1, 0, 0, 0, 0],
        (t, y, f) =>
        {
            f[0] = (-0.04 * y[0]) + (1.0e4 * y[1] * y[2]);
            f[1] = (0.04 * y[0]) - (1.0e4 * y[1] * y[2]) - (3.0e7 * y[1] * y[1]);
            f[2] = y[0] + y[1] + y[2] - 1.0;
        },
        jacobian: (t, y, j) =>
        {
            // Analytic: a difference quotient of y1 + y2 + y3 − 1 with y3 ≈ 0 and y1 ≈ 1 cancels to nothing.
            j[0] = -0.04; j[1] = 1.0e4 * y[2]; j[2] = 1.0e4 * y[1];
            j[3] = 0.04; j[4] = (-1.0e4 * y[2]) - (6.0e7 * y[1]); j[5] = -1.0e4 * y[1];
            j[6] = 1.0; j[7] = 1.0; j[8] = 1.0;
        });
}
