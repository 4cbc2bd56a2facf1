using Ferroptosis.Sim.Ode;
using Ferroptosis.Sim.Pathway;

namespace Ferroptosis.Sim.Tests.Pathway.Contract;

/// <summary>The contract suite runs its protocols on the model layer directly (it needs to scale any constant); these tests check that the public pathway API gives the same numbers for the same protocols, so the contract speaks for what users run.</summary>
[Parallelizable(ParallelScope.All)]
public sealed class ContractApiConsistencyTests
{
    private static readonly Lazy<M> Lab = new(() => new M(FerroptosisModel.Version2, []));

    private static CellSimulationResult Api(BoneCell cell, double hours, params Perturbation[] perturbations)
    {
        var result = FerroptosisSimulation.Run(cell, perturbations, TimeSpan.FromHours(hours), new CellSimulationOptions { Model = FerroptosisModel.Version2, Solver = OdeSolvers.Rodas5P });
        Assert.That(result.IsSuccess, Is.True, result.Message);
        return result;
    }

    [Test]
    public void Erastin_in_osteoblasts_matches()
    {
        var checks = new Checks(Lab.Value);
        double lab = checks.S(checks.Wt["osteoblast"], 24, Checks.P("erastin", 5));
        Assert.That(Api(BoneCell.Osteoblast, 24, Perturbation.Erastin(5)).SurvivalAtHours(24), Is.EqualTo(lab).Within(2e-4));
    }

    [Test]
    public void Ncoa4_knockdown_under_the_glucocorticoid_scenario_matches()
    {
        var checks = new Checks(Lab.Value);
        double lab = checks.S(checks.B("osteoblast", Checks.Mul("c_NCOA4", 0.2)), 48, new Checks(Lab.Value).Scenario("GC"));
        var options = new CellSimulationOptions { Model = FerroptosisModel.Version2, Scenario = DiseaseScenario.Glucocorticoid, Solver = OdeSolvers.Rodas5P };
        var api = FerroptosisSimulation.Run(BoneCell.Osteoblast, [Perturbation.Knockdown(Gene.Ncoa4, 0.2)], TimeSpan.FromHours(48), options);
        Assert.That(api.SurvivalAtHours(48), Is.EqualTo(lab).Within(2e-4));
    }

    [Test]
    public void Rankl_drives_osteoclast_formation_in_precursors_as_in_the_contract()
    {
        var checks = new Checks(Lab.Value);
        var lab = checks.Run(checks.Wt["osteoclast-precursor"], 120, Checks.P("rankl", 50), Checks.P("fac", 100));
        var api = Api(BoneCell.OsteoclastPrecursor, 120, Perturbation.Rankl(50), Perturbation.FerricAmmoniumCitrate(100));
        Assert.That(api.ValueAtHours("NOC", 120), Is.EqualTo(lab.At("NOC", 120)).Within(1e-4 * Math.Abs(lab.At("NOC", 120))));
    }
}
