namespace Ferroptosis.Sim.Analysis;

/// <summary>Options of <see cref="MorrisScreening"/>.</summary>
public sealed record MorrisOptions
{
    /// <summary>Gets the default options.</summary>
    public static MorrisOptions Default { get; } = new();

    /// <summary>Gets the number of trajectories r (default 20; each costs k + 1 evaluations for k factors).</summary>
    public int Trajectories { get; init; } = 20;

    /// <summary>Gets the number of grid levels p per factor (even, default 4); the step is Δ = p / (2(p − 1)).</summary>
    public int Levels { get; init; } = 4;

    /// <summary>Gets the random seed: the same seed gives the same design and results.</summary>
    public ulong Seed { get; init; } = 20_240_917;
}
