using System.Globalization;
using Ferroptosis.Sim.Ode;
using Ferroptosis.Sim.Pathway;
using Ferroptosis.Sim.Pathway.Remodelling;

namespace Ferroptosis.Sim.Tests.Pathway.Remodelling;

/// <summary>The remodelling API: names, durations, output grid, CSV, misuse and failure reporting.</summary>
[Parallelizable(ParallelScope.All)]
public sealed class RemodellingApiTests
{
    [Test]
    public void Scenarios_AreTheFourChronicDiseases_AndInterventionsAreFoundByName()
    {
        Assert.Multiple(() =>
        {
            Assert.That(BoneRemodelling.Scenarios.Select(s => s.Name), Is.EqualTo(new[] { "glucocorticoid", "high-glucose", "iron-overload", "estrogen-deficiency" }));
            Assert.That(BoneInterventions.FromName("Fer-1"), Is.SameAs(BoneInterventions.Ferrostatin1));
            Assert.That(BoneInterventions.FromName("dfo"), Is.SameAs(BoneInterventions.Deferoxamine));
            Assert.That(BoneInterventions.FromName("nrf2"), Is.SameAs(BoneInterventions.Sulforaphane));
            Assert.That(BoneInterventions.All.Select(p => p.ToString()), Is.EqualTo(new[] { "ferrostatin-1 1 µM", "deferoxamine 100 µM", "sulforaphane 5 µM" }));
            Assert.That(() => BoneInterventions.FromName("aspirin"), Throws.ArgumentException.With.Message.Contain("ferrostatin-1, deferoxamine, sulforaphane"));
            Assert.That(BoneRemodelling.Months(12), Is.EqualTo(TimeSpan.FromDays(365)));
        });
    }

    [Test]
    public void Result_ReportsEveryDayAndTheEnd_AndWritesCsv()
    {
        var run = BoneRemodelling.Run(DiseaseScenario.IronOverload, TimeSpan.FromDays(10.5));
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        run.WriteCsv(writer);
        var lines = writer.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var last = lines[^1].Split(',').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();
        Assert.Multiple(() =>
        {
            Assert.That(run.IsSuccess, Is.True, run.Message);
            Assert.That(run.TimesDays.ToArray(), Is.EqualTo(Enumerable.Range(0, 11).Select(d => (double)d).Append(10.5)));
            Assert.That(lines[0].TrimEnd(), Is.EqualTo("time_d,osteoclasts,osteoblasts,bone_mass_percent,viable_osteocytes,delta_OB_per_d,delta_OC_per_d,delta_OCY_per_d"));
            Assert.That(lines, Has.Length.EqualTo(13));
            Assert.That(last[0], Is.EqualTo(10.5));
            Assert.That(last[3], Is.EqualTo(run.BoneMass[^1]));
            Assert.That(last[5], Is.EqualTo(run.DeathRates.Osteoblast));
            Assert.That(run.BoneMassAtDays(10.25), Is.EqualTo((run.BoneMass[^2] + run.BoneMass[^1]) / 2).Within(1e-12));
            Assert.That(() => run.BoneMassAtDays(11), Throws.InstanceOf<ArgumentOutOfRangeException>().With.Message.Contain("0–10.5 days"));
            Assert.That(run.ToString(), Does.StartWith("iron-overload: bone mass ").And.Contain("at 10.5 d (δOB = "));
        });
    }

    [Test]
    public void Misuse_SaysWhatToChange()
    {
        Assert.Multiple(() =>
        {
            Assert.That(() => BoneRemodelling.Run(DiseaseScenario.Glucocorticoid, TimeSpan.Zero), Throws.InstanceOf<ArgumentOutOfRangeException>().With.Message.Contain("BoneRemodelling.Months(12)"));
            Assert.That(() => BoneRemodelling.Run(null, TimeSpan.FromDays(1), new RemodellingOptions { Kappa = -1 }), Throws.InstanceOf<ArgumentOutOfRangeException>().With.Message.Contain("κ"));
            Assert.That(() => BoneRemodelling.Run(null, TimeSpan.FromDays(1), new RemodellingOptions { HazardWindowStartHours = 200 }), Throws.InstanceOf<ArgumentOutOfRangeException>().With.Message.Contain("HazardRunHours"));
            Assert.That(() => BoneRemodelling.Run(null, TimeSpan.FromDays(1), new RemodellingOptions { UpdateInterval = TimeSpan.Zero }), Throws.InstanceOf<ArgumentOutOfRangeException>());
            Assert.That(() => BoneRemodelling.RunPopulation(DeathRates.None, TimeSpan.FromDays(1), new RemodellingOptions { OsteoclastRecruitment = 0 }), Throws.InstanceOf<ArgumentOutOfRangeException>().With.Message.Contain("fα1"));
            Assert.That(() => BoneRemodellingModel.ReadFile("lemaire2004.ant"), Throws.ArgumentException.With.Message.Contain("komarova2003.ant"));
        });
    }

    [Test]
    public void CellModelFailure_IsAStatusWithAMessage_NotAnException()
    {
        // A non-finite input makes the cell model fail at its first step; the run reports it and has no trajectory.
        var options = new RemodellingOptions { CellOptions = CellSimulationOptions.Default with { Parameters = new Dictionary<string, double> { ["ros_x"] = double.NaN } } };
        var run = BoneRemodelling.Run(DiseaseScenario.Glucocorticoid, TimeSpan.FromDays(30), options);
        Assert.Multiple(() =>
        {
            Assert.That(run.IsSuccess, Is.False);
            Assert.That(run.Status, Is.Not.EqualTo(SolverStatus.Success));
            Assert.That(run.Message, Does.Contain("osteoblast model did not finish"));
            Assert.That(run.TimesDays.Length, Is.Zero);
            Assert.That(run.BoneMass, Is.Empty);
            Assert.That(run.ToString(), Does.StartWith("glucocorticoid: "));
        });
    }
}
