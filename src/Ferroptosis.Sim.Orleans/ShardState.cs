namespace Ferroptosis.Sim.Orleans;

/// <summary>Where a shard grain's shard stands.</summary>
[GenerateSerializer]
internal enum ShardState
{
    /// <summary>This activation never started the shard: the one that did was lost with its silo.</summary>
    Lost,

    /// <summary>The shard is running.</summary>
    Running,

    /// <summary>The shard's files are written.</summary>
    Completed,
}
