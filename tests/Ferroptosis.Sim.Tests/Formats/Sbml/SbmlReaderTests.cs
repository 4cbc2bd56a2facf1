using Ferroptosis.Sim.Formats.Sbml;
using Ferroptosis.Sim.Modeling;
using Ferroptosis.Sim.Modeling.Networks;

namespace Ferroptosis.Sim.Tests.Formats.Sbml;

/// <summary>The SBML structure: components, the defaults of each level, renamed ids and what is rejected.</summary>
public sealed class SbmlReaderTests
{
    private static readonly string Decay = SbmlText.Math("<apply><times/><ci>k</ci><ci>S</ci></apply>");

    [Test]
    public void Level3Model_BecomesANetworkWithTheSameComponents()
    {
        string xml = SbmlText.L3($"""
            <listOfCompartments><compartment id="c" spatialDimensions="3" size="2" constant="true"/></listOfCompartments>
            <listOfSpecies>
              <species id="S" compartment="c" initialConcentration="1.5" hasOnlySubstanceUnits="false" boundaryCondition="false" constant="false"/>
              <species id="P" compartment="c" initialAmount="0" hasOnlySubstanceUnits="true" boundaryCondition="false" constant="false" conversionFactor="f"/>
            </listOfSpecies>
            <listOfParameters>
              <parameter id="k" value="0.5" constant="true"/><parameter id="f" value="2" constant="true"/><parameter id="u" constant="false"/>
            </listOfParameters>
            <listOfReactions>
              <reaction id="J" reversible="false">
                <listOfReactants><speciesReference species="S" stoichiometry="2" constant="true"/></listOfReactants>
                <listOfProducts><speciesReference id="sr" species="P" stoichiometry="1" constant="true"/></listOfProducts>
                <kineticLaw>{Decay}<listOfLocalParameters><localParameter id="k" value="3"/></listOfLocalParameters></kineticLaw>
              </reaction>
            </listOfReactions>
            """);
        var document = SbmlReader.Parse(xml);
        var network = document.Network;
        Assert.Multiple(() =>
        {
            Assert.That(document.Level, Is.EqualTo(3));
            Assert.That(document.Version, Is.EqualTo(2));
            Assert.That(network.Id, Is.EqualTo("m"));
            Assert.That(network.Compartments, Is.EqualTo(new[] { new Compartment("c", 2) }));
            Assert.That(network.Species, Is.EqualTo(new[]
            {
                new Species("S", "c", 1.5),
                new Species("P", "c", 0, InitialIsConcentration: false, HasOnlySubstanceUnits: true, ConversionFactor: "f"),
            }));
            Assert.That(network.FindParameter("u")!.Value, Is.NaN, "a parameter without value is undefined");
            var reaction = network.Reactions.Single();
            Assert.That(reaction.Reactants, Is.EqualTo(new[] { new SpeciesReference("S", 2) }));
            Assert.That(reaction.Products, Is.EqualTo(new[] { new SpeciesReference("P", 1, "sr") }));
            Assert.That(reaction.LocalParameters["k"], Is.EqualTo(3), "the local k shadows the global one");
            Assert.That(reaction.IsReversible, Is.False);
            Assert.That(network.KindOf("sr"), Is.EqualTo(SymbolKind.SpeciesReference));
        });
    }

    [Test]
    public void Level2Model_UsesTheLevel2Defaults()
    {
        string xml = SbmlText.L2($"""
            <listOfCompartments><compartment id="c" size="1"/><compartment id="point" spatialDimensions="0"/></listOfCompartments>
            <listOfSpecies><species id="S" compartment="c" initialAmount="1"/><species id="Z" compartment="point" initialAmount="2"/></listOfSpecies>
            <listOfParameters><parameter id="k" value="1"/></listOfParameters>
            <listOfReactions>
              <reaction id="J"><listOfReactants><speciesReference species="S"/></listOfReactants><kineticLaw>{Decay}<listOfParameters><parameter id="q" value="4"/></listOfParameters></kineticLaw></reaction>
            </listOfReactions>
            <listOfEvents>
              <event id="E"><trigger>{SbmlText.Math("<apply><lt/><ci>S</ci><cn>0.5</cn></apply>")}</trigger>
                <listOfEventAssignments><eventAssignment variable="S">{SbmlText.Math("<cn>1</cn>")}</eventAssignment></listOfEventAssignments></event>
            </listOfEvents>
            """);
        var network = SbmlReader.Parse(xml).Network;
        Assert.Multiple(() =>
        {
            Assert.That(network.FindCompartment("c")!.IsConstant, Is.True);
            Assert.That(network.FindCompartment("point")!.Size, Is.EqualTo(1), "a dimensionless compartment has no size; 1 leaves amounts unchanged");
            Assert.That(network.FindSpecies("S"), Is.EqualTo(new Species("S", "c", 1, InitialIsConcentration: false)));
            Assert.That(network.FindSpecies("Z")!.HasOnlySubstanceUnits, Is.True, "Level 2: a species in a 0-D compartment is an amount");
            Assert.That(network.FindParameter("k")!.IsConstant, Is.True);
            Assert.That(network.Reactions[0].IsReversible, Is.True);
            Assert.That(network.Reactions[0].Reactants[0].Stoichiometry, Is.EqualTo(1));
            Assert.That(network.Reactions[0].LocalParameters["q"], Is.EqualTo(4));
            var e = network.Events.Single();
            Assert.That((e.TriggerInitialValue, e.IsPersistent, e.UseValuesFromTriggerTime), Is.EqualTo((true, true, true)));
        });
    }

