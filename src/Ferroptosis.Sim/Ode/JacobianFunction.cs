namespace Ferroptosis.Sim.Ode;

/// <summary>An analytic Jacobian ∂f/∂y written row-major into <paramref name="jacobian"/> (element (i, j) at i·n + j).</summary>
/// <param name="t">The time.</param>
/// <param name="y">The state.</param>
/// <param name="jacobian">Receives the n·n matrix; every element must be written.</param>
public delegate void JacobianFunction(double t, ReadOnlySpan<double> y, Span<double> jacobian);
