using Ferroptosis.Sim.Formats.Sbml;
using Ferroptosis.Sim.Modeling.Compilation;
using Ferroptosis.Sim.Modeling.Simulation;
using Ferroptosis.Sim.Ode;

namespace Ferroptosis.Sim.Tests.Formats.Sbml;

/// <summary>SBML fast reactions held at equilibrium (rapid-equilibrium constraints solved as an index-1 DAE), checked against closed forms.</summary>
public sealed class SbmlFastReactionTests
{
    // A ⇌ B fast with rate kf·A − kb·B (kf = 2, kb = 1), B → ∅ slow with rate k·B (k = 0.3): A = B/2 at all times and
    // T = A + B decays as T′ = −k·B = −0.2·T. From A = 1, B = 0 the fast reaction equilibrates at once (A = 1/3, B = 2/3).
    // An event at t = 2 adds 1 to A, which re-equilibrates: T jumps by 1 (the row at t = 2 shows the state after the event).
    private static string Model(bool withEvent) => SbmlText.L2($"""
        <listOfCompartments><compartment id="c" size="1"/></listOfCompartments>
        <listOfSpecies>
          <species id="A" compartment="c" initialAmount="1" hasOnlySubstanceUnits="true"/>
          <species id="B" compartment="c" initialAmount="0" hasOnlySubstanceUnits="true"/>
        </listOfSpecies>
        <listOfParameters><parameter id="kf" value="2"/><parameter id="kb" value="1"/><parameter id="k" value="0.3"/></listOfParameters>
        <listOfReactions>
          <reaction id="bind" fast="true">
            <listOfReactants><speciesReference species="A"/></listOfReactants>
            <listOfProducts><speciesReference species="B"/></listOfProducts>
            <kineticLaw>{SbmlText.Math("<apply><minus/><apply><times/><ci>kf</ci><ci>A</ci></apply><apply><times/><ci>kb</ci><ci>B</ci></apply></apply>")}</kineticLaw>
          </reaction>
          <reaction id="drain" reversible="false">
            <listOfReactants><speciesReference species="B"/></listOfReactants>
            <kineticLaw>{SbmlText.Math("<apply><times/><ci>k</ci><ci>B</ci></apply>")}</kineticLaw>
          </reaction>
        </listOfReactions>
        {(withEvent ? $"""<listOfEvents><event id="dose"><trigger>{SbmlText.Math("<apply><geq/><csymbol encoding=\"text\" definitionURL=\"http://www.sbml.org/sbml/symbols/time\">t</csymbol><cn>2</cn></apply>")}</trigger><listOfEventAssignments><eventAssignment variable="A">{SbmlText.Math("<apply><plus/><ci>A</ci><cn>1</cn></apply>")}</eventAssignment></listOfEventAssignments></event></listOfEvents>""" : string.Empty)}
        """);

    [TestCase(false)]
    [TestCase(true)]
    public void RapidEquilibrium_FollowsTheConservedTotal_FromTheStart_AndAfterAnEvent(bool withEvent)
    {
        var model = ModelCompiler.Compile(SbmlReader.Parse(Model(withEvent)).Network);
        Assert.That(model.MassMatrix.Length, Is.EqualTo(4), "two states, a 2 × 2 mass matrix");
        double[] times = [0, 1, 2, 3, 5];
        var result = Simulator.Simulate(model, new SimulationSettings { EndTime = 5, OutputTimes = times, RelativeTolerance = 1e-9, AbsoluteTolerance = 1e-12 });
        Assert.That(result.IsSuccess, result.Message);
        var a = result.GetColumn("A");
        var b = result.GetColumn("B");
        for (int k = 0; k < times.Length; k++)
        {
            double t = times[k];
            double total = Math.Exp(-0.2 * t) + (withEvent && t >= 2 ? Math.Exp(-0.2 * (t - 2)) : 0);
            Assert.That(a[k], Is.EqualTo(total / 3).Within(1e-7), $"A at t = {t}");
            Assert.That(b[k], Is.EqualTo(2 * total / 3).Within(1e-7), $"B at t = {t}");
        }
    }

