using Ferroptosis.Sim.Pathway;
using Ferroptosis.Sim.Pathway.Remodelling;

namespace Ferroptosis.Sim.Tests.Pathway;

/// <summary>Model versions live side by side: each loads from its own embedded files with its own caches, v2 is the default, results say which version produced them, and the osteoclast precursor exists from v2 on.</summary>
[Parallelizable(ParallelScope.All)]
public sealed class ModelVersionTests
{
    private static readonly TimeSpan TwoHours = TimeSpan.FromHours(2);

    /// <summary>Gets a value indicating whether the v2 files are still the placeholder: the v1 files unchanged (the precursor aside).</summary>
    internal static bool V2IsPlaceholder =>
        FerroptosisModel.Version1.Files.All(f => FerroptosisModel.Version2.Files.Contains(f) && FerroptosisModel.Version1.ReadFile(f) == FerroptosisModel.Version2.ReadFile(f));

    /// <summary>The fingerprint computed from the repository's files (not the embedded copies): SHA-256 of each .ant file's name, LF, text with LF line ends, LF, in ordinal name order; the first 12 hex digits.</summary>
    internal static string FingerprintOnDisk(string folder)
    {
        var files = Directory.GetFiles(Path.Combine(Contract.ContractSuite.RepositoryRoot, "models", "ferroptosis", folder), "*.ant").Select(Path.GetFileName).Order(StringComparer.Ordinal);
        var bytes = new List<byte>();
        foreach (string? name in files)
        {
            string text = File.ReadAllText(Path.Combine(Contract.ContractSuite.RepositoryRoot, "models", "ferroptosis", folder, name!)).Replace("\r\n", "\n", StringComparison.Ordinal);
            bytes.AddRange(System.Text.Encoding.UTF8.GetBytes($"{name}\n{text}\n"));
        }

        return Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes.ToArray()))[..12];
    }

    [Test]
    public void Fingerprints_name_the_exact_files_of_each_version()
    {
        Assert.Multiple(() =>
        {
            Assert.That(FerroptosisModel.Version1.Fingerprint, Is.EqualTo(FingerprintOnDisk("v1")));
            Assert.That(FerroptosisModel.Version2.Fingerprint, Is.EqualTo(FingerprintOnDisk("v2")));
            Assert.That(FerroptosisModel.Version2.Fingerprint, Does.Match("^[0-9a-f]{12}$"));
            Assert.That(FerroptosisModel.Version1.Fingerprint, Is.Not.EqualTo(FerroptosisModel.Version2.Fingerprint));
        });
    }

    [Test]
    public void Version1_and_Version2_load_from_their_own_folders()
    {
        var v1 = FerroptosisModel.Version1;
        var v2 = FerroptosisModel.Version2;
        Assert.Multiple(() =>
        {
            Assert.That((v1.Version, v1.Folder, v1.ToString()), Is.EqualTo(("1", "v1", "ferroptosis model v1")));
            Assert.That((v2.Version, v2.Folder, v2.ToString()), Is.EqualTo(("2", "v2", "ferroptosis model v2")));
            Assert.That(v1.Files, Is.EqualTo(new[] { "ferroptosis.ant", "osteoblast.ant", "osteoclast.ant", "osteocyte.ant" }));
            Assert.That(v2.Files, Does.Contain(FerroptosisModel.BaseFile).And.Contain("osteoclast-precursor.ant"));
            Assert.That(v1.Compiled.StateIds, Does.Contain("S").And.Contain("LIP"));
            Assert.That(v2.Compiled.StateIds, Does.Contain("S").And.Contain("LIP"));
            Assert.That(FerroptosisModel.All, Is.EqualTo(new[] { v1, v2 }));
            Assert.That(v1.ReadFile("osteoclast.ant"), Does.Contain("c_TfR"));
            Assert.That(() => v1.ReadFile("osteoclast-precursor.ant"), Throws.ArgumentException.With.Message.Contains("ferroptosis model v1 has no embedded file").And.Message.Contains("osteocyte.ant"));
        });
    }

    [Test]
    public void Default_is_Version2()
    {
        Assert.Multiple(() =>
        {
            Assert.That(FerroptosisModel.Default, Is.SameAs(FerroptosisModel.Version2));
            Assert.That(CellSimulationOptions.Default.Model, Is.Null, "null means the default");
            Assert.That(BoneCell.Osteoclast.Parameters, Is.SameAs(BoneCell.Osteoclast.ParametersIn(FerroptosisModel.Default)));
            // The bounded bone model is coupled to the default cell model; the first release's form keeps v1.
            Assert.That(new RemodellingOptions().CellOptions.Model, Is.Null);
            Assert.That(RemodellingOptions.Version1.CellOptions.Model, Is.SameAs(FerroptosisModel.Version1));
        });
    }

    [TestCase("1", "1")]
    [TestCase("v1", "1")]
    [TestCase("V2", "2")]
    [TestCase(" 2 ", "2")]
    public void Versions_are_found_by_name(string name, string version) =>
        Assert.That(FerroptosisModel.FromVersion(name).Version, Is.EqualTo(version));

    [Test]
    public void An_unknown_version_is_refused_with_the_list_of_versions() =>
        Assert.That(() => FerroptosisModel.FromVersion("3"), Throws.ArgumentException.With.Message.Contains("Versions: 1, 2 (default 2)"));

    [Test]
    public void Results_carry_the_version_that_produced_them()
    {
        var byDefault = FerroptosisSimulation.Run(BoneCell.Osteoblast, [Perturbation.Erastin(10)], TwoHours);
        var v1 = FerroptosisSimulation.Run(BoneCell.Osteoblast, [Perturbation.Erastin(10)], TwoHours, new CellSimulationOptions { Model = FerroptosisModel.Version1 });
        Assert.Multiple(() =>
        {
            Assert.That(byDefault.Model, Is.SameAs(FerroptosisModel.Default));
            Assert.That(byDefault.ModelVersion, Is.EqualTo("2"));
            Assert.That(v1.Model, Is.SameAs(FerroptosisModel.Version1));
            Assert.That(v1.ModelVersion, Is.EqualTo("1"));
            Assert.That(v1.ToString(), Does.StartWith("osteoblast + erastin 10 µM (model v1): S(end) = "));
            Assert.That(byDefault.ToCsv().Split(Environment.NewLine)[0], Is.EqualTo($"# Ferroptosis.Sim ferroptosis model v2 (files {FingerprintOnDisk("v2")})"));
            Assert.That(v1.ToCsv().Split(Environment.NewLine)[0], Is.EqualTo($"# Ferroptosis.Sim ferroptosis model v1 (files {FingerprintOnDisk("v1")})"));
            Assert.That(v1.ToCsv().Split(Environment.NewLine)[1], Does.StartWith("time_h,"));
        });
    }

    [Test]
    public void Versions_do_not_share_caches()
    {
        var v1 = FerroptosisModel.Version1;
        var v2 = FerroptosisModel.Version2;
        var osteoclast = new Dictionary<string, double>(BoneCell.Osteoclast.ParametersIn(v2));
        var compiled = v1.Compiled;
        var parameters = BoneCell.Osteoclast.ParametersIn(v1);
        var rest2 = v2.RestingState(osteoclast);
        rest2[0] = -1;
        Assert.Multiple(() =>
        {
            Assert.That(v1.Network, Is.Not.SameAs(v2.Network));
            Assert.That(v1.Compiled, Is.Not.SameAs(v2.Compiled));
            Assert.That(v1.Compiled, Is.SameAs(compiled), "each version compiles once");
            Assert.That(BoneCell.Osteoclast.ParametersIn(v1), Is.Not.SameAs(BoneCell.Osteoclast.ParametersIn(v2)));
            Assert.That(BoneCell.Osteoclast.ParametersIn(v1), Is.SameAs(parameters), "a parameter set is read once per version");

            Assert.That(v2.RestingState(osteoclast)[0], Is.Not.EqualTo(-1), "callers get copies of the cached resting state");
            if (V2IsPlaceholder)
            {
                // While v2 is the placeholder copy of v1, the two give the same numbers from separate caches.
                Assert.That(BoneCell.Osteoclast.ParametersIn(v1), Is.EqualTo(BoneCell.Osteoclast.ParametersIn(v2)));
                Assert.That(v1.RestingState(osteoclast), Is.EqualTo(v2.RestingState(osteoclast)).Within(1e-12));
            }
        });
    }

    [Test]
    public void Sbml_model_ids_name_the_version()
    {
        Assert.Multiple(() =>
        {
            Assert.That(FerroptosisModel.Version1.NetworkFor(BoneCell.Osteoblast).Id, Is.EqualTo("ferroptosis_v1_osteoblast"));
            Assert.That(FerroptosisModel.Version2.NetworkFor(BoneCell.Osteoblast).Id, Is.EqualTo("ferroptosis_v2_osteoblast"));
            Assert.That(FerroptosisModel.Version2.NetworkFor(BoneCell.OsteoclastPrecursor).Id, Is.EqualTo("ferroptosis_v2_osteoclast_precursor"), "an SBML id has no hyphen");
        });
    }

    [Test]
    public void The_osteoclast_precursor_exists_from_model_v2_on()
    {
        var v1 = new CellSimulationOptions { Model = FerroptosisModel.Version1 };
        var error = Assert.Throws<ArgumentException>(() => FerroptosisSimulation.Run(BoneCell.OsteoclastPrecursor, [], TwoHours, v1));
        var run = FerroptosisSimulation.Run(BoneCell.OsteoclastPrecursor, [], TwoHours);
        Assert.Multiple(() =>
        {
            Assert.That(error!.Message, Does.Contain("'osteoclast-precursor' exists from model v2 on").And.Contain("FerroptosisModel.Version2").And.Contain("osteoblast, osteoclast, osteocyte"));
            Assert.That(() => BoneCell.OsteoclastPrecursor.ParametersIn(FerroptosisModel.Version1), Throws.ArgumentException.With.Message.Contains("exists from model v2 on"));
            Assert.That(() => FerroptosisModel.Version1.NetworkFor(BoneCell.OsteoclastPrecursor), Throws.ArgumentException.With.Message.Contains("exists from model v2 on"));
            Assert.That(run.IsSuccess, Is.True, run.Message);
            Assert.That(run.ModelVersion, Is.EqualTo("2"));
            Assert.That(BoneCell.FromName("OCP"), Is.SameAs(BoneCell.OsteoclastPrecursor));
            Assert.That(BoneCell.FromName("osteoclast-precursor").ParameterFile, Is.EqualTo("osteoclast-precursor.ant"));
            Assert.That(BoneCell.All, Is.EqualTo(new[] { BoneCell.Osteoblast, BoneCell.Osteoclast, BoneCell.Osteocyte }), "the mature cell types, which every version has");
            Assert.That(BoneCell.AllWithPrecursor, Is.EqualTo(BoneCell.All.Append(BoneCell.OsteoclastPrecursor)));
            Assert.That(FerroptosisModel.Version1.CellTypes, Is.EqualTo(BoneCell.All));
            Assert.That(FerroptosisModel.Version2.CellTypes, Is.EqualTo(BoneCell.AllWithPrecursor));
        });
    }

    [Test]
    public void Every_parameter_set_of_every_version_names_parameters_of_its_base_model()
    {
        // A parameter set that names a parameter its base model lacks would fail only when that cell is first simulated.
        Assert.Multiple(() =>
        {
            foreach (var model in FerroptosisModel.All)
            {
                var ids = model.Compiled.ParameterIds;
                foreach (var cell in model.CellTypes)
                {
                    Assert.That(cell.ParametersIn(model).Keys, Is.SubsetOf(ids), $"{model.Folder}/{cell.ParameterFile}");
                }
            }
        });
    }

    [Test]
    public void A_remodelling_run_names_the_cell_model_version()
    {
        var options = new RemodellingOptions { CellOptions = new CellSimulationOptions { Model = FerroptosisModel.Version1 } };
        Assert.Multiple(() =>
        {
            Assert.That(BoneRemodelling.RunPopulation(DeathRates.None, TimeSpan.FromDays(1), options).CellModel, Is.SameAs(FerroptosisModel.Version1));
            Assert.That(BoneRemodelling.RunPopulation(DeathRates.None, TimeSpan.FromDays(1)).CellModel, Is.SameAs(FerroptosisModel.Version2));
            var v2 = new RemodellingOptions { CellOptions = new CellSimulationOptions { Model = FerroptosisModel.Version2 } };
            Assert.That(BoneRemodelling.RunPopulation(DeathRates.None, TimeSpan.FromDays(1), v2).CellModel, Is.SameAs(FerroptosisModel.Version2));
        });
    }

    [Test]
    public void Dexamethasone_makes_the_glucocorticoid_changes_of_the_model_version_a_run_uses()
    {
        var dex = Perturbation.Dexamethasone(1);
        double effect = 1 / 1.01;
        double Gpx4(FerroptosisModel model) => dex.ChangesIn(model).Single(c => c.Parameter == "c_GPX4").Value;
        double Scenario(FerroptosisModel model) => DiseaseScenario.Glucocorticoid.InVitroIn(model).Single(c => c.Parameter == "c_GPX4").Value;
        var v1 = FerroptosisSimulation.Run(BoneCell.Osteoblast, [dex], TimeSpan.FromHours(24), new CellSimulationOptions { Model = FerroptosisModel.Version1 });
        var v1Scenario = FerroptosisSimulation.Run(BoneCell.Osteoblast, [], TimeSpan.FromHours(24), new CellSimulationOptions { Model = FerroptosisModel.Version1, Scenario = DiseaseScenario.Glucocorticoid });
        var v2 = FerroptosisSimulation.Run(BoneCell.Osteoblast, [dex], TimeSpan.FromHours(24), new CellSimulationOptions { Model = FerroptosisModel.Version2 });
        var v2Scenario = FerroptosisSimulation.Run(BoneCell.Osteoblast, [], TimeSpan.FromHours(24), new CellSimulationOptions { Model = FerroptosisModel.Version2, Scenario = DiseaseScenario.Glucocorticoid });
        Assert.Multiple(() =>
        {
            Assert.That(Scenario(FerroptosisModel.Version1), Is.Not.EqualTo(Scenario(FerroptosisModel.Version2)), "the versions' glucocorticoid magnitudes differ");
            Assert.That(Gpx4(FerroptosisModel.Version1), Is.EqualTo(1 - (effect * (1 - Scenario(FerroptosisModel.Version1)))).Within(1e-12));
            Assert.That(Gpx4(FerroptosisModel.Version2), Is.EqualTo(1 - (effect * (1 - Scenario(FerroptosisModel.Version2)))).Within(1e-12));
            Assert.That(dex.Changes, Is.EqualTo(dex.ChangesIn(FerroptosisModel.Default)));
            // At 1 µM the graded effect is 99 %: each version's dexamethasone run follows that version's scenario, not the other's.
            Assert.That(v1.Quantity("GPX4")[^1], Is.EqualTo(v1Scenario.Quantity("GPX4")[^1]).Within(0.01));
            Assert.That(v2.Quantity("GPX4")[^1], Is.EqualTo(v2Scenario.Quantity("GPX4")[^1]).Within(0.01));
            Assert.That(Math.Abs(v2.Quantity("GPX4")[^1] - v1Scenario.Quantity("GPX4")[^1]), Is.GreaterThan(0.02));
        });
    }
}
