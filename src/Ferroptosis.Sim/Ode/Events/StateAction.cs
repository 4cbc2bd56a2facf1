namespace Ferroptosis.Sim.Ode.Events;

/// <summary>Changes the state at an event, e.g. <c>y[k] += dose</c>.</summary>
/// <param name="t">The event time.</param>
/// <param name="y">The state at the event; modify it in place.</param>
public delegate void StateAction(double t, Span<double> y);
