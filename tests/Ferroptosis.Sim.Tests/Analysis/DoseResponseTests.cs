using Ferroptosis.Sim.Analysis;

namespace Ferroptosis.Sim.Tests.Analysis;

/// <summary>The 4PL fit recovers known Hill curves with honest intervals; bell-shaped and flat data are reported, not forced into a sigmoid.</summary>
public sealed class DoseResponseTests
{
    private static readonly FourParameterLogistic Truth = new(Bottom: 0.05, Top: 1.0, LogEC50: Math.Log10(2), HillSlope: -1.5);

    private static readonly double[] Levels = [0, .. ScanRange.Logarithmic(0.01, 100, 12)];

    private static (double[] Doses, double[] Responses) Data(Func<double, double> curve, double sigma, int replicates, int seed)
    {
        var random = new Random(seed);
        var doses = new List<double>();
        var responses = new List<double>();
        foreach (double d in Levels)
        {
            for (int r = 0; r < replicates; r++)
            {
                doses.Add(d);
                responses.Add(curve(d) + (sigma * Gaussian(random)));
            }
        }

        return ([.. doses], [.. responses]);
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    [Test]
    public void NoiseFreeHillCurve_IsRecoveredExactly()
    {
        var (doses, responses) = Data(Truth.Evaluate, 0, 1, 1);
        var fit = DoseResponse.Fit(doses, responses);

        Assert.That(fit.Shape, Is.EqualTo(DoseResponseShape.Sigmoidal), fit.Message);
        Assert.That(fit.Bottom!.Value, Is.EqualTo(Truth.Bottom).Within(1e-7));
        Assert.That(fit.Top!.Value, Is.EqualTo(Truth.Top).Within(1e-7));
        Assert.That(fit.EC50!.Value, Is.EqualTo(2.0).Within(1e-6));
        Assert.That(fit.HillSlope!.Value, Is.EqualTo(-1.5).Within(1e-6));
        Assert.That(fit.RSquared, Is.EqualTo(1).Within(1e-12));
    }

    [Test]
    public void NoisyHillCurve_ConfidenceIntervalsCoverTheTruth_AtAboutTheirNominalRate()
    {
        // 200 data sets (13 doses × 3 replicates, σ = 0.03): each 95 % interval should cover the truth in
        // about 190 of them; a binomial count below 180 (3.3 SD under 190) would mean the intervals are too narrow.
        const int sets = 200;
        int[] covered = new int[5];
        int sigmoids = 0;
        for (int seed = 0; seed < sets; seed++)
        {
            var (doses, responses) = Data(Truth.Evaluate, 0.03, 3, seed);
            var fit = DoseResponse.Fit(doses, responses);
            if (fit.Shape != DoseResponseShape.Sigmoidal)
            {
                continue;
            }

            sigmoids++;
            covered[0] += fit.Bottom!.Covers(Truth.Bottom) ? 1 : 0;
            covered[1] += fit.Top!.Covers(Truth.Top) ? 1 : 0;
            covered[2] += fit.LogEC50!.Covers(Truth.LogEC50) ? 1 : 0;
            covered[3] += fit.HillSlope!.Covers(Truth.HillSlope) ? 1 : 0;
            covered[4] += fit.EC50!.Covers(Truth.EC50) ? 1 : 0;
        }

        TestContext.Out.WriteLine($"sigmoidal {sigmoids}/{sets}; covered (Bottom, Top, LogEC50, HillSlope, EC50): {string.Join(", ", covered)}");
        Assert.That(sigmoids, Is.GreaterThanOrEqualTo(195), "noisy monotonic data must rarely be called non-monotonic");
        Assert.That(covered, Has.All.GreaterThanOrEqualTo(180).And.All.LessThanOrEqualTo(200));
        var first = DoseResponse.Fit(Data(Truth.Evaluate, 0.03, 3, 0).Doses, Data(Truth.Evaluate, 0.03, 3, 0).Responses);
        Assert.That(first.EC50!.Covers(2.0) && first.HillSlope!.Covers(-1.5), Is.True, first.Message);
    }

    [Test]
    public void BellShapedResponse_IsReported_NotFitted()
    {
        // y = 4u/(1 + u)², u = x/3: 0 at both ends, 1 at x = 3.
        var (doses, responses) = Data(x => 4 * (x / 3) / Math.Pow(1 + (x / 3), 2), 0.03, 2, 7);
        var fit = DoseResponse.Fit(doses, responses);

        Assert.That(fit.Shape, Is.EqualTo(DoseResponseShape.NonMonotonic), fit.Message);
        Assert.That(fit.Curve, Is.Null);
        Assert.That(fit.ExtremumDose, Is.InRange(1.0, 9.0));
        Assert.That(fit.Message, Does.Contain("bell-shaped"));
    }

    [Test]
    public void UShapedResponse_IsReported()
    {
        var (doses, responses) = Data(x => 1 - (0.6 * 4 * (x / 3) / Math.Pow(1 + (x / 3), 2)), 0, 1, 0);
        var fit = DoseResponse.Fit(doses, responses);
        Assert.That(fit.Shape, Is.EqualTo(DoseResponseShape.NonMonotonic));
        Assert.That(fit.Message, Does.Contain("U-shaped"));
    }

    [Test]
    public void FlatResponse_IsReported()
    {
        var (doses, responses) = Data(_ => 0.8, 0.02, 3, 3);
        Assert.That(DoseResponse.Fit(doses, responses).Shape, Is.EqualTo(DoseResponseShape.Flat));
    }

    [Test]
    public void DoseAt_InvertsTheCurve()
    {
        foreach (double x in (double[])[0.05, 1, 2, 30])
        {
            Assert.That(Truth.DoseAt(Truth.Evaluate(x)), Is.EqualTo(x).Within(1e-9 * x));
        }

        Assert.That(Truth.DoseAt(1.5), Is.NaN);
    }

    [Test]
    public void ModelFreeIC50_OfAHillFunction_IsTheEC50()
    {
        var curve = new FourParameterLogistic(0, 1, Math.Log10(2), -1.5);
        var search = DoseResponse.FindIC50(curve.Evaluate, 0.01, 100, relativeTolerance: 1e-8);
        Assert.That(search.Status, Is.EqualTo(IC50SearchStatus.Found), search.Message);
        Assert.That(search.Dose, Is.EqualTo(2.0).Within(2e-8));
    }

    [Test]
    public void ModelFreeIC50_OfASimulatedResponse_MatchesTheClosedForm()
    {
        // y(2) = e^{−2k} = 1/2 at k = ln 2 / 2.
        var experiment = new SimulationExperiment(AnalysisModels.Decay, [new ParameterInput("k")], [Readout.ValueAt("y", 2)], AnalysisModels.Tight(2));
        var search = DoseResponse.FindIC50(experiment, "y@2", 0.01, 10, relativeTolerance: 1e-6);

        Assert.That(search.IsFound, Is.True, search.Message);
        Assert.That(search.Dose, Is.EqualTo(Math.Log(2) / 2).Within(1e-6));
        Assert.That(search.Evaluations, Is.LessThan(30));
    }

    [Test]
    public void ModelFreeIC50_WithoutACrossing_SaysSo()
    {
        var search = DoseResponse.FindIC50(x => 1 / (1 + x), 0.01, 0.5);
        Assert.That(search.Status, Is.EqualTo(IC50SearchStatus.NotBracketed));
        Assert.That(search.Dose, Is.NaN);
        Assert.That(search.Message, Does.Contain("widen the bracket"));
    }

    [Test]
    public void Misuse_Throws()
    {
        Assert.That(() => DoseResponse.Fit([1.0, 2, 3], [1.0, 2, 3]), Throws.ArgumentException.With.Message.Contains("at least 5 points"));
        Assert.That(() => DoseResponse.Fit([1.0, 2, 3, 4, -5], [1.0, 2, 3, 4, 5]), Throws.ArgumentException);
    }
}
