namespace Ferroptosis.Sim.Orleans;

/// <summary>The answer to a poll: the shard's state and, once completed, its reply.</summary>
[GenerateSerializer]
[Immutable]
internal sealed record ShardStatus
{
    /// <summary>Gets the state.</summary>
    [Id(0)]
    public required ShardState State { get; init; }

    /// <summary>Gets what the shard did, when <see cref="State"/> is <see cref="ShardState.Completed"/>.</summary>
    [Id(1)]
    public ShardReply? Reply { get; init; }
}
