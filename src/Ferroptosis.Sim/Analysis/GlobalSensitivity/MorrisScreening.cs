namespace Ferroptosis.Sim.Analysis;

/// <summary>Morris elementary-effects screening: which factors matter, and which act non-linearly or through interactions, at a cost linear in the number of factors.</summary>
/// <remarks>
/// <para>
/// Design (Morris, Technometrics 33, 1991): r trajectories in the unit cube on a p-level grid; each
/// starts at a random grid point and changes one factor at a time by ±Δ, Δ = p/(2(p − 1)), in random
/// order, giving one elementary effect EE_i = ±(f(x + Δe_i) − f(x))/Δ per factor and trajectory. The unit
/// cube maps to the factors through their inverse CDFs (so factors need bounded distributions). Reported
/// per factor and output: μ, μ* = mean |EE| (Campolongo, Cariboni &amp; Saltelli, Environ. Model. Softw. 22,
/// 2007) and σ (sample standard deviation). The design depends only on the seed, and the r(k + 1)
/// evaluations run in parallel.
/// </para>
/// <para>
/// The screening runs on the ensemble-plan path: the trajectories are the <see cref="EnsembleSampleSource.Morris"/> sample
/// source and the statistics come from exact sums (<see cref="EnsemblePartial"/>), rounded once. So <see cref="ToPlan"/>
/// gives a plan that any backend runs to the same statistics bit for bit, read back with <see cref="FromReduction"/>.
/// </para>
/// </remarks>
/// <example>
/// <code>
/// var factors = new[] { InputDistribution.LogUniform(0.1, 10), InputDistribution.Uniform(0, 1) };
/// var morris = MorrisScreening.Run(experiment, factors, new MorrisOptions { Trajectories = 50 });
/// foreach (var f in morris.Ranking("S@24")) Console.WriteLine($"{f.Factor}: μ* {f.MuStar:G3}, σ {f.Sigma:G3}");
/// </code>
/// </example>
public static class MorrisScreening
{
    private const int BatchRuns = 8192;

    /// <summary>Runs the screening.</summary>
    /// <param name="model">The model; its inputs are the factors.</param>
    /// <param name="factors">One bounded distribution per model input, in input order.</param>
    /// <param name="options">Design options, or null for the defaults.</param>
    /// <param name="execution">Threads and progress, or null.</param>
    /// <param name="cancellationToken">Cancels the evaluations.</param>
    /// <returns>μ, μ* and σ of every factor for every output.</returns>
    /// <exception cref="ArgumentException">The factors do not match the inputs, a distribution is unbounded, or the options are invalid.</exception>
    public static MorrisResult Run(IResponseModel model, IReadOnlyList<InputDistribution> factors, MorrisOptions? options = null, ExecutionOptions? execution = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(factors);
        options ??= MorrisOptions.Default;
        int k = model.InputNames.Count;
        GlobalDesign.CheckFactors(model, factors);
        if (factors.FirstOrDefault(f => !f.IsBounded) is { } unbounded)
        {
            throw new ArgumentException($"Morris screening needs bounded factors; {unbounded.Description} is not (use Uniform or LogUniform ranges).", nameof(factors));
        }

        Check(options);
        int r = options.Trajectories, p = options.Levels;

        // Run t(k + 1) + s is point s of trajectory t: the plan's Morris source; the sums of the effects are exact.
        var design = new PlanDesign(EnsembleSampleSource.Morris, p, [.. factors], [], options.Seed, (long)r * (k + 1), singlePrecision: false);
        var partial = design.Run(model, BatchRuns, execution, null, cancellationToken);
        return FromPartial(partial, p);
    }

