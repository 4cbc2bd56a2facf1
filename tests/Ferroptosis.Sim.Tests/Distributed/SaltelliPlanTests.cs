using Ferroptosis.Sim.Analysis;
using Ferroptosis.Sim.Distributed;

namespace Ferroptosis.Sim.Tests.Distributed;

/// <summary>Saltelli rows addressed by run index: the plan reproduces <see cref="SobolAnalysis"/>'s design, its reduced Sobol indices of the Ishigami function match the analytic values, and they do not depend on the shard count.</summary>
public sealed class SaltelliPlanTests : Plotting.TempFolderTests
{
    /// <summary>Ishigami and Homma (1990), a = 7, b = 0.1, as an assignment rule read at t = 1 (z only gives the model a state).</summary>
    private const string Ishigami = """
        model ishigami
          x1 = 0; x2 = 0; x3 = 0
          y := sin(x1) + 7*sin(x2)^2 + 0.1*x3^4*sin(x1)
          z' = 0
          z = 0
        end
        """;

    private EnsemblePlan IshigamiPlan(long baseSamples, int runsPerShard)
    {
        Directory.CreateDirectory(Folder);
        string model = Path.Combine(Folder, "ishigami.ant");
        File.WriteAllText(model, Ishigami);
        const string U = "uniform(-3.141592653589793,3.141592653589793)";
        return new EnsemblePlan
        {
            ModelFile = "ishigami.ant",
            ModelSha256 = EnsemblePlan.HashFile(model),
            Protocol = new EnsembleProtocol { EndTime = 1, Solver = "Tsit5", Readouts = ["y@1"] },
            Samples = new EnsembleSampleSource
            {
                Kind = EnsembleSampleSource.Saltelli,
                Inputs = [new EnsembleInput { Id = "x1", Distribution = U }, new EnsembleInput { Id = "x2", Distribution = U }, new EnsembleInput { Id = "x3", Distribution = U }],
            },
            Runs = baseSamples * 5,
            RunsPerShard = runsPerShard,
            Seed = 11,
            Precision = "float64",
        };
    }

    [Test]
    public async Task IshigamiIndices_MatchTheAnalyticValues_AndSobolAnalysisOnTheSameDesign()
    {
        var plan = IshigamiPlan(4000, 2000);
        var workload = EnsembleWorkload.Load(plan, Folder);

        var result = await EnsembleShards.RunInProcessAsync(workload, new ShardFolder(Path.Combine(Folder, "shards")));
        var indices = result.SobolIndices("y@1");
        var reference = SobolAnalysis.Run(workload.Experiment, [.. Enumerable.Repeat(InputDistribution.Uniform(-Math.PI, Math.PI), 3)], new SobolOptions { BaseSamples = 4000, Seed = 11, BootstrapSamples = 0 }).Indices("y@1");

        // Analytic: V = a²/8 + bπ⁴/5 + b²π⁸/18 + 1/2; S1 = 0.3139, S2 = 0.4424, S3 = 0; ST1 = 0.5576, ST2 = 0.4424, ST3 = 0.2437.
        double[] first = [0.3139, 0.4424, 0.0], total = [0.5576, 0.4424, 0.2437];
        Assert.Multiple(() =>
        {
            for (int i = 0; i < 3; i++)
            {
                Assert.That(indices[i].FirstOrder, Is.EqualTo(first[i]).Within(0.05), $"S{i + 1}");
                Assert.That(indices[i].Total, Is.EqualTo(total[i]).Within(0.05), $"ST{i + 1}");
                Assert.That(indices[i].FirstOrder, Is.EqualTo(reference[i].FirstOrder).Within(1e-9), $"S{i + 1} vs SobolAnalysis");
                Assert.That(indices[i].Total, Is.EqualTo(reference[i].Total).Within(1e-9), $"ST{i + 1} vs SobolAnalysis");
            }
        });
    }

    [Test]
    public async Task SobolIndices_DoNotDependOnTheShardCount()
    {
        var texts = new List<string>();
        foreach (int perShard in new[] { 1000, 35, 5 })
        {
            var folder = new ShardFolder(Path.Combine(Folder, $"per{perShard}"));
            await EnsembleShards.RunInProcessAsync(EnsembleWorkload.Load(IshigamiPlan(200, perShard), Folder), folder);
            texts.Add(File.ReadAllText(folder.ResultPath));
        }

        Assert.Multiple(() =>
        {
            Assert.That(texts[0], Does.Contain("\"sobol\""));
            Assert.That(texts[1], Is.EqualTo(texts[0]));
            Assert.That(texts[2], Is.EqualTo(texts[0]));
        });
    }

    [Test]
    public void ShardsThatSplitADesignRow_AreRefused()
    {
        var plan = IshigamiPlan(10, 7);

        var ex = Assert.Throws<FormatException>(plan.Validate);

        Assert.That(ex!.Message, Does.Contain("multiple of inputs + 2 = 5"));
    }
}
