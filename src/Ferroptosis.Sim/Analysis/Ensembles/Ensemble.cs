namespace Ferroptosis.Sim.Analysis;

/// <summary>Virtual cell populations over any response model: every cell draws its inputs from distributions, and each output is reduced over the population on the fly (mean, spread, quantiles).</summary>
/// <remarks>
/// <para>
/// Determinism: cell c's inputs are F_i⁻¹(u) with u a counter-based random number of (seed, c, i), so they
/// do not depend on which thread simulates the cell. Cells are simulated in batches in parallel; each
/// batch's outputs are then folded into the running statistics in cell order (one output per thread, each
/// in cell order), so results are bit-identical whatever the number of threads.
/// </para>
/// <para>
/// Memory stays flat: a batch of <see cref="EnsembleOptions.BatchSize"/> cells is held at a time and the
/// statistics are streaming (Welford mean and variance, P² quantiles); per-cell values are kept only with
/// <see cref="EnsembleOptions.KeepSamples"/>.
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
        double[] probabilities = [.. options.Quantiles];
        var summaries = Enumerable.Range(0, m).Select(_ => new StreamingSummary(probabilities)).ToArray();
        int batch = Math.Min(options.BatchSize, cells);
        var outputs = new double[batch * m];
        var failures = new string?[batch];
        double[]? keptInputs = options.KeepSamples ? new double[(long)cells * k] : null;
        double[]? keptOutputs = options.KeepSamples ? new double[(long)cells * m] : null;
        var messages = new List<string>();
        int failed = 0;
        var tracker = new ProgressTracker(cells, execution.Progress);
        ulong seed = options.Seed;
        for (int first = 0; first < cells; first += batch)
        {
            int count = Math.Min(batch, cells - first);
            BatchEvaluation.Run(
                model,
                first,
                count,
                (cell, inputs) => Draw(seed, cell, distributions, inputs),
                outputs,
                failures,
                execution,
                tracker,
                cancellationToken);

            for (int c = 0; c < count; c++)
            {
                if (failures[c] is { } message)
                {
                    failed++;
                    if (messages.Count < MaxFailureMessages)
                    {
                        messages.Add($"cell {first + c}: {message}");
                    }
                }
            }

            // Each output's statistics see the cells in order, whichever thread folds them.
            Parallel.For(0, m, execution.ToParallelOptions(cancellationToken), o =>
            {
                var summary = summaries[o];
                for (int c = 0; c < count; c++)
                {
                    if (failures[c] is null)
                    {
                        summary.Add(outputs[(c * m) + o]);
                    }
                }
            });

            if (keptOutputs is not null)
            {
                for (int c = 0; c < count; c++)
                {
                    var row = keptOutputs.AsSpan((first + c) * m, m);
                    if (failures[c] is null)
                    {
                        outputs.AsSpan(c * m, m).CopyTo(row);
                    }
                    else
                    {
                        row.Fill(double.NaN);
                    }

                    Draw(seed, first + c, distributions, keptInputs.AsSpan((first + c) * k, k));
                }
            }
        }

        tracker.Finish();
        return new EnsembleResult(model.InputNames, model.OutputNames, [.. summaries.Select((s, o) => s.ToSummary(model.OutputNames[o]))], cells, failed, messages, keptInputs, keptOutputs);
    }

    /// <summary>Cell c's inputs: a pure function of (seed, c).</summary>
    internal static void Draw(ulong seed, long cell, IReadOnlyList<InputDistribution> distributions, Span<double> inputs)
    {
        for (int i = 0; i < inputs.Length; i++)
        {
            inputs[i] = distributions[i].Quantile(CounterRandom.Uniform(seed, cell, i));
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
