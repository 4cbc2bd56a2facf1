namespace Ferroptosis.Sim.Ode;

/// <summary>Receives each point as the integrator records it (at an output time, or at every step), before any later event changes anything.</summary>
/// <param name="t">The time of the point.</param>
/// <param name="y">The state at that time.</param>
public delegate void OutputObserver(double t, ReadOnlySpan<double> y);
