using Ferroptosis.Sim.Formats.Sbml;

namespace Ferroptosis.Sim.Tests.Formats.Sbml;

/// <summary>The MathML subset of SBML, each construct against its value as defined by MathML 2.0 and SBML L3V2 §3.4.</summary>
public sealed class MathMLReaderTests
{
    [TestCase("<cn>2.5</cn>", 2.5)]
    [TestCase("<cn type=\"integer\"> -3 </cn>", -3)]
    [TestCase("<cn type=\"e-notation\">1.5<sep/>3</cn>", 1500)]
    [TestCase("<cn type=\"e-notation\">2<sep/>-2</cn>", 0.02)]
    [TestCase("<cn type=\"rational\">1<sep/>4</cn>", 0.25)]
    [TestCase("<pi/>", Math.PI)]
    [TestCase("<exponentiale/>", Math.E)]
    [TestCase("<true/>", 1)]
    [TestCase("<false/>", 0)]
    [TestCase("<infinity/>", double.PositiveInfinity)]
    [TestCase("<apply><minus/><infinity/></apply>", double.NegativeInfinity)]
    [TestCase("<apply><plus/></apply>", 0)]
    [TestCase("<apply><times/></apply>", 1)]
    [TestCase("<apply><plus/><cn>1</cn><cn>2</cn><cn>3</cn></apply>", 6)]
    [TestCase("<apply><minus/><cn>5</cn></apply>", -5)]
    [TestCase("<apply><minus/><cn>5</cn><cn>2</cn></apply>", 3)]
    [TestCase("<apply><divide/><cn>1</cn><cn>4</cn></apply>", 0.25)]
    [TestCase("<apply><power/><cn>2</cn><cn>10</cn></apply>", 1024)]
    [TestCase("<apply><root/><cn>16</cn></apply>", 4)]
    [TestCase("<apply><root/><degree><cn>3</cn></degree><cn>27</cn></apply>", 3)]
    [TestCase("<apply><log/><cn>1000</cn></apply>", 3)]
    [TestCase("<apply><log/><logbase><cn>2</cn></logbase><cn>8</cn></apply>", 3)]
    [TestCase("<apply><ln/><exponentiale/></apply>", 1)]
    [TestCase("<apply><abs/><cn>-2</cn></apply>", 2)]
    [TestCase("<apply><floor/><cn>-2.5</cn></apply>", -3)]
    [TestCase("<apply><ceiling/><cn>2.1</cn></apply>", 3)]
    [TestCase("<apply><factorial/><cn>5</cn></apply>", 120)]
    [TestCase("<apply><quotient/><cn>7</cn><cn>2</cn></apply>", 3)]
    [TestCase("<apply><rem/><cn>7</cn><cn>2</cn></apply>", 1)]
    [TestCase("<apply><max/><cn>1</cn><cn>7</cn><cn>2</cn></apply>", 7)]
    [TestCase("<apply><min/><cn>1</cn><cn>7</cn><cn>2</cn></apply>", 1)]
    [TestCase("<apply><lt/><cn>1</cn><cn>2</cn><cn>3</cn></apply>", 1)]
    [TestCase("<apply><gt/><cn>3</cn><cn>2</cn><cn>2</cn></apply>", 0)]
    [TestCase("<apply><geq/><cn>3</cn><cn>2</cn><cn>2</cn></apply>", 1)]
    [TestCase("<apply><eq/><cn>2</cn><cn>2</cn></apply>", 1)]
    [TestCase("<apply><neq/><cn>2</cn><cn>2</cn></apply>", 0)]
    [TestCase("<apply><and/><true/><true/><false/></apply>", 0)]
    [TestCase("<apply><or/><false/><true/></apply>", 1)]
    [TestCase("<apply><xor/><true/><true/><true/></apply>", 1)]
    [TestCase("<apply><not/><false/></apply>", 1)]
    [TestCase("<apply><implies/><false/><false/></apply>", 1)]
    [TestCase("<apply><and/></apply>", 1)]
    [TestCase("<piecewise><piece><cn>1</cn><false/></piece><piece><cn>2</cn><true/></piece><otherwise><cn>3</cn></otherwise></piecewise>", 2)]
    [TestCase("<piecewise><piece><cn>1</cn><false/></piece><otherwise><cn>3</cn></otherwise></piecewise>", 3)]
    [TestCase("<semantics><cn>4</cn><annotation encoding=\"text\">four</annotation></semantics>", 4)]
    [TestCase("<apply><sin/><apply><divide/><pi/><cn>2</cn></apply></apply>", 1)]
    [TestCase("<apply><arccosh/><cn>1</cn></apply>", 0)]
    [TestCase("<apply><sec/><cn>0</cn></apply>", 1)]
    public void Construct_HasItsMathMLValue(string mathml, double expected)
    {
        var expression = SbmlReader.Parse(SbmlText.InitialAssignment(mathml)).Network.InitialAssignments[0].Expression;
        Assert.That(expression.Evaluate(_ => double.NaN), Is.EqualTo(expected).Within(1e-12));
    }

