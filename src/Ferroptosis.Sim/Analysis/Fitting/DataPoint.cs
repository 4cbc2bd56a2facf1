namespace Ferroptosis.Sim.Analysis;

/// <summary>One measurement of a time course.</summary>
/// <param name="Time">The time.</param>
/// <param name="Observable">The measured quantity (a reportable id of the model, e.g. a species).</param>
/// <param name="Value">The measured value.</param>
/// <param name="StandardDeviation">The measurement's standard deviation, or null when unknown.</param>
public sealed record DataPoint(double Time, string Observable, double Value, double? StandardDeviation = null);
