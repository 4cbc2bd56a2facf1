using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Ferroptosis.Sim.Analysis;
using Ferroptosis.Sim.Distributed;

namespace Ferroptosis.Sim.Orleans;

/// <summary>The Orleans backend (service mode): starts the missing shards of a plan on shard grains of a cluster, at most <see cref="OrleansEnsembleOptions.MaxConcurrentShards"/> at once, polls them, retries a shard whose silo died, then reduces.</summary>
/// <remarks>
/// <para>
/// Each shard grain runs <see cref="EnsembleShards.RunShardAsync"/>, so the shard files are those of the in-process and
/// Slurm backends byte for byte, and the reduce is the same <see cref="EnsembleShards.ReduceAsync"/>. The plan's folder
/// (with its model file) and the shard folder must be seen by every silo at the same path.
/// </para>
/// <para>
/// No call waits for a whole shard: the caller starts it with one short call and polls it every
/// <see cref="OrleansEnsembleOptions.PollInterval"/>. When the shard's silo dies, the cluster's membership declares it
/// dead, the next poll reaches a fresh activation that never started the shard, and the shard is tried again with a
/// fresh grain, placed among the silos alive then. Likewise for a call that fails through the cluster's fault — an
/// <see cref="OrleansException"/> (e.g. the silo became unavailable), a <see cref="TimeoutException"/> or an I/O error.
/// A shard is started at most <see cref="OrleansEnsembleOptions.MaxAttempts"/> times; a start that does not reach a silo
/// (the grain was placed on a silo that died but is not yet declared dead) ran nothing and is repeated, every
/// <see cref="OrleansEnsembleOptions.RetryDelay"/>, for up to <see cref="OrleansEnsembleOptions.StartTimeout"/>.
/// The shard files decide what is done: a shard whose files exist after a lost reply is not run again. Any other error (a changed model file, a bad plan) is the plan's fault and stops the run at once.
/// </para>
/// <para>Not thread-safe: one driver per plan and folder.</para>
/// </remarks>
public sealed class OrleansEnsemble
{
    /// <summary>Consecutive failed polls of one attempt after which it counts as lost.</summary>
    private const int MaxPollFailures = 10;

    private readonly IGrainFactory _grains;
    private readonly ConcurrentQueue<OrleansShardAttempt> _attempts = new();

    /// <summary>Initializes a new instance of the <see cref="OrleansEnsemble"/> class.</summary>
    /// <param name="grains">The cluster client (or a grain factory inside a silo).</param>
    /// <param name="planPath">The plan file (its model file beside it); the silos read the model from its folder, at the same path.</param>
    /// <param name="folder">The shard folder, on a file system every silo shares.</param>
    /// <param name="options">The backend options, or null for the defaults.</param>
    public OrleansEnsemble(IGrainFactory grains, string planPath, ShardFolder folder, OrleansEnsembleOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(grains);
        ArgumentException.ThrowIfNullOrWhiteSpace(planPath);
        ArgumentNullException.ThrowIfNull(folder);
        _grains = grains;
        PlanPath = Path.GetFullPath(planPath);
        Folder = folder;
        Options = options ?? new OrleansEnsembleOptions();
        if (Options.MaxConcurrentShards < 1 || Options.ThreadsPerShard < 1 || Options.MaxAttempts < 1 || Options.RetryDelay < TimeSpan.Zero || Options.PollInterval <= TimeSpan.Zero || Options.StartTimeout < TimeSpan.Zero)
        {
            throw new ArgumentException("MaxConcurrentShards, ThreadsPerShard and MaxAttempts must be at least 1, RetryDelay and StartTimeout not negative and PollInterval positive.", nameof(options));
        }
    }

    /// <summary>Gets the plan file's full path.</summary>
    public string PlanPath { get; }

    /// <summary>Gets the shard folder.</summary>
    public ShardFolder Folder { get; }

    /// <summary>Gets the options.</summary>
    public OrleansEnsembleOptions Options { get; }

    /// <summary>Gets every attempt made so far, in the order they ended.</summary>
    public IReadOnlyList<OrleansShardAttempt> Attempts => [.. _attempts];

