using System.Xml.Linq;
using Ferroptosis.Sim.Formats.Antimony;
using Ferroptosis.Sim.Formats.Sbml;
using Ferroptosis.Sim.Ode;
using Ferroptosis.Sim.Pathway;
using Ferroptosis.Sim.Tests.Plotting;
using static Ferroptosis.Sim.Tests.Cli.CliTestKit;

namespace Ferroptosis.Sim.Tests.Cli;

/// <summary><c>ferrosim convert</c>, <c>validate</c> and <c>list</c>.</summary>
public sealed class ModelFileCommandTests : TempFolderTests
{
    [Test]
    public void Convert_AntimonyToSbmlAndBack_KeepsTheModel()
    {
        string ant = Path.Combine(Folder, "ferroptosis.ant"), xml = Path.Combine(Folder, "ferroptosis.xml"), back = Path.Combine(Folder, "back.ant");
        File.WriteAllText(ant, FerroptosisModel.Default.ReadFile(FerroptosisModel.BaseFile));

        var toSbml = Run("convert", ant, xml);
        var toAntimony = Run("convert", xml, back);

        Assert.That(toSbml.ExitCode, Is.Zero, toSbml.ToString());
        Assert.That(toAntimony.ExitCode, Is.Zero, toAntimony.ToString());
        var sbml = SbmlReader.ReadFile(xml).Network;
        var again = AntimonyReader.ReadFile(back);
        Assert.Multiple(() =>
        {
            Assert.That(XDocument.Load(xml).Root!.Name.LocalName, Is.EqualTo("sbml"));
            Assert.That(sbml.Species.Select(s => s.Id), Is.EqualTo(FerroptosisModel.Default.Network.Species.Select(s => s.Id)));
            Assert.That(again.Reactions.Select(r => r.Id), Is.EqualTo(FerroptosisModel.Default.Network.Reactions.Select(r => r.Id)));
            Assert.That(again.Parameters.Count, Is.EqualTo(FerroptosisModel.Default.Network.Parameters.Count));
            var network = FerroptosisModel.Default.Network;
            Assert.That(toSbml.Output, Does.Contain($"{network.Species.Count} species, {network.Reactions.Count} reactions"));
        });
    }

    [Test]
    public void Validate_AGoodFile_PrintsItsParts()
    {
        string path = Path.Combine(Folder, "decay.ant");
        File.WriteAllText(path, DecayModel);

        var run = Run("validate", path);

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.Zero, run.ToString());
            Assert.That(run.Output, Does.Contain("valid model 'decay' with 2 state variables"));
            Assert.That(run.Output, Does.Contain("J1, J2").And.Contain("k1, k2"));
            Assert.That(run.Error, Is.Empty);
        });
    }

    [TestCase("model bad\n  J1: A -> B; k1*A\n  A = 10; k1 = \nend\n", "bad.ant", "bad.ant:3:16: ")]
    [TestCase("model bad\n  J1: A -> B; k1*A +\n  A = 10; k1 = 1\nend\n", "bad.ant", "bad.ant:2:")]
    [TestCase("<?xml version=\"1.0\"?>\n<sbml><model>\n<listOfSpecies>", "bad.xml", "bad.xml:3:")]
    public void Validate_ABadFile_ReportsLineAndColumn_OnStderr(string text, string name, string place)
    {
        string path = Path.Combine(Folder, name);
        File.WriteAllText(path, text);

        var run = Run("validate", path);

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(1));
            Assert.That(run.Error, Does.StartWith($"error: {path[..^name.Length]}{place}"), run.Error);
            Assert.That(run.Output, Is.Empty);
        });
    }

    [Test]
    public void Validate_AnOptionalPackage_IsAWarningOnStderr_AndTheModelIsValid()
    {
        string path = Path.Combine(Folder, "groups.xml");
        File.WriteAllText(path, """
            <sbml xmlns="http://www.sbml.org/sbml/level3/version2/core" xmlns:groups="http://www.sbml.org/sbml/level3/version1/groups/version1" level="3" version="2" groups:required="false">
              <model id="m">
                <listOfCompartments><compartment id="c" size="1" constant="true"/></listOfCompartments>
                <listOfSpecies><species id="S" compartment="c" initialAmount="1" hasOnlySubstanceUnits="false" boundaryCondition="false" constant="false"/></listOfSpecies>
                <groups:listOfGroups/>
              </model>
            </sbml>
            """);

        var run = Run("validate", path);

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.Zero, run.ToString());
            Assert.That(run.Output, Does.Contain("valid model 'm'"));
            Assert.That(run.Error, Does.StartWith($"warning: {path}: The SBML Level 3 package 'groups'"));
        });
    }

    [Test]
    public void Validate_ARuleChainBeyondTheDepthLimit_IsAnErrorNamingTheLimit()
    {
        var rules = string.Join('\n', Enumerable.Range(1, 3000).Select(i => $"  a{i} := a{i - 1} + 1"));
        string path = Path.Combine(Folder, "chain.ant");
        File.WriteAllText(path, $"model chain\n  J1: S -> ; 0*a3000\n  S = 1\n  a0 = 1\n{rules}\nend\n");

        var run = Run("validate", path);

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(1), run.ToString());
            Assert.That(run.Error, Does.StartWith($"error: {path}: the model reads but does not compile: The assignment rule for 'a2000' is an expression"));
            Assert.That(run.Error, Does.Contain("at most 2000 are supported"));
            Assert.That(run.Error.Split('\n'), Has.Length.LessThan(4), "one message, no stack trace");
        });
    }

    [Test]
    public void List_NamesEveryCellTypeScenarioSolverAndDrug()
    {
        var run = Run("list");
        var parameters = Run("list", "parameters");

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.Zero, run.ToString());
            foreach (string name in BoneCell.All.Select(c => c.Name).Concat(DiseaseScenario.All.Select(s => s.Name)).Concat(OdeSolvers.All.Select(s => s.Name)).Concat(Perturbation.DrugNames))
            {
                Assert.That(run.Output, Does.Contain(name));
            }

            Assert.That(run.Output, Does.Contain("oxidative-stress").And.Contain("survival@T").And.Contain("ferroptosis"));
            Assert.That(parameters.Output, Does.Contain("IC50_ERA").And.Contain("K_fer1"));
        });
    }

    [Test]
    public void ListPerturbations_ShowsTheShortNamesThatWork()
    {
        var list = Run("list", "perturbations");

        Assert.Multiple(() =>
        {
            Assert.That(list.Output, Does.Contain("fer1, fer-1, ferrostatin").And.Contain("dfo, desferrioxamine").And.Contain("sfn").And.Contain("dex").And.Contain("ros"));
            foreach (string alias in new[] { "fer1", "dfo", "sfn", "dex" })
            {
                Assert.That(Perturbation.Drug(alias, 1).Name, Is.Not.EqualTo(alias), $"{alias} is an alias the --perturb option accepts");
            }
        });
    }
}