    [Test]
    public void IdsTheExpressionLayerReserves_AreRenamed_AndTheDocumentMapsThem()
    {
        string xml = SbmlText.L3($"""
            <listOfFunctionDefinitions><functionDefinition id="sin">{SbmlText.Math("<lambda><bvar><ci>pi</ci></bvar><apply><times/><cn>2</cn><ci>pi</ci></apply></lambda>")}</functionDefinition></listOfFunctionDefinitions>
            <listOfParameters>
              <parameter id="time" value="10" constant="true"/><parameter id="INF" value="1" constant="true"/><parameter id="INF_" value="2" constant="true"/>
              <parameter id="p" constant="true"/>
            </listOfParameters>
            <listOfInitialAssignments><initialAssignment symbol="p">{SbmlText.Math("<apply><plus/><ci>time</ci><ci>INF</ci><apply><ci>sin</ci><pi/></apply></apply>")}</initialAssignment></listOfInitialAssignments>
            """);
        var document = SbmlReader.Parse(xml);
        Assert.That(document.RenamedIds, Is.EquivalentTo(new Dictionary<string, string> { ["time"] = "time_", ["INF"] = "INF__2", ["sin"] = "sin_" }));
        Assert.That(document.NetworkId("INF"), Is.EqualTo("INF__2"));
        Assert.That(document.NetworkId("INF_"), Is.EqualTo("INF_"));
        Assert.That(document.Network.InitialAssignments[0].Expression.ToString(), Is.EqualTo("time_ + INF__2 + sin_(pi)"));
        Assert.That(document.Network.Functions[0].ToString(), Is.EqualTo("sin_(pi_) = 2 * pi_"));
    }

    [TestCase("<listOfRules><algebraicRule><math xmlns=\"http://www.w3.org/1998/Math/MathML\"><cn>0</cn></math></algebraicRule></listOfRules>", "Algebraic rules are not supported")]
    [TestCase("<listOfReactions><reaction id=\"R\" reversible=\"false\"/></listOfReactions>", "Reaction 'R' has no kinetic law")]
    [TestCase("<listOfConstraintz/>", "<listOfConstraintz> cannot appear in <model>")]
    public void UnsupportedOrUnknownElements_AreRejectedByName(string model, string message)
    {
        var e = Assert.Throws<SbmlFormatException>(() => SbmlReader.Parse(SbmlText.L3(model)));
        Assert.That(e!.Message, Does.Contain(message));
        Assert.That(e.Line, Is.Positive);
    }

    [Test]
    public void EventDelays_AreRead_AndUnsupportedFeaturesAreNamed()
    {
        string xml = SbmlText.L3("<listOfParameters><parameter id=\"x\" value=\"0\" constant=\"false\"/></listOfParameters><listOfEvents><event id=\"E\" useValuesFromTriggerTime=\"true\"><trigger initialValue=\"true\" persistent=\"true\">" + SbmlText.Math("<true/>") + "</trigger><delay>" + SbmlText.Math("<cn>1.5</cn>") + "</delay></event></listOfEvents>");
        Assert.That(SbmlReader.Parse(xml).Network.Events[0].Delay?.ToString(), Is.EqualTo("1.5"));
        var e = Assert.Throws<SbmlFormatException>(() => SbmlReader.Parse(SbmlText.L3("<listOfRules><algebraicRule>" + SbmlText.Math("<cn>0</cn>") + "</algebraicRule></listOfRules>")));
        Assert.That(e!.UnsupportedFeature, Is.EqualTo("algebraic rule"));
    }

