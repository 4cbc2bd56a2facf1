namespace Ferroptosis.Sim.Analysis;

/// <summary>Scans a response model over a grid of input values (1-D, 2-D or more axes), in parallel.</summary>
/// <remarks>
/// <para>
/// Every grid point is an independent evaluation; points run on all cores (one evaluator per worker
/// thread) and are stored by index, so the result is the same whatever the number of threads. Inputs
/// can be parameters, initial values or anything an <see cref="IModelInput"/> sets; outputs are any
/// <see cref="Readout"/>s (see <see cref="SimulationExperiment"/>).
/// </para>
/// <para>Cancellation stops the scan between points and throws <see cref="OperationCanceledException"/>.</para>
/// <para>
/// A scan is a grid plan run in memory: point i is run i of the <see cref="EnsembleSampleSource.Grid"/> sample source.
/// <see cref="ToPlan"/> gives that plan over a model file for any ensemble backend, and <see cref="FromRows"/> reads its
/// shards back into the same <see cref="ScanResult"/>, bit for bit.
/// </para>
/// </remarks>
/// <example>
/// <code>
/// var experiment = new SimulationExperiment(model, [new ParameterInput("k1"), new ParameterInput("k2")], [Readout.ValueAt("B", 10)], settings);
/// var scan = ParameterScan.Run(experiment, [ScanAxis.Parse("k1", "0.01:100:log50"), ScanAxis.Parse("k2", "0.01:100:log50")]);
/// double[,] grid = scan.GetGrid("B@10");
/// </code>
/// </example>
public static class ParameterScan
{
    /// <summary>Evaluates the model at every point of the grid spanned by <paramref name="axes"/>.</summary>
    /// <param name="model">The model; every input must have exactly one axis (use a one-value axis to fix an input).</param>
    /// <param name="axes">The axes, in grid order (the last varies fastest).</param>
    /// <param name="execution">Threads and progress; null for all cores and no reports.</param>
    /// <param name="cancellationToken">Cancels the scan.</param>
    /// <returns>The outputs at every point.</returns>
    /// <exception cref="ArgumentException">An axis names an unknown input, two axes name the same input, or an input has no axis.</exception>
    public static ScanResult Run(IResponseModel model, IReadOnlyList<ScanAxis> axes, ExecutionOptions? execution = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(axes);
        execution ??= ExecutionOptions.Default;
        int[] inputOf = MapAxes(model, axes);
        long total = 1;
        foreach (var axis in axes)
        {
            total *= axis.Values.Count;
        }

        if (total > int.MaxValue / Math.Max(1, model.OutputNames.Count))
        {
            throw new ArgumentException($"The grid has {total} points; that is too many to hold (split the scan).", nameof(axes));
        }

        int count = (int)total;

        // Point i is run i of a grid plan over the axes (last fastest); a model whose inputs are in another order is seen through a permutation.
        var view = inputOf.Select((input, a) => input == a).All(same => same) ? model : new PermutedInputsModel(model, inputOf);
        var design = new PlanDesign(EnsembleSampleSource.Grid, 4, [], [.. axes.Select(a => a.Values.ToArray())], 0, count, singlePrecision: false);
        var failures = new string?[count];
        var tracker = new ProgressTracker(count, execution.Progress);
        var rows = design.Evaluate(view, 0, count, execution, tracker, failures, cancellationToken);
        tracker.Finish();
        return new ScanResult([.. axes], model.OutputNames, rows.Outputs as double[] ?? [.. rows.Outputs], failures);
    }

