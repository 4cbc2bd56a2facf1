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
        int[] sizes = [.. axes.Select(a => a.Values.Count)];
        var values = new double[count * model.OutputNames.Count];
        var failures = new string?[count];
        var tracker = new ProgressTracker(count, execution.Progress);
        BatchEvaluation.Run(
            model,
            0,
            count,
            (point, inputs) =>
            {
                long rest = point;
                for (int a = sizes.Length - 1; a >= 0; a--)
                {
                    inputs[inputOf[a]] = axes[a].Values[(int)(rest % sizes[a])];
                    rest /= sizes[a];
                }
            },
            values,
            failures,
            execution,
            tracker,
            cancellationToken);
        tracker.Finish();
        return new ScanResult([.. axes], model.OutputNames, values, failures);
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
