using Ferroptosis.Sim.Ode.Events;

namespace Ferroptosis.Sim.Modeling.Simulation;

/// <summary>Asks a simulation for the times at which a quantity crosses a level (e.g. the time to 50 % survival), located by the integrator's event root finding rather than read off the output grid.</summary>
/// <param name="Quantity">The id of a reportable quantity (species, parameter, compartment, reaction, assigned value).</param>
/// <param name="Level">The level.</param>
/// <param name="Direction">Which crossings count: rising, falling or both.</param>
public sealed record ThresholdWatch(string Quantity, double Level, EventDirection Direction = EventDirection.Both);
