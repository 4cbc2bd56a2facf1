using Ferroptosis.Sim.Modeling.Compilation;
using Ferroptosis.Sim.Modeling.Expressions;
using Ferroptosis.Sim.Modeling.Networks;
using Ferroptosis.Sim.Modeling.Simulation;
using Ferroptosis.Sim.Ode;

namespace Ferroptosis.Sim.Tests.Modeling.Simulation;

/// <summary>SBML event rules that simultaneous or boundary events exercise (SBML Level 3 Version 2 §4.12; the SBML Test Suite cases named give the expected values analytically).</summary>
public sealed class EventSemanticsTests
{
    [TestCase("time > 0.5")]
    [TestCase("time >= 0.5")]
    [TestCase("0.5 < time")]
    public void InequalityTrigger_FiresAtItsThreshold_EvenWhenTheCrossingIsLocatedExactlyOnIt(string trigger)
    {
        // g = time − 0.5 is linear, so the root finder lands exactly on g = 0, where time > 0.5 is still false;
        // the trigger becomes true immediately after, so the event fires at t = 0.5 (case 01212).
        var network = new ReactionNetworkBuilder("threshold")
            .Species("A", 1).Parameter("x", 0, isConstant: false)
            .Reaction("J", "A =>", "A")
            .Event("E", trigger, ("x", "1"))
            .Build();
        var result = EventRuns.Simulate(network, [0, 0.25, 0.75, 1], "x");
        Assert.That(result.GetColumn("x"), Is.EqualTo(new[] { 0.0, 0, 1, 1 }));
    }

    [Test]
    public void StateTrigger_FiresOnce_AndTheStateFollowsTheAssignment()
    {
        // S decays from 1 at rate 1 (dS/dt = −1·S); when S < 0.5 (t = ln 2) the event sets k = 0, so S stays 0.5.
        var network = new ReactionNetworkBuilder("decay")
            .Species("S", 1).Parameter("k", 1, isConstant: false)
            .Reaction("J", "S =>", "k*S")
            .Event("stop", "S < 0.5", ("k", "0"))
            .Build();
        var result = EventRuns.Simulate(network, [0, 0.5, 1, 2], "S", "k");
        Assert.That(result.GetColumn("S"), Is.EqualTo(new[] { 1, Math.Exp(-0.5), 0.5, 0.5 }).Within(1e-8));
        Assert.That(result.GetColumn("k"), Is.EqualTo(new[] { 1.0, 1, 0, 0 }));
    }

    [Test]
    public void EventRetriggeredWhilePending_ExecutesOncePerRise_AndNonPersistentOnesAreCancelledWhenTheirTriggerFalls()
    {
        // At t = 1, three higher-priority events set m = 2, 0, 2 in turn, so "m > 1" rises twice before the
        // low-priority events run (case 00978 in small): the persistent x := x + 1 (values at execution) runs twice;
        // y := y + 1 with values from trigger time runs twice with y + 1 = 1 stored both times; the non-persistent
        // z := z + 3 loses its first execution when m falls to 0 and runs once.
        static Expr E(string text) => Expr.Parse(text);
        var network = new ReactionNetworkBuilder("retrigger")
            .Parameter("m", 0, isConstant: false).Parameter("x", 0, isConstant: false).Parameter("y", 0, isConstant: false).Parameter("z", 0, isConstant: false)
            .Event(new ModelEvent("up1", E("time >= 1"), [new EventAssignment("m", E("2"))], priority: E("10")))
            .Event(new ModelEvent("down", E("time >= 1"), [new EventAssignment("m", E("0"))], priority: E("9")))
            .Event(new ModelEvent("up2", E("time >= 1"), [new EventAssignment("m", E("2"))], priority: E("8")))
            .Event(new ModelEvent("countX", E("m > 1"), [new EventAssignment("x", E("x + 1"))], priority: E("1"), useValuesFromTriggerTime: false))
            .Event(new ModelEvent("countY", E("m > 1"), [new EventAssignment("y", E("y + 1"))], priority: E("1")))
            .Event(new ModelEvent("countZ", E("m > 1"), [new EventAssignment("z", E("z + 3"))], priority: E("1"), isPersistent: false, useValuesFromTriggerTime: false))
            .Build();
        var result = EventRuns.Simulate(network, [0, 0.5, 1.5, 2], "x", "y", "z");
        Assert.That(result.GetColumn("x"), Is.EqualTo(new[] { 0.0, 0, 2, 2 }));
        Assert.That(result.GetColumn("y"), Is.EqualTo(new[] { 0.0, 0, 1, 1 }));
        Assert.That(result.GetColumn("z"), Is.EqualTo(new[] { 0.0, 0, 3, 3 }));
    }

