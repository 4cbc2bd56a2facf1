namespace Ferroptosis.Sim.Analysis;

/// <summary>One start of a multi-start fit: where it began, where it ended and how good that is; several starts ending at different points with similar χ² flag a poorly identifiable parameter.</summary>
/// <param name="Index">The start's number (0 = the initial values).</param>
/// <param name="Initial">The starting values.</param>
/// <param name="Final">The values where it ended.</param>
/// <param name="ChiSquare">The weighted residual sum of squares at the end (NaN if the start failed).</param>
/// <param name="Exit">The minimiser's exit condition.</param>
public sealed record FitStart(int Index, IReadOnlyList<double> Initial, IReadOnlyList<double> Final, double ChiSquare, string Exit);
