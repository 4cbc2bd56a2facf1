using Ferroptosis.Sim.Pathway;
using Ferroptosis.Sim.Pathway.Remodelling;

namespace Ferroptosis.Sim.Tests.Pathway.Remodelling;

/// <summary>
/// The coupling of the ferroptosis model to bone remodelling (specification §14.2): the healthy hazards, EB-24 (SHOULD;
/// ferroptosis adds progressive bone loss in chronic scenarios and removing it restores balance), the §15 row "coupled
/// scenarios, κ = 0.02", and the interventions.
/// </summary>
/// <remarks>
/// Prototype (§14.2, §15): healthy h̄ OB 1.29e-4 /h, OC 1.94e-3 /h, OCY 1.26e-4 /h; EST (fα1 1.2) z 96.6 (1 y), 93.9 (4 y),
/// 93.0 (5 y) vs 97.5 without ferroptosis; HG 93.8; GC 95.3. Tolerances: ±2 % on hazards (the printed digits), ±0.15 on bone
/// mass (a twentieth of the smallest loss compared; the cell model's hazards carry its ±15 % regression tolerance only
/// through κ·24·Δh̄, which these runs reproduce to 3 digits).
/// </remarks>
[Parallelizable(ParallelScope.All)]
public sealed class ScenarioCouplingTests
{
    private const double Tolerance = 0.15;
    private static readonly TimeSpan OneYear = TimeSpan.FromDays(365);
    private static readonly TimeSpan FiveYears = TimeSpan.FromDays(5 * 365);

    [Test]
    public void HealthyHazards_MatchThePrototype()
    {
        var rates = BoneRemodelling.EstimateDeathRates(null, [], RemodellingOptions.Version1);
        Assert.Multiple(() =>
        {
            Assert.That(rates, Is.EqualTo(DeathRates.None with { Hazards = rates.Hazards }));
            Assert.That(rates.Hazards.Select(h => h.Cell), Is.EqualTo(new[] { BoneCell.Osteoblast, BoneCell.Osteoclast, BoneCell.Osteocyte }));
            Assert.That(rates.Hazards[0].Healthy, Is.EqualTo(1.29e-4).Within(2).Percent);
            Assert.That(rates.Hazards[1].Healthy, Is.EqualTo(1.94e-3).Within(2).Percent);
            Assert.That(rates.Hazards[2].Healthy, Is.EqualTo(1.26e-4).Within(2).Percent);
        });
    }

    [Test]
    public void HealthyBone_StaysAtBaseline()
    {
        var run = BoneRemodelling.Run(null, OneYear, RemodellingOptions.Version1);
        Assert.That(run.IsSuccess, Is.True, run.Message);
        Assert.That(run.BoneMass, Is.All.EqualTo(100).Within(1e-9));
    }

    [Test]
    public void EstrogenLoss_FerroptosisAddsProgressiveLoss_EB24()
    {
        var with = BoneRemodelling.Run(DiseaseScenario.EstrogenDeficiency, FiveYears, RemodellingOptions.Version1);
        var without = BoneRemodelling.RunPopulation(DeathRates.None, FiveYears, RemodellingOptions.Version1 with { OsteoclastRecruitment = DiseaseScenario.EstrogenDeficiency.OsteoclastRecruitment });
        TestContext.Out.WriteLine($"EST: {with.BoneMassAtDays(365):F2} / {with.BoneMassAtDays(4 * 365):F2} / {with.BoneMass[^1]:F2} vs {without.BoneMassAtDays(365):F2} / {without.BoneMass[^1]:F2} without; {with.DeathRates}");
        Assert.Multiple(() =>
        {
            Assert.That(with.OsteoclastRecruitment, Is.EqualTo(1.2));
            Assert.That(without.BoneMass[^1] - with.BoneMass[^1], Is.GreaterThanOrEqualTo(2.0), "≥ 2 points lower at 5 years");
            Assert.That(with.BoneMass[^1], Is.LessThan(with.BoneMassAtDays(4 * 365)), "still falling at 5 years");
            Assert.That(with.BoneMassAtDays(365), Is.EqualTo(96.6).Within(Tolerance));
            Assert.That(with.BoneMassAtDays(4 * 365), Is.EqualTo(93.9).Within(Tolerance));
            Assert.That(with.BoneMass[^1], Is.EqualTo(93.0).Within(Tolerance));
            Assert.That(without.BoneMassAtDays(365), Is.EqualTo(97.5).Within(Tolerance));
            Assert.That(without.BoneMass[^1], Is.EqualTo(97.5).Within(Tolerance));
        });
    }

    [TestCase("high-glucose", 93.8)]
    [TestCase("glucocorticoid", 95.3)]
    public void DiabetesAndGlucocorticoids_LoseBoneOnlyThroughFerroptosis_EB24(string name, double expected)
    {
        var scenario = DiseaseScenario.FromName(name);
        var with = BoneRemodelling.Run(scenario, OneYear, RemodellingOptions.Version1);
        var without = BoneRemodelling.RunPopulation(DeathRates.None, OneYear, RemodellingOptions.Version1 with { OsteoclastRecruitment = scenario.OsteoclastRecruitment });
        TestContext.Out.WriteLine($"{name}: z(1 y) {with.BoneMass[^1]:F2} with ferroptosis, {without.BoneMass[^1]:F2} without; {with.DeathRates}");
        Assert.Multiple(() =>
        {
            Assert.That(with.BoneMass[^1], Is.LessThan(99));
            Assert.That(without.BoneMass[^1], Is.EqualTo(100).Within(0.1));
            Assert.That(with.BoneMass[^1], Is.EqualTo(expected).Within(Tolerance));
        });
    }

