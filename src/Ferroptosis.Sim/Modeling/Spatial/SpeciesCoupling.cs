namespace Ferroptosis.Sim.Modeling.Spatial;

/// <summary>A state variable of the cell model that is exchanged between neighbouring cells by linear transport.</summary>
/// <param name="StateId">The id of a state variable of the cell model (a species, or a rate-rule variable).</param>
/// <param name="Coefficient">
/// The exchange coefficient D (at least 0): along an edge of weight w between cells i and j, d x_i/dt gains
/// D · w · (x_j − x_i) and d x_j/dt the opposite, so the total over the cells is conserved. On a lattice (w = 1/h²)
/// this is the standard second-order discretisation of D ∇²x with no-flux boundaries.
/// </param>
public sealed record SpeciesCoupling(string StateId, double Coefficient);
