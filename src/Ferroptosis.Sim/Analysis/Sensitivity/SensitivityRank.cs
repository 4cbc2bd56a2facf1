namespace Ferroptosis.Sim.Analysis;

/// <summary>One row of a sensitivity ranking table.</summary>
/// <param name="Rank">The rank (1 = most influential).</param>
/// <param name="Parameter">The parameter (or initial value, <c>x(0)</c>).</param>
/// <param name="Score">The ranking score: the largest |normalised coefficient| over time, or its root mean square.</param>
/// <param name="PeakTime">The time at which |normalised coefficient| is largest.</param>
/// <param name="PeakCoefficient">The signed normalised coefficient at <paramref name="PeakTime"/>.</param>
public sealed record SensitivityRank(int Rank, string Parameter, double Score, double PeakTime, double PeakCoefficient);
