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

        if (options.Levels < 2 || options.Levels % 2 != 0 || options.Trajectories < 2)
        {
            throw new ArgumentException($"Morris needs an even number of levels ≥ 2 and at least 2 trajectories (got {options.Levels} levels, {options.Trajectories} trajectories).", nameof(options));
        }

        int r = options.Trajectories, p = options.Levels;
        double delta = p / (2.0 * (p - 1));
        var unit = new double[r * (k + 1) * k];
        var order = new int[r * k];
        var sign = new double[r * k];
        for (int t = 0; t < r; t++)
        {
            Trajectory(options.Seed, t, k, p, delta, unit.AsSpan(t * (k + 1) * k, (k + 1) * k), order.AsSpan(t * k, k), sign.AsSpan(t * k, k));
        }

        var points = new double[unit.Length];
        for (int i = 0; i < unit.Length; i++)
        {
            points[i] = factors[i % k].Quantile(unit[i]);
        }

        var (outputs, failures) = BatchEvaluation.RunPoints(model, points, execution, cancellationToken);
        int m = model.OutputNames.Count;
        var indices = new MorrisIndex[m][];
        for (int o = 0; o < m; o++)
        {
            var effects = new List<double>[k];
            for (int i = 0; i < k; i++)
            {
                effects[i] = [];
            }

            for (int t = 0; t < r; t++)
            {
                for (int step = 0; step < k; step++)
                {
                    int before = (t * (k + 1)) + step, after = before + 1;
                    if (failures[before] is null && failures[after] is null)
                    {
                        int factor = order[(t * k) + step];
                        effects[factor].Add(sign[(t * k) + step] * (outputs[(after * m) + o] - outputs[(before * m) + o]) / delta);
                    }
                }
            }

            indices[o] = [.. Enumerable.Range(0, k).Select(i => Statistics(model.InputNames[i], effects[i]))];
        }

        return new MorrisResult(model.InputNames, model.OutputNames, indices, failures.Length, failures.Count(f => f is not null), delta);
    }

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

    private static MorrisIndex Statistics(string factor, List<double> effects)
    {
        int count = effects.Count;
        if (count == 0)
        {
            return new MorrisIndex(factor, double.NaN, double.NaN, double.NaN, 0);
        }

        double mu = effects.Average();
        double muStar = effects.Average(Math.Abs);
        double sigma = count > 1 ? Math.Sqrt(effects.Sum(e => (e - mu) * (e - mu)) / (count - 1)) : double.NaN;
        return new MorrisIndex(factor, mu, muStar, sigma, count);
    }
}
