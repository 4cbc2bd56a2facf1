namespace Ferroptosis.Sim.Analysis;

/// <summary>The small mergeable summary of a shard (or of several merged shards): run count, failures per status, the first failed runs, and exact per-read-out statistics (count, sums, extremes, quantile histogram).</summary>
/// <remarks>
/// Merging is exact (see the remarks of the big-integer sums in the documentation, <c>docs/distributed.md</c>), so
/// merging the partials of any split of the runs gives the same statistics bit for bit. <see cref="Merge"/> still takes
/// the parts in shard order, so that the list of first failed runs is the global first. Not thread-safe.
/// </remarks>
public sealed partial class EnsemblePartial
{
    /// <summary>The value of "format" in a partial file.</summary>
    public const string FormatName = "ferrosim-ensemble-partial";

    /// <summary>The largest number of failed run indices kept.</summary>
    public const int MaxFailedRuns = 100;

    private readonly SortedDictionary<string, long> _failures = new(StringComparer.Ordinal);
    private readonly List<long> _failedRuns = [];
    private readonly ExactMoments[] _outputs;
    private string[]? _factors;
    private SaltelliSums[]? _saltelli;
    private MorrisSums[]? _morris;

    private EnsemblePartial(string planHash, int shard, long firstRun, IReadOnlyList<string> outputNames)
    {
        PlanHash = planHash;
        Shard = shard;
        FirstRun = firstRun;
        _outputs = [.. outputNames.Select(n => new ExactMoments(n))];
    }

    /// <summary>Gets the hash of the plan the runs belong to.</summary>
    public string PlanHash { get; }

    /// <summary>Gets the shard index, or −1 for a merge of several shards.</summary>
    public int Shard { get; }

    /// <summary>Gets the first run index covered.</summary>
    public long FirstRun { get; }

    /// <summary>Gets the number of runs covered.</summary>
    public long Runs { get; private set; }

    /// <summary>Gets the number of failed runs per status (ordinal order).</summary>
    public IReadOnlyDictionary<string, long> Failures => _failures;

    /// <summary>Gets the first failed run indices (at most <see cref="MaxFailedRuns"/>), in run order.</summary>
    public IReadOnlyList<long> FailedRuns => _failedRuns;

    /// <summary>Gets the read-out names.</summary>
    public IReadOnlyList<string> OutputNames => [.. _outputs.Select(o => o.Name)];

    /// <summary>Gets the factor names of a Saltelli or Morris design, or null.</summary>
    internal IReadOnlyList<string>? Factors => _factors;

    /// <summary>Gets the Saltelli sums per read-out, or null.</summary>
    internal IReadOnlyList<SaltelliSums>? SaltelliParts => _saltelli;

    /// <summary>Gets the Morris sums per read-out, or null.</summary>
    internal IReadOnlyList<MorrisSums>? MorrisParts => _morris;

    /// <summary>Gets a value indicating whether the partial holds the sums of a Saltelli design (Sobol indices).</summary>
    public bool HasSobolSums => _saltelli is not null;

    /// <summary>Summarises a shard's rows, in run order.</summary>
    /// <param name="planHash">The plan's hash.</param>
    /// <param name="shard">The shard index.</param>
    /// <param name="rows">The shard's rows.</param>
    /// <returns>The partial.</returns>
    public static EnsemblePartial FromRows(string planHash, int shard, EnsembleRows rows) => FromRows(planHash, shard, rows, saltelliDesign: false);

