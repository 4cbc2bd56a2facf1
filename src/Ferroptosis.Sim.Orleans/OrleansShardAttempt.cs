namespace Ferroptosis.Sim.Orleans;

/// <summary>One try at one shard on the Orleans cluster: the shard, the attempt number, whether it started on a silo, and either the silo that completed it or the error that lost it.</summary>
/// <param name="Shard">The shard index.</param>
/// <param name="Attempt">1 for the first start of the shard, 2 for the first restart, …; tries that did not start share the number of the start they were for.</param>
/// <param name="Started">True when the shard started on a silo (a start counts against <see cref="OrleansEnsembleOptions.MaxAttempts"/>); false when the try did not reach one.</param>
/// <param name="Silo">The silo that ran the shard, or null when it did not start.</param>
/// <param name="Error">Why the try failed (exception type and message, or the lost silo), or null when it succeeded.</param>
public sealed record OrleansShardAttempt(int Shard, int Attempt, bool Started, string? Silo, string? Error)
{
    /// <summary>Gets a value indicating whether the try completed the shard.</summary>
    public bool Succeeded => Error is null;
}
