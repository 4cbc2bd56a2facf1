namespace Ferroptosis.Sim.Analysis;

/// <summary>Virtual cell populations over any response model: every cell draws its inputs from distributions, and each output is reduced over the population on the fly (mean, spread, quantiles).</summary>
/// <remarks>
/// <para>
/// Determinism: cell c's inputs are F_i⁻¹(u) with u a counter-based random number of (seed, c, i), so they
/// do not depend on which thread simulates the cell. The ensemble is an ensemble plan run in memory: cell c is run c of
/// the <see cref="EnsembleSampleSource.Population"/> sample source, each batch is summarised like a shard
/// (<see cref="EnsemblePartial"/>: exact sums, extremes and a log-binned histogram) and the batches merge exactly, so
/// results are bit-identical whatever the number of threads or the batch size — and equal to the same population run
/// as a plan on any backend (<see cref="VirtualPopulation.ToPlan"/>).
/// </para>
/// <para>
/// Memory stays flat: a batch of <see cref="EnsembleOptions.BatchSize"/> cells is held at a time and the
/// statistics are mergeable sums and a histogram (quantiles within 2⁻⁸ relative of the nearest-rank value); per-cell
/// values are kept only with <see cref="EnsembleOptions.KeepSamples"/>.
/// </para>
/// </remarks>
public static class Ensemble
{
    private const int MaxFailureMessages = 10;

    /// <summary>Simulates a population.</summary>
    /// <param name="model">The model; each input gets a distribution.</param>
    /// <param name="distributions">One distribution per model input, in input order (use <see cref="InputDistribution.Fixed"/> for inputs that do not vary).</param>
    /// <param name="options">Population size, seed and quantiles; null for the defaults.</param>
    /// <param name="execution">Threads and progress, or null.</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    /// <returns>The statistics of every output.</returns>
    public static EnsembleResult Run(IResponseModel model, IReadOnlyList<InputDistribution> distributions, EnsembleOptions? options = null, ExecutionOptions? execution = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(distributions);
        options ??= EnsembleOptions.Default;
        execution ??= ExecutionOptions.Default;
        GlobalDesign.CheckFactors(model, distributions);
        Validate(options);
        int k = model.InputNames.Count, m = model.OutputNames.Count, cells = options.Cells;
        double[]? keptInputs = options.KeepSamples ? new double[(long)cells * k] : null;
        double[]? keptOutputs = options.KeepSamples ? new double[(long)cells * m] : null;
        var messages = new List<string>();

        // Cell c is run c of the plan's population source; each batch is a shard, and the exact partials merge bit-identically.
        var design = new PlanDesign(EnsembleSampleSource.Population, 4, [.. distributions], [], options.Seed, cells, singlePrecision: false);
        var partial = design.Run(
            model,
            options.BatchSize,
            execution,
            (rows, failures) =>
            {
                for (int c = 0; c < rows.Count && messages.Count < MaxFailureMessages; c++)
                {
                    if (failures[c] is { } message)
                    {
                        messages.Add($"cell {rows.FirstRun + c}: {message}");
                    }
                }

                if (keptInputs is not null && keptOutputs is not null)
                {
                    Copy(rows.Inputs, keptInputs, rows.FirstRun * k);
                    Copy(rows.Outputs, keptOutputs, rows.FirstRun * m);
                }
            },
            cancellationToken);
        return FromPartial(partial, model.InputNames, options.Quantiles, messages, keptInputs, keptOutputs);
    }

    /// <summary>The population statistics of a population plan's merged partial.</summary>
    internal static EnsembleResult FromPartial(EnsemblePartial partial, IReadOnlyList<string> inputNames, IReadOnlyList<double> quantiles, IReadOnlyList<string> messages, double[]? keptInputs, double[]? keptOutputs) =>
        new(inputNames, partial.OutputNames, [.. partial.Summaries(quantiles)], checked((int)partial.Runs), checked((int)partial.Failures.Values.Sum()), messages, keptInputs, keptOutputs);

    /// <summary>Cell c's inputs: a pure function of (seed, c).</summary>
    internal static void Draw(ulong seed, long cell, IReadOnlyList<InputDistribution> distributions, Span<double> inputs)
    {
        for (int i = 0; i < inputs.Length; i++)
        {
            inputs[i] = distributions[i].Quantile(CounterRandom.Uniform(seed, cell, i));
        }
    }

    private static void Copy(IReadOnlyList<double> source, double[] target, long offset)
    {
        for (int i = 0; i < source.Count; i++)
        {
            target[offset + i] = source[i];
        }
    }

    private static void Validate(EnsembleOptions options)
    {
        if (options.Cells < 1 || options.BatchSize < 1)
        {
            throw new ArgumentException($"An ensemble needs at least one cell and a positive batch size (got {options.Cells} cells, batch {options.BatchSize}).", nameof(options));
        }

        if (options.Quantiles.Any(p => !(p > 0 && p < 1)))
        {
            throw new ArgumentException($"Quantile probabilities must lie strictly between 0 and 1 (got {string.Join(", ", options.Quantiles)}).", nameof(options));
        }
    }
}
