using Ferroptosis.Sim.Analysis;

namespace Ferroptosis.Sim.Tests.Analysis;

/// <summary>Morris and Sobol on functions with known answers: linear functions (exact elementary effects) and the Ishigami function (analytic Sobol indices).</summary>
public sealed class GlobalSensitivityTests
{
    private const double A = 7, B = 0.1;

    /// <summary>Ishigami &amp; Homma (1990): f = sin x1 + a sin² x2 + b x3⁴ sin x1 on [−π, π]³.</summary>
    private static readonly ResponseFunction Ishigami = new(["x1", "x2", "x3"], ["y"], (x, y) =>
        y[0] = Math.Sin(x[0]) + (A * Math.Pow(Math.Sin(x[1]), 2)) + (B * Math.Pow(x[2], 4) * Math.Sin(x[0])));

    private static readonly InputDistribution[] IshigamiFactors = [.. Enumerable.Repeat(InputDistribution.Uniform(-Math.PI, Math.PI), 3)];

    [Test]
    public void Sobol_OnIshigami_RecoversTheAnalyticIndices_WithinSamplingError()
    {
        // Analytic variances (Sobol' & Levitan 1999): V1 = (1 + bπ⁴/5)²/2, V2 = a²/8, V13 = b²π⁸(1/18 − 1/50), V3 = 0.
        double pi4 = Math.Pow(Math.PI, 4), pi8 = pi4 * pi4;
        double v = (A * A / 8) + (B * pi4 / 5) + (B * B * pi8 / 18) + 0.5;
        double v1 = 0.5 * Math.Pow(1 + (B * pi4 / 5), 2), v2 = A * A / 8, v13 = B * B * pi8 * ((1.0 / 18) - (1.0 / 50));
        double[] first = [v1 / v, v2 / v, 0];
        double[] total = [(v1 + v13) / v, v2 / v, v13 / v];
        Assert.That(first[0], Is.EqualTo(0.3139).Within(1e-4), "the published values");
        Assert.That(first[1], Is.EqualTo(0.4424).Within(1e-4));
        Assert.That(total[0], Is.EqualTo(0.5576).Within(1e-4));
        Assert.That(total[2], Is.EqualTo(0.2437).Within(1e-4));

        // N = 8192 (40,960 evaluations): bootstrap standard errors ≈ 0.01; allow 4 of them.
        var result = SobolAnalysis.Run(Ishigami, IshigamiFactors, new SobolOptions { BaseSamples = 8192 });
        var indices = result.Indices("y");
        Assert.That(result.Evaluations, Is.EqualTo(8192 * 5));
        Assert.That(result.Variance("y"), Is.EqualTo(v).Within(0.05 * v));
        for (int i = 0; i < 3; i++)
        {
            var s = indices[i];
            TestContext.Out.WriteLine($"x{i + 1}: S1 {s.FirstOrder:F4} ± {s.FirstOrderStandardError:F4} (exact {first[i]:F4}), ST {s.Total:F4} ± {s.TotalStandardError:F4} (exact {total[i]:F4})");
            Assert.That(s.FirstOrderStandardError, Is.LessThan(0.02));
            Assert.That(s.TotalStandardError, Is.LessThan(0.02));
            Assert.That(s.FirstOrder, Is.EqualTo(first[i]).Within(4 * s.FirstOrderStandardError), $"S1 of x{i + 1}");
            Assert.That(s.Total, Is.EqualTo(total[i]).Within(4 * s.TotalStandardError), $"ST of x{i + 1}");
            Assert.That(first[i], Is.InRange(s.FirstOrderLower - (2 * s.FirstOrderStandardError), s.FirstOrderUpper + (2 * s.FirstOrderStandardError)));
        }
    }

    [Test]
    public void Sobol_IsDeterministic_WhateverTheThreads()
    {
        var options = new SobolOptions { BaseSamples = 512, BootstrapSamples = 20 };
        var one = SobolAnalysis.Run(Ishigami, IshigamiFactors, options, new ExecutionOptions { MaxDegreeOfParallelism = 1 });
        var many = SobolAnalysis.Run(Ishigami, IshigamiFactors, options, new ExecutionOptions { MaxDegreeOfParallelism = 3 });
        Assert.That(many.Indices("y"), Is.EqualTo(one.Indices("y")));
    }

    [Test]
    public void Morris_OnALinearFunction_GivesTheExactEffects()
    {
        // f = 2 x1 − 3 x2 + 0 x3 with x2 on a range of width 2: effects per unit of scaled range are 2, −6, 0.
        var linear = new ResponseFunction(["x1", "x2", "x3"], ["y"], (x, y) => y[0] = (2 * x[0]) - (3 * x[1]) + (0 * x[2]));
        var result = MorrisScreening.Run(linear, [InputDistribution.Uniform(0, 1), InputDistribution.Uniform(0, 2), InputDistribution.Uniform(5, 6)], new MorrisOptions { Trajectories = 10 });
        var indices = result.Indices("y");

        Assert.That(result.Evaluations, Is.EqualTo(10 * 4));
        Assert.That(indices.Select(i => i.Mu), Is.EqualTo(new[] { 2.0, -6, 0 }).Within(1e-12));
        Assert.That(indices.Select(i => i.MuStar), Is.EqualTo(new[] { 2.0, 6, 0 }).Within(1e-12));
        Assert.That(indices.Select(i => i.Sigma), Is.All.EqualTo(0).Within(1e-12));
        Assert.That(indices.Select(i => i.Effects), Is.All.EqualTo(10));
        Assert.That(result.Ranking("y").Select(i => i.Factor), Is.EqualTo(new[] { "x2", "x1", "x3" }));
    }

    [Test]
    public void Morris_OnIshigami_SeesThatX3ActsOnlyThroughItsInteraction()
    {
        // ∂f/∂x3 = 4b x3³ sin x1 averages to zero over x1: μ3 ≈ 0, yet μ3* and σ3 are large.
        var result = MorrisScreening.Run(Ishigami, IshigamiFactors, new MorrisOptions { Trajectories = 200 });
        var x3 = result.Indices("y")[2];
        Assert.That(x3.MuStar, Is.GreaterThan(1));
        Assert.That(Math.Abs(x3.Mu), Is.LessThan(0.25 * x3.MuStar));
        Assert.That(x3.Sigma, Is.GreaterThan(x3.MuStar));
    }

    [Test]
    public void Morris_RejectsUnboundedFactors()
    {
        var linear = new ResponseFunction(["x"], ["y"], (x, y) => y[0] = x[0]);
        Assert.That(() => MorrisScreening.Run(linear, [InputDistribution.Normal(0, 1)]), Throws.ArgumentException.With.Message.Contains("bounded"));
        Assert.That(() => MorrisScreening.Run(linear, []), Throws.ArgumentException.With.Message.Contains("one distribution per model input"));
    }
}
