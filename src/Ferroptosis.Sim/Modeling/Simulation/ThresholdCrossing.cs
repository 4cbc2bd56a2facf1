namespace Ferroptosis.Sim.Modeling.Simulation;

/// <summary>A time at which a watched quantity crossed its level.</summary>
/// <param name="Quantity">The quantity id.</param>
/// <param name="Level">The level.</param>
/// <param name="Time">The crossing time.</param>
public sealed record ThresholdCrossing(string Quantity, double Level, double Time);
