using Ferroptosis.Sim.Pathway;
using static Ferroptosis.Sim.Pathway.Perturbation;

namespace Ferroptosis.Sim.Tests.Pathway;

/// <summary>The pathway API as a bone biologist uses it: protocols (pre-treatment, scheduling, wash-out, pulses), read-outs, names and error messages.</summary>
[Parallelizable(ParallelScope.All)]
public sealed class PathwayApiTests
{
    private static readonly BoneCell OB = BoneCell.Osteoblast;

    [Test]
    public void Pre_treatment_starts_before_the_exposure_and_survival_counts_from_t_0()
    {
        // HO-1 induced 12 h before an oxidative challenge (EB-15). The same run written with a challenge that starts at
        // 12 h gives the same survival over the challenge, S(36)/S(12): survival counts from the challenge.
        var pre = Assay.Run(OB, 24, HemeOxygenaseInduction(10).Before(TimeSpan.FromHours(12)), OxidativeStress(1.65));
        var shifted = Assay.Run(OB, 36, HemeOxygenaseInduction(10), OxidativeStress(1.65).From(TimeSpan.FromHours(12)));

        Assert.Multiple(() =>
        {
            Assert.That(HemeOxygenaseInduction(10).Before(TimeSpan.FromHours(12)).StartHours, Is.EqualTo(-12));
            Assert.That(pre.TimesHours[0], Is.EqualTo(-12));
            Assert.That(pre.TimesHours.ToArray(), Does.Contain(0.0));
            Assert.That(pre.SurvivalAtHours(0), Is.EqualTo(1.0), "S is set to 1 at the start of the challenge");
            Assert.That(pre.SurvivalAtHours(-0.25), Is.LessThan(1.0), "the pre-treatment phase has its own (resting) death hazard");
            Assert.That(pre.FoldAtHours("HO1", 0), Is.GreaterThan(3), "HO-1 is induced during the pre-treatment");
            Assert.That(pre.SurvivalAtHours(24), Is.EqualTo(shifted.SurvivalAtHours(36) / shifted.SurvivalAtHours(12)).Within(1e-6));
            Assert.That(pre.TimeTo50PercentDeathHours, Is.Null.Or.GreaterThanOrEqualTo(0.0));
            Assert.That(pre.Peak("HO1"), Is.EqualTo(pre.Quantity("HO1").Where((_, k) => pre.TimesHours[k] >= 0).Max()), "peaks look at the exposure only");
        });
    }

    [Test]
    public void Wash_out_restores_the_drug_free_value_and_the_cell_recovers()
    {
        // Erastin for 4 h, then washed out: GSH falls while it is there and returns to rest afterwards.
        var pulse = Assay.Run(OB, 48, Erastin(10).Until(TimeSpan.FromHours(4)));
        var constant = Assay.Run(OB, 48, Erastin(10));
        Assert.Multiple(() =>
        {
            Assert.That(pulse.ValueAtHours("GSH", 4), Is.EqualTo(constant.ValueAtHours("GSH", 4)).Within(1e-9), "identical before the wash-out");
            Assert.That(pulse.FoldAtHours("GSH", 4), Is.LessThan(0.6));
            Assert.That(pulse.FoldAtHours("GSH", 48), Is.EqualTo(1).Within(0.05), "GSH back at rest");
            Assert.That(pulse.SurvivalAtHours(48), Is.GreaterThan(0.95));
            Assert.That(constant.SurvivalAtHours(48), Is.LessThan(0.1));
        });
    }

    [Test]
    public void A_drug_added_later_acts_from_its_start()
    {
        var late = Assay.Run(OB, 24, Rsl3(1).From(TimeSpan.FromHours(12)));
        var early = Assay.Run(OB, 12, Rsl3(1));
        Assert.Multiple(() =>
        {
            Assert.That(late.ValueAtHours("GPX4", 12), Is.EqualTo(late.RestingValue("GPX4")).Within(1e-9), "nothing before 12 h");
            Assert.That(late.ValueAtHours("GPX4", 14) / late.ValueAtHours("GPX4", 12), Is.EqualTo(early.FoldAtHours("GPX4", 2)).Within(1e-3), "from 12 h as from 0 h in a fresh run");
        });
    }

    [Test]
    public void Initial_values_replace_resting_values_and_are_validated()
    {
        var run = Assay.Run(OB, 1, [], new CellSimulationOptions { InitialValues = new Dictionary<string, double> { ["LIP"] = 2 } });
        Assert.That(run.ValueAtHours("LIP", 0), Is.EqualTo(2));
        var error = Assert.Throws<ArgumentException>(() => FerroptosisSimulation.Run(OB, [], TimeSpan.FromHours(1), new CellSimulationOptions { InitialValues = new Dictionary<string, double> { ["iron"] = 2 } }));
        Assert.That(error!.Message, Does.Contain("'iron' is not a state").And.Contain("LIP"));
    }

