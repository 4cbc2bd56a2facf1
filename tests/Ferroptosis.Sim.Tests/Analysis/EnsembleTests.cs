using Ferroptosis.Sim.Analysis;
using MathNet.Numerics.Distributions;

namespace Ferroptosis.Sim.Tests.Analysis;

/// <summary>Virtual populations: bit-identical whatever the threads and batch size, and statistics that match known lognormal answers.</summary>
public sealed class EnsembleTests
{
    private const double Median = 0.5, Sigma = 0.4, EndTime = 2;

    private static VirtualPopulation DecayPopulation() =>
        new(AnalysisModels.Decay, [new CellVariation(new ParameterInput("k"), InputDistribution.LogNormal(Median, Sigma))], AnalysisModels.Tight(EndTime) with { RelativeTolerance = 1e-8, AbsoluteTolerance = 1e-10 });

    private static double[] Flatten(PopulationResult result) =>
        [.. result.Ensemble.Summaries.SelectMany(s => new[] { s.Count, s.Mean, s.StandardDeviation, s.Minimum, s.Maximum }.Concat(s.Quantiles.Select(q => q.Value)))];

    [Test]
    public void SameSeed_GivesBitIdenticalResults_WhateverTheThreadsAndBatchSize()
    {
        var population = DecayPopulation();
        double[] times = [0.5, 1, 2];
        var options = new EnsembleOptions { Cells = 3000, Seed = 42, BatchSize = 700 };
        var one = population.Simulate(["y"], times, options, [Readout.TimeToThreshold("y", 0.6)], new ExecutionOptions { MaxDegreeOfParallelism = 1 });
        var two = population.Simulate(["y"], times, options, [Readout.TimeToThreshold("y", 0.6)], new ExecutionOptions { MaxDegreeOfParallelism = 2 });
        var four = population.Simulate(["y"], times, options with { BatchSize = 4096 }, [Readout.TimeToThreshold("y", 0.6)], new ExecutionOptions { MaxDegreeOfParallelism = 4 });

        Assert.That(Flatten(two), Is.EqualTo(Flatten(one)), "2 threads");
        Assert.That(Flatten(four), Is.EqualTo(Flatten(one)), "4 threads, one batch");
        var other = population.Simulate(["y"], times, options with { Seed = 43 });
        Assert.That(other.Mean("y"), Is.Not.EqualTo(one.Mean("y")), "another seed, another population");
    }

    [Test]
    public void Quantiles_MatchTheLognormalQuantilesOfTheSolution()
    {
        // k ~ LogNormal(ln 0.5, 0.4) and y(T) = e^{−kT} falls with k: Q_y(p) = exp(−T·Q_k(1 − p)).
        // A sample quantile of N values has standard error √(p(1 − p)/N) / f_Y(Q_y(p)), f_Y(y) = f_K(k)/(T y).
        const int cells = 20_000;
        double[] probabilities = [0.05, 0.25, 0.5, 0.75, 0.95];
        var result = DecayPopulation().Simulate(["y"], [EndTime], new EnsembleOptions { Cells = cells, Seed = 3, Quantiles = probabilities });
        var summary = result.Summary("y", 0);

        Assert.That(summary.Count, Is.EqualTo(cells));
        foreach (double p in probabilities)
        {
            double k = LogNormal.InvCDF(Math.Log(Median), Sigma, 1 - p);
            double exact = Math.Exp(-EndTime * k);
            double density = LogNormal.PDF(Math.Log(Median), Sigma, k) / (EndTime * exact);
            double standardError = Math.Sqrt(p * (1 - p) / cells) / density;
            TestContext.Out.WriteLine($"p = {p}: estimate {summary.Quantile(p):F5}, exact {exact:F5}, SE {standardError:F5}");
            Assert.That(summary.Quantile(p), Is.EqualTo(exact).Within(4 * standardError), $"p = {p}");
        }
    }

