namespace Ferroptosis.Sim.Analysis;

/// <summary>A measurement against the fitted model.</summary>
/// <param name="Point">The measurement.</param>
/// <param name="Predicted">The fitted model's value.</param>
/// <param name="WeightedResidual">(observed − predicted)/sd, or observed − predicted without standard deviations.</param>
public sealed record FitResidual(DataPoint Point, double Predicted, double WeightedResidual);
