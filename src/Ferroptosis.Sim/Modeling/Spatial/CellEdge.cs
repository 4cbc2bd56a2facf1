namespace Ferroptosis.Sim.Modeling.Spatial;

/// <summary>A link between two cells of a <see cref="CellTopology"/> through which coupled species are exchanged.</summary>
/// <param name="First">One cell (index into the topology's cells).</param>
/// <param name="Second">The other cell; different from <paramref name="First"/>.</param>
/// <param name="Weight">
/// The geometric factor of the exchange (at least 0): a coupled species with coefficient D moves from cell j to cell i
/// at the rate D · Weight · (x_j − x_i). On a lattice of spacing h it is 1/h², so D is a diffusion coefficient; on a
/// graph of gap junctions it can be the relative permeability of each junction, with D the permeability of one.
/// </param>
public readonly record struct CellEdge(int First, int Second, double Weight);
