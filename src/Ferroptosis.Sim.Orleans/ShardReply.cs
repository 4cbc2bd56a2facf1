namespace Ferroptosis.Sim.Orleans;

/// <summary>What a shard grain reports: the shard, its runs, its failed runs and the silo it ran on.</summary>
[GenerateSerializer]
[Immutable]
internal sealed record ShardReply
{
    /// <summary>Gets the shard index.</summary>
    [Id(0)]
    public required int Shard { get; init; }

    /// <summary>Gets the number of runs in the shard.</summary>
    [Id(1)]
    public required long Runs { get; init; }

    /// <summary>Gets the number of failed runs.</summary>
    [Id(2)]
    public required long FailedRuns { get; init; }

    /// <summary>Gets the address of the silo that ran the shard.</summary>
    [Id(3)]
    public required string Silo { get; init; }
}
