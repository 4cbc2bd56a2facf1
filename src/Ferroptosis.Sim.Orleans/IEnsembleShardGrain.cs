namespace Ferroptosis.Sim.Orleans;

/// <summary>A grain that runs one shard of an ensemble plan into a shard folder every silo sees at the same path: started by one short call, then polled.</summary>
/// <remarks>
/// A shard may run for minutes, so no call waits for it: <see cref="StartAsync"/> returns at once and <see cref="PollAsync"/>
/// reports progress. When the shard's silo dies, the next poll activates a fresh grain elsewhere, which answers
/// <see cref="ShardState.Lost"/>, and the caller retries the shard (with a new key, so placement picks among the silos alive
/// then). The key names the plan, the shard folder, the shard and the attempt.
/// </remarks>
internal interface IEnsembleShardGrain : IGrainWithStringKey
{
    /// <summary>Starts the shard on the thread pool of the grain's silo (a second call while it runs or after it ended does nothing).</summary>
    /// <param name="request">The plan, folder, shard and threads.</param>
    /// <returns>The address of the silo running it.</returns>
    Task<string> StartAsync(ShardRequest request);

    /// <summary>Tells whether the shard is running, completed or lost; rethrows the shard's error when it failed.</summary>
    /// <returns>The state, with the reply once completed.</returns>
    Task<ShardStatus> PollAsync();

    /// <summary>Cancels the shard; it writes nothing then.</summary>
    /// <returns>A task.</returns>
    Task CancelAsync();
}