    [Test]
    public void Read_outs_of_a_run()
    {
        var run = Assay.Run(OB, 24, Erastin(10));
        Assert.Multiple(() =>
        {
            Assert.That(run.FoldChange("GSH")[0], Is.EqualTo(1).Within(1e-12), "species start at rest");
            Assert.That(run.FoldAtHours("GSH", 8), Is.EqualTo(run.ValueAtHours("GSH", 8) / run.RestingValue("GSH")));
            Assert.That(run.RestingValue("ROS"), Is.EqualTo(1).Within(1e-3), "assigned read-outs have resting values too");
            Assert.That(run.RestingValue("LIP_fold"), Is.EqualTo(run.RestingValue("LIP") / 0.8).Within(1e-12), "LIP_fold is LIP/L0");
            Assert.That(run.Peak("LPO"), Is.EqualTo(run.Quantity("LPO").Max()));
            Assert.That(run.Minimum("GSH"), Is.EqualTo(run.Quantity("GSH").Min()));
            Assert.That(run.ValueAtHours("LPO", run.TimeOfPeakHours("LPO")), Is.EqualTo(run.Peak("LPO")));
            Assert.That(run.FirstTimeBelowHours("S", 0.5), Is.EqualTo(run.TimeTo50PercentDeathHours).Within(0.01), "interpolated crossing vs root-found t50");
            Assert.That(run.FirstTimeAboveHours("LPO", 1e6), Is.Null);
            Assert.That(run.TimeAverage("S"), Is.InRange(run.SurvivalAtHours(24), 1.0));
            Assert.That(run.Quantity("surviving_fraction"), Is.EqualTo(run.SurvivingFraction));
        });
    }

    [Test]
    public void Misspelt_read_outs_get_a_suggestion()
    {
        var run = Assay.Run(OB, 1);
        var error = Assert.Throws<ArgumentException>(() => run.Quantity("lip"));
        Assert.That(error!.Message, Does.Contain("did you mean 'LIP'?"));
        Assert.Throws<ArgumentException>(() => run.RestingValue("Gpx4"));
    }

    [Test]
    public void Csv_of_chosen_read_outs()
    {
        var run = Assay.Run(OB, 1, Erastin(5));
        using var writer = new StringWriter();
        run.WriteCsv(writer, ["LIP", "GSH", "surviving_fraction"]);
        var lines = writer.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.Multiple(() =>
        {
            Assert.That(lines[0], Is.EqualTo($"# Ferroptosis.Sim ferroptosis model v1 (files {ModelVersionTests.FingerprintOnDisk("v1")})"), "a comment line names the model version and its files");
            Assert.That(lines[1], Is.EqualTo("time_h,LIP,GSH,surviving_fraction"));
            Assert.That(lines, Has.Length.EqualTo(run.TimesHours.Length + 2));
            Assert.That(run.ToCsv(), Does.StartWith(lines[0] + Environment.NewLine + "time_h,NRF2,").And.Contain(",surviving_fraction"));
        });
    }

    [Test]
    public void Every_drug_name_of_the_catalogue_is_accepted_and_the_typed_factories_agree()
    {
        Assert.Multiple(() =>
        {
            foreach (string name in DrugNames)
            {
                Assert.That(Drug(name, 1).Name, Is.EqualTo(name));
            }

            Assert.That(Tbhq(50), Is.EqualTo(Drug("tBHQ", 50)));
            Assert.That(DimethylFumarate(50), Is.EqualTo(Drug("DMF", 50)));
            Assert.That(Erastin(500, ConcentrationUnit.Nanomolar).Changes[0].Value, Is.EqualTo(0.5));
        });
    }

    [Test]
    public void Scenarios_answer_to_common_names()
    {
        Assert.Multiple(() =>
        {
            Assert.That(DiseaseScenario.FromName("diabetic"), Is.SameAs(DiseaseScenario.HighGlucose));
            Assert.That(DiseaseScenario.FromName("menopause"), Is.SameAs(DiseaseScenario.EstrogenDeficiency));
            Assert.That(DiseaseScenario.FromName("osteonecrosis"), Is.SameAs(DiseaseScenario.SteroidOsteonecrosis));
            Assert.That(DiseaseScenario.FromName("thalassaemia"), Is.SameAs(DiseaseScenario.IronOverload));
        });
    }

    [Test]
    public void Misuse_is_refused_with_a_message_that_says_what_to_change()
    {
        Assert.Multiple(() =>
        {
            Assert.That(() => Erastin(1).Before(TimeSpan.FromHours(-1)), Throws.TypeOf<ArgumentOutOfRangeException>().With.Message.Contains("positive"));
            Assert.That(() => Knockdown(Gene.Gpx4, 0.5).Before(TimeSpan.FromHours(1)), Throws.InvalidOperationException);
            Assert.That(
                () => FerroptosisSimulation.Run(OB, [Erastin(1).From(TimeSpan.FromHours(5)).Until(TimeSpan.FromHours(2))], TimeSpan.FromHours(10)),
                Throws.ArgumentException.With.Message.Contains("not after its start"));
            Assert.That(
                () => FerroptosisSimulation.Run(OB, [], TimeSpan.FromHours(1), new CellSimulationOptions { Parameters = new Dictionary<string, double> { ["erastinn"] = 1 } }),
                Throws.ArgumentException.With.Message.Contains("did you mean 'erastin'?"));
        });
    }

    [Test]
    public void Cell_type_networks_carry_their_parameter_sets()
    {
        var osteoclast = Assay.Model.NetworkFor(BoneCell.Osteoclast);
        Assert.Multiple(() =>
        {
            Assert.That(osteoclast.Id, Is.EqualTo("ferroptosis_v1_osteoclast"), "the model id names the version");
            Assert.That(osteoclast.FindParameter("c_TfR")!.Value, Is.EqualTo(1.4));
            Assert.That(osteoclast.Reactions, Has.Count.EqualTo(Assay.Model.Network.Reactions.Count));
            Assert.That(Assay.Model.NetworkFor(BoneCell.Osteoblast).Parameters.Select(p => p.Value), Is.EqualTo(Assay.Model.Network.Parameters.Select(p => p.Value)));
        });
    }
}
