using Ferroptosis.Sim.Pathway;
using Ferroptosis.Sim.Pathway.Remodelling;
using static Ferroptosis.Sim.Tests.Pathway.Remodelling.BoundedContractRuns;

namespace Ferroptosis.Sim.Tests.Pathway.Remodelling;

/// <summary>
/// The disease time courses of the model-v2 behaviour contract (section G: EB-41 to EB-44; section D: EB-36) on the bounded
/// remodelling model with its defaults. Bounds are the contract's, unchanged; what the calibration tuned and what is a
/// prediction is listed in models/bone-remodelling/README.md section 3.5.
/// </summary>
[Parallelizable(ParallelScope.All)]
public sealed class BoundedDiseaseCourseTests
{
    [Test]
    public void EB41_GlucocorticoidLoss_IsFastEarly_SlowerLater_AndPartlyReversible()
    {
        var gc = Get.Glucocorticoid;
        double early = gc.Loss(6), year = gc.Loss(12);
        double later = (gc.Z(12) - gc.Z(60)) / 4;
        double rateAtMonth3 = Slope(gc, 3);
        var withdrawn = Get.GlucocorticoidWithdrawn;
        Assert.Multiple(() =>
        {
            Assert.That(gc.Z(6), Is.InRange(91.0, 97.0), "z(6 mo)");
            Assert.That(gc.Z(12), Is.InRange(88.0, 96.0), "z(12 mo)");
            Assert.That(early, Is.GreaterThanOrEqualTo(0.55 * year), "loss in months 0–6 ≥ 55 % of year-1 loss");
            Assert.That(later, Is.InRange(0.5, 3.0), "mean loss in years 2–5 (points/yr)");
            Assert.That(later, Is.LessThanOrEqualTo(0.5 * 2 * early), "years 2–5 ≤ half the annualised rate of months 0–6");
            for (double month = 3.5; month <= 59.5; month += 0.5)
            {
                Assert.That(Slope(gc, month), Is.GreaterThanOrEqualTo(rateAtMonth3 - 1e-9), $"dz/dt at month {month} more negative than at month 3");
            }

            Assert.That((withdrawn.Z(12) - withdrawn.Z(6)) / withdrawn.Loss(6), Is.GreaterThanOrEqualTo(0.30), "SHOULD: share of the loss regained 6 months after withdrawal");
        });
    }

    [Test]
    public void EB42_EstrogenDeficiencyLoss_IsFastForThreeYears_ThenDecelerates()
    {
        var est = Get.Estrogen;
        double first = est.Loss(36) / 3, later = (est.Z(48) - est.Z(96)) / 4;
        Assert.Multiple(() =>
        {
            Assert.That(est.Z(12), Is.InRange(96.0, 99.0), "z(1 y)");
            Assert.That(est.Z(36), Is.InRange(91.0, 97.0), "z(3 y)");
            Assert.That(later, Is.LessThanOrEqualTo(0.6 * first), "mean loss in years 4–8 ≤ 0.6 × years 0–3");
            Assert.That(later, Is.GreaterThanOrEqualTo(0.2), "mean loss in years 4–8 (points/yr)");
            Assert.That(est.Z(120), Is.InRange(85.0, 95.0), "z(10 y)");
            Assert.That(est.Z(120), Is.LessThan(est.Z(60)), "z(10 y) < z(5 y)");
        });
    }

    [Test]
    public void EB43_HighGlucose_KeepsBoneMassNormal_WithLowTurnover()
    {
        var hg = Get.HighGlucose;
        var gc = Get.Glucocorticoid;
        Assert.Multiple(() =>
        {
            Assert.That(hg.Z(60), Is.InRange(96.0, 103.0), "z(5 y)");
            Assert.That(hg.Loss(60) / 5, Is.LessThanOrEqualTo(0.5), "mean loss (points/yr; healthy bone loses none in this model)");
            for (int month = 1; month <= 60; month++)
            {
                Assert.That(hg.X1(month), Is.LessThanOrEqualTo(1.1), $"osteoclasts at month {month}");
                Assert.That(hg.X2(month), Is.LessThanOrEqualTo(1.1), $"osteoblasts at month {month}");
                Assert.That(hg.Z(month), Is.GreaterThanOrEqualTo(gc.Z(month)), $"z_HG ≥ z_GC at month {month}");
            }

            Assert.That(hg.Loss(12), Is.LessThanOrEqualTo(0.33 * gc.Loss(12)), "year-1 loss HG ≤ 0.33 × GC");
        });
    }

