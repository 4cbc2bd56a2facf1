namespace Ferroptosis.Sim.Orleans;

/// <summary>One attempt at one shard on the Orleans cluster: the shard, the attempt number, and either the silo that completed it or the error that lost it.</summary>
/// <param name="Shard">The shard index.</param>
/// <param name="Attempt">1 for the first attempt, 2 for the first retry, …</param>
/// <param name="Silo">The silo that ran the shard, or null when the attempt failed.</param>
/// <param name="Error">Why the attempt failed (exception type and message), or null when it succeeded.</param>
public sealed record OrleansShardAttempt(int Shard, int Attempt, string? Silo, string? Error)
{
    /// <summary>Gets a value indicating whether the attempt completed the shard.</summary>
    public bool Succeeded => Error is null;
}
