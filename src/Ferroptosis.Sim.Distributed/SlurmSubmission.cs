namespace Ferroptosis.Sim.Distributed;

/// <summary>One <c>sbatch</c> array submission: the job id, the <c>--array</c> specification, the offset added to <c>SLURM_ARRAY_TASK_ID</c> to get the shard index, the shards it covers and the attempt.</summary>
/// <param name="JobId">The job id <c>sbatch --parsable</c> printed.</param>
/// <param name="ArraySpec">The <c>--array</c> value, e.g. <c>0-15%4</c> or <c>5</c>.</param>
/// <param name="Offset">The shard index of array task 0.</param>
/// <param name="Shards">The shard indices submitted.</param>
/// <param name="Attempt">1 for the first submission of these shards, 2 for the first resubmission, …</param>
public sealed record SlurmSubmission(string JobId, string ArraySpec, int Offset, IReadOnlyList<int> Shards, int Attempt);