    [Test]
    public void EventAssigningACompartmentAndAConcentration_ConvertsWithTheSizeBeforeTheEvent()
    {
        // [S] = 2 in C = 0.5; at t = 0.45 one event sets C = 0.2 and [S] = 0.2. The assignments act together: the
        // amount becomes 0.2·0.5 = 0.1, so afterwards [S] = 0.1/0.2 = 0.5 (case 01780).
        var network = new ReactionNetworkBuilder("resize")
            .Compartment("C", 0.5, isConstant: false)
            .Species("S", 2, "C", isBoundary: true)
            .Event("E", "time >= 0.45", ("C", "0.2"), ("S", "0.2"))
            .Build();
        var model = ModelCompiler.Compile(network);
        var result = Simulator.Simulate(model, new SimulationSettings
        {
            EndTime = 1,
            OutputTimes = [0, 0.4, 0.5, 1],
            Outputs = ["C", "S"],
            Solver = OdeSolvers.DormandPrince5,
        });
        var amounts = Simulator.Simulate(model, new SimulationSettings
        {
            EndTime = 1,
            OutputTimes = [0, 0.4, 0.5, 1],
            Outputs = ["S"],
            OutputAmounts = new HashSet<string> { "S" },
            Solver = OdeSolvers.DormandPrince5,
        });
        Assert.That(result.GetColumn("C"), Is.EqualTo(new[] { 0.5, 0.5, 0.2, 0.2 }).Within(1e-12));
        Assert.That(result.GetColumn("S"), Is.EqualTo(new[] { 2, 2, 0.5, 0.5 }).Within(1e-12));
        Assert.That(amounts.GetColumn("S"), Is.EqualTo(new[] { 1, 1, 0.1, 0.1 }).Within(1e-12));
    }

    [Test]
    public void ModelWithoutStateVariables_RunsAndItsEventsChangeParameters()
    {
        var network = new ReactionNetworkBuilder("parameters")
            .Parameter("p", 1, isConstant: false)
            .Event("E", "time >= 0.3", ("p", "p*10"))
            .Build();
        var model = ModelCompiler.Compile(network);
        Assert.That(model.Dimension, Is.Zero);
        Assert.That(EventRuns.Simulate(network, [0, 0.2, 0.4], "p").GetColumn("p"), Is.EqualTo(new[] { 1.0, 1, 10 }));
    }

    [Test]
    public void EventChangingACompartment_KeepsTheAmountOfASpeciesHeldAsAConcentrationByItsRateRule()
    {
        // d[S]/dt = 1 in V = 2: [S] = 1 at t = 1, when the event halves V, so the amount 2 stays and [S] becomes 2
        // (case 01505); then [S] grows at rate 1 again.
        var network = new ReactionNetworkBuilder("rescale")
            .Compartment("V", 2, isConstant: false)
            .Species("S", 0, "V", isBoundary: true)
            .RateRule("S", "1")
            .Event("E", "time >= 1", ("V", "1"))
            .Build();
        var result = EventRuns.Simulate(network, [0, 0.5, 1.5], "S");
        Assert.That(result.GetColumn("S"), Is.EqualTo(new[] { 0, 0.5, 2.5 }).Within(1e-9));
    }
}