    [Test]
    public void AlgebraicRule_LinearInTheOneVariableItDetermines_BecomesAnAssignmentRule_AndANonlinearOneIsRefused()
    {
        // x is the only non-constant quantity that nothing else determines; 0 = 2·x + k − 4 gives x = (4 − k)/2.
        string Model(string math) => SbmlText.L3(
            "<listOfParameters><parameter id=\"k\" value=\"1\" constant=\"true\"/><parameter id=\"x\" constant=\"false\"/></listOfParameters><listOfRules><algebraicRule>"
            + SbmlText.Math(math) + "</algebraicRule></listOfRules>");
        var network = SbmlReader.Parse(Model("<apply><minus/><apply><plus/><apply><times/><cn>2</cn><ci>x</ci></apply><ci>k</ci></apply><cn>4</cn></apply>")).Network;
        var rule = network.FindAssignmentRule("x")!;
        Assert.That(rule.Expression.Evaluate(name => name == "k" ? 1 : double.NaN, network.FunctionLibrary), Is.EqualTo(1.5));
        var e = Assert.Throws<SbmlFormatException>(() => SbmlReader.Parse(Model("<apply><minus/><apply><times/><ci>x</ci><ci>x</ci></apply><ci>k</ci></apply>")));
        Assert.That(e!.UnsupportedFeature, Is.EqualTo("algebraic rule"));
        Assert.That(e.Message, Does.Contain("not linear"));
    }

    [Test]
    public void AlgebraicRule_PassesOverEventTargets_AndReplacesRateOfByTheRateItDenotes()
    {
        // 0 = Q + R − S: Q and R are changed by an event, so the rule determines S = Q + R.
        string events = "<listOfEvents><event id=\"E\" useValuesFromTriggerTime=\"true\"><trigger initialValue=\"true\" persistent=\"true\">" + SbmlText.Math("<true/>")
            + "</trigger><listOfEventAssignments><eventAssignment variable=\"Q\">" + SbmlText.Math("<cn>1</cn>") + "</eventAssignment><eventAssignment variable=\"R\">"
            + SbmlText.Math("<cn>2</cn>") + "</eventAssignment></listOfEventAssignments></event></listOfEvents>";
        var network = SbmlReader.Parse(SbmlText.L3(
            "<listOfParameters><parameter id=\"Q\" value=\"0\" constant=\"false\"/><parameter id=\"R\" value=\"0\" constant=\"false\"/><parameter id=\"S\" constant=\"false\"/></listOfParameters><listOfRules><algebraicRule>"
            + SbmlText.Math("<apply><minus/><apply><plus/><ci>Q</ci><ci>R</ci></apply><ci>S</ci></apply>") + "</algebraicRule></listOfRules>" + events)).Network;
        Assert.That(network.FindAssignmentRule("S")!.Expression.Evaluate(name => name == "Q" ? 1 : name == "R" ? 2 : double.NaN, network.FunctionLibrary), Is.EqualTo(3));

        // 0 = rateOf(S1) − P1 with dS1/dt = 2 gives P1 = 2; the rate of the determined quantity itself is refused.
        const string RateOf = "<csymbol encoding=\"text\" definitionURL=\"http://www.sbml.org/sbml/symbols/rateOf\">rateOf</csymbol>";
        string Model(string of) => SbmlText.L3(
            "<listOfParameters><parameter id=\"S1\" value=\"1\" constant=\"false\"/><parameter id=\"P1\" constant=\"false\"/></listOfParameters><listOfRules><rateRule variable=\"S1\">"
            + SbmlText.Math("<cn>2</cn>") + "</rateRule><algebraicRule>" + SbmlText.Math($"<apply><minus/><apply>{RateOf}<ci>{of}</ci></apply><ci>P1</ci></apply>") + "</algebraicRule></listOfRules>");
        Assert.That(SbmlReader.Parse(Model("S1")).Network.FindAssignmentRule("P1")!.Expression.ToString(), Is.EqualTo("2"));
        var e = Assert.Throws<SbmlFormatException>(() => SbmlReader.Parse(Model("P1")));
        Assert.That(e!.UnsupportedFeature, Is.EqualTo("algebraic rule"));
    }

    [Test]
    public void RateOf_BecomesTheRateOfItsArgument_AndTheRateOfARuleIsRefusedByName()
    {
        const string RateOf = "<csymbol encoding=\"text\" definitionURL=\"http://www.sbml.org/sbml/symbols/rateOf\">rateOf</csymbol>";
        string Model(string rule) => SbmlText.L3(
            "<listOfParameters><parameter id=\"k\" value=\"1\" constant=\"false\"/><parameter id=\"r\" value=\"0\" constant=\"false\"/></listOfParameters><listOfRules>"
            + rule
            + "<assignmentRule variable=\"r\">" + SbmlText.Math($"<apply>{RateOf}<ci>k</ci></apply>") + "</assignmentRule></listOfRules>");

        // k has the rate rule dk/dt = 2 + time, so rateOf(k) is that rule's math.
        var network = SbmlReader.Parse(Model("<rateRule variable=\"k\">" + SbmlText.Math("<apply><plus/><cn>2</cn><csymbol encoding=\"text\" definitionURL=\"http://www.sbml.org/sbml/symbols/time\">t</csymbol></apply>") + "</rateRule>")).Network;
        Assert.That(network.FindAssignmentRule("r")!.Expression.ToString(), Is.EqualTo("time + 2"));
        var e = Assert.Throws<SbmlFormatException>(() => SbmlReader.Parse(Model("<assignmentRule variable=\"k\">" + SbmlText.Math("<cn>3</cn>") + "</assignmentRule>")));
        Assert.That(e!.UnsupportedFeature, Is.EqualTo("csymbol rateOf"));
        Assert.That(e.Message, Does.Contain("'k' is defined by an assignment rule"));
    }

