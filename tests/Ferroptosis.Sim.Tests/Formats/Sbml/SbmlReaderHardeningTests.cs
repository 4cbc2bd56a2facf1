using System.Collections.Concurrent;
using Ferroptosis.Sim.Formats.Sbml;
using Ferroptosis.Sim.Formats.Sbml.TestSuite;
using Ferroptosis.Sim.Modeling;
using Ferroptosis.Sim.Modeling.Compilation;
using Ferroptosis.Sim.Modeling.Simulation;

namespace Ferroptosis.Sim.Tests.Formats.Sbml;

/// <summary>Inputs the reader once refused or misread: function definitions without math, SBML Level 2 Versions 1–3, stoichiometryMath, optional packages, undefined initial values and numbers beyond the double range.</summary>
public sealed class SbmlReaderHardeningTests
{
    private const string Species = """
        <listOfCompartments><compartment id="c" size="1" constant="true" spatialDimensions="3"/></listOfCompartments>
        <listOfSpecies><species id="S" compartment="c" initialAmount="1" hasOnlySubstanceUnits="false" boundaryCondition="false" constant="false"/></listOfSpecies>
        """;

    private static string Reaction(string rate) => $"""
        <listOfReactions><reaction id="R" reversible="false"><listOfReactants><speciesReference species="S" stoichiometry="1" constant="true"/></listOfReactants><kineticLaw>{SbmlText.Math(rate)}</kineticLaw></reaction></listOfReactions>
        """;

    [Test]
    public void FunctionDefinitionWithoutMath_InLevel3Version2_IsAcceptedWhileUnused()
    {
        string xml = SbmlText.L3($"""
            <listOfFunctionDefinitions><functionDefinition id="unused"/><functionDefinition id="twice">{SbmlText.Math("<lambda><bvar><ci>x</ci></bvar><apply><times/><cn>2</cn><ci>x</ci></apply></lambda>")}</functionDefinition></listOfFunctionDefinitions>
            {Species}
            {Reaction("<apply><ci>twice</ci><ci>S</ci></apply>")}
            """);
        var network = SbmlReader.Parse(xml).Network;
        Assert.That(network.Functions.Select(f => f.Name), Is.EqualTo(new[] { "twice" }));
        Assert.That(ModelCompiler.Compile(network).Dimension, Is.EqualTo(1));
    }

    [TestCase("<apply><ci>empty</ci><ci>S</ci></apply>", "", TestName = "CalledFromAKineticLaw")]
    [TestCase("<apply><ci>wrapper</ci><ci>S</ci></apply>", "<functionDefinition id=\"wrapper\"><math xmlns=\"http://www.w3.org/1998/Math/MathML\"><lambda><bvar><ci>x</ci></bvar><apply><ci>empty</ci><ci>x</ci></apply></lambda></math></functionDefinition>", TestName = "CalledFromAnotherFunction")]
    public void FunctionDefinitionWithoutMath_IsRefusedWhereItIsCalled_ByName(string rate, string otherFunction)
    {
        string xml = SbmlText.L3($"""
            <listOfFunctionDefinitions><functionDefinition id="empty"/>{otherFunction}</listOfFunctionDefinitions>
            {Species}
            {Reaction(rate)}
            """);
        var e = Assert.Throws<SbmlFormatException>(() => SbmlReader.Parse(xml));
        Assert.That(e!.Message, Does.StartWith("Function 'empty' is called, but its function definition has no <math>, so its value is undefined at line"));
        Assert.That(e.Line, Is.Positive);
    }

    [Test]
    public void FunctionDefinitionWithoutMath_BeforeLevel3Version2_IsInvalid()
    {
        string xml = SbmlText.L3("<listOfFunctionDefinitions><functionDefinition id=\"empty\"/></listOfFunctionDefinitions>", version: 1);
        var e = Assert.Throws<SbmlFormatException>(() => SbmlReader.Parse(xml));
        Assert.That(e!.Message, Does.StartWith("The function definition 'empty' has no <math>, which SBML Level 3 Version 1 requires"));
    }

