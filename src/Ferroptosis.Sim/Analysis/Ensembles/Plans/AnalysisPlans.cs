namespace Ferroptosis.Sim.Analysis;

/// <summary>Builds the plans of the in-process analyses (their <c>ToPlan</c> methods) and checks a reduction's design.</summary>
internal static class AnalysisPlans
{
    /// <summary>A plan for a model file (it must sit beside the plan when the plan runs), stored at float64 so its numbers are the in-process ones.</summary>
    public static EnsemblePlan Create(string modelFile, EnsembleProtocol protocol, EnsembleSampleSource samples, long runs, int runsPerShard, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(modelFile);
        ArgumentNullException.ThrowIfNull(protocol);
        if (!File.Exists(modelFile))
        {
            throw new FileNotFoundException($"No model file {modelFile}; a plan names its model file by content hash.", modelFile);
        }

        int k = samples.Inputs.Count;
        int block = samples.Kind == EnsembleSampleSource.Saltelli ? k + 2 : samples.Kind == EnsembleSampleSource.Morris ? k + 1 : 1;
        var plan = new EnsemblePlan
        {
            ModelFile = Path.GetFileName(modelFile),
            ModelSha256 = EnsemblePlan.HashFile(modelFile),
            Protocol = protocol,
            Samples = samples,
            Runs = runs,
            RunsPerShard = Math.Max(block, runsPerShard / block * block),
            Seed = seed,
            Precision = "float64",
        };
        try
        {
            plan.Validate();
        }
        catch (FormatException ex)
        {
            throw new ArgumentException(ex.Message, ex);
        }

        return plan;
    }

    /// <summary>The merged partial of a reduction of <paramref name="plan"/>, checked to be of the expected design.</summary>
    public static EnsemblePartial Merged(EnsemblePlan plan, EnsembleReduction reduction, string kind, string analysis)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(reduction);
        if (plan.Samples.Kind != kind)
        {
            throw new InvalidOperationException($"The plan's sample source is '{plan.Samples.Kind}'; {analysis} needs a '{kind}' plan (make it with {analysis}.ToPlan).");
        }

        string hash = plan.ComputeHash();
        return reduction.PlanHash == hash
            ? reduction.Merged
            : throw new ArgumentException($"The reduction belongs to plan {reduction.PlanHash}, not to this plan ({hash}).", nameof(reduction));
    }
}
