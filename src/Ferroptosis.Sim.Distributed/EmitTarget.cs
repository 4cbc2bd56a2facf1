namespace Ferroptosis.Sim.Distributed;

/// <summary>The schedulers <see cref="EnsembleEmitter"/> writes job files for; each hands a task its shard index in its own way.</summary>
public enum EmitTarget
{
    /// <summary>A Kubernetes Indexed Job (YAML): one pod per shard, the shard index is the pod's completion index, <c>JOB_COMPLETION_INDEX</c>.</summary>
    Kubernetes,

    /// <summary>AWS Batch array jobs (JSON: a job definition and the submit-job inputs): the shard index is <c>AWS_BATCH_JOB_ARRAY_INDEX</c> plus the array's offset; plans with more shards than an array holds (10000) are split into several arrays.</summary>
    AwsBatch,

    /// <summary>An HTCondor submit file: <c>queue N</c>, the shard index is the job's <c>$(Process)</c>, passed as an argument.</summary>
    HTCondor,
}
