using Ferroptosis.Sim.Analysis;
using Ferroptosis.Sim.Distributed;
using Ferroptosis.Sim.Tests.Cli;

namespace Ferroptosis.Sim.Tests.Distributed;

/// <summary>From a laptop to a cluster: each in-process analysis and its plan (<c>ToPlan</c>) run through shards and reduce (1 and 7 shards) give the same numbers, bit for bit.</summary>
public sealed class AnalysisPlanTests : Plotting.TempFolderTests
{
    /// <summary>y' = c·y², y(0) = 1 blows up at t = 1/c: with c ~ U(0.05, 0.2) and t to 8, cells with c &gt; 0.125 fail.</summary>
    private const string BlowUp = """
        model blowup
          J1: -> y; c*y^2
          y = 1; c = 0.1
        end
        """;

    /// <summary>y = 2 x1 − 3 x2 + 0 x3 as an assignment rule read at t = 1 (z only gives the model a state).</summary>
    private const string Linear = """
        model linear
          x1 = 0; x2 = 0; x3 = 0
          y := 2*x1 - 3*x2 + 0*x3
          z' = 0
          z = 0
        end
        """;

    private static readonly EnsembleProtocol DecayProtocol = new() { EndTime = 10, Readouts = ["A@2", "B:max", "B<1"] };

    private static readonly EnsembleInput[] DecayFactors =
    [
        new() { Id = "k1", Distribution = "loguniform(0.1,2)" },
        new() { Target = EnsembleInput.FoldTarget, Id = "k2", Distribution = "uniform(0.5,2)" },
    ];

    [Test]
    public async Task Sobol_InProcess_EqualsThePlanThroughOneAndSevenShards()
    {
        string model = Model("decay.ant", CliTestKit.DecayModel);
        var options = new SobolOptions { BaseSamples = 70, Seed = 3, BootstrapSamples = 0 };
        var plan = SobolAnalysis.ToPlan(model, DecayProtocol, DecayFactors, options, runsPerShard: 40);
        var workload = EnsembleWorkload.Load(plan, Folder);

        var laptop = SobolAnalysis.Run(workload.Experiment, workload.Distributions, options);
        var withBootstrap = SobolAnalysis.Run(workload.Experiment, workload.Distributions, options with { BootstrapSamples = 30 });

        Assert.That(plan.Runs, Is.EqualTo(70 * 4));
        foreach (int shards in new[] { 1, 7 })
        {
            var sharded = plan with { RunsPerShard = (int)plan.Runs / shards };
            var reduction = await EnsembleShards.RunInProcessAsync(EnsembleWorkload.Load(sharded, Folder), new ShardFolder(Path.Combine(Folder, $"sobol{shards}")));
            var cluster = SobolAnalysis.FromReduction(sharded, reduction);
            Assert.That(sharded.ShardCount, Is.EqualTo(shards));
            Assert.That(Sobol(cluster), Is.EqualTo(Sobol(laptop)), $"{shards} shard(s)");
            Assert.That((cluster.BaseSamples, cluster.Evaluations, cluster.FailureCount), Is.EqualTo((laptop.BaseSamples, laptop.Evaluations, laptop.FailureCount)));
        }

        var points = withBootstrap.Indices("A@2").Select(i => (i.FirstOrder, i.Total));
        Assert.That(Bits(points.SelectMany(p => new[] { p.FirstOrder, p.Total })), Is.EqualTo(Bits(laptop.Indices("A@2").SelectMany(i => new[] { i.FirstOrder, i.Total }))), "the bootstrap leaves the point estimates alone");
        Assert.That(withBootstrap.Indices("A@2")[0].FirstOrderStandardError, Is.GreaterThan(0), "the bootstrap runs in process");
    }