    [Test]
    public void FastReactions_AreReadAsFast_AndAreNotWrittenAsLevel3Version2()
    {
        string xml = SbmlText.L3($"""<listOfReactions><reaction id="R" reversible="false" fast="true"><kineticLaw>{SbmlText.Math("<cn>1</cn>")}</kineticLaw></reaction></listOfReactions>""", version: 1);
        var network = SbmlReader.Parse(xml).Network;
        Assert.That(network.Reactions[0].IsFast, Is.True);
        Assert.That(() => SbmlWriter.ToXml(network), Throws.TypeOf<NotSupportedException>().With.Message.Contains("Reaction 'R' is fast"));
    }

    [TestCase("http://www.sbml.org/sbml/level3/version1/comp/version1", "'comp'")]
    [TestCase("http://www.sbml.org/sbml/level3/version1/fbc/version2", "'fbc'")]
    public void Level3Packages_AreRejectedByName(string uri, string name)
    {
        string xml = $"""<sbml xmlns="http://www.sbml.org/sbml/level3/version1/core" xmlns:pkg="{uri}" level="3" version="1" pkg:required="true"><model id="m"/></sbml>""";
        var e = Assert.Throws<SbmlFormatException>(() => SbmlReader.Parse(xml));
        Assert.That(e!.Message, Does.Contain($"package {name}"));
        Assert.That(e.IsUnsupportedFeature, Is.True);
    }

    [TestCase(1, 2)]
    [TestCase(2, 6)]
    [TestCase(3, 3)]
    public void OtherLevelsAndVersions_AreRejected(int level, int version)
    {
        string xml = $"""<sbml xmlns="http://www.sbml.org/sbml/level{level}" level="{level}" version="{version}"><model id="m"/></sbml>""";
        var e = Assert.Throws<SbmlFormatException>(() => SbmlReader.Parse(xml));
        Assert.That(e!.Message, Does.Contain($"SBML Level {level} Version {version} is not supported"));
    }

    [Test]
    public void MissingRequiredLevel3Attribute_IsNamed_WithItsElementAndLine()
    {
        string xml = SbmlText.L3("""<listOfParameters><parameter id="k" value="1"/></listOfParameters>""");
        var e = Assert.Throws<SbmlFormatException>(() => SbmlReader.Parse(xml));
        Assert.That(e!.Message, Is.EqualTo("<parameter id=\"k\"> has no 'constant' attribute, which SBML Level 3 requires at line 4, position 20"));
        Assert.That((e.Line, e.Position), Is.EqualTo((4, 20)));
    }

    [Test]
    public void UndefinedSymbols_AreReportedTogether_FromNetworkValidation()
    {
        string xml = SbmlText.InitialAssignment("<apply><plus/><ci>a</ci><ci>b</ci></apply>");
        var e = Assert.Throws<SbmlFormatException>(() => SbmlReader.Parse(xml));
        Assert.That(e!.Message, Does.StartWith("The SBML model is not valid:"));
        Assert.That(e.InnerException, Is.TypeOf<ModelValidationException>());
        Assert.That(((ModelValidationException)e.InnerException!).Problems, Has.Count.EqualTo(2));
    }

    [Test]
    public void MissingMath_InLevel3Version2_AssignsNothing()
    {
        string xml = SbmlText.L3("""
            <listOfParameters><parameter id="p" value="3" constant="false"/></listOfParameters>
            <listOfInitialAssignments><initialAssignment symbol="p"/></listOfInitialAssignments>
            <listOfRules><rateRule variable="p"/></listOfRules>
            """);
        var network = SbmlReader.Parse(xml).Network;
        Assert.That(network.InitialAssignments, Is.Empty);
        Assert.That(network.RateRules, Is.Empty);
    }

    [Test]
    public void ReadFile_AndStream_ReadTheSameDocument()
    {
        string path = TestData.L3File("00001");
        using var stream = File.OpenRead(path);
        Assert.That(NetworkDifference.Find(SbmlReader.ReadFile(path).Network, SbmlReader.Read(stream).Network), Is.Null);
    }
}
