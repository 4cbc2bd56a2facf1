namespace Ferroptosis.Sim.Ode.Batched;

/// <summary>Writes the initial state and the parameters of one cell of a batched ensemble.</summary>
/// <param name="cell">The cell index, 0 … <see cref="BatchedEnsembleProblem.CellCount"/> − 1.</param>
/// <param name="initialState">Receives the cell's state at the start time (length n; zero-filled on entry).</param>
/// <param name="parameters">Receives the cell's parameters (length m; zero-filled on entry).</param>
/// <remarks>Called from several threads at once, for different cells; it must depend on the cell index only (not on call order), so that results do not depend on the number of threads.</remarks>
public delegate void BatchedCellSetup(int cell, Span<double> initialState, Span<double> parameters);
