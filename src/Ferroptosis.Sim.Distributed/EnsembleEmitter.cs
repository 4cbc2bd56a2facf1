using System.Globalization;
using Ferroptosis.Sim.Analysis;

namespace Ferroptosis.Sim.Distributed;

/// <summary>Writes the job file that runs every shard of a plan on a scheduler this library does not drive: a Kubernetes Indexed Job, AWS Batch array jobs or an HTCondor submit file.</summary>
/// <remarks>
/// <para>
/// Every task runs the command the Slurm backend runs, <c>ferrosim ensemble shard --plan P --index I --out DIR --threads N</c>,
/// with the index taken from the scheduler (<see cref="EmitTarget"/>), so the shard files, and the <c>result.json</c> that
/// <c>ferrosim ensemble reduce</c> makes of them, are the bytes of the in-process run. Nothing is submitted: the file is
/// handed to <c>kubectl</c>, the <c>aws batch</c> commands or <c>condor_submit</c>; <c>ferrosim ensemble status</c> lists the
/// shards still missing afterwards. The output depends only on the plan and the options (no clock, no machine paths).
/// </para>
/// <para>Thread-safe (no state).</para>
/// </remarks>
public static class EnsembleEmitter
{
    /// <summary>The environment variable that holds the shard index of a task's array index 0 (AWS Batch arrays after the first).</summary>
    public const string OffsetVariable = "FERROSIM_SHARD_OFFSET";

    /// <summary>Writes the job file for a plan.</summary>
    /// <param name="target">The scheduler.</param>
    /// <param name="plan">The plan (its shard count and hash go into the file).</param>
    /// <param name="options">Paths, command, image and resources.</param>
    /// <returns>The file's text (UTF-8, '\n' line ends).</returns>
    /// <exception cref="ArgumentException">The options do not suit the target (the message names the option).</exception>
    public static string Emit(EmitTarget target, EnsemblePlan plan, EmitterOptions options)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(options);
        Validate(target, options);
        return target switch
        {
            EmitTarget.Kubernetes => KubernetesJobWriter.Write(plan, options),
            EmitTarget.AwsBatch => AwsBatchWriter.Write(plan, options),
            EmitTarget.HTCondor => HTCondorWriter.Write(plan, options),
            _ => throw new ArgumentOutOfRangeException(nameof(target), target, "Unknown target."),
        };
    }

    /// <summary>Splits a plan's shards into AWS Batch arrays: the shard index of each array's task 0 and the array's size.</summary>
    /// <param name="shardCount">The plan's shard count.</param>
    /// <param name="maxArraySize">The largest array, 2 to 10000.</param>
    /// <returns>The arrays in shard order; a size of 1 is a single job (AWS Batch arrays hold at least 2).</returns>
    public static IReadOnlyList<(int Offset, int Size)> SplitArrays(int shardCount, int maxArraySize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(shardCount, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxArraySize, 2);
        var arrays = new List<(int, int)>();
        for (int offset = 0; offset < shardCount; offset += maxArraySize)
        {
            arrays.Add((offset, Math.Min(maxArraySize, shardCount - offset)));
        }

        return arrays;
    }

    /// <summary>A comment line naming the plan, for the top of each file.</summary>
    internal static string Describe(EnsemblePlan plan) =>
        string.Create(CultureInfo.InvariantCulture, $"ensemble plan {plan.ComputeHash()[..12]}: {plan.Runs} runs in {plan.ShardCount} shards of {plan.RunsPerShard}");

    private static void Validate(EmitTarget target, EmitterOptions options)
    {
        static void Require(bool condition, string message)
        {
            if (!condition)
            {
                throw new ArgumentException(message, nameof(options));
            }
        }

        Require(!string.IsNullOrWhiteSpace(options.PlanPath) && !string.IsNullOrWhiteSpace(options.ShardFolder), "PlanPath and ShardFolder are required.");
        Require(options.ShardCommand.Count > 0 && options.ShardCommand.All(a => a.Length > 0), "ShardCommand needs at least the program, and no empty argument.");
        Require(options.CpusPerTask >= 1 && options.MemoryMiB >= 1 && options.Throttle >= 0 && options.MaxAttempts >= 1, "CpusPerTask, MemoryMiB and MaxAttempts must be at least 1 and Throttle at least 0.");
        Require(options.JobName.Length is > 0 and <= 52 && options.JobName.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-') && char.IsAsciiLetterOrDigit(options.JobName[0]) && char.IsAsciiLetterOrDigit(options.JobName[^1]),
            $"JobName '{options.JobName}': use lower-case letters, digits and '-' (starting and ending with a letter or digit), at most 52 characters.");
        string?[] texts = [options.PlanPath, options.ShardFolder, options.Image, options.Queue, options.Namespace, options.SharedVolume, options.MountPath, .. options.ShardCommand];
        Require(texts.All(t => t is null || !t.Any(char.IsControl)), "Paths, names and commands cannot hold control characters (line breaks, tabs).");
        switch (target)
        {
            case EmitTarget.Kubernetes:
                Require(!string.IsNullOrWhiteSpace(options.Image), "A Kubernetes Job needs a container image with ferrosim (Image).");
                break;
            case EmitTarget.AwsBatch:
                Require(!string.IsNullOrWhiteSpace(options.Image), "An AWS Batch job definition needs a container image with ferrosim (Image).");
                Require(!string.IsNullOrWhiteSpace(options.Queue), "AWS Batch jobs need a job queue (Queue).");
                Require(options.MaxArraySize is >= 2 and <= 10_000, string.Create(CultureInfo.InvariantCulture, $"MaxArraySize {options.MaxArraySize}: AWS Batch arrays hold 2 to 10000 jobs."));
                Require(options.MaxAttempts <= 10, "AWS Batch allows 1 to 10 attempts per job (MaxAttempts).");
                break;
            case EmitTarget.HTCondor:
                Require(options.ShardCommand.Concat([options.PlanPath, options.ShardFolder]).All(a => !a.Contains("$(", StringComparison.Ordinal)), "HTCondor would expand '$(' in the command or paths as a macro.");
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(target), target, "Unknown target.");
        }
    }
}
