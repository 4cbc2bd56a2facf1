namespace Ferroptosis.Sim.Analysis;

/// <summary>Variance-based global sensitivity: first-order and total Sobol indices from Saltelli sampling, with bootstrap intervals.</summary>
/// <remarks>
/// <para>
/// Two independent N × k sample matrices A and B are drawn (counter-based random numbers mapped through
/// each factor's inverse CDF), and for each factor i the matrix A_B^(i) — A with column i from B. With
/// f_A, f_B, f_ABi the model outputs and V the variance of f_A ∪ f_B, the estimators of Saltelli et al.
/// (Comput. Phys. Commun. 181, 2010, Table 2 (b) and (f)) are
/// S_i = (1/N) Σ_j f_B(j)·(f_ABi(j) − f_A(j)) / V and, after Jansen (1999),
/// S_Ti = (1/2N) Σ_j (f_A(j) − f_ABi(j))² / V.
/// Standard errors and percentile intervals come from resampling the N rows with replacement. The cost is
/// N(k + 2) evaluations, run in parallel; results depend only on the seed.
/// </para>
/// <para>
/// The analysis runs on the ensemble-plan path: the design is the <see cref="EnsembleSampleSource.Saltelli"/> sample
/// source, the sums are exact (<see cref="EnsemblePartial"/>), and the point estimates are rounded once. So
/// <see cref="ToPlan"/> gives a plan that any backend (in-process shards, a Slurm array, an Orleans cluster) runs to the
/// same indices bit for bit, read back with <see cref="FromReduction"/>. A row with a non-finite value of an output is
/// left out of that output's estimates.
/// </para>
/// </remarks>
/// <example>
/// <code>
/// var sobol = SobolAnalysis.Run(model, factors, new SobolOptions { BaseSamples = 4096 });
/// foreach (var s in sobol.Indices("y")) Console.WriteLine($"{s.Factor}: S1 {s.FirstOrder:F3} ± {s.FirstOrderStandardError:F3}, ST {s.Total:F3}");
/// </code>
/// </example>
public static class SobolAnalysis
{
    private const int BatchRuns = 8192;

    /// <summary>Estimates the indices.</summary>
    /// <param name="model">The model; its inputs are the factors.</param>
    /// <param name="factors">One distribution per model input, in input order.</param>
    /// <param name="options">Sampling options, or null for the defaults.</param>
    /// <param name="execution">Threads and progress, or null.</param>
    /// <param name="cancellationToken">Cancels the evaluations.</param>
    /// <returns>The indices of every factor for every output.</returns>
    public static SobolResult Run(IResponseModel model, IReadOnlyList<InputDistribution> factors, SobolOptions? options = null, ExecutionOptions? execution = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(factors);
        options ??= SobolOptions.Default;
        GlobalDesign.CheckFactors(model, factors);
        Check(options);
        int k = factors.Count, n = options.BaseSamples, block = k + 2, m = model.OutputNames.Count;

        // Run r = j(k + 2) + c holds A_j (c = 0), B_j (c = 1), then A_B^(i)_j (c = 2 + i): the plan's Saltelli source.
        var design = new PlanDesign(EnsembleSampleSource.Saltelli, 4, [.. factors], [], options.Seed, (long)n * block, singlePrecision: false);
        double[]? outputs = options.BootstrapSamples > 0 ? new double[n * block * m] : null;
        var partial = design.Run(
            model,
            BatchRuns,
            execution,
            outputs is null ? null : (rows, _) => Copy(rows, outputs),
            cancellationToken);
        return FromPartial(partial, options, outputs);
    }

