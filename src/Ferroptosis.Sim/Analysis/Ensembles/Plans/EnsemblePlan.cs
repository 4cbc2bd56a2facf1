using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ferroptosis.Sim.Analysis;

/// <summary>An index-addressable ensemble: a model file (by content hash), a protocol, a sample source, a run count, a shard size, a precision and a seed; every run's inputs are a pure function of (plan, run index).</summary>
/// <remarks>
/// <para>
/// The plan is a versioned JSON record (<see cref="FormatName"/>, <see cref="CurrentVersion"/>) with the model file beside
/// it. Run i draws its inputs from a counter-based random stream keyed by (<see cref="Seed"/>, i) — never by shard,
/// thread, process or retry — so any backend (in-process, a Slurm array task, a cluster node) computes the same run the
/// same way. Shard s holds runs s·<see cref="RunsPerShard"/> … min(<see cref="Runs"/>, (s + 1)·<see cref="RunsPerShard"/>) − 1.
/// </para>
/// <para>
/// <see cref="ComputeHash"/> covers everything that decides a run's result (model hash, protocol, samples, runs, seed,
/// precision) but not <see cref="RunsPerShard"/>: plans that only split the same runs differently have the same hash, and
/// their reduced results are byte-identical. Immutable and thread-safe.
/// </para>
/// </remarks>
public sealed record EnsemblePlan
{
    /// <summary>The value of <see cref="Format"/> in every plan file.</summary>
    public const string FormatName = "ferrosim-ensemble-plan";

    /// <summary>The plan version this library writes and reads.</summary>
    public const int CurrentVersion = 1;

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Gets the format marker, <see cref="FormatName"/>.</summary>
    public string Format { get; init; } = FormatName;

    /// <summary>Gets the plan version (<see cref="CurrentVersion"/>).</summary>
    public int Version { get; init; } = CurrentVersion;

    /// <summary>Gets the model file's name, relative to the plan's folder (Antimony <c>.ant</c>/<c>.txt</c> or SBML <c>.xml</c>/<c>.sbml</c>).</summary>
    public string ModelFile { get; init; } = "";

    /// <summary>Gets the SHA-256 of the model file's bytes, lower-case hex; a run refuses a model file that does not match.</summary>
    public string ModelSha256 { get; init; } = "";

    /// <summary>Gets what each run simulates and reads out.</summary>
    public EnsembleProtocol Protocol { get; init; } = new();

    /// <summary>Gets where each run's inputs come from.</summary>
    public EnsembleSampleSource Samples { get; init; } = new();

    /// <summary>Gets the number of runs.</summary>
    public long Runs { get; init; }

    /// <summary>Gets the number of runs per shard (the last shard may hold fewer).</summary>
    public int RunsPerShard { get; init; } = 1000;

    /// <summary>Gets the seed of the counter-based random stream.</summary>
    public ulong Seed { get; init; } = 1;

    /// <summary>Gets the precision of the stored read-outs: <c>float32</c> (default) or <c>float64</c>; statistics are computed from the stored values.</summary>
    public string Precision { get; init; } = "float32";

    /// <summary>Gets the number of shards.</summary>
    [JsonIgnore]
    public int ShardCount => Runs <= 0 || RunsPerShard <= 0 ? 0 : checked((int)(((Runs - 1) / RunsPerShard) + 1));

    /// <summary>Gets a value indicating whether read-outs are stored as 32-bit floats.</summary>
    [JsonIgnore]
    public bool IsSinglePrecision => string.Equals(Precision, "float32", StringComparison.Ordinal);

