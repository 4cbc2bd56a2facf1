using Ferroptosis.Sim.Ode;

namespace Ferroptosis.Sim.Tests.Ode.Bdf;

/// <summary>Hides a system's analytic Jacobian, so that solvers fall back to finite differences.</summary>
/// <param name="inner">The system whose right-hand side is used.</param>
public sealed class WithoutJacobian(IOdeSystem inner) : IOdeSystem
{
    /// <inheritdoc/>
    public int Dimension => inner.Dimension;

    /// <inheritdoc/>
    public bool IsAutonomous => inner.IsAutonomous;

    /// <inheritdoc/>
    public void Evaluate(double t, ReadOnlySpan<double> y, Span<double> dydt) => inner.Evaluate(t, y, dydt);
}