    /// <summary>Makes the plan of this analysis: the Saltelli design of <see cref="Run"/> over a model file, so that any ensemble backend computes the same indices.</summary>
    /// <param name="modelFile">The model file (Antimony or SBML); the plan names it by content hash and must be written beside it.</param>
    /// <param name="protocol">What each run simulates and reads out (the outputs).</param>
    /// <param name="factors">The factors with their distributions, e.g. <c>new EnsembleInput { Id = "k1", Distribution = "loguniform(0.1,10)" }</c>.</param>
    /// <param name="options">Base samples and seed (bootstrap settings do not enter the plan), or null for the defaults.</param>
    /// <param name="runsPerShard">Runs per shard, rounded down to whole design rows of k + 2 runs.</param>
    /// <returns>The plan, stored at float64.</returns>
    /// <exception cref="ArgumentException">The factors, protocol or options do not make a valid plan (the message says why).</exception>
    public static EnsemblePlan ToPlan(string modelFile, EnsembleProtocol protocol, IReadOnlyList<EnsembleInput> factors, SobolOptions? options = null, int runsPerShard = 1000)
    {
        ArgumentNullException.ThrowIfNull(factors);
        options ??= SobolOptions.Default;
        Check(options);
        var samples = new EnsembleSampleSource { Kind = EnsembleSampleSource.Saltelli, Inputs = [.. factors] };
        return AnalysisPlans.Create(modelFile, protocol, samples, (long)options.BaseSamples * (factors.Count + 2), runsPerShard, options.Seed);
    }

    /// <summary>Builds the result of a reduced Saltelli plan (<see cref="ToPlan"/>): the same indices and variances as <see cref="Run"/> on the plan's model, bit for bit; no bootstrap (the reduction holds sums, not rows), so standard errors and intervals are NaN.</summary>
    /// <param name="plan">The plan.</param>
    /// <param name="reduction">Its reduction (<c>EnsembleShards.ReduceAsync</c>, any backend).</param>
    /// <returns>The indices of every factor for every read-out.</returns>
    /// <exception cref="InvalidOperationException">The plan is not a Saltelli design.</exception>
    /// <exception cref="ArgumentException">The reduction belongs to another plan.</exception>
    public static SobolResult FromReduction(EnsemblePlan plan, EnsembleReduction reduction) =>
        FromPartial(AnalysisPlans.Merged(plan, reduction, EnsembleSampleSource.Saltelli, nameof(SobolAnalysis)), null, null);

    private static SobolResult FromPartial(EnsemblePartial partial, SobolOptions? options, double[]? outputs)
    {
        var factors = partial.Factors!;
        var names = partial.OutputNames;
        var sums = partial.SaltelliParts!;
        int k = factors.Count, block = k + 2, m = names.Count, n = checked((int)(partial.Runs / block));
        var indices = new SobolIndex[m][];
        var variances = new double[m];
        for (int o = 0; o < m; o++)
        {
            variances[o] = sums[o].Variance();
            indices[o] = sums[o].Indices(factors);
            if (outputs is null || options is null)
            {
                continue;
            }

            // Bootstrap intervals around the exact point estimates, over the rows whose values of this output are finite.
            int output = o;
            double F(int j, int c) => outputs[(((j * block) + c) * m) + output];
            int[] rows = [.. Enumerable.Range(0, n).Where(j => Enumerable.Range(0, block).All(c => double.IsFinite(F(j, c))))];
            var estimator = new SaltelliEstimator(rows.Length, k, (row, c) => F(rows[row], c));
            for (int i = 0; i < k; i++)
            {
                indices[o][i] = estimator.Index(factors[i], i, options, o) with { FirstOrder = indices[o][i].FirstOrder, Total = indices[o][i].Total };
            }
        }

        return new SobolResult(factors, names, indices, variances, n, checked((int)partial.Runs), checked((int)partial.Failures.Values.Sum()));
    }

    private static void Copy(EnsembleRows rows, double[] outputs)
    {
        int m = rows.OutputNames.Count;
        long offset = rows.FirstRun * m;
        for (int i = 0; i < rows.Outputs.Count; i++)
        {
            outputs[offset + i] = rows.Outputs[i];
        }
    }

    private static void Check(SobolOptions options)
    {
        if (options.BaseSamples < 2 || options.BootstrapSamples < 0 || !(options.ConfidenceLevel is > 0 and < 1))
        {
            throw new ArgumentException("SobolOptions need BaseSamples ≥ 2, BootstrapSamples ≥ 0 and a confidence level in (0, 1).", nameof(options));
        }
    }
}