    /// <summary>Summarises a shard's rows of a plan, with the Sobol sums of a Saltelli plan or the elementary-effect sums of a Morris plan.</summary>
    /// <param name="plan">The plan the rows belong to.</param>
    /// <param name="shard">The shard index.</param>
    /// <param name="rows">The shard's rows (whole design rows or trajectories).</param>
    /// <returns>The partial.</returns>
    public static EnsemblePartial FromRows(EnsemblePlan plan, int shard, EnsembleRows rows)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(rows);
        return FromRows(plan.ComputeHash(), shard, rows, plan.Samples.Kind, plan.Seed, plan.Samples.Levels ?? 4);
    }

    /// <summary>Summarises rows of a design of the given kind: the one path of plans and in-process analyses.</summary>
    internal static EnsemblePartial FromRows(string planHash, int shard, EnsembleRows rows, string kind, ulong seed, int levels)
    {
        var partial = FromRows(planHash, shard, rows, kind == EnsembleSampleSource.Saltelli);
        if (kind == EnsembleSampleSource.Morris)
        {
            partial.AddMorris(rows, seed, levels);
        }

        return partial;
    }

    /// <summary>Summarises a shard's rows, in run order, and for a Saltelli design also the Sobol sums of its design rows.</summary>
    /// <param name="planHash">The plan's hash.</param>
    /// <param name="shard">The shard index.</param>
    /// <param name="rows">The shard's rows; for a Saltelli design they start at a design row and hold whole rows (k + 2 runs each).</param>
    /// <param name="saltelliDesign">True when the runs are a Saltelli design (<see cref="EnsembleSampleSource.Saltelli"/>).</param>
    /// <returns>The partial.</returns>
    public static EnsemblePartial FromRows(string planHash, int shard, EnsembleRows rows, bool saltelliDesign)
    {
        ArgumentNullException.ThrowIfNull(planHash);
        ArgumentNullException.ThrowIfNull(rows);
        var partial = new EnsemblePartial(planHash, shard, rows.FirstRun, rows.OutputNames);
        int m = rows.OutputNames.Count;
        for (int i = 0; i < rows.Count; i++)
        {
            string status = rows.Statuses[i];
            if (status != EnsembleRows.Success)
            {
                partial._failures[status] = partial._failures.GetValueOrDefault(status) + 1;
                if (partial._failedRuns.Count < MaxFailedRuns)
                {
                    partial._failedRuns.Add(rows.FirstRun + i);
                }

            }
        }

        // Each read-out's sums see the runs in order, whichever thread adds them (exact sums: the order does not matter anyway).
        Parallel.For(0, m, o =>
        {
            var moments = partial._outputs[o];
            for (int i = 0; i < rows.Count; i++)
            {
                if (rows.Statuses[i] == EnsembleRows.Success)
                {
                    moments.Add(rows.Outputs[(i * m) + o]);
                }
            }
        });

        partial.Runs = rows.Count;
        if (saltelliDesign)
        {
            int k = rows.InputNames.Count, block = k + 2;
            if (rows.FirstRun % block != 0 || rows.Count % block != 0)
            {
                throw new ArgumentException($"A Saltelli shard must hold whole design rows of {block} runs (got runs {rows.FirstRun} to {rows.FirstRun + rows.Count - 1}).", nameof(rows));
            }

            partial._factors = [.. rows.InputNames];
            partial._saltelli = [.. Enumerable.Range(0, m).Select(_ => new SaltelliSums(k))];
            var values = new double[block];
            for (int o = 0; o < m; o++)
            {
                for (int r = 0; r < rows.Count; r += block)
                {
                    for (int c = 0; c < block; c++)
                    {
                        values[c] = rows.Statuses[r + c] == EnsembleRows.Success ? rows.Outputs[((r + c) * m) + o] : double.NaN;
                    }

                    partial._saltelli[o].Add(values);
                }
            }
        }

        return partial;
    }

    /// <summary>Merges partials of one plan in the given (shard) order.</summary>
    /// <param name="parts">The partials, in shard order, at least one.</param>
    /// <returns>The merged partial (<see cref="Shard"/> −1).</returns>
    /// <exception cref="ArgumentException">No parts, or parts of different plans or read-outs.</exception>
    public static EnsemblePartial Merge(IReadOnlyList<EnsemblePartial> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        if (parts.Count == 0)
        {
            throw new ArgumentException("There is nothing to merge.", nameof(parts));
        }

        var first = parts[0];
        var merged = new EnsemblePartial(first.PlanHash, -1, first.FirstRun, first.OutputNames);
        if (first._factors is { } factors)
        {
            merged._factors = factors;
            merged._saltelli = first._saltelli is null ? null : [.. first._outputs.Select(_ => new SaltelliSums(factors.Length))];
            merged._morris = first._morris is null ? null : [.. first._outputs.Select(_ => new MorrisSums(factors.Length))];
        }

        foreach (var part in parts)
        {
            if (part.PlanHash != first.PlanHash || !part.OutputNames.SequenceEqual(first.OutputNames, StringComparer.Ordinal))
            {
                throw new ArgumentException($"Partial of shard {part.Shard} belongs to plan {part.PlanHash}, not {first.PlanHash} (or has other read-outs); it cannot be merged.", nameof(parts));
            }

            merged.Runs += part.Runs;
            foreach (var (status, count) in part._failures)
            {
                merged._failures[status] = merged._failures.GetValueOrDefault(status) + count;
            }

            merged._failedRuns.AddRange(part._failedRuns.Take(MaxFailedRuns - merged._failedRuns.Count));
            if ((part._saltelli is null) != (merged._saltelli is null) || (part._morris is null) != (merged._morris is null))
            {
                throw new ArgumentException($"Partial of shard {part.Shard} has other design sums (Saltelli, Morris) than the first partial.", nameof(parts));
            }

            for (int o = 0; o < merged._outputs.Length; o++)
            {
                merged._outputs[o].Merge(part._outputs[o]);
                merged._saltelli?[o].Merge(part._saltelli![o]);
                merged._morris?[o].Merge(part._morris![o]);
            }
        }

        return merged;
    }

    /// <summary>Gets the Sobol indices of every factor for every read-out from a Saltelli design's sums (point estimates), or null when the partial has none.</summary>
    /// <returns>One list per read-out, in read-out order, or null.</returns>
    public IReadOnlyList<IReadOnlyList<SobolIndex>>? SobolIndices() =>
        _saltelli is null ? null : [.. _saltelli.Select(s => (IReadOnlyList<SobolIndex>)s.Indices(_factors!))];

    /// <summary>Gets the Morris statistics of every factor for every read-out from a Morris design's sums, or null when the partial has none.</summary>
    /// <returns>One list per read-out, in read-out order, or null.</returns>
    public IReadOnlyList<IReadOnlyList<MorrisIndex>>? MorrisIndices() =>
        _morris is null ? null : [.. _morris.Select(s => (IReadOnlyList<MorrisIndex>)s.Indices(_factors!))];

    /// <summary>Gets the statistics of every read-out.</summary>
    /// <param name="quantiles">The probabilities of the quantiles to estimate.</param>
    /// <returns>One summary per read-out.</returns>
    public IReadOnlyList<OutputSummary> Summaries(IReadOnlyList<double> quantiles)
    {
        ArgumentNullException.ThrowIfNull(quantiles);
        return [.. _outputs.Select(o => o.ToSummary(quantiles))];
    }

    /// <summary>Adds the elementary effects of the shard's trajectories (whole trajectories of k + 1 runs).</summary>
    private void AddMorris(EnsembleRows rows, ulong seed, int levels)
    {
        int k = rows.InputNames.Count, block = k + 1, m = rows.OutputNames.Count;
        if (rows.FirstRun % block != 0 || rows.Count % block != 0)
        {
            throw new ArgumentException($"A Morris shard must hold whole trajectories of {block} runs (got runs {rows.FirstRun} to {rows.FirstRun + rows.Count - 1}).", nameof(rows));
        }

        _factors = [.. rows.InputNames];
        _morris = [.. Enumerable.Range(0, m).Select(_ => new MorrisSums(k))];
        double delta = levels / (2.0 * (levels - 1));
        var unit = new double[block * k];
        var order = new int[k];
        var sign = new double[k];
        for (int r = 0; r < rows.Count; r += block)
        {
            MorrisScreening.Trajectory(seed, checked((int)((rows.FirstRun + r) / block)), k, levels, delta, unit, order, sign);
            for (int step = 0; step < k; step++)
            {
                int before = r + step, after = before + 1;
                if (rows.Statuses[before] != EnsembleRows.Success || rows.Statuses[after] != EnsembleRows.Success)
                {
                    continue;
                }

                for (int o = 0; o < m; o++)
                {
                    _morris[o].Add(order[step], sign[step] * (rows.Outputs[(after * m) + o] - rows.Outputs[(before * m) + o]) / delta);
                }
            }
        }
    }
}
