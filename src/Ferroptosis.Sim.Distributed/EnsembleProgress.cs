namespace Ferroptosis.Sim.Distributed;

/// <summary>How far a plan's run is: shards complete out of the plan's total, shards that failed a try and shards submitted again.</summary>
/// <remarks>
/// Reports of one run never go back: <see cref="Done"/>, <see cref="Failed"/> and <see cref="Resubmitted"/> only grow, and a
/// run that succeeds ends with <see cref="Done"/> = <see cref="Total"/>. <see cref="Done"/> counts shards whose files
/// exist, including those complete before the run started (a resumed run starts above 0).
/// </remarks>
/// <param name="Total">The plan's shard count.</param>
/// <param name="Done">Shards complete (their Parquet file and partial written).</param>
/// <param name="Failed">Shard tries that ended without the shard's files (in-process: always 0, a failure stops the run).</param>
/// <param name="Resubmitted">Shard submissions after the first (Slurm); 0 in-process.</param>
public readonly record struct EnsembleProgress(int Total, int Done, int Failed, int Resubmitted);
