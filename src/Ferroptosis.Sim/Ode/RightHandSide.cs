namespace Ferroptosis.Sim.Ode;

/// <summary>A right-hand side f(t, y) written into <paramref name="dydt"/>.</summary>
/// <param name="t">The time.</param>
/// <param name="y">The state.</param>
/// <param name="dydt">Receives the derivative.</param>
public delegate void RightHandSide(double t, ReadOnlySpan<double> y, Span<double> dydt);
