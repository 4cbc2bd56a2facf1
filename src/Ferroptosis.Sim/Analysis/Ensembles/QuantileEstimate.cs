namespace Ferroptosis.Sim.Analysis;

/// <summary>An estimated quantile of a population output.</summary>
/// <param name="Probability">The probability p.</param>
/// <param name="Value">The estimated p-quantile.</param>
public readonly record struct QuantileEstimate(double Probability, double Value);