    /// <summary>S1 ⇌ S2 fast with rate 0.01·S1 holds S1 at 0; conversion factors 5 (S1) and 3 (the model's, S2) conserve S1/5 + S2/3, so S2 = 3·(2/5 + 3/3) = 4.2, or 6 with S1's factor set to 2 for the run.</summary>
    [TestCase(null, 4.2)]
    [TestCase(2.0, 6.0)]
    public void ConversionFactors_WeighTheConservedTotal_WithTheRunsValues(double? s1Factor, double s2)
    {
        string xml = SbmlText.L3($"""
            <listOfCompartments><compartment id="C" spatialDimensions="3" size="1" constant="true"/></listOfCompartments>
            <listOfSpecies>
              <species id="S1" compartment="C" initialAmount="2" hasOnlySubstanceUnits="false" boundaryCondition="false" constant="false" conversionFactor="s1_cf"/>
              <species id="S2" compartment="C" initialAmount="3" hasOnlySubstanceUnits="false" boundaryCondition="false" constant="false"/>
            </listOfSpecies>
            <listOfParameters><parameter id="m_cf" value="3" constant="true"/><parameter id="s1_cf" value="5" constant="true"/></listOfParameters>
            <listOfReactions>
              <reaction id="J0" reversible="true" fast="true">
                <listOfReactants><speciesReference species="S1" stoichiometry="1" constant="true"/></listOfReactants>
                <listOfProducts><speciesReference species="S2" stoichiometry="1" constant="true"/></listOfProducts>
                <kineticLaw>{SbmlText.Math("<apply><times/><ci>S1</ci><cn>0.01</cn></apply>")}</kineticLaw>
              </reaction>
            </listOfReactions>
            """, version: 1).Replace("<model id=\"m\">", "<model id=\"m\" conversionFactor=\"m_cf\">", StringComparison.Ordinal);
        var model = ModelCompiler.Compile(SbmlReader.Parse(xml).Network);
        var settings = new SimulationSettings { EndTime = 1, OutputTimes = [0, 1], RelativeTolerance = 1e-9, AbsoluteTolerance = 1e-12 };
        if (s1Factor is { } factor)
        {
            settings = settings with { Parameters = new Dictionary<string, double> { ["s1_cf"] = factor } };
        }

        var result = Simulator.Simulate(model, settings);
        Assert.That(result.IsSuccess, result.Message);
        Assert.That(result.GetColumn("S1"), Is.EqualTo(new[] { 0.0, 0.0 }).Within(1e-9));
        Assert.That(result.GetColumn("S2"), Is.EqualTo(new[] { s2, s2 }).Within(1e-8));
    }

    [Test]
    public void AModelWithFastReactions_IsRefusedBySolversWithoutMassMatrices()
    {
        var model = ModelCompiler.Compile(SbmlReader.Parse(Model(false)).Network);
        Assert.That(
            () => Simulator.Simulate(model, new SimulationSettings { EndTime = 1, Solver = OdeSolvers.Tsit5 }),
            Throws.ArgumentException.With.Message.Contains("mass matrix"));
    }

