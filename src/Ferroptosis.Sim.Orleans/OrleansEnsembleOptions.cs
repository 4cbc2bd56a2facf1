namespace Ferroptosis.Sim.Orleans;

/// <summary>Options of the Orleans backend (<see cref="OrleansEnsemble"/>).</summary>
public sealed record OrleansEnsembleOptions
{
    /// <summary>Gets the largest number of shards in flight at once over the whole cluster (default 8): the fan-out bound, e.g. the cluster's cores divided by <see cref="ThreadsPerShard"/>.</summary>
    public int MaxConcurrentShards { get; init; } = 8;

    /// <summary>Gets the threads each shard uses on its silo (default 1).</summary>
    public int ThreadsPerShard { get; init; } = 1;

    /// <summary>Gets how many times a shard is started on a silo before the caller gives up on it (default 3).</summary>
    public int MaxAttempts { get; init; } = 3;

    /// <summary>Gets how often a running shard is polled (default 1 s).</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Gets the pause before a failed shard is tried again (default 1 s).</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Gets how long a shard that cannot be started (its grain placed on a silo that died but is not declared dead yet) is tried again before the caller gives up on it (default 2 min; Orleans' default failure detection takes tens of seconds).</summary>
    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromMinutes(2);
}