    [Test]
    public void EB44_IronOverloadLoss_IsProgressive_DoseDependent_AndHalvedByChelationOrFerrostatin()
    {
        var heavy = Get.IronHeavy;
        double yearOne = heavy.Loss(12), yearFive = heavy.Z(48) - heavy.Z(60);
        double chelated = Get.IronHeavyChelated.Loss(12), ferrostatin = Get.IronHeavyFerrostatin.Loss(12);
        Assert.Multiple(() =>
        {
            Assert.That(heavy.Z(12), Is.InRange(97.0, 99.5), "heavy: z(1 y)");
            Assert.That(heavy.Z(60), Is.InRange(88.0, 98.0), "heavy: z(5 y)");
            Assert.That(Get.IronModerate.Loss(60), Is.LessThan(heavy.Loss(60)), "moderate loses less than heavy");
            Assert.That(yearFive / yearOne, Is.InRange(0.5, 1.5), "year-5 loss rate / year-1 rate");
            Assert.That(Math.Min(chelated, ferrostatin), Is.LessThanOrEqualTo(0.5 * yearOne), "chelation or ferrostatin-1 cuts the 1-year loss by ≥ 50 %");
        });
    }

    [Test]
    public void EB44_YearOneLosses_AreOrdered()
    {
        double gc = Get.Glucocorticoid.Loss(12), est = Get.Estrogen.Loss(12), hg = Get.HighGlucose.Loss(12), io = Get.IronHeavy.Loss(12);
        Assert.Multiple(() =>
        {
            Assert.That(gc, Is.GreaterThan(est), "GC > EST");
            Assert.That(est, Is.GreaterThan(hg), "EST > HG");
            Assert.That(gc, Is.GreaterThan(io), "GC > IO (heavy)");
            Assert.That(io, Is.GreaterThan(hg), "IO (heavy) > HG");
        });
    }

    [Test]
    public void EB36_DiseaseScenarios_RaiseOrKeepOsteoclastNumber()
    {
        Assert.Multiple(() =>
        {
            foreach (int month in new[] { 1, 3, 6, 12 })
            {
                Assert.That(Get.Estrogen.X1(month), Is.InRange(1.2, 3.0), $"EST x1 at month {month}");
                Assert.That(Get.HighGlucose.X1(month), Is.InRange(0.6, 1.1), $"HG x1 at month {month}");
            }

            foreach (int month in new[] { 6, 12 })
            {
                Assert.That(Get.IronModerate.X1(month), Is.GreaterThanOrEqualTo(1.1), $"IO x1 at month {month}");
            }

            foreach (int month in new[] { 1, 3 })
            {
                Assert.That(Get.Glucocorticoid.X1(month), Is.InRange(0.9, 2.0), $"GC x1 at month {month}");
            }

            Assert.That(Get.Glucocorticoid.X1(12), Is.GreaterThanOrEqualTo(0.5), "GC x1 at month 12");
        });
    }

    [Test]
    public void EB36_OsteoclastFerroptosis_ChangesOsteoclastNumberByAtMostOneFifth()
    {
        foreach (var scenario in new[] { DiseaseScenario.Glucocorticoid, DiseaseScenario.EstrogenDeficiency, DiseaseScenario.IronOverload })
        {
            var with = Run(scenario, 1);
            var without = Run(scenario, 1, options: Options with { DeathRateMultipliers = new DeathRates(1, 0, 1) });
            Assert.Multiple(() =>
            {
                foreach (int month in new[] { 1, 3, 6, 12 })
                {
                    Assert.That(Math.Abs((without.X1(month) / with.X1(month)) - 1), Is.LessThanOrEqualTo(0.20), $"{scenario.Name}: x1 at month {month} without osteoclast ferroptosis");
                }
            });
        }
    }

    [Test]
    public void EstrogenAndIronLoss_DoNotRegainBoneOnTheWay()
    {
        // Stricter than the contract (a shape criterion of the calibration): a recruitment step makes a remodelling-space
        // dip that is partly refilled; a gradual onset keeps that regain below a tenth of a point.
        foreach (var (name, run, months) in new[] { ("estrogen deficiency", Get.Estrogen, 120), ("iron overload, heavy", Get.IronHeavy, 60), ("iron overload, moderate", Get.IronModerate, 60) })
        {
            double regain = Enumerable.Range(1, months).Max(m => run.Z(m) - Enumerable.Range(0, m).Min(k => run.Z(k)));
            Assert.That(regain, Is.LessThanOrEqualTo(0.1), name);
        }
    }

    private static double Slope(RemodellingResult run, double month) => (run.Z(month + 0.25) - run.Z(month - 0.25)) / 0.5;
}
