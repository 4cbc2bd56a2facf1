using Ferroptosis.Sim.Pathway;

namespace Ferroptosis.Sim.Tests.Pathway;

/// <summary>
/// The t50 watch of <see cref="FerroptosisSimulation"/> checks the surviving fraction at step ends only
/// (<see cref="FerroptosisSimulation.WatchSamplesPerStep"/>): it finds the same crossing, at the same time, as a watch
/// that also samples four interior points of every step.
/// </summary>
/// <remarks>
/// The argument: S only falls (dS/dt = −h·S, h ≥ 0), so it crosses 0.5 at most once; a sign change between the ends
/// of the step holds the crossing, and the root finder then locates it on the same interpolant either way. The
/// protocols cover the three cell types, slow and fast deaths (t50 from about 3 h to over 40 h), no death at all,
/// rescue, a disease scenario, a drug added later, a wash-out and a pre-treatment that resets S at t = 0.
/// </remarks>
[Parallelizable(ParallelScope.All)]
public sealed class FerroptosisSimulationWatchTests
{
    private static readonly TimeSpan Hours48 = TimeSpan.FromHours(48);

    private static IEnumerable<TestCaseData> Protocols()
    {
        foreach (var cell in BoneCell.All)
        {
            yield return Case(cell, "erastin 10 uM", null, Perturbation.Erastin(10));
            yield return Case(cell, "erastin 3 uM", null, Perturbation.Erastin(3));
            yield return Case(cell, "RSL3 1 uM", null, Perturbation.Rsl3(1));
            yield return Case(cell, "RSL3 0.05 uM", null, Perturbation.Rsl3(0.05));
            yield return Case(cell, "FAC 200 uM", null, Perturbation.FerricAmmoniumCitrate(200));
            yield return Case(cell, "hemin 50 uM", null, Perturbation.Hemin(50));
            yield return Case(cell, "erastin 10 uM + ferrostatin-1 1 uM", null, Perturbation.Erastin(10), Perturbation.Ferrostatin1(1));
            yield return Case(cell, "no drug", null);
            yield return Case(cell, "high glucose + ML385 5 uM", DiseaseScenario.HighGlucose, Perturbation.Ml385(5));
            yield return Case(cell, "RSL3 1 uM from 12 h", null, Perturbation.Rsl3(1).From(TimeSpan.FromHours(12)));
            yield return Case(cell, "erastin 10 uM washed out at 6 h", null, Perturbation.Erastin(10).Until(TimeSpan.FromHours(6)));
            yield return Case(cell, "HO-1 x20 12 h before oxidative stress x1.65", null, Perturbation.HemeOxygenaseInduction(20).Before(TimeSpan.FromHours(12)), Perturbation.OxidativeStress(1.65));
        }
    }

    [TestCaseSource(nameof(Protocols))]
    public void Step_end_watch_finds_the_crossing_of_the_sampling_watch(BoneCell cell, DiseaseScenario? scenario, Perturbation[] perturbations)
    {
        var options = Assay.Options(new CellSimulationOptions { Scenario = scenario });
        var ends = FerroptosisSimulation.RunWithWatchSamples(cell, perturbations, Hours48, options, FerroptosisSimulation.WatchSamplesPerStep);
        var sampled = FerroptosisSimulation.RunWithWatchSamples(cell, perturbations, Hours48, options, watchSamplesPerStep: 4);

        Assert.That(FerroptosisSimulation.WatchSamplesPerStep, Is.Zero, "the default this test justifies");
        Assert.That(ends.IsSuccess && sampled.IsSuccess, Is.True);
        Assert.That(ends.TimeTo50PercentDeathHours.HasValue, Is.EqualTo(sampled.TimeTo50PercentDeathHours.HasValue), "both find a crossing, or neither does");
        if (sampled.TimeTo50PercentDeathHours is double t50)
        {
            Assert.That(ends.TimeTo50PercentDeathHours!.Value, Is.EqualTo(t50).Within(1e-9), "t50 in hours");
        }

        Assert.That(ends.SurvivingFraction, Is.EqualTo(sampled.SurvivingFraction).Within(1e-12), "the trajectories themselves");
    }

    [Test]
    public void Protocols_include_early_late_and_absent_deaths()
    {
        var t50s = Protocols()
            .Select(c => FerroptosisSimulation.Run((BoneCell)c.Arguments[0]!, (Perturbation[])c.Arguments[2]!, Hours48, Assay.Options(new CellSimulationOptions { Scenario = (DiseaseScenario?)c.Arguments[1] })).TimeTo50PercentDeathHours)
            .ToList();
        Assert.That(t50s.Count(t => t is null), Is.GreaterThan(3), "protocols without death");
        Assert.That(t50s.Where(t => t is not null).Min(), Is.LessThan(6), "a fast death");
        Assert.That(t50s.Where(t => t is not null).Max(), Is.GreaterThan(24), "a slow death");
    }

    private static TestCaseData Case(BoneCell cell, string name, DiseaseScenario? scenario, params Perturbation[] perturbations) =>
        new TestCaseData(cell, scenario, perturbations).SetArgDisplayNames(cell.Name, name);
}
