namespace Ferroptosis.Sim.Orleans;

/// <summary>The message a shard grain receives: the plan as JSON (its model file in <see cref="PlanDirectory"/>), the shard folder, the shard index and the threads to use.</summary>
[GenerateSerializer]
[Immutable]
internal sealed record ShardRequest
{
    /// <summary>Gets the plan, as <c>EnsemblePlan.ToJson</c> writes it.</summary>
    [Id(0)]
    public required string PlanJson { get; init; }

    /// <summary>Gets the folder holding the plan's model file, as the silos see it.</summary>
    [Id(1)]
    public required string PlanDirectory { get; init; }

    /// <summary>Gets the shard folder, as the silos see it.</summary>
    [Id(2)]
    public required string Folder { get; init; }

    /// <summary>Gets the shard index.</summary>
    [Id(3)]
    public required int Shard { get; init; }

    /// <summary>Gets the threads the shard uses on its silo (at least 1).</summary>
    [Id(4)]
    public required int Threads { get; init; }
}
