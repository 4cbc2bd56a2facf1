using Ferroptosis.Sim.Analysis;
using Ferroptosis.Sim.Distributed;

namespace Ferroptosis.Sim.Tests.Distributed;

/// <summary>Morris trajectories addressed by run index: on a linear model the elementary effects are exact, the plan equals <see cref="MorrisScreening"/> on the same design, and the result does not depend on the shard count.</summary>
public sealed class MorrisPlanTests : Plotting.TempFolderTests
{
    /// <summary>y = 2·x1 − 3·x2 + 0.5·x3 on [0, 1]³: every elementary effect of factor i is its coefficient.</summary>
    private const string Linear = """
        model linear
          x1 = 0; x2 = 0; x3 = 0
          y := 2*x1 - 3*x2 + 0.5*x3
          z' = 0
          z = 0
        end
        """;

    private EnsemblePlan LinearPlan(int trajectories, int runsPerShard)
    {
        Directory.CreateDirectory(Folder);
        string model = Path.Combine(Folder, "linear.ant");
        File.WriteAllText(model, Linear);
        return new EnsemblePlan
        {
            ModelFile = "linear.ant",
            ModelSha256 = EnsemblePlan.HashFile(model),
            Protocol = new EnsembleProtocol { EndTime = 1, Solver = "Tsit5", Readouts = ["y@1"] },
            Samples = new EnsembleSampleSource
            {
                Kind = EnsembleSampleSource.Morris,
                Inputs = [.. new[] { "x1", "x2", "x3" }.Select(x => new EnsembleInput { Id = x, Distribution = "uniform(0,1)" })],
            },
            Runs = trajectories * 4,
            RunsPerShard = runsPerShard,
            Seed = 5,
            Precision = "float64",
        };
    }

    [Test]
    public async Task LinearModel_GivesExactElementaryEffects_AndEqualsMorrisScreening()
    {
        var plan = LinearPlan(30, 40);
        var workload = EnsembleWorkload.Load(plan, Folder);

        var result = await EnsembleShards.RunInProcessAsync(workload, new ShardFolder(Path.Combine(Folder, "shards")));
        var indices = result.MorrisIndices("y@1");
        var reference = MorrisScreening.Run(workload.Experiment, [.. Enumerable.Repeat(InputDistribution.Uniform(0, 1), 3)], new MorrisOptions { Trajectories = 30, Seed = 5 }).Indices("y@1");

        double[] coefficients = [2, -3, 0.5];
        Assert.Multiple(() =>
        {
            for (int i = 0; i < 3; i++)
            {
                Assert.That(indices[i].Mu, Is.EqualTo(coefficients[i]).Within(1e-9), $"mu x{i + 1}");
                Assert.That(indices[i].MuStar, Is.EqualTo(Math.Abs(coefficients[i])).Within(1e-9), $"mu* x{i + 1}");
                Assert.That(indices[i].Sigma, Is.EqualTo(0).Within(1e-9), $"sigma x{i + 1}");
                Assert.That(indices[i].Effects, Is.EqualTo(30));
                Assert.That(indices[i].Mu, Is.EqualTo(reference[i].Mu).Within(1e-12), $"mu x{i + 1} vs MorrisScreening");
                Assert.That(indices[i].MuStar, Is.EqualTo(reference[i].MuStar).Within(1e-12), $"mu* x{i + 1} vs MorrisScreening");
            }
        });
    }

    [Test]
    public async Task MorrisResult_DoesNotDependOnTheShardCount()
    {
        var texts = new List<string>();
        foreach (int perShard in new[] { 400, 28, 4 })
        {
            var folder = new ShardFolder(Path.Combine(Folder, $"per{perShard}"));
            await EnsembleShards.RunInProcessAsync(EnsembleWorkload.Load(LinearPlan(100, perShard), Folder), folder);
            texts.Add(File.ReadAllText(folder.ResultPath));
        }

        Assert.Multiple(() =>
        {
            Assert.That(texts[0], Does.Contain("\"morris\""));
            Assert.That(texts[1], Is.EqualTo(texts[0]));
            Assert.That(texts[2], Is.EqualTo(texts[0]));
        });
    }

    [Test]
    public void UnboundedFactorsOrSplitTrajectories_AreRefused()
    {
        var plan = LinearPlan(10, 40);
        var unbounded = plan with { Samples = plan.Samples with { Inputs = [.. plan.Samples.Inputs.Select(i => i with { Distribution = "normal(0,1)" })] } };

        Assert.Multiple(() =>
        {
            Assert.That(Assert.Throws<FormatException>(unbounded.Validate)!.Message, Does.Contain("bounded"));
            Assert.That(Assert.Throws<FormatException>((plan with { RunsPerShard = 6 }).Validate)!.Message, Does.Contain("multiple of inputs + 1 = 4"));
        });
    }
}