    /// <summary>Runs every shard that is not complete yet on the cluster, retrying lost ones, then reduces.</summary>
    /// <param name="plan">The plan stored at <see cref="PlanPath"/>.</param>
    /// <param name="progress">Told of each attempt as it ends (from several threads), or null.</param>
    /// <param name="cancellationToken">Stops the run; shards in flight are cancelled on their silos.</param>
    /// <returns>The result.</returns>
    /// <exception cref="MissingShardsException">Some shards failed on every attempt (or could not be started in time); they are listed by index.</exception>
    public async Task<EnsembleReduction> RunAsync(EnsemblePlan plan, IProgress<OrleansShardAttempt>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        plan.Validate();
        Folder.EnsureWritable();
        string planJson = plan.ToJson();
        string planDirectory = Path.GetDirectoryName(PlanPath)!;
        string folder = Path.GetFullPath(Folder.Path);
        string keyPrefix = string.Create(CultureInfo.InvariantCulture, $"{plan.ComputeHash()[..16]}/{plan.RunsPerShard}/{folder}");
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Options.MaxConcurrentShards, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(Folder.MissingShards(plan), parallel, async (shard, token) =>
        {
            var request = new ShardRequest { PlanJson = planJson, PlanDirectory = planDirectory, Folder = folder, Shard = shard, Threads = Options.ThreadsPerShard };
            await RunShardAsync(keyPrefix, request, progress, token).ConfigureAwait(false);
        }).ConfigureAwait(false);
        return await EnsembleShards.ReduceAsync(plan, Folder, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Tells whether a failed call is worth another attempt: the cluster lost it, not the plan.</summary>
    /// <param name="error">The error.</param>
    /// <returns>True for cluster and I/O failures.</returns>
    internal static bool IsRetryable(Exception error) =>
        error is OrleansException or TimeoutException || (error is IOException && error is not (FileNotFoundException or DirectoryNotFoundException));

    /// <summary>The first line of a message (Orleans puts the inner exception's stack trace in some).</summary>
    private static string FirstLine(string message)
    {
        int end = message.IndexOfAny(['\r', '\n']);
        return end < 0 ? message : message[..end];
    }

    private async Task RunShardAsync(string keyPrefix, ShardRequest request, IProgress<OrleansShardAttempt>? progress, CancellationToken cancellationToken)
    {
        int attempt = 1, tries = 0;
        long unreachableSince = 0;
        while (true)
        {
            // Every try gets a fresh grain, so placement chooses again among the silos it believes alive.
            var grain = _grains.GetGrain<IEnsembleShardGrain>(string.Create(CultureInfo.InvariantCulture, $"{keyPrefix}/{request.Shard}/{++tries}"));
            string? silo = null;
            OrleansShardAttempt outcome;
            try
            {
                silo = await grain.StartAsync(request).WaitAsync(cancellationToken).ConfigureAwait(false);
                outcome = await PollUntilDoneAsync(grain, request.Shard, attempt, silo, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // Best effort: the shard stops on its silo and writes nothing.
                _ = grain.CancelAsync();
                throw;
            }
            catch (Exception ex) when (IsRetryable(ex))
            {
                outcome = new OrleansShardAttempt(request.Shard, attempt, silo is not null, silo, $"{ex.GetType().Name}: {FirstLine(ex.Message)}");
            }

            _attempts.Enqueue(outcome);
            progress?.Report(outcome);
            if (outcome.Succeeded || Folder.IsComplete(request.Shard))
            {
                return;
            }

            if (outcome.Started)
            {
                unreachableSince = 0;
                if (++attempt > Options.MaxAttempts)
                {
                    return;
                }
            }
            else
            {
                // Not started: the cluster has not yet noticed a dead silo and placed the grain on it. Try again until it has.
                unreachableSince = unreachableSince == 0 ? Stopwatch.GetTimestamp() : unreachableSince;
                if (Stopwatch.GetElapsedTime(unreachableSince) > Options.StartTimeout)
                {
                    return;
                }
            }

            await Task.Delay(Options.RetryDelay, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Polls a started shard until it is completed or lost.</summary>
    private async Task<OrleansShardAttempt> PollUntilDoneAsync(IEnsembleShardGrain grain, int shard, int attempt, string silo, CancellationToken cancellationToken)
    {
        int pollFailures = 0;
        while (true)
        {
            await Task.Delay(Options.PollInterval, cancellationToken).ConfigureAwait(false);
            ShardStatus status;
            try
            {
                status = await grain.PollAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
                pollFailures = 0;
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested && IsRetryable(ex) && ++pollFailures < MaxPollFailures)
            {
                // The grain's silo may be dying: poll again until the cluster has noticed and a fresh activation answers.
                continue;
            }

            switch (status.State)
            {
                case ShardState.Completed:
                    return new OrleansShardAttempt(shard, attempt, true, status.Reply!.Silo, null);
                case ShardState.Lost:
                    return new OrleansShardAttempt(shard, attempt, true, silo, $"lost with silo {silo}");
            }
        }
    }
}
