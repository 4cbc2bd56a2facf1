namespace Ferroptosis.Sim.Modeling.Simulation;

/// <summary>A change of a parameter (or a species' amount) at a given time during a simulation, e.g. a drug added or washed out.</summary>
/// <param name="Time">When the change happens; the integrator steps exactly onto it and restarts after it.</param>
/// <param name="Id">The parameter id (or a species id: then <paramref name="Value"/> is its new concentration, or amount with only substance units).</param>
/// <param name="Value">The new value.</param>
public sealed record ScheduledChange(double Time, string Id, double Value);
