using Ferroptosis.Sim.Analysis;
using Ferroptosis.Sim.Tests.Cli;

namespace Ferroptosis.Sim.Tests.Distributed;

/// <summary>Small ensemble plans over the decay model (A → B → ∅), cheap enough for tier-0 tests (~0.1 ms per run).</summary>
internal static class EnsembleTestKit
{
    /// <summary>Writes the decay model into a folder and returns a population plan over it: k1 log-normal, k2 scaled uniformly, three read-outs.</summary>
    public static EnsemblePlan DecayPlan(string folder, long runs = 300, int runsPerShard = 50, ulong seed = 7, string precision = "float32")
    {
        Directory.CreateDirectory(folder);
        string model = Path.Combine(folder, "decay.ant");
        File.WriteAllText(model, CliTestKit.DecayModel);
        return new EnsemblePlan
        {
            ModelFile = "decay.ant",
            ModelSha256 = EnsemblePlan.HashFile(model),
            Protocol = new EnsembleProtocol { EndTime = 10, Readouts = ["A@2", "B:max", "B<1"] },
            Samples = new EnsembleSampleSource
            {
                Inputs =
                [
                    new EnsembleInput { Id = "k1", Distribution = "lognormal(0.5,0.3)" },
                    new EnsembleInput { Target = EnsembleInput.FoldTarget, Id = "k2", Distribution = "uniform(0.5,2)" },
                ],
            },
            Runs = runs,
            RunsPerShard = runsPerShard,
            Seed = seed,
            Precision = precision,
        };
    }

    /// <summary>Writes a plan file into the folder (beside its model) and returns its path.</summary>
    public static string Save(EnsemblePlan plan, string folder, string name = "plan.json")
    {
        string path = Path.Combine(folder, name);
        File.WriteAllText(path, plan.ToJson());
        return path;
    }
}
