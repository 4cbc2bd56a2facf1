using Ferroptosis.Sim.Pathway.Remodelling;

namespace Ferroptosis.Sim.Tests.Pathway.Remodelling;

/// <summary>
/// EB-23 (MUST): the direction of bone-mass change for each kind of extra cell death in the balanced coupled model
/// (specification §14.2; healthy start, constant δ for 1 year, V ≡ 1), and the §15 regression row "chronic extra death,
/// balanced form".
/// </summary>
/// <remarks>
/// Basis: in the power-law model the steady-state ratio x2/x1 depends only on the osteoblast parameters (α2/β2), so extra
/// osteoblast death gives sustained loss, extra osteoclast death lowers turnover and adds bone, and raised osteoclast
/// recruitment gives a loss that stops at the new steady state [M1]; osteoclast suppression by iron deprivation protects
/// bone [B5][B6]. Prototype (§15): δOB 0.0005 / 0.002 / 0.01 → 97.9 / 91.7 / 64.1; δOC 0.05 → 102.5; fα1 1.5 → 93.6
/// (transient); δOB 0.002 + δOC 0.05 → 95.8. The tolerance ±0.06 is the rounding of the printed digits plus a margin
/// for the prototype's solver (LSODA, rtol 1e-7).
/// </remarks>
[Parallelizable(ParallelScope.All)]
public sealed class ChronicDeathTests
{
    private const double Tolerance = 0.06;
    private static readonly TimeSpan OneYear = TimeSpan.FromDays(365);

    [TestCase(0.0005, 97.9)]
    [TestCase(0.002, 91.7)]
    [TestCase(0.01, 64.1)]
    public void OsteoblastDeath_LowersBoneMass_AsThePrototype(double rate, double expected)
    {
        var run = BoneRemodelling.RunPopulation(new DeathRates(rate, 0, 0), OneYear, RemodellingOptions.Version1);
        Assert.That(run.IsSuccess, Is.True, run.Message);
        Assert.That(run.BoneMass[^1], Is.EqualTo(expected).Within(Tolerance));
    }

    [Test]
    public void OsteoblastDeath_LossGrowsMonotonicallyWithTheRate_AndAtTwoThousandthsIsInTheEB23Band()
    {
        double[] rates = [0, 0.0001, 0.0005, 0.001, 0.002, 0.005, 0.01];
        var z = rates.Select(r => BoneRemodelling.RunPopulation(new DeathRates(r, 0, 0), OneYear, RemodellingOptions.Version1).BoneMass[^1]).ToArray();
        Assert.Multiple(() =>
        {
            Assert.That(z[0], Is.EqualTo(100).Within(1e-9));
            for (int k = 1; k < z.Length; k++)
            {
                Assert.That(z[k], Is.LessThan(z[k - 1]), $"δOB {rates[k]} vs {rates[k - 1]}");
            }

            Assert.That(z[Array.IndexOf(rates, 0.002)], Is.InRange(89.0, 94.0));
        });
    }

    [Test]
    public void OsteoclastDeath_Alone_DoesNotLowerBoneMass()
    {
        var run = BoneRemodelling.RunPopulation(new DeathRates(0, 0.05, 0), OneYear, RemodellingOptions.Version1);
        Assert.Multiple(() =>
        {
            Assert.That(run.BoneMass, Is.All.GreaterThanOrEqualTo(100 - 1e-9));
            Assert.That(run.BoneMass[^1], Is.EqualTo(102.5).Within(Tolerance));
        });
    }

    [Test]
    public void OsteoclastDeath_WithOsteoblastDeath_GivesLessLossThanOsteoblastDeathAlone()
    {
        double alone = BoneRemodelling.RunPopulation(new DeathRates(0.002, 0, 0), OneYear, RemodellingOptions.Version1).BoneMass[^1];
        double combined = BoneRemodelling.RunPopulation(new DeathRates(0.002, 0.05, 0), OneYear, RemodellingOptions.Version1).BoneMass[^1];
        Assert.Multiple(() =>
        {
            Assert.That(combined, Is.GreaterThan(alone));
            Assert.That(combined, Is.LessThan(100));
            Assert.That(combined, Is.EqualTo(95.8).Within(Tolerance));
        });
    }

    [Test]
    public void RaisedOsteoclastRecruitment_GivesALossThatStops()
    {
        var run = BoneRemodelling.RunPopulation(DeathRates.None, TimeSpan.FromDays(5 * 365), RemodellingOptions.Version1 with { OsteoclastRecruitment = 1.5 });
        double oneYear = run.BoneMassAtDays(365), fiveYears = run.BoneMass[^1];
        Assert.Multiple(() =>
        {
            Assert.That(oneYear, Is.EqualTo(93.6).Within(Tolerance));
            Assert.That(fiveYears - oneYear, Is.EqualTo(0).Within(1.0));
            Assert.That(fiveYears, Is.EqualTo(93.6).Within(Tolerance));
        });
    }

    [Test]
    public void OsteocyteDeath_RecruitsOsteoclasts_AndTheLossContinues()
    {
        // V falls towards k_rep/(δOCY + k_rep); the recruitment 1 + ρ(1 − V) keeps rising, so bone keeps falling.
        var run = BoneRemodelling.RunPopulation(new DeathRates(0, 0, 0.001), TimeSpan.FromDays(5 * 365), RemodellingOptions.Version1);
        double v5 = run.ViableOsteocytes[^1];
        Assert.Multiple(() =>
        {
            Assert.That(v5, Is.EqualTo(0.5 + (0.5 * Math.Exp(-0.002 * 5 * 365))).Within(1e-6));
            Assert.That(run.BoneMassAtDays(365), Is.LessThan(100));
            Assert.That(run.BoneMass[^1], Is.LessThan(run.BoneMassAtDays(4 * 365)));
            Assert.That(run.Osteoclasts[^1], Is.GreaterThan(run.Osteoclasts[0]));
        });
    }
}
