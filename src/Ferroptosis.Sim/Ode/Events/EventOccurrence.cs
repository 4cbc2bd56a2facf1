namespace Ferroptosis.Sim.Ode.Events;

/// <summary>One event that fired during an integration.</summary>
/// <param name="Name">The event's name.</param>
/// <param name="Time">The time at which it fired.</param>
/// <param name="IsTimeEvent">True for a <see cref="TimeEvent"/>, false for a continuous <see cref="OdeEvent"/>.</param>
public readonly record struct EventOccurrence(string Name, double Time, bool IsTimeEvent);