    [Test]
    public async Task Morris_InProcess_EqualsThePlanThroughOneAndSevenShards_AndGivesTheExactLinearEffects()
    {
        string model = Model("linear.ant", Linear);
        var protocol = new EnsembleProtocol { EndTime = 1, Solver = "Tsit5", Readouts = ["y@1"] };
        EnsembleInput[] factors = [new() { Id = "x1", Distribution = "uniform(0,1)" }, new() { Id = "x2", Distribution = "uniform(0,2)" }, new() { Id = "x3", Distribution = "uniform(5,6)" }];
        var options = new MorrisOptions { Trajectories = 70, Seed = 5 };
        var plan = MorrisScreening.ToPlan(model, protocol, factors, options);
        var workload = EnsembleWorkload.Load(plan, Folder);

        var laptop = MorrisScreening.Run(workload.Experiment, workload.Distributions, options);

        // Effects per unit of scaled range: 2, −6 and 0, σ = 0.
        Assert.That(laptop.Indices("y@1").Select(i => i.Mu), Is.EqualTo(new[] { 2.0, -6, 0 }).Within(1e-12));
        Assert.That(laptop.Indices("y@1").Select(i => i.Sigma), Is.All.EqualTo(0).Within(1e-12));
        foreach (int shards in new[] { 1, 7 })
        {
            var sharded = plan with { RunsPerShard = (int)plan.Runs / shards };
            var reduction = await EnsembleShards.RunInProcessAsync(EnsembleWorkload.Load(sharded, Folder), new ShardFolder(Path.Combine(Folder, $"morris{shards}")));
            var cluster = MorrisScreening.FromReduction(sharded, reduction);
            Assert.That(sharded.ShardCount, Is.EqualTo(shards));
            Assert.That(Morris(cluster), Is.EqualTo(Morris(laptop)), $"{shards} shard(s)");
            Assert.That((cluster.Evaluations, cluster.FailureCount, cluster.Delta), Is.EqualTo((laptop.Evaluations, laptop.FailureCount, laptop.Delta)));
            Assert.That(cluster.Indices("y@1").Select(i => i.Effects), Is.All.EqualTo(70));
        }
    }

    [Test]
    public async Task Population_InProcess_EqualsThePlanThroughOneAndSevenShards_WithFailedCells()
    {
        string model = Model("blowup.ant", BlowUp);
        var protocol = new EnsembleProtocol { EndTime = 8, Readouts = ["y>3"] };
        EnsembleInput[] variation = [new() { Id = "c", Distribution = "uniform(0.05,0.2)" }];
        double[] times = [1, 4];
        var options = new EnsembleOptions { Cells = 700, Seed = 11, BatchSize = 64 };
        var plan = VirtualPopulation.ToPlan(model, protocol, variation, ["y"], times, options);
        var workload = EnsembleWorkload.Load(plan, Folder);

        var population = new VirtualPopulation(workload.Experiment.Model, [new CellVariation(new ParameterInput("c"), workload.Distributions[0])], plan.Protocol.ToSettings());
        var laptop = population.Simulate(["y"], times, options, [EnsembleProtocol.ParseReadout("y>3")]);

        Assert.That(laptop.Ensemble.FailureCount, Is.InRange(310, 400), "c > 0.125 (half the cells, ± 13) blows up before t = 8");
        var crossing = laptop.Ensemble.Summary("y>3");
        Assert.That(crossing.Count + crossing.Missing, Is.EqualTo(700 - laptop.Ensemble.FailureCount));
        Assert.That(crossing.Missing, Is.GreaterThan(50), "c < 1/12 never reaches y = 3 (t = 2/(3c) > 8): missing, not failed");
        foreach (int shards in new[] { 1, 7 })
        {
            var sharded = plan with { RunsPerShard = 700 / shards };
            var reduction = await EnsembleShards.RunInProcessAsync(EnsembleWorkload.Load(sharded, Folder), new ShardFolder(Path.Combine(Folder, $"population{shards}")));
            var cluster = VirtualPopulation.FromReduction(sharded, reduction, ["y"], times);
            Assert.That(sharded.ShardCount, Is.EqualTo(shards));
            Assert.That(Summaries(cluster.Ensemble), Is.EqualTo(Summaries(laptop.Ensemble)), $"{shards} shard(s)");
            Assert.That(Bits(cluster.Mean("y")), Is.EqualTo(Bits(laptop.Mean("y"))));
            Assert.That(Bits(cluster.Quantile("y", 0.95)), Is.EqualTo(Bits(laptop.Quantile("y", 0.95))));
            Assert.That((cluster.Ensemble.Cells, cluster.Ensemble.FailureCount), Is.EqualTo((laptop.Ensemble.Cells, laptop.Ensemble.FailureCount)));
        }
    }

