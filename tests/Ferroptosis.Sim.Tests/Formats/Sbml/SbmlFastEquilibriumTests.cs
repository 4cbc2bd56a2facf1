using Ferroptosis.Sim.Formats.Sbml;
using Ferroptosis.Sim.Modeling.Compilation;
using Ferroptosis.Sim.Modeling.Simulation;
using Ferroptosis.Sim.Ode;

namespace Ferroptosis.Sim.Tests.Formats.Sbml;

/// <summary>Which equilibrium fast reactions hold (the one their own dynamics reach), stoichiometries set through species-reference ids, rates that switch branch or are zero; each against a closed form (the mass matrix changing at events with Rodas5P and BDF).</summary>
public sealed class SbmlFastEquilibriumTests
{
    private const string Time = "<csymbol encoding=\"text\" definitionURL=\"http://www.sbml.org/sbml/symbols/time\">t</csymbol>";

    private static readonly SimulationSettings Settings = new() { EndTime = 2, OutputTimes = [0, 0.5, 1, 2], RelativeTolerance = 1e-9, AbsoluteTolerance = 1e-12 };

    private static string Species(string id, double amount) =>
        $"""<species id="{id}" compartment="c" initialAmount="{amount}" hasOnlySubstanceUnits="true" boundaryCondition="false" constant="false"/>""";

    private static string Reaction(string id, bool fast, string reactants, string products, string rate) => $"""
        <reaction id="{id}" reversible="true" fast="{(fast ? "true" : "false")}">
          {(reactants.Length == 0 ? string.Empty : $"<listOfReactants>{reactants}</listOfReactants>")}
          {(products.Length == 0 ? string.Empty : $"<listOfProducts>{products}</listOfProducts>")}
          <kineticLaw>{SbmlText.Math(rate)}</kineticLaw>
        </reaction>
        """;

    private static string Reference(string species, string extra = "stoichiometry=\"1\" constant=\"true\"") => $"""<speciesReference species="{species}" {extra}/>""";

    /// <summary>
    /// A → B fast with rate k·A·B vanishes at A = 0 and at B = 0: for k &gt; 0 the reaction runs until A = 0, for k &lt; 0
    /// backwards until B = 0, whatever Newton's method from the given state would find (from A = B it finds nothing: the
    /// rate's derivative along the reaction, k·(B − A), is zero there). An inflow ∅ → A at s = 0.5 then feeds the
    /// surviving species: with T = A₀ + B₀, (A, B) = (0, T + s·t) for k &gt; 0 and (T + s·t, 0) for k &lt; 0.
    /// </summary>
    [TestCase(2.0, 3.0, 1.0)]
    [TestCase(2.0, 3.0, -1.0)]
    [TestCase(3.0, 3.0, 1.0)]
    [TestCase(3.0, 3.0, -1.0)]
    [TestCase(4.0, 1.0, 2.5)]
    public void OfTwoEquilibria_TheOneTheFastReactionRunsTo_IsHeld(double a0, double b0, double k)
    {
        string xml = SbmlText.L3($"""
            <listOfCompartments><compartment id="c" spatialDimensions="3" size="1" constant="true"/></listOfCompartments>
            <listOfSpecies>{Species("A", a0)}{Species("B", b0)}</listOfSpecies>
            <listOfParameters><parameter id="k" value="{k}" constant="true"/><parameter id="s" value="0.5" constant="true"/></listOfParameters>
            <listOfReactions>
              {Reaction("bind", fast: true, Reference("A"), Reference("B"), "<apply><times/><ci>k</ci><ci>A</ci><ci>B</ci></apply>")}
              {Reaction("feed", fast: false, string.Empty, Reference("A"), "<ci>s</ci>")}
            </listOfReactions>
            """, version: 1);
        var result = Simulator.Simulate(ModelCompiler.Compile(SbmlReader.Parse(xml).Network), Settings);
        Assert.That(result.IsSuccess, result.Message);
        var a = result.GetColumn("A");
        var b = result.GetColumn("B");
        for (int i = 0; i < Settings.OutputTimes!.Count; i++)
        {
            double total = a0 + b0 + (0.5 * Settings.OutputTimes[i]);
            Assert.That(a[i], Is.EqualTo(k > 0 ? 0 : total).Within(1e-8), $"A at t = {Settings.OutputTimes[i]}");
            Assert.That(b[i], Is.EqualTo(k > 0 ? total : 0).Within(1e-8), $"B at t = {Settings.OutputTimes[i]}");
        }
    }

