namespace Ferroptosis.Sim.Analysis;

/// <summary>Options of <see cref="Ensemble"/> and <see cref="VirtualPopulation"/>: the population size, seed, tracked quantiles and whether to keep per-cell values.</summary>
public sealed record EnsembleOptions
{
    /// <summary>Gets the default options (1000 cells).</summary>
    public static EnsembleOptions Default { get; } = new();

    /// <summary>Gets the number of cells (default 1000).</summary>
    public int Cells { get; init; } = 1000;

    /// <summary>Gets the random seed: cell c's inputs are a function of (seed, c) only.</summary>
    public ulong Seed { get; init; } = 1;

    /// <summary>Gets the probabilities of the quantiles tracked for every output (default 0.05, 0.25, 0.5, 0.75, 0.95).</summary>
    public IReadOnlyList<double> Quantiles { get; init; } = [0.05, 0.25, 0.5, 0.75, 0.95];

    /// <summary>Gets a value indicating whether every cell's inputs and outputs are kept (memory grows with the population; default false).</summary>
    public bool KeepSamples { get; init; }

    /// <summary>Gets the number of cells simulated between two reductions (default 4096); it bounds the memory and does not change any result.</summary>
    public int BatchSize { get; init; } = 4096;
}
