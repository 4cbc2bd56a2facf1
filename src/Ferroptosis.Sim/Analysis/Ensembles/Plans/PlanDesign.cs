namespace Ferroptosis.Sim.Analysis;

/// <summary>The sampling half of an ensemble plan, bound to live distributions: which inputs run i gets, how runs are evaluated, and how their rows fold into an <see cref="EnsemblePartial"/>.</summary>
/// <remarks>
/// <para>
/// This is the one code path every ensemble analysis takes. A plan loaded from a file (<see cref="EnsembleWorkload"/>) and
/// the in-process analyses (<see cref="Ensemble"/>, <see cref="VirtualPopulation"/>, <see cref="SobolAnalysis"/>,
/// <see cref="MorrisScreening"/>, <see cref="ParameterScan"/>) all draw run i's inputs with <see cref="Fill"/>, evaluate
/// with <see cref="Evaluate"/> and summarise with <see cref="EnsemblePartial.FromRows(string, int, EnsembleRows, string, ulong, int)"/>;
/// since partials merge exactly, an analysis run in memory and the same plan run as shards give the same numbers bit for bit.
/// </para>
/// Immutable and thread-safe.
/// </remarks>
internal sealed class PlanDesign
{
    private readonly IReadOnlyList<InputDistribution> _distributions;
    private readonly double[][] _gridValues;

    public PlanDesign(string kind, int levels, IReadOnlyList<InputDistribution> distributions, double[][] gridValues, ulong seed, long runs, bool singlePrecision)
    {
        Kind = kind;
        Levels = levels;
        _distributions = distributions;
        _gridValues = gridValues;
        Seed = seed;
        Runs = runs;
        SinglePrecision = singlePrecision;
        int k = Math.Max(distributions.Count, gridValues.Length);
        Block = kind == EnsembleSampleSource.Saltelli ? k + 2 : kind == EnsembleSampleSource.Morris ? k + 1 : 1;
    }

    /// <summary>Gets the inputs' distributions (<c>Fixed(NaN)</c> for grid inputs).</summary>
    public IReadOnlyList<InputDistribution> Distributions => _distributions;

    /// <summary>Gets the sample source's kind.</summary>
    public string Kind { get; }

    /// <summary>Gets the Morris grid levels (4 unless set).</summary>
    public int Levels { get; }

    /// <summary>Gets the seed of the counter-based stream.</summary>
    public ulong Seed { get; }

    /// <summary>Gets the number of runs.</summary>
    public long Runs { get; }

    /// <summary>Gets a value indicating whether read-outs are rounded to float32.</summary>
    public bool SinglePrecision { get; }

    /// <summary>Gets the runs that belong together (a Saltelli design row, a Morris trajectory; 1 otherwise).</summary>
    public int Block { get; }

    /// <summary>Binds a plan's sample source (distribution texts parsed, grid values copied).</summary>
    public static PlanDesign FromPlan(EnsemblePlan plan)
    {
        var inputs = plan.Samples.Inputs;
        return new PlanDesign(
            plan.Samples.Kind,
            plan.Samples.Levels ?? 4,
            [.. inputs.Select(i => i.Distribution is null ? InputDistribution.Fixed(double.NaN) : EnsembleInput.ParseDistribution(i.Distribution))],
            [.. inputs.Select(i => (i.Values ?? []).ToArray())],
            plan.Seed,
            plan.Runs,
            plan.IsSinglePrecision);
    }

    /// <summary>Writes run <paramref name="run"/>'s inputs: a pure function of (design, run).</summary>
    public void Fill(long run, Span<double> inputs) =>
        EnsembleSampleSource.Fill(Kind, Levels, _distributions, _gridValues, Seed, run, inputs);

    /// <summary>Evaluates runs first … first + count − 1 in parallel; read-outs of failed runs are NaN, the others rounded to the design's precision.</summary>
    /// <param name="model">The model; its inputs are the design's inputs in order.</param>
    /// <param name="first">The first run.</param>
    /// <param name="count">The number of runs.</param>
    /// <param name="execution">Threads and progress.</param>
    /// <param name="tracker">Counts completed runs.</param>
    /// <param name="messages">Receives each failed run's message (null on success), or null.</param>
    /// <param name="cancellationToken">Stops the range; then <see cref="OperationCanceledException"/> is thrown.</param>
    public EnsembleRows Evaluate(IResponseModel model, long first, int count, ExecutionOptions execution, ProgressTracker tracker, string?[]? messages, CancellationToken cancellationToken)
    {
        int k = model.InputNames.Count, m = model.OutputNames.Count;
        var inputs = new double[count * k];
        var outputs = new double[count * m];
        var statuses = new string[count];
        bool single = SinglePrecision;
        Parallel.For(
            0,
            count,
            execution.ToParallelOptions(cancellationToken),
            () => model.CreateEvaluator(cancellationToken),
            (i, state, evaluator) =>
            {
                var x = inputs.AsSpan(i * k, k);
                var y = outputs.AsSpan(i * m, m);
                Fill(first + i, x);
                bool ok = evaluator.TryEvaluate(x, y, out string? failure);
                statuses[i] = ok ? EnsembleRows.Success : (evaluator as IFailureKindSource)?.FailureKind ?? "Failed";
                if (!ok)
                {
                    y.Fill(double.NaN);
                    messages?[i] = failure ?? "The evaluation failed.";
                }
                else if (single)
                {
                    for (int o = 0; o < m; o++)
                    {
                        y[o] = (float)y[o];
                    }
                }

                tracker.Completed(1);
                return evaluator;
            },
            _ => { });
        cancellationToken.ThrowIfCancellationRequested();
        return new EnsembleRows(first, count, model.InputNames, model.OutputNames, inputs, outputs, statuses);
    }

    /// <summary>Runs every run of the design in memory, batch after batch (whole blocks), and merges the batches' partials in run order.</summary>
    /// <param name="model">The model.</param>
    /// <param name="batchRuns">Runs per batch (rounded down to whole blocks); it bounds the memory and changes no result.</param>
    /// <param name="execution">Threads and progress, or null.</param>
    /// <param name="onRows">Told each batch's rows and failure messages, in run order, or null.</param>
    /// <param name="cancellationToken">Stops the runs.</param>
    /// <returns>The partial of all runs.</returns>
    public EnsemblePartial Run(IResponseModel model, int batchRuns, ExecutionOptions? execution, Action<EnsembleRows, string?[]>? onRows, CancellationToken cancellationToken)
    {
        execution ??= ExecutionOptions.Default;
        int batch = Math.Max(Block, batchRuns / Block * Block);
        var tracker = new ProgressTracker(Runs, execution.Progress);
        EnsemblePartial? merged = null;
        for (long first = 0; first < Runs; first += batch)
        {
            int count = (int)Math.Min(batch, Runs - first);
            var messages = new string?[count];
            var rows = Evaluate(model, first, count, execution, tracker, messages, cancellationToken);
            onRows?.Invoke(rows, messages);
            var part = EnsemblePartial.FromRows(string.Empty, 0, rows, Kind, Seed, Levels);
            merged = merged is null ? part : EnsemblePartial.Merge([merged, part]);
        }

        tracker.Finish();
        return merged!;
    }
}