    [Test]
    public async Task Scan_InProcess_EqualsThePlanRowsThroughOneAndSevenShards()
    {
        string model = Model("decay.ant", CliTestKit.DecayModel);
        EnsembleInput[] axes =
        [
            new() { Id = "k1", Values = ScanRange.Parse("0.1:2:log7") },
            new() { Target = EnsembleInput.InitialTarget, Id = "A", Values = ScanRange.Parse("1:10:10") },
        ];
        var plan = ParameterScan.ToPlan(model, DecayProtocol, axes);
        var workload = EnsembleWorkload.Load(plan, Folder);

        var laptop = ParameterScan.Run(workload.Experiment, [new ScanAxis("k1", axes[0].Values!), new ScanAxis("A(0)", axes[1].Values!)]);
        var swapped = ParameterScan.Run(workload.Experiment, [new ScanAxis("A(0)", axes[1].Values!), new ScanAxis("k1", axes[0].Values!)]);

        Assert.That(plan.Runs, Is.EqualTo(70));
        Assert.That(swapped[swapped.PointIndex(4, 2), "A@2"], Is.EqualTo(laptop[laptop.PointIndex(2, 4), "A@2"]), "axes in another order than the inputs");
        Assert.That(laptop[laptop.PointIndex(0, 9), "A@2"], Is.EqualTo(10 * Math.Exp(-0.1 * 2)).Within(1e-5), "A(t) = A0 e^(−k1 t)");
        foreach (int shards in new[] { 1, 7 })
        {
            var sharded = plan with { RunsPerShard = 70 / shards };
            var folder = new ShardFolder(Path.Combine(Folder, $"scan{shards}"));
            await EnsembleShards.RunInProcessAsync(EnsembleWorkload.Load(sharded, Folder), folder);
            var rows = new List<EnsembleRows>();
            for (int s = 0; s < sharded.ShardCount; s++)
            {
                rows.Add(await EnsembleShards.ReadRowsAsync(sharded, folder, s));
            }

            var cluster = ParameterScan.FromRows(sharded, rows);
            Assert.That(sharded.ShardCount, Is.EqualTo(shards));
            Assert.That(Bits(Values(cluster)), Is.EqualTo(Bits(Values(laptop))), $"{shards} shard(s)");
            Assert.That(cluster.Axes.Select(a => (a.Input, a.Values.Count)), Is.EqualTo(laptop.Axes.Select(a => (a.Input, a.Values.Count))));
            Assert.That(cluster.OutputNames, Is.EqualTo(laptop.OutputNames));
        }
    }

    [Test]
    public void FromReduction_RefusesAPlanOfAnotherDesign()
    {
        string model = Model("decay.ant", CliTestKit.DecayModel);
        var scan = ParameterScan.ToPlan(model, DecayProtocol, [new EnsembleInput { Id = "k1", Values = [0.1, 0.2] }]);

        Assert.That(() => SobolAnalysis.FromReduction(scan, null!), Throws.ArgumentNullException);
        Assert.That(() => ParameterScan.FromRows(SobolAnalysis.ToPlan(model, DecayProtocol, DecayFactors), []), Throws.InvalidOperationException.With.Message.Contains("'grid' plan"));
        Assert.That(() => MorrisScreening.ToPlan(model, DecayProtocol, [new EnsembleInput { Id = "k1", Distribution = "normal(1,0.1)" }]), Throws.ArgumentException.With.Message.Contains("bounded"));
    }

    private static long[] Bits(IEnumerable<double> values) => [.. values.Select(BitConverter.DoubleToInt64Bits)];

    private static long[] Sobol(SobolResult result) =>
        Bits(result.Outputs.SelectMany(o => result.Indices(o).SelectMany(i => new[] { i.FirstOrder, i.Total, i.FirstOrderStandardError, i.TotalLower }).Append(result.Variance(o))));

    private static long[] Morris(MorrisResult result) =>
        Bits(result.Outputs.SelectMany(o => result.Indices(o).SelectMany(i => new[] { i.Mu, i.MuStar, i.Sigma, i.Effects })));

    private static long[] Summaries(EnsembleResult result) =>
        Bits(result.Summaries.SelectMany(s => new[] { s.Count, s.Missing, s.Mean, s.StandardDeviation, s.StandardError, s.Minimum, s.Maximum }.Concat(s.Quantiles.Select(q => q.Value))));

    private static IEnumerable<double> Values(ScanResult scan) =>
        Enumerable.Range(0, scan.Count).SelectMany(p => Enumerable.Range(0, scan.OutputNames.Count).Select(o => scan.GetValue(p, o)));

    private string Model(string name, string text)
    {
        Directory.CreateDirectory(Folder);
        string path = Path.Combine(Folder, name);
        File.WriteAllText(path, text);
        return path;
    }
}
