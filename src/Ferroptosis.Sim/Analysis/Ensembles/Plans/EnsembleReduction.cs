using System.Reflection;
using System.Text;
using System.Text.Json;

namespace Ferroptosis.Sim.Analysis;

/// <summary>The reduced result of an ensemble plan: per-read-out statistics with provenance (plan hash, library version, solver settings, failed runs per status).</summary>
/// <remarks>
/// Built from the shards' <see cref="EnsemblePartial"/>s merged in shard order; since the merge is exact and the plan hash
/// leaves out the shard size, the JSON is byte-identical whatever the backend, the number of shards or threads, or the
/// order in which shards finished. Immutable.
/// </remarks>
public sealed class EnsembleReduction
{
    /// <summary>The value of "format" in a result file.</summary>
    public const string FormatName = "ferrosim-ensemble-result";

    /// <summary>Gets the quantile probabilities reported.</summary>
    public static IReadOnlyList<double> QuantileProbabilities { get; } = [0.05, 0.25, 0.5, 0.75, 0.95];

    private readonly IReadOnlyList<IReadOnlyList<SobolIndex>>? _sobol;
    private readonly IReadOnlyList<IReadOnlyList<MorrisIndex>>? _morris;

    private EnsembleReduction(EnsemblePlan plan, EnsemblePartial merged)
    {
        PlanHash = merged.PlanHash;
        LibraryVersion = typeof(EnsembleReduction).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";
        Solver = plan.Protocol.DescribeSolver();
        Runs = merged.Runs;
        Failures = merged.Failures;
        FailedRuns = merged.FailedRuns;
        Outputs = merged.Summaries(QuantileProbabilities);
        _sobol = merged.SobolIndices();
        _morris = merged.MorrisIndices();
        ModelSha256 = plan.ModelSha256;
        Merged = merged;
        Seed = plan.Seed;
        Precision = plan.Precision;
    }

    /// <summary>Gets the merged partial of all shards: what the analyses' <c>FromReduction</c> build their results from.</summary>
    internal EnsemblePartial Merged { get; }

    /// <summary>Gets the plan's hash.</summary>
    public string PlanHash { get; }

    /// <summary>Gets the model file's SHA-256.</summary>
    public string ModelSha256 { get; }

    /// <summary>Gets the seed.</summary>
    public ulong Seed { get; }

    /// <summary>Gets the stored precision of read-outs.</summary>
    public string Precision { get; }

    /// <summary>Gets the library's informational version.</summary>
    public string LibraryVersion { get; }

    /// <summary>Gets the solver settings in one line.</summary>
    public string Solver { get; }

    /// <summary>Gets the number of runs.</summary>
    public long Runs { get; }

    /// <summary>Gets the number of failed runs per status.</summary>
    public IReadOnlyDictionary<string, long> Failures { get; }

    /// <summary>Gets the first failed run indices (at most <see cref="EnsemblePartial.MaxFailedRuns"/>).</summary>
    public IReadOnlyList<long> FailedRuns { get; }

    /// <summary>Gets the statistics of every read-out over the runs that succeeded (quantiles from the histogram sketch).</summary>
    public IReadOnlyList<OutputSummary> Outputs { get; }

    /// <summary>Reduces the partials of all shards of a plan.</summary>
    /// <param name="plan">The plan.</param>
    /// <param name="partials">One partial per shard, in shard order.</param>
    /// <returns>The result.</returns>
    /// <exception cref="ArgumentException">The partials do not cover the plan's runs exactly once, or belong to another plan.</exception>
    public static EnsembleReduction Reduce(EnsemblePlan plan, IReadOnlyList<EnsemblePartial> partials)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(partials);
        string hash = plan.ComputeHash();
        long next = 0;
        foreach (var part in partials)
        {
            if (part.PlanHash != hash)
            {
                throw new ArgumentException($"The partial of shard {part.Shard} belongs to plan {part.PlanHash}, not to this plan ({hash}).", nameof(partials));
            }

            if (part.FirstRun != next)
            {
                throw new ArgumentException($"The partials do not cover the runs in order: expected run {next} next, the partial of shard {part.Shard} starts at {part.FirstRun}.", nameof(partials));
            }

            next += part.Runs;
        }

        if (next != plan.Runs)
        {
            throw new ArgumentException($"The partials cover {next} runs; the plan has {plan.Runs}.", nameof(partials));
        }