    /// <summary>
    /// n·A → B fast with rate A, n the species reference's id: 2 by an initial assignment (1 + 1), 4 from an event at
    /// t = 1 that also sets A = 4. A stays at 0 and B takes A/n of every addition; B → ∅ slow at 0.1·B. From A = 4,
    /// B = 1: B = 3·e^(−0.1 t) before the event, and B(1) + 4/4 after it, decaying at the same rate.
    /// </summary>
    [Test]
    public void AStoichiometrySetThroughItsId_IsTheValueInTheRun_AndFollowsAnEvent([Values("Rodas5P", "Bdf")] string solver)
    {
        string xml = SbmlText.L3($"""
            <listOfCompartments><compartment id="c" spatialDimensions="3" size="1" constant="true"/></listOfCompartments>
            <listOfSpecies>{Species("A", 4)}{Species("B", 1)}</listOfSpecies>
            <listOfParameters><parameter id="d" value="0.1" constant="true"/></listOfParameters>
            <listOfInitialAssignments><initialAssignment symbol="n">{SbmlText.Math("<apply><plus/><cn>1</cn><cn>1</cn></apply>")}</initialAssignment></listOfInitialAssignments>
            <listOfReactions>
              {Reaction("bind", fast: true, Reference("A", "id=\"n\" stoichiometry=\"1\" constant=\"false\""), Reference("B"), "<ci>A</ci>")}
              {Reaction("decay", fast: false, Reference("B"), string.Empty, "<apply><times/><ci>d</ci><ci>B</ci></apply>")}
            </listOfReactions>
            <listOfEvents>
              <event id="dose" useValuesFromTriggerTime="true">
                <trigger initialValue="false" persistent="true">{SbmlText.Math($"<apply><geq/>{Time}<cn>1</cn></apply>")}</trigger>
                <listOfEventAssignments>
                  <eventAssignment variable="n">{SbmlText.Math("<cn>4</cn>")}</eventAssignment>
                  <eventAssignment variable="A">{SbmlText.Math("<cn>4</cn>")}</eventAssignment>
                </listOfEventAssignments>
              </event>
            </listOfEvents>
            """, version: 1);
        var result = Simulator.Simulate(ModelCompiler.Compile(SbmlReader.Parse(xml).Network), Settings with { Solver = OdeSolvers.FromName(solver) });
        Assert.That(result.IsSuccess, result.Message);
        var a = result.GetColumn("A");
        var b = result.GetColumn("B");
        double atEvent = (3 * Math.Exp(-0.1)) + 1;
        for (int i = 0; i < Settings.OutputTimes!.Count; i++)
        {
            double t = Settings.OutputTimes[i];
            double want = t < 1 ? 3 * Math.Exp(-0.1 * t) : atEvent * Math.Exp(-0.1 * (t - 1));
            Assert.That(a[i], Is.EqualTo(0).Within(1e-8), $"A at t = {t}");
            Assert.That(b[i], Is.EqualTo(want).Within(1e-7), $"B at t = {t}");
        }
    }

    /// <summary>A fast reaction whose rate is identically zero moves nothing: the model is the ODE of its slow reactions (A → ∅ at 0.5·A, so A = e^(−t/2)) and has no mass matrix.</summary>
    [Test]
    public void AFastReactionWithARateIdenticallyZero_ChangesNothing()
    {
        string xml = SbmlText.L3($"""
            <listOfCompartments><compartment id="c" spatialDimensions="3" size="1" constant="true"/></listOfCompartments>
            <listOfSpecies>{Species("A", 1)}{Species("B", 2)}</listOfSpecies>
            <listOfReactions>
              {Reaction("idle", fast: true, Reference("A"), Reference("B"), "<apply><times/><apply><ceiling/><cn>-0.5</cn></apply><ci>A</ci></apply>")}
              {Reaction("decay", fast: false, Reference("A"), string.Empty, "<apply><times/><cn>0.5</cn><ci>A</ci></apply>")}
            </listOfReactions>
            """, version: 1);
        var model = ModelCompiler.Compile(SbmlReader.Parse(xml).Network);
        Assert.That(model.MassMatrix.Length, Is.Zero);
        var result = Simulator.Simulate(model, Settings);
        Assert.That(result.IsSuccess, result.Message);
        for (int i = 0; i < Settings.OutputTimes!.Count; i++)
        {
            Assert.That(result.GetColumn("A")[i], Is.EqualTo(Math.Exp(-0.5 * Settings.OutputTimes[i])).Within(1e-7));
            Assert.That(result.GetColumn("B")[i], Is.EqualTo(2).Within(1e-12));
        }
    }

