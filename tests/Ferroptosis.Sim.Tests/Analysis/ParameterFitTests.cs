using System.Globalization;
using Ferroptosis.Sim.Analysis;

namespace Ferroptosis.Sim.Tests.Analysis;

/// <summary>Fits recover the parameters of synthetic noisy data of A → B → C, with honest intervals.</summary>
public sealed class ParameterFitTests
{
    private const double K1 = 0.8, K2 = 0.3, Noise = 0.01;

    private static readonly double[] Times = [0.25, 0.5, 1, 1.5, 2, 3, 4, 5, 6, 8, 10, 12];

    /// <summary>B and C of the chain with k1 = 0.8, k2 = 0.3 (A(0) = 1), plus Gaussian noise of sd 0.01.</summary>
    private static TimeCourseData Synthetic(int seed, bool withSd = true, double a0 = 1)
    {
        var random = new Random(seed);
        var points = new List<DataPoint>();
        foreach (double t in Times)
        {
            double b = a0 * AnalysisModels.ChainB(t, K1, K2);
            double c = a0 - (a0 * Math.Exp(-K1 * t)) - b;
            points.Add(new DataPoint(t, "B", b + (Noise * Gaussian(random)), withSd ? Noise : null));
            points.Add(new DataPoint(t, "C", c + (Noise * Gaussian(random)), withSd ? Noise : null));
        }

        return new TimeCourseData(points);
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    private static FitParameter[] Rates => [new("k1", 1e-3, 1e2), new("k2", 1e-3, 1e2)];

    [Test]
    public void RecoversKnownRates_FromNoisyData_WithIntervalsCoveringTheTruth()
    {
        // One data set; that 95 % intervals cover at their nominal rate is checked over many in the slow test below.
        var fit = ParameterFit.Fit(AnalysisModels.Chain, Synthetic(7), Rates);

        Assert.That(fit.IsSuccess, Is.True, fit.Message);
        Assert.That(fit["k1"].Covers(K1) && fit["k2"].Covers(K2), Is.True, $"{fit["k1"]}, {fit["k2"]}");
        Assert.That(fit["k1"].Value, Is.EqualTo(K1).Within(3 * fit["k1"].StandardError));
        Assert.That(fit["k2"].Value, Is.EqualTo(K2).Within(3 * fit["k2"].StandardError));
        Assert.That(fit["k1"].StandardError, Is.LessThan(0.05 * K1), "24 points at 1 % noise pin the rates down");
        Assert.That(fit.ChiSquare / fit.DegreesOfFreedom, Is.InRange(0.3, 2.0), "χ²/dof ≈ 1 when the model and the noise level are right");
        Assert.That(fit.Residuals, Has.Count.EqualTo(24));
        Assert.That(fit.Starts, Has.Count.EqualTo(8));
        Assert.That(fit.Starts.Count(s => Math.Abs(s.Final[0] - fit["k1"].Value) < 1e-4), Is.GreaterThanOrEqualTo(4), "most starts reach the same optimum");
        Assert.That(fit.GetCorrelation()![0, 0], Is.EqualTo(1).Within(1e-12));
    }

    [Test]
    public void WithoutStandardDeviations_TheCovarianceIsScaledByTheResidualVariance()
    {
        var weighted = ParameterFit.Fit(AnalysisModels.Chain, Synthetic(2), Rates);
        var unweighted = ParameterFit.Fit(AnalysisModels.Chain, Synthetic(2, withSd: false), Rates);

        Assert.That(unweighted["k1"].Value, Is.EqualTo(weighted["k1"].Value).Within(1e-6), "equal weights give the same optimum");
        double s = Math.Sqrt(unweighted.ChiSquare / unweighted.DegreesOfFreedom);
        Assert.That(unweighted["k1"].StandardError, Is.EqualTo(weighted["k1"].StandardError * s / Noise).Within(1e-3 * weighted["k1"].StandardError));
    }

    [Test]
    public void InitialValues_CanBeFittedToo()
    {
        var fit = ParameterFit.Fit(AnalysisModels.Chain, Synthetic(3, a0: 2), [.. Rates, new("A(0)", 0.1, 10)]);
        Assert.That(fit.IsSuccess, Is.True, fit.Message);
        Assert.That(fit["A(0)"].Value, Is.EqualTo(2).Within(3 * fit["A(0)"].StandardError));
        Assert.That(fit["k1"].Value, Is.EqualTo(K1).Within(3 * fit["k1"].StandardError));
        Assert.That(fit["k2"].Value, Is.EqualTo(K2).Within(3 * fit["k2"].StandardError));
    }

    [Test]
    public void Unidentifiable_Parameter_IsReported()
    {
        // Data on A alone say nothing about k2.
        var data = new TimeCourseData(Times.Select(t => new DataPoint(t, "A", Math.Exp(-K1 * t), 0.01)));
        var fit = ParameterFit.Fit(AnalysisModels.Chain, data, Rates, options: new FitOptions { Starts = 2 });

        Assert.That(fit["k1"].Value, Is.EqualTo(K1).Within(1e-4));
        Assert.That(fit.HasCovariance, Is.False);
        Assert.That(fit.Message, Does.Contain("do not determine"));
    }

    [Test]
    public void Results_DoNotDependOnTheThreads()
    {
        var one = ParameterFit.Fit(AnalysisModels.Chain, Synthetic(4), Rates, execution: new ExecutionOptions { MaxDegreeOfParallelism = 1 });
        var two = ParameterFit.Fit(AnalysisModels.Chain, Synthetic(4), Rates, execution: new ExecutionOptions { MaxDegreeOfParallelism = 2 });
        Assert.That(two.Estimates, Is.EqualTo(one.Estimates));
    }

    [Test]
    [Category("Slow")]
    public void IntervalsCoverTheTruth_AtAboutTheirNominalRate()
    {
        // 40 data sets: each 95 % interval should miss about 2 times; more than 6 misses (binomial p < 0.01)
        // would mean the intervals are too narrow.
        int[] missed = new int[2];
        for (int seed = 100; seed < 140; seed++)
        {
            var fit = ParameterFit.Fit(AnalysisModels.Chain, Synthetic(seed), Rates, options: new FitOptions { Starts = 2 });
            missed[0] += fit["k1"].Covers(K1) ? 0 : 1;
            missed[1] += fit["k2"].Covers(K2) ? 0 : 1;
        }

        Assert.That(missed, Has.All.LessThanOrEqualTo(6));
    }

    [Test]
    public void Csv_IsRead_WithOptionalSd_AndErrorsNameTheLine()
    {
        const string text = "# synthetic\nObservable,Time,Value,SD\nB,0.5,0.3,0.01\nC,1,0.2,\n\nB,2,0.4,0.02\n";
        var data = TimeCourseData.ReadCsv(new StringReader(text));
        Assert.That(data.Points, Has.Count.EqualTo(3));
        Assert.That(data.Points[0], Is.EqualTo(new DataPoint(0.5, "B", 0.3, 0.01)));
        Assert.That(data.Points[1].StandardDeviation, Is.Null);
        Assert.That(data.HasStandardDeviations, Is.False);
        Assert.That(data.Observables, Is.EqualTo(new[] { "B", "C" }));

        Assert.That(() => TimeCourseData.ReadCsv(new StringReader("time,value\n1,2\n")), Throws.InstanceOf<FormatException>().With.Message.Contains("Line 1"));
        Assert.That(() => TimeCourseData.ReadCsv(new StringReader("time,observable,value\n1,B,x\n")), Throws.InstanceOf<FormatException>().With.Message.Contains("Line 2"));
        Assert.That(() => TimeCourseData.ReadCsv(new StringReader("time,observable,value,sd\n1,B,2,-1\n")), Throws.InstanceOf<FormatException>().With.Message.Contains("positive"));
        Assert.That(string.Create(CultureInfo.InvariantCulture, $"{data.Points[2].Time}"), Is.EqualTo("2"));
    }

    [Test]
    public void Misuse_Throws()
    {
        Assert.That(() => ParameterFit.Fit(AnalysisModels.Chain, Synthetic(1), [new("k1", 0, 1)]), Throws.ArgumentException.With.Message.Contains("lower > 0"));
        Assert.That(() => ParameterFit.Fit(AnalysisModels.Chain, Synthetic(1), [new("kx", 0.1, 1)]), Throws.ArgumentException.With.Message.Contains("'kx'"));
    }
}