    /// <summary>
    /// A ⇌ B (rate 2A − B), B ⇌ C (3B − C) and A ⇌ C (kf3·A − C) fast: S_f has rank 2, so the first two fix the state,
    /// and the third is at equilibrium there only when kf3 = 2·3 (Wegscheider's condition). Then B = 2A, C = 6A, and a
    /// slow drain C → ∅ at 0.9·C makes the total T = A + B + C decay as T′ = −0.9·(6/9)·T = −0.6·T. With kf3 = 5 no state
    /// holds all three at equilibrium, and the run is refused with the reason.
    /// </summary>
    [TestCase(6.0)]
    [TestCase(5.0)]
    public void LinearlyDependentFastReactions_HoldTheirCommonEquilibrium_OrAreRefusedWhenThereIsNone(double kf3)
    {
        string reaction(string id, string from, string to, double kf) =>
            $"""<reaction id="{id}" fast="true"><listOfReactants><speciesReference species="{from}"/></listOfReactants><listOfProducts><speciesReference species="{to}"/></listOfProducts><kineticLaw>{SbmlText.Math($"<apply><minus/><apply><times/><cn>{kf}</cn><ci>{from}</ci></apply><ci>{to}</ci></apply>")}</kineticLaw></reaction>""";
        string xml = SbmlText.L2($"""
            <listOfCompartments><compartment id="c" size="1"/></listOfCompartments>
            <listOfSpecies>
              <species id="A" compartment="c" initialAmount="9" hasOnlySubstanceUnits="true"/>
              <species id="B" compartment="c" initialAmount="0" hasOnlySubstanceUnits="true"/>
              <species id="C" compartment="c" initialAmount="0" hasOnlySubstanceUnits="true"/>
            </listOfSpecies>
            <listOfReactions>
              {reaction("R1", "A", "B", 2)}{reaction("R2", "B", "C", 3)}{reaction("R3", "A", "C", kf3)}
              <reaction id="drain" reversible="false"><listOfReactants><speciesReference species="C"/></listOfReactants><kineticLaw>{SbmlText.Math("<apply><times/><cn>0.9</cn><ci>C</ci></apply>")}</kineticLaw></reaction>
            </listOfReactions>
            """);
        var model = ModelCompiler.Compile(SbmlReader.Parse(xml).Network);
        double[] times = [0, 0.5, 1, 2];
        var settings = new SimulationSettings { EndTime = 2, OutputTimes = times, RelativeTolerance = 1e-9, AbsoluteTolerance = 1e-12 };
        if (kf3 != 6.0)
        {
            Assert.That(() => Simulator.Simulate(model, settings), Throws.TypeOf<NotSupportedException>().With.Message.StartsWith("fast reaction: the fast reaction 'R3' is a linear combination"));
            return;
        }

        var result = Simulator.Simulate(model, settings);
        Assert.That(result.IsSuccess, result.Message);
        for (int k = 0; k < times.Length; k++)
        {
            double total = 9 * Math.Exp(-0.6 * times[k]);
            Assert.That(result.GetColumn("A")[k], Is.EqualTo(total / 9).Within(1e-7), $"A at t = {times[k]}");
            Assert.That(result.GetColumn("B")[k], Is.EqualTo(2 * total / 9).Within(1e-7), $"B at t = {times[k]}");
            Assert.That(result.GetColumn("C")[k], Is.EqualTo(6 * total / 9).Within(1e-7), $"C at t = {times[k]}");
        }
    }

    /// <summary>A ⇌ B (A − B), B ⇌ C (B − C) and A ⇌ C with rate A − C + 0.5·t·A: consistent at t = 0 (A = B = C), not later, so the run is refused at the first output point after the start rather than answered.</summary>
    [Test]
    public void ADependentFastReactionThatLeavesEquilibriumLater_IsRefusedAtAnOutputPoint()
    {
        string reaction(string id, string from, string to, string extra) =>
            $"""<reaction id="{id}" fast="true"><listOfReactants><speciesReference species="{from}"/></listOfReactants><listOfProducts><speciesReference species="{to}"/></listOfProducts><kineticLaw>{SbmlText.Math($"<apply><plus/><apply><minus/><ci>{from}</ci><ci>{to}</ci></apply>{extra}</apply>")}</kineticLaw></reaction>""";
        const string Time = "<csymbol encoding=\"text\" definitionURL=\"http://www.sbml.org/sbml/symbols/time\">t</csymbol>";
        string xml = SbmlText.L2($"""
            <listOfCompartments><compartment id="c" size="1"/></listOfCompartments>
            <listOfSpecies>
              <species id="A" compartment="c" initialAmount="1" hasOnlySubstanceUnits="true"/>
              <species id="B" compartment="c" initialAmount="1" hasOnlySubstanceUnits="true"/>
              <species id="C" compartment="c" initialAmount="1" hasOnlySubstanceUnits="true"/>
            </listOfSpecies>
            <listOfReactions>
              {reaction("R1", "A", "B", "<cn>0</cn>")}{reaction("R2", "B", "C", "<cn>0</cn>")}{reaction("R3", "A", "C", $"<apply><times/><cn>0.5</cn>{Time}<ci>A</ci></apply>")}
            </listOfReactions>
            """);
        var model = ModelCompiler.Compile(SbmlReader.Parse(xml).Network);
        var settings = new SimulationSettings { EndTime = 2, OutputTimes = [0, 1, 2] };
        Assert.That(() => Simulator.Simulate(model, settings), Throws.TypeOf<NotSupportedException>().With.Message.Contains("'R3' is a linear combination").And.Message.Contains("t = 1)"));
    }
}
