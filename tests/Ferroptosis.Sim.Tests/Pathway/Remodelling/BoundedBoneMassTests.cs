using Ferroptosis.Sim.Pathway;
using Ferroptosis.Sim.Pathway.Remodelling;
using static Ferroptosis.Sim.Tests.Pathway.Remodelling.BoundedContractRuns;

namespace Ferroptosis.Sim.Tests.Pathway.Remodelling;

/// <summary>
/// EB-40 of the model-v2 behaviour contract on the bounded remodelling model: bone mass stays in [0, 150] for any extra death
/// rates in the contract's ranges and osteoclast recruitment up to 3× over 50 years, resorption vanishes with the bone, z
/// approaches a non-negative asymptote without crossing 0, and glucocorticoid excess, estrogen deficiency and iron overload
/// never gain bone on the way. The published single cycle (EB-22) is checked on its own file in <see cref="Komarova2003Tests"/>.
/// </summary>
[Parallelizable(ParallelScope.All)]
public sealed class BoundedBoneMassTests
{
    private const double Ceiling = 150;
    private static readonly TimeSpan FiftyYears = TimeSpan.FromDays(50 * 365);

    /// <summary>Random death rates and recruitment (seeded, so the cases are the same on every run), plus the corners of the ranges.</summary>
    private static IEnumerable<TestCaseData> Cases()
    {
        var random = new Random(20261205);
        var corners = new List<(double Ob, double Oc, double Ocy, double Recruitment)>();
        foreach (double ob in new[] { 0, 0.05 })
        {
            foreach (double oc in new[] { 0, 1.0 })
            {
                foreach (double ocy in new[] { 0, 0.01 })
                {
                    foreach (double recruitment in new[] { 1.0, 3.0 })
                    {
                        corners.Add((ob, oc, ocy, recruitment));
                    }
                }
            }
        }

        for (int k = 0; k < 24; k++)
        {
            corners.Add((0.05 * random.NextDouble(), random.NextDouble(), 0.01 * random.NextDouble(), 1 + (2 * random.NextDouble())));
        }

        return corners.Select(c => new TestCaseData(c.Ob, c.Oc, c.Ocy, c.Recruitment).SetArgDisplayNames($"δOB {c.Ob:G3}, δOC {c.Oc:G3}, δOCY {c.Ocy:G3}, recruitment ×{c.Recruitment:G3}"));
    }

    [TestCaseSource(nameof(Cases))]
    public void BoneMass_StaysWithinZeroAndTheCeiling_ForFiftyYears(double osteoblast, double osteoclast, double osteocyte, double recruitment)
    {
        var run = BoneRemodelling.RunPopulation(new DeathRates(osteoblast, osteoclast, osteocyte), FiftyYears, RemodellingOptions.Default with { OsteoclastRecruitment = recruitment, OutputIntervalDays = 30 });
        var z = run.BoneMass;
        Assert.Multiple(() =>
        {
            Assert.That(run.IsSuccess, Is.True, run.Message);
            Assert.That(z.Min(), Is.GreaterThanOrEqualTo(0), "z never below 0");
            Assert.That(z.Max(), Is.LessThanOrEqualTo(Ceiling), "z bounded above");
            Assert.That(z.All(double.IsFinite), Is.True);
        });
    }

    [Test]
    public void Resorption_VanishesWithTheBone_AndBoneMassApproachesANonNegativeAsymptote()
    {
        // The harshest case of the ranges: every osteoblast dying 2.5× faster than it is removed in health.
        var run = BoneRemodelling.RunPopulation(new DeathRates(0.05, 0, 0.01), FiftyYears, RemodellingOptions.Default with { OsteoclastRecruitment = 3, OutputIntervalDays = 30 });
        var z = run.BoneMass;
        var x1 = run.Osteoclasts;
        double ResorptionFlux(int k) => z[k] / 100 * 0.24 * x1[k];
        Assert.Multiple(() =>
        {
            Assert.That(run.IsSuccess, Is.True, run.Message);
            Assert.That(z[^1], Is.LessThan(10), "this much death removes most bone");
            Assert.That(z.Min(), Is.GreaterThanOrEqualTo(0));
            for (int k = 1; k < z.Length; k++)
            {
                Assert.That(z[k], Is.LessThanOrEqualTo(z[k - 1] + 1e-9), $"z falls monotonically toward its asymptote (day {run.TimesDays[k]})");
            }

            Assert.That(ResorptionFlux(z.Length - 1), Is.LessThan(0.1 * ResorptionFlux(0)), "resorption flux falls with the bone left");
            Assert.That(Math.Abs(z[^1] - z[^13]), Is.LessThan(0.2 * Math.Max(z[^13], 1e-9) + 0.05), "the last year changes z little (near the asymptote)");
        });
    }

    [Test]
    public void DiseaseScenarios_StayWithinBounds_ForTwentyYears_AndGlucocorticoidEstrogenIronNeverGainBone()
    {
        Assert.Multiple(() =>
        {
            foreach (var scenario in BoneRemodelling.Scenarios)
            {
                var run = Run(scenario, 20);
                Assert.That(run.BoneMass.Min(), Is.GreaterThanOrEqualTo(0), scenario.Name);
                Assert.That(run.BoneMass.Max(), Is.LessThanOrEqualTo(Ceiling), scenario.Name);
                if (scenario != DiseaseScenario.HighGlucose)
                {
                    Assert.That(run.BoneMass.Max(), Is.LessThanOrEqualTo(100.5), $"{scenario.Name}: no transient gain");
                }
            }
        });
    }

    [Test]
    public void HealthyBone_StaysAtItsSteadyState()
    {
        var run = BoneRemodelling.Run(null, TimeSpan.FromDays(10 * 365), Options);
        Assert.Multiple(() =>
        {
            Assert.That(run.IsSuccess, Is.True, run.Message);
            Assert.That(run.BoneMass.Max() - run.BoneMass.Min(), Is.LessThan(1e-6));
            Assert.That(run.Osteoclasts[^1], Is.EqualTo(run.Osteoclasts[0]).Within(1e-6));
        });
    }
}