    [Test]
    public void Mean_OverTime_MatchesTheLognormalMean()
    {
        // y0 ~ LogNormal(ln 2, 0.3), k = 1: E[y(t)] = 2 e^{0.045} e^{−t}; standard error σ_y/√N.
        const int cells = 5000;
        var population = new VirtualPopulation(AnalysisModels.Decay, [new CellVariation(new InitialValueInput("y"), InputDistribution.LogNormal(2, 0.3))], AnalysisModels.Tight(3));
        double[] times = [0, 1, 2, 3];
        var result = population.Simulate(["y"], times, new EnsembleOptions { Cells = cells, Seed = 11 });
        double[] mean = result.Mean("y");
        double[] sd = result.StandardDeviation("y");
        for (int i = 0; i < times.Length; i++)
        {
            double exact = 2 * Math.Exp(0.045) * Math.Exp(-times[i]);
            Assert.That(mean[i], Is.EqualTo(exact).Within(4 * sd[i] / Math.Sqrt(cells)), $"t = {times[i]}");
        }
    }

    [Test]
    public void KeptSamples_AgreeWithTheStreamingStatistics()
    {
        var population = DecayPopulation();
        var result = population.Simulate(["y"], [1.0], new EnsembleOptions { Cells = 500, KeepSamples = true, BatchSize = 128 });
        double[] samples = result.Ensemble.GetSamples("y@1");
        double[] k = result.Ensemble.GetInputSamples("k");

        Assert.That(samples, Has.Length.EqualTo(500));
        Assert.That(samples.Zip(k, (y, rate) => Math.Abs(y - Math.Exp(-rate))).Max(), Is.LessThan(1e-7), "each cell's output belongs to its own input");
        Assert.That(result.Summary("y", 0).Mean, Is.EqualTo(samples.Average()).Within(1e-12));
        Assert.That(result.Summary("y", 0).Maximum, Is.EqualTo(samples.Max()));
        Assert.That(() => DecayPopulation().Simulate(["y"], [1.0], new EnsembleOptions { Cells = 10 }).Ensemble.GetSamples("y@1"), Throws.InvalidOperationException);
    }

    [Test]
    public void FailedCells_AreCountedAndLeftOut()
    {
        // x ~ U(0, 1); the function fails (NaN) for x < 0.2: about a fifth of the cells.
        var function = new ResponseFunction(["x"], ["y"], (x, y) => y[0] = x[0] < 0.2 ? double.NaN : x[0]);
        var result = Ensemble.Run(function, [InputDistribution.Uniform(0, 1)], new EnsembleOptions { Cells = 1000, Seed = 5 });
        var summary = result.Summary("y");

        Assert.That(result.FailureCount, Is.InRange(150, 250));
        Assert.That(summary.Count, Is.EqualTo(1000 - result.FailureCount));
        Assert.That(summary.Minimum, Is.GreaterThanOrEqualTo(0.2));
        Assert.That(result.FailureMessages, Has.Count.EqualTo(10));
        Assert.That(summary.Mean, Is.EqualTo(0.6).Within(4 * summary.StandardError), "the mean of U(0.2, 1)");
    }

    [Test]
    public void Quantiles_AreWithinTheSketchErrorOfTheNearestRankSampleQuantile()
    {
        // 100,000 uniforms on [0.5, 3]: each quantile is the midpoint of a histogram bin 2⁻⁷ relative wide, so within
        // 2⁻⁸ relative of the nearest-rank quantile of the kept samples, and within sampling error of the exact one.
        var identity = new ResponseFunction(["x"], ["y"], (x, y) => y[0] = x[0]);
        double[] probabilities = [0.01, 0.5, 0.9];
        var result = Ensemble.Run(identity, [InputDistribution.Uniform(0.5, 3)], new EnsembleOptions { Cells = 100_000, Seed = 9, Quantiles = probabilities, KeepSamples = true });
        double[] sorted = [.. result.GetSamples("y").Order()];
        foreach (double p in probabilities)
        {
            double nearestRank = sorted[(int)Math.Ceiling(p * sorted.Length) - 1];
            double estimate = result.Summary("y").Quantile(p);
            Assert.That(estimate, Is.EqualTo(nearestRank).Within(nearestRank / 256), $"p = {p}");
            Assert.That(estimate, Is.EqualTo(0.5 + (2.5 * p)).Within(0.02), $"p = {p} against U(0.5, 3)");
        }
    }
}
