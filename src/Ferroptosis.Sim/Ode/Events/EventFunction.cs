namespace Ferroptosis.Sim.Ode.Events;

/// <summary>A continuous event function g(t, y); its zeros are the event times.</summary>
/// <param name="t">The time.</param>
/// <param name="y">The state.</param>
/// <returns>g(t, y); must be continuous in t along the solution.</returns>
public delegate double EventFunction(double t, ReadOnlySpan<double> y);