        return new EnsembleReduction(plan, EnsemblePartial.Merge(partials));
    }

    /// <summary>Gets a value indicating whether the plan was a Saltelli design, so that <see cref="SobolIndices"/> has values.</summary>
    public bool HasSobolIndices => _sobol is not null;

    /// <summary>Gets the Sobol indices (first order and total; point estimates, no bootstrap) of every factor for one read-out of a Saltelli plan.</summary>
    /// <param name="name">The read-out as written in the plan.</param>
    /// <returns>One index per factor, in input order.</returns>
    /// <exception cref="InvalidOperationException">The plan is not a Saltelli design.</exception>
    public IReadOnlyList<SobolIndex> SobolIndices(string name)
    {
        var output = Output(name);
        return _sobol is null
            ? throw new InvalidOperationException("The plan is not a Saltelli design; make one with sample source 'saltelli' (ferrosim ensemble plan --sobol N).")
            : _sobol[Outputs.ToList().IndexOf(output)];
    }

    /// <summary>Gets a value indicating whether the plan was a Morris design, so that <see cref="MorrisIndices"/> has values.</summary>
    public bool HasMorrisIndices => _morris is not null;

    /// <summary>Gets the Morris statistics (μ, μ*, σ in unit-cube units) of every factor for one read-out of a Morris plan.</summary>
    /// <param name="name">The read-out as written in the plan.</param>
    /// <returns>One index per factor, in input order.</returns>
    /// <exception cref="InvalidOperationException">The plan is not a Morris design.</exception>
    public IReadOnlyList<MorrisIndex> MorrisIndices(string name)
    {
        var output = Output(name);
        return _morris is null
            ? throw new InvalidOperationException("The plan is not a Morris design; make one with sample source 'morris' (ferrosim ensemble plan --morris R).")
            : _morris[Outputs.ToList().IndexOf(output)];
    }

    /// <summary>Gets the statistics of one read-out.</summary>
    /// <param name="name">The read-out as written in the plan.</param>
    /// <returns>The statistics.</returns>
    /// <exception cref="ArgumentException">No such read-out.</exception>
    public OutputSummary Output(string name) =>
        Outputs.FirstOrDefault(o => o.Name == name) ?? throw new ArgumentException($"No read-out '{name}'; the plan has {string.Join(", ", Outputs.Select(o => o.Name))}.", nameof(name));

    /// <summary>Writes the result as indented JSON; the same result always gives the same bytes.</summary>
    /// <returns>The text.</returns>
    public string ToJson()
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, EnsemblePartial.WriterOptions))
        {
            w.WriteStartObject();
            w.WriteString("format", FormatName);
            w.WriteNumber("version", EnsemblePlan.CurrentVersion);
            w.WriteStartObject("provenance");
            w.WriteString("planHash", PlanHash);
            w.WriteString("modelSha256", ModelSha256);
            w.WriteNumber("seed", Seed);
            w.WriteString("precision", Precision);
            w.WriteString("libraryVersion", LibraryVersion);
            w.WriteString("solver", Solver);
            w.WriteString("quantiles", "log-binned histogram (top 19 bits of the double), bin midpoint, relative error <= 2^-8");
            w.WriteEndObject();
            w.WriteNumber("runs", Runs);
            w.WriteNumber("failed", Failures.Values.Sum());
            EnsemblePartial.WriteFailures(w, Failures, FailedRuns);
            w.WriteStartArray("outputs");
            foreach (var o in Outputs)
            {
                w.WriteStartObject();
                w.WriteString("name", o.Name);
                w.WriteNumber("count", o.Count);
                w.WriteNumber("missing", o.Missing);
                EnsemblePartial.WriteDouble(w, "mean", o.Mean);
                EnsemblePartial.WriteDouble(w, "sd", o.StandardDeviation);
                EnsemblePartial.WriteDouble(w, "se", o.StandardError);
                EnsemblePartial.WriteDouble(w, "min", o.Minimum);
                EnsemblePartial.WriteDouble(w, "max", o.Maximum);
                w.WriteStartObject("quantiles");
                foreach (var q in o.Quantiles)
                {
                    EnsemblePartial.WriteDouble(w, q.Probability.ToString("R", System.Globalization.CultureInfo.InvariantCulture), q.Value);
                }

                w.WriteEndObject();
                if (_sobol is not null)
                {
                    w.WriteStartObject("sobol");
                    foreach (var index in _sobol[Outputs.ToList().IndexOf(o)])
                    {
                        w.WriteStartObject(index.Factor);
                        EnsemblePartial.WriteDouble(w, "firstOrder", index.FirstOrder);
                        EnsemblePartial.WriteDouble(w, "total", index.Total);
                        w.WriteEndObject();
                    }

                    w.WriteEndObject();
                }

                if (_morris is not null)
                {
                    w.WriteStartObject("morris");
                    foreach (var index in _morris[Outputs.ToList().IndexOf(o)])
                    {
                        w.WriteStartObject(index.Factor);
                        EnsemblePartial.WriteDouble(w, "mu", index.Mu);
                        EnsemblePartial.WriteDouble(w, "muStar", index.MuStar);
                        EnsemblePartial.WriteDouble(w, "sigma", index.Sigma);
                        w.WriteNumber("effects", index.Effects);
                        w.WriteEndObject();
                    }

                    w.WriteEndObject();
                }

                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }
}
