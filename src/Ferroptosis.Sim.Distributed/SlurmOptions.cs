namespace Ferroptosis.Sim.Distributed;

/// <summary>Options of the Slurm job-array backend (<see cref="SlurmEnsemble"/>).</summary>
public sealed record SlurmOptions
{
    /// <summary>Gets the command that runs <c>ferrosim</c> on the compute nodes, as arguments (e.g. <c>["ferrosim"]</c> or <c>["dotnet", "/opt/ferrosim/ferrosim.dll"]</c>); empty for the running tool.</summary>
    public IReadOnlyList<string> ShardCommand { get; init; } = [];

    /// <summary>Gets the largest array index the site allows plus one (Slurm's <c>MaxArraySize</c>; default 1001, Slurm's default); plans with more shards are split into several arrays.</summary>
    public int MaxArraySize { get; init; } = 1001;

    /// <summary>Gets the largest number of array tasks running at once (<c>%T</c>), or 0 for no limit.</summary>
    public int Throttle { get; init; }

    /// <summary>Gets the threads each task uses (<c>--cpus-per-task</c> and <c>ferrosim ensemble shard --threads</c>; default 1).</summary>
    public int CpusPerTask { get; init; } = 1;

    /// <summary>Gets extra <c>#SBATCH</c> options, e.g. <c>["--partition=short", "--time=00:30:00"]</c>.</summary>
    public IReadOnlyList<string> SbatchOptions { get; init; } = [];

    /// <summary>Gets how often <c>squeue</c> is polled (default 2 s).</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Gets how many times a shard is submitted before the driver gives up (default 3).</summary>
    public int MaxAttempts { get; init; } = 3;

    /// <summary>Gets the environment of the Slurm commands (e.g. <c>SLURM_CONF</c>), added to the driver's own; null for none.</summary>
    public IReadOnlyDictionary<string, string>? Environment { get; init; }
}