    /// <summary>
    /// A → B fast with rate piecewise(k·A, k &gt; 0, k·B), k = 1.5 − t, and an inflow ∅ → A at 0.5: while k &gt; 0 the
    /// reaction holds A = 0, and where k changes sign it switches to holding B = 0, so the total T = 5 + 0.5·t moves
    /// from B to A at once at t = 1.5 (no event of the model says so: the run stops where k crosses zero).
    /// </summary>
    [Test]
    public void WhereAFastRateSwitchesBranch_TheEquilibriumSwitchesWithIt()
    {
        string xml = SbmlText.L3($"""
            <listOfCompartments><compartment id="c" spatialDimensions="3" size="1" constant="true"/></listOfCompartments>
            <listOfSpecies>{Species("A", 2)}{Species("B", 3)}</listOfSpecies>
            <listOfParameters><parameter id="k" constant="false"/></listOfParameters>
            <listOfRules><assignmentRule variable="k">{SbmlText.Math($"<apply><minus/><cn>1.5</cn>{Time}</apply>")}</assignmentRule></listOfRules>
            <listOfReactions>
              {Reaction("bind", fast: true, Reference("A"), Reference("B"), "<piecewise><piece><apply><times/><ci>k</ci><ci>A</ci></apply><apply><gt/><ci>k</ci><cn>0</cn></apply></piece><otherwise><apply><times/><ci>k</ci><ci>B</ci></apply></otherwise></piecewise>")}
              {Reaction("feed", fast: false, string.Empty, Reference("A"), "<cn>0.5</cn>")}
            </listOfReactions>
            """, version: 1);
        double[] times = [0, 1, 1.4, 1.6, 2, 3];
        var result = Simulator.Simulate(ModelCompiler.Compile(SbmlReader.Parse(xml).Network), Settings with { EndTime = 3, OutputTimes = times });
        Assert.That(result.IsSuccess, result.Message);
        for (int i = 0; i < times.Length; i++)
        {
            double total = 5 + (0.5 * times[i]);
            bool before = times[i] < 1.5;
            Assert.That(result.GetColumn("A")[i], Is.EqualTo(before ? 0 : total).Within(1e-8), $"A at t = {times[i]}");
            Assert.That(result.GetColumn("B")[i], Is.EqualTo(before ? total : 0).Within(1e-8), $"B at t = {times[i]}");
        }
    }

    /// <summary>
    /// A → B fast with rate k2·A, B → A slow at 1: while k2 = 0 the fast reaction is idle and A = t; an event at t = 0.5
    /// sets k2 = 1, which drains A at once (A = 0, B = 2) and holds it there; one at t = 1 sets k2 = 0 again, and A
    /// grows as t − 1.
    /// </summary>
    [Test]
    public void AFastReactionWhoseRateConstantIsZero_IsIdle_UntilAnEventSetsIt([Values("Rodas5P", "Bdf")] string solver)
    {
        string Event(string id, double at, double value) => $"""
            <event id="{id}" useValuesFromTriggerTime="true">
              <trigger initialValue="false" persistent="true">{SbmlText.Math($"<apply><geq/>{Time}<cn>{at}</cn></apply>")}</trigger>
              <listOfEventAssignments><eventAssignment variable="k2">{SbmlText.Math($"<cn>{value}</cn>")}</eventAssignment></listOfEventAssignments>
            </event>
            """;
        string xml = SbmlText.L3($"""
            <listOfCompartments><compartment id="c" spatialDimensions="3" size="1" constant="true"/></listOfCompartments>
            <listOfSpecies>{Species("A", 0)}{Species("B", 2)}</listOfSpecies>
            <listOfParameters><parameter id="k2" value="0" constant="false"/></listOfParameters>
            <listOfReactions>
              {Reaction("slow", fast: false, Reference("B"), Reference("A"), "<cn>1</cn>")}
              {Reaction("fast", fast: true, Reference("A"), Reference("B"), "<apply><times/><ci>k2</ci><ci>A</ci></apply>")}
            </listOfReactions>
            <listOfEvents>{Event("on", 0.5, 1)}{Event("off", 1, 0)}</listOfEvents>
            """, version: 1);
        double[] times = [0, 0.25, 0.75, 1.5, 2];
        double[] want = [0, 0.25, 0, 0.5, 1];
        var result = Simulator.Simulate(ModelCompiler.Compile(SbmlReader.Parse(xml).Network), Settings with { OutputTimes = times, Solver = OdeSolvers.FromName(solver) });
        Assert.That(result.IsSuccess, result.Message);
        Assert.That(result.GetColumn("A"), Is.EqualTo(want).Within(1e-8));
        Assert.That(result.GetColumn("B"), Is.EqualTo(want.Select(a => 2 - a).ToArray()).Within(1e-8));
    }
}