    /// <summary>Makes the plan of this analysis: the trajectories of <see cref="Run"/> over a model file, so that any ensemble backend computes the same statistics.</summary>
    /// <param name="modelFile">The model file (Antimony or SBML); the plan names it by content hash and must be written beside it.</param>
    /// <param name="protocol">What each run simulates and reads out (the outputs).</param>
    /// <param name="factors">The factors with bounded distributions, e.g. <c>new EnsembleInput { Id = "k1", Distribution = "loguniform(0.1,10)" }</c>.</param>
    /// <param name="options">Trajectories, levels and seed, or null for the defaults.</param>
    /// <param name="runsPerShard">Runs per shard, rounded down to whole trajectories of k + 1 runs.</param>
    /// <returns>The plan, stored at float64.</returns>
    /// <exception cref="ArgumentException">The factors, protocol or options do not make a valid plan (the message says why).</exception>
    public static EnsemblePlan ToPlan(string modelFile, EnsembleProtocol protocol, IReadOnlyList<EnsembleInput> factors, MorrisOptions? options = null, int runsPerShard = 1000)
    {
        ArgumentNullException.ThrowIfNull(factors);
        options ??= MorrisOptions.Default;
        Check(options);
        var samples = new EnsembleSampleSource { Kind = EnsembleSampleSource.Morris, Levels = options.Levels, Inputs = [.. factors] };
        return AnalysisPlans.Create(modelFile, protocol, samples, (long)options.Trajectories * (factors.Count + 1), runsPerShard, options.Seed);
    }

    /// <summary>Builds the result of a reduced Morris plan (<see cref="ToPlan"/>): the same μ, μ* and σ as <see cref="Run"/> on the plan's model, bit for bit.</summary>
    /// <param name="plan">The plan.</param>
    /// <param name="reduction">Its reduction (<c>EnsembleShards.ReduceAsync</c>, any backend).</param>
    /// <returns>The statistics of every factor for every read-out.</returns>
    /// <exception cref="InvalidOperationException">The plan is not a Morris design.</exception>
    /// <exception cref="ArgumentException">The reduction belongs to another plan.</exception>
    public static MorrisResult FromReduction(EnsemblePlan plan, EnsembleReduction reduction) =>
        FromPartial(AnalysisPlans.Merged(plan, reduction, EnsembleSampleSource.Morris, nameof(MorrisScreening)), plan.Samples.Levels ?? 4);

    /// <summary>One trajectory: a random grid start whose steps ±Δ stay in [0, 1], factors changed in a random order.</summary>
    internal static void Trajectory(ulong seed, int t, int k, int p, double delta, Span<double> points, Span<int> order, Span<double> sign)
    {
        // Counter streams: 0..k−1 base levels, k..2k−1 directions, 2k..3k−1 the permutation.
        Span<double> x = points[..k];
        for (int i = 0; i < k; i++)
        {
            int level = CounterRandom.Integer(seed, t, i, p / 2);
            bool down = CounterRandom.Uniform(seed, t, k + i) < 0.5;
            x[i] = ((double)level / (p - 1)) + (down ? delta : 0);
            order[i] = i;
        }

        for (int i = k - 1; i > 0; i--)
        {
            int j = CounterRandom.Integer(seed, t, (2 * k) + i, i + 1);
            (order[i], order[j]) = (order[j], order[i]);
        }

        for (int step = 0; step < k; step++)
        {
            int factor = order[step];
            sign[step] = x[factor] + delta <= 1 + 1e-12 ? 1 : -1;
            var next = points.Slice((step + 1) * k, k);
            points.Slice(step * k, k).CopyTo(next);
            next[factor] = Math.Clamp(next[factor] + (sign[step] * delta), 0, 1);
        }
    }

    private static MorrisResult FromPartial(EnsemblePartial partial, int levels)
    {
        var factors = partial.Factors!;
        var names = partial.OutputNames;
        MorrisIndex[][] indices = [.. partial.MorrisParts!.Select(sums => sums.Indices(factors))];
        return new MorrisResult(factors, names, indices, checked((int)partial.Runs), checked((int)partial.Failures.Values.Sum()), levels / (2.0 * (levels - 1)));
    }

    private static void Check(MorrisOptions options)
    {
        if (options.Levels < 2 || options.Levels % 2 != 0 || options.Trajectories < 2)
        {
            throw new ArgumentException($"Morris needs an even number of levels ≥ 2 and at least 2 trajectories (got {options.Levels} levels, {options.Trajectories} trajectories).", nameof(options));
        }
    }
}