    /// <summary>Makes the plan of a scan: the grid of <see cref="Run"/> over a model file (the first axis slowest, the last fastest), so that any ensemble backend computes the same points.</summary>
    /// <param name="modelFile">The model file (Antimony or SBML); the plan names it by content hash and must be written beside it.</param>
    /// <param name="protocol">What each run simulates and reads out (the outputs).</param>
    /// <param name="axes">The axes, in grid order, e.g. <c>new EnsembleInput { Id = "k1", Values = ScanRange.Parse("0.01:100:log50") }</c>.</param>
    /// <param name="runsPerShard">Points per shard.</param>
    /// <returns>The plan, stored at float64, one run per grid point.</returns>
    /// <exception cref="ArgumentException">The axes or protocol do not make a valid plan (the message says why).</exception>
    public static EnsemblePlan ToPlan(string modelFile, EnsembleProtocol protocol, IReadOnlyList<EnsembleInput> axes, int runsPerShard = 1000)
    {
        ArgumentNullException.ThrowIfNull(axes);
        var samples = new EnsembleSampleSource { Kind = EnsembleSampleSource.Grid, Inputs = [.. axes] };
        return AnalysisPlans.Create(modelFile, protocol, samples, samples.GridPoints() ?? 0, runsPerShard, seed: 1);
    }

    /// <summary>Builds the scan result of a grid plan (<see cref="ToPlan"/>) from its shards' rows (e.g. <c>EnsembleShards.ReadRowsAsync</c>): the same values as <see cref="Run"/> on the plan's model, bit for bit.</summary>
    /// <param name="plan">The grid plan.</param>
    /// <param name="shards">The rows of every shard, in shard order.</param>
    /// <returns>The outputs at every point; a failed point has NaN outputs and its solver status as failure.</returns>
    /// <exception cref="InvalidOperationException">The plan is not a grid.</exception>
    /// <exception cref="ArgumentException">The rows do not cover the plan's runs once, in order.</exception>
    public static ScanResult FromRows(EnsemblePlan plan, IEnumerable<EnsembleRows> shards)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(shards);
        if (plan.Samples.Kind != EnsembleSampleSource.Grid)
        {
            throw new InvalidOperationException($"The plan's sample source is '{plan.Samples.Kind}'; a scan needs a '{EnsembleSampleSource.Grid}' plan (make it with ParameterScan.ToPlan).");
        }

        int count = checked((int)plan.Runs), m = plan.Protocol.Readouts.Count;
        var values = new double[count * m];
        var failures = new string?[count];
        IReadOnlyList<string>? names = null;
        long next = 0;
        foreach (var rows in shards)
        {
            if (rows.FirstRun != next || rows.OutputNames.Count != m || next + rows.Count > count)
            {
                throw new ArgumentException($"The rows do not cover the plan's {count} runs in order: expected run {next} next ({m} read-outs), got runs {rows.FirstRun} to {rows.FirstRun + rows.Count - 1}.", nameof(shards));
            }

            names ??= rows.OutputNames;
            for (int i = 0; i < rows.Count; i++)
            {
                failures[next + i] = rows.Statuses[i] == EnsembleRows.Success ? null : rows.Statuses[i];
                for (int o = 0; o < m; o++)
                {
                    values[((next + i) * m) + o] = rows.Outputs[(i * m) + o];
                }
            }

            next += rows.Count;
        }

        if (next != count)
        {
            throw new ArgumentException($"The rows cover {next} of the plan's {count} runs.", nameof(shards));
        }

        ScanAxis[] axes = [.. plan.Samples.Inputs.Select(i => new ScanAxis(i.ToModelInput().Name, i.Values ?? []))];
        return new ScanResult(axes, names ?? [], values, failures);
    }

    private static int[] MapAxes(IResponseModel model, IReadOnlyList<ScanAxis> axes)
    {
        var inputOf = new int[axes.Count];
        var covered = new bool[model.InputNames.Count];
        for (int a = 0; a < axes.Count; a++)
        {
            int i = AnalysisChecks.IndexOf(model.InputNames, axes[a].Input);
            if (i < 0)
            {
                throw new ArgumentException($"Axis '{axes[a].Input}' names no input of the model; its inputs are {string.Join(", ", model.InputNames)}.", nameof(axes));
            }

            if (covered[i])
            {
                throw new ArgumentException($"Two axes vary input '{axes[a].Input}'; give each input one axis.", nameof(axes));
            }

            covered[i] = true;
            inputOf[a] = i;
        }

        int missing = Array.IndexOf(covered, false);
        if (missing >= 0)
        {
            throw new ArgumentException($"Input '{model.InputNames[missing]}' has no axis; add one (a single-value axis fixes it).", nameof(axes));
        }

        return inputOf;
    }
}