    [Test]
    public void NotANumber_IsNaN()
    {
        var expression = SbmlReader.Parse(SbmlText.InitialAssignment("<notanumber/>")).Network.InitialAssignments[0].Expression;
        Assert.That(expression.Evaluate(_ => 0), Is.NaN);
    }

    [Test]
    public void CsymbolTime_IsTheSimulationTime_AndTwoOperandRelationsAreOperators()
    {
        var expression = SbmlReader.Parse(SbmlText.InitialAssignment(
            """<apply><gt/><csymbol encoding="text" definitionURL="http://www.sbml.org/sbml/symbols/time">t</csymbol><cn>1</cn></apply>""")).Network.InitialAssignments[0].Expression;
        Assert.That(expression.ToString(), Is.EqualTo("time > 1"));
    }

    [Test]
    public void FunctionDefinitions_AreCalledWithTheirArguments()
    {
        string xml = SbmlText.L3($"""
            <listOfFunctionDefinitions>
              <functionDefinition id="hill">{SbmlText.Math("<lambda><bvar><ci>x</ci></bvar><bvar><ci>n</ci></bvar><apply><divide/><apply><power/><ci>x</ci><ci>n</ci></apply><apply><plus/><cn>1</cn><apply><power/><ci>x</ci><ci>n</ci></apply></apply></apply></lambda>")}</functionDefinition>
            </listOfFunctionDefinitions>
            <listOfParameters><parameter id="p" constant="true"/></listOfParameters>
            <listOfInitialAssignments><initialAssignment symbol="p">{SbmlText.Math("<apply><ci>hill</ci><cn>2</cn><cn>2</cn></apply>")}</initialAssignment></listOfInitialAssignments>
            """);
        var network = SbmlReader.Parse(xml).Network;
        Assert.That(network.InitialAssignments[0].Expression.Evaluate(_ => 0, network.FunctionLibrary), Is.EqualTo(0.8).Within(1e-15));
    }

    [Test]
    public void AvogadroCsymbol_IsTheNumberTheLevel3SpecificationsFix()
    {
        var network = SbmlReader.Parse(SbmlText.InitialAssignment("<csymbol encoding=\"text\" definitionURL=\"http://www.sbml.org/sbml/symbols/avogadro\">avogadro</csymbol>")).Network;
        Assert.That(network.InitialAssignments[0].Expression.Evaluate(_ => 0, network.FunctionLibrary), Is.EqualTo(6.02214179e23));
    }

    [TestCase("<apply><divide/><cn>1</cn></apply>", "<divide> takes 2 arguments but has 1")]
    [TestCase("<apply><ci>nofunction</ci><cn>1</cn></apply>", "'nofunction' is applied as a function but is not a function definition")]
    [TestCase("<cn>abc</cn>", "'abc' in <cn> is not a number")]
    [TestCase("<cn type=\"e-notation\">1</cn>", "two numbers separated by <sep/>")]
    [TestCase("<apply><csymbol encoding=\"text\" definitionURL=\"http://www.sbml.org/sbml/symbols/delay\">delay</csymbol><cn>1</cn></apply>", "csymbol 'delay' takes two arguments")]
    [TestCase("<apply><csymbol encoding=\"text\" definitionURL=\"http://www.sbml.org/sbml/symbols/rateOf\">rateOf</csymbol><cn>1</cn></apply>", "csymbol 'rateOf' takes one argument")]
    [TestCase("<apply><csymbol encoding=\"text\" definitionURL=\"http://www.sbml.org/sbml/symbols/avogadro\">avogadro</csymbol><cn>1</cn></apply>", "csymbol 'avogadro' cannot be applied as a function")]
    [TestCase("<apply><sum/><cn>1</cn></apply>", "<sum> is not supported")]
    [TestCase("<lambda><bvar><ci>x</ci></bvar><ci>x</ci></lambda>", "<lambda> may appear only in a function definition")]
    [TestCase("<ci>1x</ci>", "'1x' in <ci> is not a valid SBML identifier")]
    public void InvalidOrUnsupportedMath_IsRejectedWithItsPlace(string mathml, string message)
    {
        var e = Assert.Throws<SbmlFormatException>(() => SbmlReader.Parse(SbmlText.InitialAssignment(mathml)));
        Assert.That(e!.Message, Does.Contain(message));
        // The initial assignment's math is on line 5 of the document, after the 100-odd characters before <math>.
        Assert.That(e.Line, Is.EqualTo(5), e.Message);
        Assert.That(e.Position, Is.GreaterThan(100), e.Message);
        Assert.That(e.Message, Does.EndWith($"at line 5, position {e.Position}"));
    }
}
