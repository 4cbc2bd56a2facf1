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
/// <para>
/// To move a population from a laptop to a cluster, <see cref="ToPlan"/> writes the same population as an
/// <see cref="EnsemblePlan"/> over the model file, and <see cref="FromReduction"/> turns the plan's reduction (from any
/// backend) into the same <see cref="PopulationResult"/> that <see cref="Simulate"/> returns, bit for bit.
/// </para>
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

    /// <summary>Makes the plan of a population: the cells of <see cref="Simulate"/> over a model file, so that any ensemble backend computes the same statistics.</summary>
    /// <param name="modelFile">The model file (Antimony or SBML); the plan names it by content hash and must be written beside it.</param>
    /// <param name="protocol">Time span, solver and base parameters; its read-outs, if any, are the extra per-cell read-outs (they follow the quantities).</param>
    /// <param name="variation">What varies between cells, e.g. <c>new EnsembleInput { Target = EnsembleInput.FoldTarget, Id = "k", Distribution = "lognormal(1,0.3)" }</c>.</param>
    /// <param name="quantities">The quantities to follow.</param>
    /// <param name="times">The observation times.</param>
    /// <param name="options">Population size and seed (quantiles are chosen when reading the result), or null for the defaults.</param>
    /// <param name="runsPerShard">Cells per shard.</param>
    /// <returns>The plan, stored at float64; its read-outs are <c>Q@T</c> for every quantity and time (quantity-major), then the protocol's.</returns>
    /// <exception cref="ArgumentException">The inputs, protocol or options do not make a valid plan (the message says why).</exception>
    public static EnsemblePlan ToPlan(string modelFile, EnsembleProtocol protocol, IReadOnlyList<EnsembleInput> variation, IReadOnlyList<string> quantities, IReadOnlyList<double> times, EnsembleOptions? options = null, int runsPerShard = 1000)
    {
        ArgumentNullException.ThrowIfNull(protocol);
        ArgumentNullException.ThrowIfNull(variation);
        options ??= EnsembleOptions.Default;
        var samples = new EnsembleSampleSource { Kind = EnsembleSampleSource.Population, Inputs = [.. variation] };
        var withQuantities = protocol with { Readouts = [.. Columns(quantities, times), .. protocol.Readouts] };
        return AnalysisPlans.Create(modelFile, withQuantities, samples, options.Cells, runsPerShard, options.Seed);
    }

    /// <summary>Builds the population statistics of a reduced population plan (<see cref="ToPlan"/>): the same numbers as <see cref="Simulate"/> on the plan's model, bit for bit.</summary>
    /// <param name="plan">The plan.</param>
    /// <param name="reduction">Its reduction (<c>EnsembleShards.ReduceAsync</c>, any backend).</param>
    /// <param name="quantities">The quantities given to <see cref="ToPlan"/>.</param>
    /// <param name="times">The times given to <see cref="ToPlan"/>.</param>
    /// <param name="quantiles">The quantile probabilities to report, or null for <see cref="EnsembleOptions.Quantiles"/>' default.</param>
    /// <returns>The population statistics; failure messages name the failed cells (the first ten), per-cell values are in the shard files.</returns>
    /// <exception cref="InvalidOperationException">The plan is not a population.</exception>
    /// <exception cref="ArgumentException">The reduction belongs to another plan, or the plan does not follow these quantities at these times.</exception>
    public static PopulationResult FromReduction(EnsemblePlan plan, EnsembleReduction reduction, IReadOnlyList<string> quantities, IReadOnlyList<double> times, IReadOnlyList<double>? quantiles = null)
    {
        var partial = AnalysisPlans.Merged(plan, reduction, EnsembleSampleSource.Population, nameof(VirtualPopulation));
        string[] expected = Columns(quantities, times);
        if (!plan.Protocol.Readouts.Take(expected.Length).SequenceEqual(expected, StringComparer.Ordinal))
        {
            throw new ArgumentException($"The plan's read-outs do not start with {string.Join(", ", expected.Take(3))}…; give the quantities and times the plan was made with.", nameof(quantities));
        }

        var columns = new int[quantities.Count, times.Count];
        for (int q = 0; q < quantities.Count; q++)
        {
            for (int t = 0; t < times.Count; t++)
            {
                columns[q, t] = (q * times.Count) + t;
            }
        }

        string[] messages = [.. partial.FailedRuns.Take(10).Select(run => $"cell {run}: failed")];
        var inputNames = plan.Samples.Inputs.Select(i => i.ToModelInput().Name).ToArray();
        var ensemble = Ensemble.FromPartial(partial, inputNames, quantiles ?? EnsembleOptions.Default.Quantiles, messages, null, null);
        return new PopulationResult([.. quantities], [.. times], columns, ensemble);
    }

    private static string[] Columns(IReadOnlyList<string> quantities, IReadOnlyList<double> times)
    {
        ArgumentNullException.ThrowIfNull(quantities);
        ArgumentNullException.ThrowIfNull(times);
        return [.. quantities.SelectMany(q => times.Select(t => Readout.ValueAt(q, t).Name))];
    }
}
