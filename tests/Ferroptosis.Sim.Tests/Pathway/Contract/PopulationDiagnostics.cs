using System.Globalization;
using Ferroptosis.Sim.Analysis;
using Ferroptosis.Sim.Pathway;

namespace Ferroptosis.Sim.Tests.Pathway.Contract;

/// <summary>Which constants decide whether a virtual cell shows the main behaviours: rank correlations between each cell's factors and its margins.</summary>
public sealed class PopulationDiagnostics
{
    [Test]
    [Explicit("Diagnostic (minutes): FERROSIM_POP_CELLS cells, FERROSIM_CONTRACT_VALUES changes.")]
    public void RankDriversOfPopulationMargins()
    {
        int cells = int.Parse(Environment.GetEnvironmentVariable("FERROSIM_POP_CELLS") ?? "60", CultureInfo.InvariantCulture);
        string text = Environment.GetEnvironmentVariable("FERROSIM_CONTRACT_VALUES") ?? string.Empty;
        var values = CalibrationSearch.ParseValues(text);
        var model = FerroptosisModel.Version2;
        var factors = PopulationProbe.Factors(model);
        var response = new ResponseFunction(factors, PopulationProbe.DetailNames, (inputs, outputs) => PopulationProbe.Details(model, values, factors, inputs, outputs));
        var distributions = factors.Select(_ => InputDistribution.LogNormalFromMean(1, 0.2)).ToArray();
        var result = Ensemble.Run(response, distributions, new EnsembleOptions { Cells = cells, Seed = 2026, KeepSamples = true });
        TestContext.Out.WriteLine($"failures {result.FailureCount}");
        foreach (string message in result.FailureMessages.Take(3))
        {
            TestContext.Out.WriteLine("   " + message);
        }

        // The behaviours as the population test scores them: every criterion of the behaviour at once (DetailNames 0-2, 3-4, 5-7).
        foreach (var (behaviour, first, count) in new[] { ("EB-28 bell", 0, 3), ("EB-29 concurrent", 3, 2), ("EB-29 48-h pre-induction", 5, 3) })
        {
            var columns = PopulationProbe.DetailNames.Skip(first).Take(count).Select(result.GetSamples).ToArray();
            int held = Enumerable.Range(0, columns[0].Length).Count(c => columns.All(column => column[c] >= 0));
            TestContext.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{behaviour}: {held / (double)cells:P1} of {cells} cells"));
        }

        foreach (string name in PopulationProbe.DetailNames)
        {
            var margins = result.GetSamples(name);
            TestContext.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}: {margins.Count(v => v >= 0) / (double)margins.Length:P1} >= 0; median {Median(margins):F3}"));
            var ranked = factors.Select((f, i) => (f, r: Spearman(result.GetInputSamples(f), margins))).OrderByDescending(t => Math.Abs(t.r)).Take(8);
            TestContext.Out.WriteLine("   " + string.Join("  ", ranked.Select(t => string.Create(CultureInfo.InvariantCulture, $"{t.f} {t.r:+0.00;-0.00}"))));
        }

        Assert.That(result.FailureCount, Is.LessThan(cells));
    }

    private static double Median(double[] v)
    {
        var s = v.Order().ToArray();
        return s[s.Length / 2];
    }

    private static double Spearman(double[] a, double[] b)
    {
        int n = Math.Min(a.Length, b.Length);
        double[] ra = Ranks(a, n), rb = Ranks(b, n);
        double ma = ra.Average(), mb = rb.Average(), sab = 0, saa = 0, sbb = 0;
        for (int i = 0; i < n; i++)
        {
            sab += (ra[i] - ma) * (rb[i] - mb);
            saa += (ra[i] - ma) * (ra[i] - ma);
            sbb += (rb[i] - mb) * (rb[i] - mb);
        }

        return sab / Math.Sqrt(saa * sbb);
    }

    private static double[] Ranks(double[] v, int n)
    {
        var order = Enumerable.Range(0, n).OrderBy(i => v[i]).ToArray();
        var r = new double[n];
        for (int k = 0; k < n; k++)
        {
            r[order[k]] = k;
        }

        return r;
    }
}
