using Ferroptosis.Sim.Pathway;
using Ferroptosis.Sim.Pathway.Remodelling;

namespace Ferroptosis.Sim.Tests.Pathway.Remodelling;

/// <summary>Uncertainty bands, late treatment and the end of a disease on the bounded model, and the options that control them.</summary>
[Parallelizable(ParallelScope.All)]
public sealed class RemodellingBandTests
{
    private static readonly TimeSpan TwoYears = TimeSpan.FromDays(2 * 365);

    [Test]
    public void Band_EnclosesTheCentralRun_WidensWithTheRanges_AndCollapsesWhenTheyDo()
    {
        var band = BoneRemodelling.RunWithBand(DiseaseScenario.Glucocorticoid, [], TwoYears);
        var narrow = BoneRemodelling.RunWithBand(DiseaseScenario.Glucocorticoid, [], TwoYears, null, new RemodellingUncertainty { KappaLow = 0.9, KappaHigh = 1.1, CellTypeLow = 1, CellTypeHigh = 1 });
        var none = BoneRemodelling.RunWithBand(DiseaseScenario.Glucocorticoid, [], TwoYears, null, new RemodellingUncertainty { KappaLow = 1, KappaHigh = 1, CellTypeLow = 1, CellTypeHigh = 1 });
        var central = band.Central.BoneMass;
        Assert.Multiple(() =>
        {
            Assert.That(band.IsSuccess, Is.True, band.Message);
            Assert.That(band.Members, Is.EqualTo(17), "16 corners and the central run");
            for (int k = 0; k < central.Length; k++)
            {
                Assert.That(band.BoneMassLower[k], Is.LessThanOrEqualTo(central[k]));
                Assert.That(band.BoneMassUpper[k], Is.GreaterThanOrEqualTo(central[k]));
                Assert.That(band.OsteoclastsLower[k], Is.LessThanOrEqualTo(band.Central.Osteoclasts[k]));
                Assert.That(band.OsteoclastsUpper[k], Is.GreaterThanOrEqualTo(band.Central.Osteoclasts[k]));
            }

            // More κ means more ferroptotic death, so the lower edge is the high-κ run and the upper edge the low-κ run.
            double width = band.BoneMassUpper[^1] - band.BoneMassLower[^1], narrowWidth = narrow.BoneMassUpper[^1] - narrow.BoneMassLower[^1];
            Assert.That(width, Is.GreaterThan(1), "the default ranges move two-year glucocorticoid loss by more than a point");
            Assert.That(narrowWidth, Is.LessThan(width / 3));
            Assert.That(none.BoneMassUpper[^1] - none.BoneMassLower[^1], Is.LessThan(1e-9));
            Assert.That(none.Central.BoneMass[^1], Is.EqualTo(BoneRemodelling.Run(DiseaseScenario.Glucocorticoid, TwoYears).BoneMass[^1]));
        });
    }

    [Test]
    public void LateTreatment_FollowsTheUntreatedRunUntilItStarts_ThenRescues()
    {
        var untreated = BoneRemodelling.Run(DiseaseScenario.Glucocorticoid, TwoYears);
        var early = BoneRemodelling.Run(DiseaseScenario.Glucocorticoid, [BoneInterventions.Ferrostatin1], TwoYears);
        var late = BoneRemodelling.Run(DiseaseScenario.Glucocorticoid, [BoneInterventions.Ferrostatin1], TwoYears, RemodellingOptions.Default with { InterventionStartDays = 182.5 });
        Assert.Multiple(() =>
        {
            Assert.That(late.IsSuccess, Is.True, late.Message);
            Assert.That(late.BoneMassAtDays(180), Is.EqualTo(untreated.BoneMassAtDays(180)).Within(1e-9), "before the start");
            Assert.That(late.BoneMass[^1], Is.GreaterThan(untreated.BoneMass[^1] + 1), "after the start");
            Assert.That(late.BoneMass[^1], Is.LessThan(early.BoneMass[^1]), "starting at month 6 is worse than from the start");
            Assert.That(late.DeathRateSchedule, Has.Count.EqualTo(2));
            Assert.That(late.DeathRateSchedule[1].StartDays, Is.EqualTo(182.5));
        });
    }

    [Test]
    public void DiseaseEnd_StopsTheLoss_AndTheMechanostatRegainsPartOfIt()
    {
        var chronic = BoneRemodelling.Run(DiseaseScenario.Glucocorticoid, TwoYears);
        var ended = BoneRemodelling.Run(DiseaseScenario.Glucocorticoid, TwoYears, RemodellingOptions.Default with { ScenarioEndDays = 182.5 });
        Assert.Multiple(() =>
        {
            Assert.That(ended.BoneMassAtDays(182), Is.EqualTo(chronic.BoneMassAtDays(182)).Within(1e-9));
            Assert.That(ended.BoneMass[^1], Is.GreaterThan(ended.BoneMassAtDays(182.5)), "bone regained after the end");
            Assert.That(ended.BoneMass[^1], Is.LessThanOrEqualTo(100 + 1e-6), "not beyond the healthy mass");
        });
    }

    [Test]
    public void DeathRateMultipliers_SwitchCellTypesOff()
    {
        var all = BoneRemodelling.EstimateDeathRates(DiseaseScenario.Glucocorticoid, []);
        var run = BoneRemodelling.Run(DiseaseScenario.Glucocorticoid, TimeSpan.FromDays(30), RemodellingOptions.Default with { DeathRateMultipliers = new DeathRates(1, 0, 0.5) });
        Assert.Multiple(() =>
        {
            Assert.That(run.DeathRates.Osteoblast, Is.EqualTo(all.Osteoblast));
            Assert.That(run.DeathRates.Osteoclast, Is.Zero);
            Assert.That(run.DeathRates.Osteocyte, Is.EqualTo(0.5 * all.Osteocyte).Within(1e-15));
        });
    }

    [Test]
    public void BoundedOnlyOptions_AreRefused_OnTheBalancedModel_AndRangesAreChecked()
    {
        var v1 = RemodellingOptions.Version1;
        Assert.Multiple(() =>
        {
            Assert.That(() => BoneRemodelling.Run(null, TwoYears, v1 with { ScenarioEndDays = 10 }), Throws.InstanceOf<ArgumentOutOfRangeException>().With.Message.Contain("bounded bone model"));
            Assert.That(() => BoneRemodelling.Run(null, TwoYears, RemodellingOptions.Default with { InterventionStartDays = -1 }), Throws.InstanceOf<ArgumentOutOfRangeException>());
            Assert.That(() => BoneRemodelling.Run(null, TwoYears, RemodellingOptions.Default with { InterventionStartDays = 10, Coupling = DeathRateCoupling.MultiRate }), Throws.InstanceOf<ArgumentOutOfRangeException>().With.Message.Contain("quasi-steady"));
            Assert.That(() => BoneRemodelling.Run(null, TwoYears, RemodellingOptions.Default with { Effects = new BoneScenarioEffects { OnsetDays = 0 } }), Throws.InstanceOf<ArgumentOutOfRangeException>());
            Assert.That(() => BoneRemodelling.Run(null, TwoYears, RemodellingOptions.Default with { DeathRateMultipliers = new DeathRates(-1, 1, 1) }), Throws.InstanceOf<ArgumentOutOfRangeException>());
            Assert.That(() => BoneRemodelling.RunWithBand(null, [], TwoYears, null, new RemodellingUncertainty { KappaLow = 2, KappaHigh = 1 }), Throws.InstanceOf<ArgumentOutOfRangeException>());
        });
    }
}
