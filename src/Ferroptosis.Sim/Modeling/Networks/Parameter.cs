namespace Ferroptosis.Sim.Modeling.Networks;

/// <summary>A global parameter (SBML <c>parameter</c>).</summary>
/// <param name="Id">The identifier used in expressions.</param>
/// <param name="Value">The value at t0, unless an initial assignment or rule sets it.</param>
/// <param name="IsConstant">False when rules or events may change the value.</param>
public sealed record Parameter(string Id, double Value = 0.0, bool IsConstant = true);