    [Test]
    public void Level2Version1_WithItsOwnAttributes_ReadsAndSimulates()
    {
        // Level 2 Version 1: namespace without a version, units attributes on the kinetic law, no useValuesFromTriggerTime.
        const string xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <sbml xmlns="http://www.sbml.org/sbml/level2" level="2" version="1">
              <model id="decay">
                <listOfCompartments><compartment id="cell" size="2"/></listOfCompartments>
                <listOfSpecies><species id="A" compartment="cell" initialConcentration="3" spatialSizeUnits="volume" charge="0"/></listOfSpecies>
                <listOfParameters><parameter id="k" value="0.5"/></listOfParameters>
                <listOfReactions>
                  <reaction id="R" reversible="false">
                    <listOfReactants><speciesReference species="A"/></listOfReactants>
                    <kineticLaw timeUnits="second" substanceUnits="mole">
                      <math xmlns="http://www.w3.org/1998/Math/MathML"><apply><times/><ci>k</ci><ci>A</ci><ci>cell</ci></apply></math>
                    </kineticLaw>
                  </reaction>
                </listOfReactions>
              </model>
            </sbml>
            """;
        var document = SbmlReader.Parse(xml);
        Assert.That((document.Level, document.Version), Is.EqualTo((2, 1)));
        var result = Simulator.Simulate(ModelCompiler.Compile(document.Network), new SimulationSettings { EndTime = 2, OutputPoints = 3, Outputs = ["A"] });
        Assert.That(result.GetColumn("A")[^1], Is.EqualTo(3 * Math.Exp(-1)).Within(1e-6));
    }

    [Test]
    public void Level2Version1_RefusesElementsThatCameWithVersion2()
    {
        const string xml = """<sbml xmlns="http://www.sbml.org/sbml/level2" level="2" version="1"><model id="m"><listOfInitialAssignments/></model></sbml>""";
        var e = Assert.Throws<SbmlFormatException>(() => SbmlReader.Parse(xml));
        Assert.That(e!.Message, Does.StartWith("<listOfInitialAssignments> is not part of SBML Level 2 Version 1"));
    }

    [TestCase(1)]
    [TestCase(2)]
    [TestCase(3)]
    public void Level2Versions1To3_OfEveryTestSuiteModel_ReadAsTheirVersion4File_AndPassTheCase(int version)
    {
        // The Level 2 Version 4 files declared as an earlier version (Version 1 only where the file uses nothing newer):
        // the same network, and the case still passes.
        var runner = new SbmlTestSuiteRunner();
        var problems = new ConcurrentBag<string>();
        int count = 0;
        Parallel.ForEach(SbmlTestSuiteRunner.FindCaseFolders(TestData.SbmlTestSuite), folder =>
        {
            if (SbmlTestSuiteRunner.ModelFile(folder, SbmlTestLevel.L2V4) is not { } file)
            {
                return;
            }

            string text = File.ReadAllText(file);
            if (version == 1 && (text.Contains("listOfInitialAssignments", StringComparison.Ordinal) || text.Contains("listOfConstraints", StringComparison.Ordinal)))
            {
                return;
            }

            string older = text
                .Replace("http://www.sbml.org/sbml/level2/version4", version == 1 ? "http://www.sbml.org/sbml/level2" : $"http://www.sbml.org/sbml/level2/version{version}", StringComparison.Ordinal)
                .Replace("version=\"4\"", $"version=\"{version}\"", StringComparison.Ordinal);
            var original = SbmlReader.ReadFile(file);
            var document = SbmlReader.Parse(older);
            Interlocked.Increment(ref count);
            if (document.Version != version || NetworkDifference.Find(original.Network, document.Network) is { } difference)
            {
                problems.Add($"{Path.GetFileName(folder)}: read as version {document.Version}, difference {NetworkDifference.Find(original.Network, document.Network)}");
                return;
            }

            var result = runner.RunDocument(folder, document, $"L2V{version} copy");
            if (!result.Passed)
            {
                problems.Add(result.ToString());
            }
        });
        Assert.That(problems.Order(StringComparer.Ordinal), Is.Empty);
        Assert.That(count, Is.GreaterThan(version == 1 ? 300 : 600));
    }

    [Test]
    public void StoichiometryMath_IsTheStoichiometryAtEveryMoment()
    {
        // => P at rate 1 with stoichiometry time: dP/dt = t, so P(t) = t²/2; and a constant stoichiometryMath equals the attribute.
        string Model(string reference) => SbmlText.L2($"""
            <listOfCompartments><compartment id="c" size="1"/></listOfCompartments>
            <listOfSpecies><species id="P" compartment="c" initialAmount="0" hasOnlySubstanceUnits="true"/><species id="Q" compartment="c" initialAmount="0" hasOnlySubstanceUnits="true"/></listOfSpecies>
            <listOfReactions>
              <reaction id="R" reversible="false"><listOfProducts><speciesReference species="P"><stoichiometryMath>{SbmlText.Math("<csymbol encoding=\"text\" definitionURL=\"http://www.sbml.org/sbml/symbols/time\">t</csymbol>")}</stoichiometryMath></speciesReference></listOfProducts><kineticLaw>{SbmlText.Math("<cn>1</cn>")}</kineticLaw></reaction>
              <reaction id="R2" reversible="false"><listOfProducts>{reference}</listOfProducts><kineticLaw>{SbmlText.Math("<cn>1</cn>")}</kineticLaw></reaction>
            </listOfReactions>
            """);
        var withMath = SbmlReader.Parse(Model($"""<speciesReference species="Q"><stoichiometryMath>{SbmlText.Math("<cn>3</cn>")}</stoichiometryMath></speciesReference>"""));
        var withAttribute = SbmlReader.Parse(Model("""<speciesReference species="Q" stoichiometry="3"/>"""));
        var settings = new SimulationSettings { EndTime = 2, OutputPoints = 5, Outputs = ["P", "Q"], RelativeTolerance = 1e-10, AbsoluteTolerance = 1e-12 };
        var result = Simulator.Simulate(ModelCompiler.Compile(withMath.Network), settings);
        var reference = Simulator.Simulate(ModelCompiler.Compile(withAttribute.Network), settings);
        Assert.That(result.GetColumn("P")[^1], Is.EqualTo(2.0).Within(1e-8));
        Assert.That(result.GetColumn("Q"), Is.EqualTo(reference.GetColumn("Q")).Within(1e-9));
        Assert.That(withMath.Network.AssignmentRules.Select(r => r.Variable), Is.EqualTo(new[] { "R_P_stoichiometry", "R2_Q_stoichiometry" }));

        // Written as Level 3 (a species reference with an id and an assignment rule), it reads back to the same network.
        Assert.That(NetworkDifference.Find(withMath.Network, SbmlReader.Parse(SbmlWriter.ToXml(withMath.Network)).Network), Is.Null);
    }

    [Test]
    public void StoichiometryMath_InLevel3_IsRefusedByName()
    {
        string xml = SbmlText.L3($"""
            {Species}
            <listOfReactions><reaction id="R" reversible="false"><listOfReactants><speciesReference species="S" constant="false"><stoichiometryMath>{SbmlText.Math("<cn>2</cn>")}</stoichiometryMath></speciesReference></listOfReactants><kineticLaw>{SbmlText.Math("<cn>1</cn>")}</kineticLaw></reaction></listOfReactions>
            """);
        var e = Assert.Throws<SbmlFormatException>(() => SbmlReader.Parse(xml));
        Assert.That(e!.Message, Does.StartWith("<stoichiometryMath> of species 'S' in reaction 'R' is not part of SBML Level 3"));
    }

    [Test]
    public void PackageMarkedNotRequired_IsIgnoredWithAWarning()
    {
        const string uri = "http://www.sbml.org/sbml/level3/version1/groups/version1";
        string xml = $"""
            <sbml xmlns="http://www.sbml.org/sbml/level3/version2/core" xmlns:groups="{uri}" level="3" version="2" groups:required="false">
              <model id="m">
                <listOfCompartments><compartment id="c" size="1" constant="true"/></listOfCompartments>
                <listOfSpecies><species id="S" compartment="c" initialAmount="1" hasOnlySubstanceUnits="false" boundaryCondition="false" constant="false" groups:note="x"/></listOfSpecies>
                <groups:listOfGroups><groups:group groups:kind="collection"/></groups:listOfGroups>
              </model>
            </sbml>
            """;
        var document = SbmlReader.Parse(xml);
        Assert.That(document.Network.Species, Has.Count.EqualTo(1));
        Assert.That(document.Warnings, Has.Count.EqualTo(1));
        Assert.That(document.Warnings[0], Does.StartWith("The SBML Level 3 package 'groups'").And.Contain("ignored"));

        var e = Assert.Throws<SbmlFormatException>(() => SbmlReader.Parse(xml.Replace("groups:required=\"false\"", "groups:required=\"true\"", StringComparison.Ordinal)));
        Assert.That(e!.Message, Does.Contain("package 'groups'"));
    }

    [Test]
    public void UndefinedInitialValue_IsReportedWithTheSpeciesName()
    {
        string xml = SbmlText.L3("""
            <listOfCompartments><compartment id="c" size="1" constant="true"/></listOfCompartments>
            <listOfSpecies>
              <species id="A" compartment="c" initialAmount="1" hasOnlySubstanceUnits="false" boundaryCondition="false" constant="false"/>
              <species id="B" compartment="c" hasOnlySubstanceUnits="false" boundaryCondition="false" constant="false"/>
            </listOfSpecies>
            <listOfReactions><reaction id="R" reversible="false"><listOfReactants><speciesReference species="A" stoichiometry="1" constant="true"/></listOfReactants><listOfProducts><speciesReference species="B" stoichiometry="1" constant="true"/></listOfProducts><kineticLaw><math xmlns="http://www.w3.org/1998/Math/MathML"><ci>A</ci></math></kineticLaw></reaction></listOfReactions>
            """);
        var model = ModelCompiler.Compile(SbmlReader.Parse(xml).Network);
        var e = Assert.Throws<ModelValidationException>(() => Simulator.Simulate(model, new SimulationSettings { EndTime = 1 }));
        Assert.That(e!.Message, Does.StartWith("The initial value of species 'B' is undefined (NaN)"));
    }

    [TestCase("""<listOfParameters><parameter id="p" value="1e400" constant="true"/></listOfParameters>""", "The 'value' attribute of <parameter id=\"p\"> is '1e400', beyond the range of a double")]
    [TestCase("""<listOfParameters><parameter id="p" value="-2.5E+999" constant="true"/></listOfParameters>""", "The 'value' attribute of <parameter id=\"p\"> is '-2.5E+999', beyond the range of a double")]
    [TestCase("""<listOfParameters><parameter id="p" constant="true"/></listOfParameters><listOfInitialAssignments><initialAssignment symbol="p"><math xmlns="http://www.w3.org/1998/Math/MathML"><cn>1e400</cn></math></initialAssignment></listOfInitialAssignments>""", "The number '1e400' in <cn> is beyond the range of a double")]
    [TestCase("""<listOfParameters><parameter id="p" constant="true"/></listOfParameters><listOfInitialAssignments><initialAssignment symbol="p"><math xmlns="http://www.w3.org/1998/Math/MathML"><cn type="e-notation">2<sep/>400</cn></math></initialAssignment></listOfInitialAssignments>""", "The number 2e400 in <cn type=\"e-notation\"> is beyond the range of a double")]
    public void NumberBeyondTheDoubleRange_IsAnErrorWithItsPlace(string model, string message)
    {
        var e = Assert.Throws<SbmlFormatException>(() => SbmlReader.Parse(SbmlText.L3(model)));
        Assert.That(e!.Message, Does.StartWith(message));
        Assert.That(e.Line, Is.Positive);
        Assert.That(e.Position, Is.Positive);
    }

    [Test]
    public void InfinityWritten_AsINF_IsStillInfinity()
    {
        var network = SbmlReader.Parse(SbmlText.L3("""<listOfParameters><parameter id="p" value="INF" constant="true"/><parameter id="q" value="-INF" constant="true"/></listOfParameters>""")).Network;
        Assert.That(network.Parameters.Select(p => p.Value), Is.EqualTo(new[] { double.PositiveInfinity, double.NegativeInfinity }));
    }
}
