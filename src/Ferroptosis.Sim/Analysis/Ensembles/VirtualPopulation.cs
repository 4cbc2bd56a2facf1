using Ferroptosis.Sim.Modeling.Compilation;
using Ferroptosis.Sim.Modeling.Simulation;

namespace Ferroptosis.Sim.Analysis;

/// <summary>A virtual cell population of a compiled model: parameters and initial values vary from cell to cell, and quantities are followed as population statistics over time.</summary>
/// <remarks>
/// A convenience over <see cref="Ensemble"/> and <see cref="SimulationExperiment"/>: each cell is one run
/// whose inputs are drawn from the <see cref="CellVariation"/>s, its readouts the followed quantities at
/// the observation times (plus any extra readouts, e.g. the time to 50 % death). Deterministic for a
/// seed whatever the number of threads; memory does not grow with the population. Immutable and
/// thread-safe.
/// </remarks>
/// <example>
/// <code>
/// var population = new VirtualPopulation(model, [new CellVariation(new ParameterFoldChangeInput("k"), InputDistribution.LogNormal(1, 0.3))], settings);
/// var result = population.Simulate(["S"], ScanRange.Linear(0, 48, 49), new EnsembleOptions { Cells = 10_000, Seed = 7 });
/// double[] survivingFraction = result.Mean("S");
/// double[] lower = result.Quantile("S", 0.05);
/// </code>
/// </example>
public sealed class VirtualPopulation
{
    /// <summary>Initializes a new instance of the <see cref="VirtualPopulation"/> class.</summary>
    /// <param name="model">The compiled model.</param>
    /// <param name="variation">What varies between cells, and how.</param>
    /// <param name="settings">Time span, solver, tolerances and base changes; null for the defaults.</param>
    public VirtualPopulation(CompiledModel model, IReadOnlyList<CellVariation> variation, SimulationSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(variation);
        Model = model;
        Variation = [.. variation];
        Settings = settings ?? new SimulationSettings();
    }

    /// <summary>Gets the model.</summary>
    public CompiledModel Model { get; }

    /// <summary>Gets the sources of variability.</summary>
    public IReadOnlyList<CellVariation> Variation { get; }

    /// <summary>Gets the base settings.</summary>
    public SimulationSettings Settings { get; }

    /// <summary>Simulates the population and follows quantities over time.</summary>
    /// <param name="quantities">The quantities to follow (species, parameters, assigned values…).</param>
    /// <param name="times">The observation times, inside the run.</param>
    /// <param name="options">Population size, seed and quantiles; null for the defaults.</param>
    /// <param name="readouts">Extra per-cell readouts whose population statistics are also wanted (e.g. <c>Readout.TimeToThreshold("S", 0.5)</c>), or null.</param>
    /// <param name="execution">Threads and progress, or null.</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    /// <returns>The population statistics.</returns>
    public PopulationResult Simulate(IReadOnlyList<string> quantities, IReadOnlyList<double> times, EnsembleOptions? options = null, IReadOnlyList<Readout>? readouts = null, ExecutionOptions? execution = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(quantities);
        ArgumentNullException.ThrowIfNull(times);
        var all = new List<Readout>();
        var columns = new int[quantities.Count, times.Count];
        for (int q = 0; q < quantities.Count; q++)
        {
            for (int t = 0; t < times.Count; t++)
            {
                columns[q, t] = all.Count;
                all.Add(Readout.ValueAt(quantities[q], times[t]));
            }
        }

        all.AddRange(readouts ?? []);
        var experiment = new SimulationExperiment(Model, [.. Variation.Select(v => v.Input)], all, Settings);
        var ensemble = Ensemble.Run(experiment, [.. Variation.Select(v => v.Distribution)], options, execution, cancellationToken);
        return new PopulationResult([.. quantities], [.. times], columns, ensemble);
    }
}
