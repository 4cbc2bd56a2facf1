using Ferroptosis.Sim.Modeling.Compilation;
using Ferroptosis.Sim.Modeling.Expressions;
using Ferroptosis.Sim.Modeling.Networks;
using Ferroptosis.Sim.Modeling.Simulation;

namespace Ferroptosis.Sim.Tests.Modeling.Simulation;

/// <summary>Events with a delay (SBML Level 3 Version 2 §4.12.4–4.12.6): execution at trigger time plus delay, values from trigger or execution time, persistence; the expected values follow from the model by hand.</summary>
public sealed class EventDelayTests
{
    private static Expr E(string text) => Expr.Parse(text);

    [TestCase(true, 1.0)]
    [TestCase(false, 3.0)]
    public void DelayedEvent_ExecutesAtTriggerTimePlusDelay_WithValuesFromTheTimeAsked(bool useValuesFromTriggerTime, double expected)
    {
        // p = time (rate 1 from 0); at time >= 1 the event schedules x := p for t = 3: p is 1 at trigger time, 3 at execution.
        var network = new ReactionNetworkBuilder("delayed")
            .Parameter("p", 0, isConstant: false).Parameter("x", 0, isConstant: false)
            .RateRule("p", "1")
            .Event(new ModelEvent("E", E("time >= 1"), [new EventAssignment("x", E("p"))], useValuesFromTriggerTime: useValuesFromTriggerTime) { Delay = E("2") })
            .Build();
        var result = EventRuns.Simulate(network, [0, 1, 2.9, 3, 4], "x");
        Assert.That(result.GetColumn("x"), Is.EqualTo(new[] { 0, 0, 0, expected, expected }).Within(1e-9));
    }

    [TestCase(true, 7.0)]
    [TestCase(false, 0.0)]
    public void DelayedExecution_OfANonPersistentEvent_IsCancelledWhenItsTriggerFallsBeforeItIsDue(bool persistent, double expected)
    {
        // The trigger holds on [1, 1.5) only; the execution is due at 2.
        var network = new ReactionNetworkBuilder("persistence")
            .Parameter("x", 0, isConstant: false)
            .Event(new ModelEvent("E", E("time >= 1 && time < 1.5"), [new EventAssignment("x", E("7"))], isPersistent: persistent) { Delay = E("1") })
            .Build();
        var result = EventRuns.Simulate(network, [0, 1.75, 2.5], "x");
        Assert.That(result.GetColumn("x"), Is.EqualTo(new[] { 0, 0, expected }));
    }

    [Test]
    public void DelayedExecutions_DueAtOneTime_RunInPriorityOrder()
    {
        // Both are due at t = 2; the higher priority runs first, so the lower one's x * 10 + 2 sees x = 1.
        var network = new ReactionNetworkBuilder("priorities")
            .Parameter("x", 0, isConstant: false)
            .Event(new ModelEvent("low", E("time >= 1"), [new EventAssignment("x", E("x * 10 + 2"))], priority: E("1"), useValuesFromTriggerTime: false) { Delay = E("1") })
            .Event(new ModelEvent("high", E("time >= 0.5"), [new EventAssignment("x", E("1"))], priority: E("5")) { Delay = E("1.5") })
            .Build();
        var result = EventRuns.Simulate(network, [0, 1.9, 2.5], "x");
        Assert.That(result.GetColumn("x"), Is.EqualTo(new[] { 0, 0, 12.0 }));
    }

    [Test]
    public void NegativeDelay_FailsTheRun_NamingTheEvent()
    {
        var network = new ReactionNetworkBuilder("negative")
            .Parameter("x", 0, isConstant: false)
            .Event(new ModelEvent("E", E("time >= 1"), [new EventAssignment("x", E("1"))]) { Delay = E("-1") })
            .Build();
        var e = Assert.Throws<InvalidOperationException>(() => Simulator.Simulate(ModelCompiler.Compile(network), new SimulationSettings { EndTime = 2 }));
        Assert.That(e!.Message, Does.Contain("event 'E'").And.Contain("non-negative"));
    }
}
