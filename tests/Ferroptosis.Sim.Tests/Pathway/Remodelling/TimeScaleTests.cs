using System.Diagnostics;
using System.Globalization;
using Ferroptosis.Sim.Pathway;
using Ferroptosis.Sim.Pathway.Remodelling;

namespace Ferroptosis.Sim.Tests.Pathway.Remodelling;

/// <summary>
/// The two time scales: the quasi-steady death rate (specification §14.2: h̄ over day 7 of a 7-day cell run, constant
/// thereafter) against the multi-rate scheme (the cell models run for the whole period; δ renewed every day or week).
/// </summary>
/// <remarks>
/// The comparison quoted in docs/remodelling.md is <see cref="QuasiSteady_AgreesWithMultiRate_ForTheFourScenarios"/>:
/// <c>dotnet test tests/Ferroptosis.Sim.Tests -c Release --filter Name~QuasiSteady_AgreesWithMultiRate --logger "console;verbosity=normal"</c>.
/// </remarks>
[Parallelizable(ParallelScope.All)]
public sealed class TimeScaleTests
{
    [Test]
    public void MultiRate_DaySeven_IsTheQuasiSteadyWindow()
    {
        // Both schemes start the same cell run at t = 0; the multi-rate interval 6–7 d is the quasi-steady window 144–168 h.
        var quasi = BoneRemodelling.EstimateDeathRates(DiseaseScenario.Glucocorticoid, [], RemodellingOptions.Version1);
        var multi = BoneRemodelling.Run(DiseaseScenario.Glucocorticoid, TimeSpan.FromDays(14), RemodellingOptions.Version1 with { Coupling = DeathRateCoupling.MultiRate });
        var day7 = multi.DeathRateSchedule[6];
        Assert.Multiple(() =>
        {
            Assert.That(multi.DeathRateSchedule, Has.Count.EqualTo(14));
            Assert.That(day7.StartDays, Is.EqualTo(6));
            Assert.That(day7.EndDays, Is.EqualTo(7));
            Assert.That(day7.Rates.Osteoblast, Is.EqualTo(quasi.Osteoblast).Within(1e-3).Percent);
            Assert.That(day7.Rates.Osteoclast, Is.EqualTo(quasi.Osteoclast).Within(1e-3).Percent);
            Assert.That(day7.Rates.Osteocyte, Is.EqualTo(quasi.Osteocyte).Within(1e-3).Percent);

            // The osteoclast's hazard is still rising in the first week (GPX4 falls, lipid peroxides build up), so day 1 is below day 7.
            Assert.That(multi.DeathRateSchedule[0].Rates.Osteoclast, Is.LessThan(day7.Rates.Osteoclast));
            Assert.That(multi.DeathRatesAtDays(6.5), Is.EqualTo(day7.Rates));
        });
    }

    [Test]
    public void MultiRate_ForHealthyBone_StaysAtBaseline()
    {
        var run = BoneRemodelling.Run(null, TimeSpan.FromDays(30), RemodellingOptions.Version1 with { Coupling = DeathRateCoupling.MultiRate, UpdateInterval = TimeSpan.FromDays(7) });
        Assert.Multiple(() =>
        {
            Assert.That(run.DeathRateSchedule.Select(i => i.EndDays), Is.EqualTo(new[] { 7.0, 14, 21, 28, 30 }));
            Assert.That(run.BoneMass, Is.All.EqualTo(100).Within(1e-9));
        });
    }

    [Test]
    [Category("Slow")]
    public void QuasiSteady_AgreesWithMultiRate_ForTheFourScenarios()
    {
        // One year of each scenario four ways. The quasi-steady rule takes 3 × 168 h of cell model, the multi-rate scheme
        // 3 × 8760 h. A 30-day quasi-steady window (day 30 of a 30-day run) shows how much of the difference is the
        // hazard's slow rise after day 7 rather than the scheme.
        var year = TimeSpan.FromDays(365);
        var schemes = new (string Name, RemodellingOptions Options)[]
        {
            ("quasi-steady (day 7)", RemodellingOptions.Version1),
            ("quasi-steady (day 30)", RemodellingOptions.Version1 with { HazardRunHours = 720, HazardWindowStartHours = 696 }),
            ("multi-rate (daily)", RemodellingOptions.Version1 with { Coupling = DeathRateCoupling.MultiRate }),
            ("multi-rate (weekly)", RemodellingOptions.Version1 with { Coupling = DeathRateCoupling.MultiRate, UpdateInterval = TimeSpan.FromDays(7) }),
        };

        var c = CultureInfo.InvariantCulture;
        TestContext.Out.WriteLine("scenario | scheme | z(6 mo) | z(12 mo) | mean δOB | mean δOC | mean δOCY | wall time (ms)");
        Assert.Multiple(() =>
        {
            foreach (var scenario in BoneRemodelling.Scenarios)
            {
                var z = new List<double>();
                foreach (var (name, options) in schemes)
                {
                    var clock = Stopwatch.StartNew();
                    var run = BoneRemodelling.Run(scenario, year, options);
                    long ms = clock.ElapsedMilliseconds;
                    Assert.That(run.IsSuccess, Is.True, run.Message);
                    var d = run.DeathRates;
                    TestContext.Out.WriteLine(string.Create(c, $"{scenario.Name} | {name} | {run.BoneMassAtDays(182.5):F2} | {run.BoneMass[^1]:F2} | {d.Osteoblast:E3} | {d.Osteoclast:E3} | {d.Osteocyte:E3} | {ms}"));
                    z.Add(run.BoneMass[^1]);
                }

                double loss = 100 - z[2];
                Assert.That(z[0], Is.EqualTo(z[2]).Within(0.5), $"{scenario.Name}: quasi-steady vs multi-rate at 1 year");
                Assert.That(Math.Abs(z[0] - z[2]), Is.LessThan(0.1 * loss), $"{scenario.Name}: within a tenth of the loss");
                Assert.That(z[1], Is.EqualTo(z[2]).Within(0.05), $"{scenario.Name}: the day-30 hazard is the multi-rate plateau");
                Assert.That(z[3], Is.EqualTo(z[2]).Within(0.01), $"{scenario.Name}: weekly vs daily renewal");
            }
        });
    }

    [Test]
    [Category("Slow")]
    public void QuasiSteady_AgreesWithMultiRate_OverFiveYearsOfEstrogenLoss()
    {
        // EB-24's horizon: the slow osteocyte loss is where an error in δOCY would accumulate.
        var fiveYears = TimeSpan.FromDays(5 * 365);
        var quasi = BoneRemodelling.Run(DiseaseScenario.EstrogenDeficiency, fiveYears, RemodellingOptions.Version1);
        var multi = BoneRemodelling.Run(DiseaseScenario.EstrogenDeficiency, fiveYears, RemodellingOptions.Version1 with { Coupling = DeathRateCoupling.MultiRate, UpdateInterval = TimeSpan.FromDays(7) });
        TestContext.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"EST 5 y: quasi-steady {quasi.BoneMass[^1]:F2} (V {quasi.ViableOsteocytes[^1]:F3}), multi-rate {multi.BoneMass[^1]:F2} (V {multi.ViableOsteocytes[^1]:F3})"));
        Assert.That(quasi.BoneMass[^1], Is.EqualTo(multi.BoneMass[^1]).Within(0.5));
    }
}