    [Test]
    public void EveryScenario_RaisesTheDeathRateOfEveryCellType_AndLosesBone()
    {
        Assert.Multiple(() =>
        {
            foreach (var scenario in BoneRemodelling.Scenarios)
            {
                var run = BoneRemodelling.Run(scenario, OneYear, RemodellingOptions.Version1);
                Assert.That(run.DeathRates.Osteoblast, Is.Positive, scenario.Name);
                Assert.That(run.DeathRates.Osteoclast, Is.Positive, scenario.Name);
                Assert.That(run.DeathRates.Osteocyte, Is.Positive, scenario.Name);
                Assert.That(run.BoneMass[^1], Is.LessThan(99), scenario.Name);
                Assert.That(run.ViableOsteocytes[^1], Is.LessThan(1), scenario.Name);
            }
        });
    }

    [Test]
    public void Interventions_LowerTheHazard_AndPreventTheFerroptoticLoss()
    {
        // Each drug at its rescue concentration abolishes the excess hazard (and the resting one, which is clamped), so the
        // bone mass follows the scenario without ferroptosis (100, or 97.5 for estrogen loss, whose fα1 stays).
        Assert.Multiple(() =>
        {
            foreach (var scenario in BoneRemodelling.Scenarios)
            {
                var untreated = BoneRemodelling.Run(scenario, OneYear, RemodellingOptions.Version1);
                double withoutFerroptosis = BoneRemodelling.RunPopulation(DeathRates.None, OneYear, RemodellingOptions.Version1 with { OsteoclastRecruitment = scenario.OsteoclastRecruitment }).BoneMass[^1];
                foreach (var drug in BoneInterventions.All)
                {
                    var treated = BoneRemodelling.Run(scenario, [drug], OneYear, RemodellingOptions.Version1);
                    string label = $"{scenario.Name} + {drug}";
                    for (int i = 0; i < 3; i++)
                    {
                        var (before, after) = (untreated.DeathRates.Hazards[i], treated.DeathRates.Hazards[i]);
                        Assert.That(after.Condition, Is.LessThan(0.1 * before.Healthy), $"{label}: {after.Cell} hazard below a tenth of the resting one");
                    }

                    Assert.That(treated.DeathRates, Is.EqualTo(DeathRates.None with { Hazards = treated.DeathRates.Hazards }), label);
                    Assert.That(treated.BoneMass[^1], Is.GreaterThan(untreated.BoneMass[^1]), label);
                    Assert.That(treated.BoneMass[^1], Is.EqualTo(withoutFerroptosis).Within(1e-9), label);
                }
            }
        });
    }

    [Test]
    public void RatesBelowHealthy_AreClampedByDefault_AndOtherwiseLiftTheViableOsteocytesAboveOne()
    {
        // Ferrostatin-1 1 µM removes the excess hazard and the resting one: δ = κ·24·(≈0 − h̄_healthy) < 0. By default that
        // is 0 (the scenario without ferroptosis, exactly); as computed it would lower removal below the healthy β's and
        // drive V above 1, which the default prevents.
        var clamped = BoneRemodelling.Run(DiseaseScenario.Glucocorticoid, [BoneInterventions.Ferrostatin1], OneYear, RemodellingOptions.Version1);
        var unclamped = BoneRemodelling.Run(DiseaseScenario.Glucocorticoid, [BoneInterventions.Ferrostatin1], OneYear, RemodellingOptions.Version1 with { ClampNegativeDeathRates = false });
        var rates = unclamped.DeathRates;
        Assert.Multiple(() =>
        {
            Assert.That(RemodellingOptions.Version1.ClampNegativeDeathRates, Is.True);
            Assert.That(clamped.DeathRates, Is.EqualTo(DeathRates.None with { Hazards = clamped.DeathRates.Hazards }));
            Assert.That(clamped.BoneMass, Is.All.EqualTo(100).Within(1e-9));
            Assert.That(clamped.ViableOsteocytes, Is.All.EqualTo(1).Within(1e-12));
            Assert.That(rates.Osteoblast, Is.EqualTo(-0.02 * 24 * rates.Hazards[0].Healthy).Within(1).Percent);
            Assert.That(rates.Osteoclast, Is.EqualTo(-0.02 * 24 * rates.Hazards[1].Healthy).Within(1).Percent);
            Assert.That(unclamped.ViableOsteocytes[^1], Is.GreaterThan(1));
            Assert.That(unclamped.BoneMass[^1], Is.GreaterThan(100));
        });
    }

    [Test]
    public void DeathRates_FollowTheSpecificationFormula()
    {
        // δ = κ·24·(h̄ − h̄_healthy), linear in κ.
        var rates = BoneRemodelling.EstimateDeathRates(DiseaseScenario.HighGlucose, [], RemodellingOptions.Version1);
        var doubled = BoneRemodelling.EstimateDeathRates(DiseaseScenario.HighGlucose, [], RemodellingOptions.Version1 with { Kappa = 0.04 });
        Assert.Multiple(() =>
        {
            Assert.That(rates.Osteoblast, Is.EqualTo(0.02 * 24 * rates.Hazards[0].Excess).Within(1e-15));
            Assert.That(rates.Osteoclast, Is.EqualTo(0.02 * 24 * rates.Hazards[1].Excess).Within(1e-15));
            Assert.That(rates.Osteocyte, Is.EqualTo(0.02 * 24 * rates.Hazards[2].Excess).Within(1e-15));
            Assert.That(doubled.Osteoblast, Is.EqualTo(2 * rates.Osteoblast).Within(1e-12));
        });
    }
}
