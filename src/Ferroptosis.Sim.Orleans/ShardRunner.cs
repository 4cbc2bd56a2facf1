using System.Collections.Concurrent;
using Ferroptosis.Sim.Analysis;
using Ferroptosis.Sim.Distributed;

namespace Ferroptosis.Sim.Orleans;

/// <summary>What a shard grain runs: <see cref="EnsembleShards.RunShardAsync"/>, the code path of the in-process and Slurm backends, on a workload each silo loads once per plan.</summary>
/// <remarks>A silo compiles each plan's model once and keeps the last few workloads. Thread-safe.</remarks>
internal static class ShardRunner
{
    private const int CachedWorkloads = 4;

    private static readonly ConcurrentDictionary<string, Lazy<EnsembleWorkload>> Workloads = new(StringComparer.Ordinal);

    /// <summary>Runs the requested shard and writes its files.</summary>
    /// <param name="request">The plan, folder, shard and threads.</param>
    /// <param name="silo">The silo's address, for the reply.</param>
    /// <param name="cancellationToken">Stops the shard; nothing is written then.</param>
    /// <returns>The reply.</returns>
    public static async Task<ShardReply> RunAsync(ShardRequest request, string silo, CancellationToken cancellationToken)
    {
        var workload = Workload(request);
        if (request.Shard < 0 || request.Shard >= workload.Plan.ShardCount)
        {
            throw new ArgumentOutOfRangeException(nameof(request), $"Shard {request.Shard}: the plan has {workload.Plan.ShardCount} shards.");
        }

        var execution = new ExecutionOptions { MaxDegreeOfParallelism = Math.Max(1, request.Threads) };
        var partial = await EnsembleShards.RunShardAsync(workload, request.Shard, new ShardFolder(request.Folder), execution, cancellationToken).ConfigureAwait(false);
        return new ShardReply { Shard = request.Shard, Runs = partial.Runs, FailedRuns = partial.Failures.Values.Sum(), Silo = silo };
    }

    /// <summary>Loads (once per silo) the plan's workload: reads and checks the model file, compiles it.</summary>
    private static EnsembleWorkload Workload(ShardRequest request)
    {
        string key = Path.GetFullPath(request.PlanDirectory) + "\n" + request.PlanJson;
        if (!Workloads.ContainsKey(key) && Workloads.Count >= CachedWorkloads)
        {
            Workloads.Clear();
        }

        var lazy = Workloads.GetOrAdd(key, _ => new Lazy<EnsembleWorkload>(() => EnsembleWorkload.Load(EnsemblePlan.FromJson(request.PlanJson), request.PlanDirectory), LazyThreadSafetyMode.ExecutionAndPublication));
        try
        {
            return lazy.Value;
        }
        catch
        {
            // A failed load (missing or changed model file) is not cached: the next request reads the file again.
            Workloads.TryRemove(new KeyValuePair<string, Lazy<EnsembleWorkload>>(key, lazy));
            throw;
        }
    }
}