    /// <summary>Computes SHA-256 of a file's bytes as lower-case hex.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The hash.</returns>
    public static string HashFile(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    /// <summary>Reads a plan from JSON and validates it.</summary>
    /// <param name="json">The plan text.</param>
    /// <returns>The plan.</returns>
    /// <exception cref="FormatException">Not a plan, an unknown version, or malformed or invalid content.</exception>
    public static EnsemblePlan FromJson(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            using (var document = JsonDocument.Parse(json))
            {
                var root = document.RootElement;
                if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("format", out var format) || format.ValueKind != JsonValueKind.String || format.GetString() != FormatName)
                {
                    throw new FormatException($"Not an ensemble plan: the JSON has no \"format\": \"{FormatName}\".");
                }

                if (!root.TryGetProperty("version", out var version) || version.ValueKind != JsonValueKind.Number || !version.TryGetInt32(out int v) || v != CurrentVersion)
                {
                    string found = root.TryGetProperty("version", out var x) ? x.GetRawText() : "none";
                    throw new FormatException($"Unknown plan version {found}; this library reads version {CurrentVersion}.");
                }
            }

            var plan = JsonSerializer.Deserialize<EnsemblePlan>(json, JsonOptions) ?? throw new FormatException("The plan is empty.");
            plan.Validate();
            return plan;
        }
        catch (JsonException ex)
        {
            throw new FormatException($"The plan is not valid JSON for version {CurrentVersion}: {ex.Message}", ex);
        }
    }

    /// <summary>Reads a plan file.</summary>
    /// <param name="path">The plan file.</param>
    /// <returns>The plan.</returns>
    /// <exception cref="FormatException">Not a plan, an unknown version, or invalid content (the message names the file).</exception>
    public static EnsemblePlan Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        try
        {
            return FromJson(File.ReadAllText(path));
        }
        catch (FormatException ex)
        {
            throw new FormatException($"{path}: {ex.Message}", ex);
        }
    }

    /// <summary>Writes the plan as indented JSON.</summary>
    /// <returns>The JSON text.</returns>
    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions) + "\n";

    /// <summary>Computes the plan's hash: SHA-256 of its canonical JSON with <see cref="RunsPerShard"/> left out.</summary>
    /// <returns>The hash, lower-case hex.</returns>
    public string ComputeHash() => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes((this with { RunsPerShard = 0 }).ToJson())));

    /// <summary>Gets the first run index and the run count of a shard.</summary>
    /// <param name="shard">The shard index, 0 … <see cref="ShardCount"/> − 1.</param>
    /// <returns>The first run and the number of runs.</returns>
    /// <exception cref="ArgumentOutOfRangeException">No such shard.</exception>
    public (long First, int Count) ShardRange(int shard)
    {
        if (shard < 0 || shard >= ShardCount)
        {
            throw new ArgumentOutOfRangeException(nameof(shard), shard, $"The plan has {ShardCount} shards (indices 0 to {ShardCount - 1}); shard {shard} does not exist.");
        }

        long first = (long)shard * RunsPerShard;
        return (first, (int)Math.Min(RunsPerShard, Runs - first));
    }

    /// <summary>Checks the plan's content.</summary>
    /// <exception cref="FormatException">Something is missing or out of range; the message says what.</exception>
    public void Validate()
    {
        if (Format != FormatName)
        {
            throw new FormatException($"Not an ensemble plan: format is '{Format}', expected '{FormatName}'.");
        }

        if (Version != CurrentVersion)
        {
            throw new FormatException($"Unknown plan version {Version}; this library reads version {CurrentVersion}.");
        }

        if (string.IsNullOrWhiteSpace(ModelFile) || Path.GetFileName(ModelFile) != ModelFile)
        {
            throw new FormatException($"The plan's modelFile must name a file beside the plan, without folders (got '{ModelFile}').");
        }

        if (ModelSha256.Length != 64 || !ModelSha256.All(Uri.IsHexDigit))
        {
            throw new FormatException($"The plan's modelSha256 must be 64 hex digits (got '{ModelSha256}').");
        }

        if (Runs < 1 || RunsPerShard < 1)
        {
            throw new FormatException($"The plan needs at least one run and one run per shard (got runs {Runs}, runsPerShard {RunsPerShard}).");
        }

        if ((Runs - 1) / RunsPerShard >= int.MaxValue)
        {
            throw new FormatException($"{Runs} runs at {RunsPerShard} per shard make too many shards; raise runsPerShard.");
        }

        if (Precision is not ("float32" or "float64"))
        {
            throw new FormatException($"The plan's precision must be 'float32' or 'float64' (got '{Precision}').");
        }

        Protocol.Validate();
        Samples.Validate(Runs);
        if (Samples.Kind == EnsembleSampleSource.Morris && RunsPerShard % (Samples.Inputs.Count + 1) != 0)
        {
            int block = Samples.Inputs.Count + 1;
            throw new FormatException($"A Morris plan's runsPerShard must be a multiple of inputs + 1 = {block}, so that shards hold whole trajectories (got {RunsPerShard}; e.g. {Math.Max(block, RunsPerShard / block * block)}).");
        }

        if (Samples.Kind == EnsembleSampleSource.Saltelli && RunsPerShard % (Samples.Inputs.Count + 2) != 0)
        {
            int block = Samples.Inputs.Count + 2;
            throw new FormatException($"A Saltelli plan's runsPerShard must be a multiple of inputs + 2 = {block}, so that shards hold whole design rows (got {RunsPerShard}; e.g. {Math.Max(block, RunsPerShard / block * block)}).");
        }
    }
}
