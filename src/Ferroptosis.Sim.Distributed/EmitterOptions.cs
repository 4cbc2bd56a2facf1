namespace Ferroptosis.Sim.Distributed;

/// <summary>Options of <see cref="EnsembleEmitter"/>: where the tasks find the plan and the shard folder, what runs them, and what each task asks for.</summary>
/// <remarks>Paths are written as given: they are the paths the tasks see (inside the container, or on the execute nodes), not those of the machine that writes the file.</remarks>
public sealed record EmitterOptions
{
    /// <summary>Gets the plan file as the tasks see it (its model file beside it). Required.</summary>
    public required string PlanPath { get; init; }

    /// <summary>Gets the shard folder as the tasks see it, on storage every task and the reduce step share. Required.</summary>
    public required string ShardFolder { get; init; }

    /// <summary>Gets the command that runs <c>ferrosim</c> in a task, as arguments (default <c>["ferrosim"]</c>, found on the PATH).</summary>
    public IReadOnlyList<string> ShardCommand { get; init; } = ["ferrosim"];

    /// <summary>Gets the container image with <c>ferrosim</c> in it: required for Kubernetes and AWS Batch; for HTCondor it selects the container universe (null: the vanilla universe).</summary>
    public string? Image { get; init; }

    /// <summary>Gets the name of the job (Kubernetes Job, AWS Batch job definition and jobs, HTCondor batch name; default <c>ferrosim-ensemble</c>): lower-case letters, digits and '-', at most 52 characters.</summary>
    public string JobName { get; init; } = "ferrosim-ensemble";

    /// <summary>Gets the CPUs each task asks for, also its <c>--threads</c> (default 1).</summary>
    public int CpusPerTask { get; init; } = 1;

    /// <summary>Gets the memory each task asks for, in MiB (default 2048).</summary>
    public int MemoryMiB { get; init; } = 2048;

    /// <summary>Gets the largest number of tasks running at once, or 0 for the scheduler's choice (Kubernetes: all shards, at most 10000; HTCondor: no limit). AWS Batch has no such setting per array.</summary>
    public int Throttle { get; init; }

    /// <summary>Gets how many times a shard may be started before it counts as failed (default 3, as the Slurm backend).</summary>
    public int MaxAttempts { get; init; } = 3;

    /// <summary>Gets the AWS Batch job queue (required for AWS Batch).</summary>
    public string? Queue { get; init; }

    /// <summary>Gets the Kubernetes namespace, or null for the one <c>kubectl</c> uses.</summary>
    public string? Namespace { get; init; }

    /// <summary>Gets the shared storage mounted at <see cref="MountPath"/>: a Kubernetes persistent volume claim, or an Amazon EFS file system id for AWS Batch; null to mount nothing (the image or the nodes provide the paths).</summary>
    public string? SharedVolume { get; init; }

    /// <summary>Gets where <see cref="SharedVolume"/> is mounted in the container (default <c>/data</c>).</summary>
    public string MountPath { get; init; } = "/data";

    /// <summary>Gets the largest AWS Batch array (default 10000, AWS Batch's limit; arrays hold 2 to 10000 jobs).</summary>
    public int MaxArraySize { get; init; } = 10_000;
}
