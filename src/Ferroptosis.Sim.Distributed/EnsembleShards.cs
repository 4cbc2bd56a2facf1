using System.Diagnostics;
using System.Text;
using Ferroptosis.Sim.Analysis;

namespace Ferroptosis.Sim.Distributed;

/// <summary>Runs shards of an ensemble plan into a <see cref="ShardFolder"/>, reduces them, and runs a whole plan in-process — the reference semantics every backend matches bit for bit.</summary>
/// <remarks>
/// A shard evaluates its contiguous run range (in parallel), then writes its Parquet file and its partial, each atomically;
/// the partial is written last, so a shard whose partial exists is complete. Rerunning a shard rewrites identical bytes.
/// The in-process backend runs the shards one after another, each on all cores. Thread-safe (no shared state).
/// </remarks>
public static class EnsembleShards
{
    /// <summary>Runs one shard and writes its files.</summary>
    /// <param name="workload">The loaded plan.</param>
    /// <param name="shard">The shard index.</param>
    /// <param name="folder">Where the shard's files go.</param>
    /// <param name="execution">Threads and progress, or null for all cores.</param>
    /// <param name="cancellationToken">Stops the shard; nothing is written then.</param>
    /// <returns>The shard's partial.</returns>
    public static async Task<EnsemblePartial> RunShardAsync(EnsembleWorkload workload, int shard, ShardFolder folder, ExecutionOptions? execution = null, CancellationToken cancellationToken = default) =>
        (await RunShardTimedAsync(workload, shard, folder, execution, cancellationToken).ConfigureAwait(false)).Partial;

    /// <summary>Runs one shard and writes its files, timing the runs (sampling and simulation) apart from the rest (partial, Parquet and JSON writes).</summary>
    internal static async Task<(EnsemblePartial Partial, TimeSpan Runs, TimeSpan Other)> RunShardTimedAsync(EnsembleWorkload workload, int shard, ShardFolder folder, ExecutionOptions? execution, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(workload);
        ArgumentNullException.ThrowIfNull(folder);
        var (first, count) = workload.Plan.ShardRange(shard);
        Directory.CreateDirectory(folder.Path);
        long start = Stopwatch.GetTimestamp();
        var rows = workload.Evaluate(first, count, execution, cancellationToken);
        var runs = Stopwatch.GetElapsedTime(start);
        start = Stopwatch.GetTimestamp();
        var partial = EnsemblePartial.FromRows(workload.Plan, shard, rows);
        await ShardFolder.WriteAtomicallyAsync(folder.ParquetPath(shard), s => ShardParquet.WriteAsync(s, workload, shard, rows, cancellationToken), cancellationToken).ConfigureAwait(false);
        byte[] json = Encoding.UTF8.GetBytes(partial.ToJson());
        await ShardFolder.WriteAtomicallyAsync(folder.PartialPath(shard), s => s.WriteAsync(json, cancellationToken).AsTask(), cancellationToken).ConfigureAwait(false);
        return (partial, runs, Stopwatch.GetElapsedTime(start));
    }

    /// <summary>Reads every shard's partial in shard order, reduces them and writes <see cref="ShardFolder.ResultPath"/>.</summary>
    /// <param name="plan">The plan.</param>
    /// <param name="folder">The shard folder.</param>
    /// <param name="cancellationToken">Stops the reduce.</param>
    /// <returns>The result.</returns>
    /// <exception cref="MissingShardsException">Some shards are not complete.</exception>
    public static async Task<EnsembleReduction> ReduceAsync(EnsemblePlan plan, ShardFolder folder, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(folder);
        var missing = folder.MissingShards(plan);
        if (missing.Count > 0)
        {
            throw new MissingShardsException(missing);
        }

        var partials = new List<EnsemblePartial>(plan.ShardCount);
        for (int s = 0; s < plan.ShardCount; s++)
        {
            string path = folder.PartialPath(s);
            try
            {
                partials.Add(EnsemblePartial.FromJson(await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false)));
            }
            catch (FormatException ex)
            {
                throw new FormatException($"{path}: {ex.Message}", ex);
            }
        }

        var result = EnsembleReduction.Reduce(plan, partials);
        byte[] json = Encoding.UTF8.GetBytes(result.ToJson());
        await ShardFolder.WriteAtomicallyAsync(folder.ResultPath, s => s.WriteAsync(json, cancellationToken).AsTask(), cancellationToken).ConfigureAwait(false);
        return result;
    }

    /// <summary>Reads one complete shard's per-run rows back from its Parquet file (e.g. for <see cref="ParameterScan.FromRows"/>).</summary>
    /// <param name="plan">The plan.</param>
    /// <param name="folder">The shard folder.</param>
    /// <param name="shard">The shard index.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    /// <returns>The rows, in run order; read-outs as stored (float32 plans give float32 values widened to double).</returns>
    /// <exception cref="MissingShardsException">The shard is not complete.</exception>
    /// <exception cref="FormatException">The file is not a shard of this plan.</exception>
    public static async Task<EnsembleRows> ReadRowsAsync(EnsemblePlan plan, ShardFolder folder, int shard, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(folder);
        var (first, count) = plan.ShardRange(shard);
        if (!folder.IsComplete(shard))
        {
            throw new MissingShardsException([shard]);
        }

        var rows = await ShardParquet.ReadRowsAsync(folder.ParquetPath(shard), plan, cancellationToken).ConfigureAwait(false);
        return rows.FirstRun == first && rows.Count == count
            ? rows
            : throw new FormatException($"{folder.ParquetPath(shard)} holds runs {rows.FirstRun} to {rows.FirstRun + rows.Count - 1}; shard {shard} of the plan is runs {first} to {first + count - 1}.");
    }

    /// <summary>The in-process backend: runs every shard that is not complete yet (all of them unless <paramref name="resume"/>), then reduces.</summary>
    /// <param name="workload">The loaded plan.</param>
    /// <param name="folder">The shard folder.</param>
    /// <param name="resume">True to keep complete shards (their files are what a rerun would write); false to run all.</param>
    /// <param name="execution">Threads and progress per shard, or null for all cores.</param>
    /// <param name="progress">Told the shards done before the first shard and after each one (on the calling thread), or null.</param>
    /// <param name="cancellationToken">Stops between and inside shards.</param>
    /// <returns>The result.</returns>
    public static async Task<EnsembleReduction> RunInProcessAsync(EnsembleWorkload workload, ShardFolder folder, bool resume = false, ExecutionOptions? execution = null, IProgress<EnsembleProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(workload);
        ArgumentNullException.ThrowIfNull(folder);
        folder.EnsureWritable();
        int total = workload.Plan.ShardCount;
        var pending = Enumerable.Range(0, total).Where(s => !resume || !folder.IsComplete(s)).ToList();
        int done = total - pending.Count;
        progress?.Report(new EnsembleProgress(total, done, 0, 0));
        foreach (int s in pending)
        {
            await RunShardAsync(workload, s, folder, execution, cancellationToken).ConfigureAwait(false);
            progress?.Report(new EnsembleProgress(total, ++done, 0, 0));
        }

        return await ReduceAsync(workload.Plan, folder, cancellationToken).ConfigureAwait(false);
    }
}
