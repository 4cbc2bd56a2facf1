namespace Ferroptosis.Sim.Modeling.Networks;

/// <summary>A well-mixed compartment (SBML <c>compartment</c>): a volume that holds species.</summary>
/// <param name="Id">The identifier used in expressions.</param>
/// <param name="Size">The size (volume) at t0, unless an initial assignment or rule sets it; must not be negative.</param>
/// <param name="IsConstant">False when rules or events may change the size.</param>
/// <param name="SpatialDimensions">The number of spatial dimensions (3 for a volume); informational.</param>
public sealed record Compartment(string Id, double Size = 1.0, bool IsConstant = true, double SpatialDimensions = 3);
