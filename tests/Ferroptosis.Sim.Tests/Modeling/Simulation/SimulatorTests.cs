using System.Globalization;
using Ferroptosis.Sim.Modeling.Compilation;
using Ferroptosis.Sim.Modeling.Networks;
using Ferroptosis.Sim.Modeling.Simulation;
using Ferroptosis.Sim.Ode;
using Ferroptosis.Sim.Tests.Modeling.Compilation;

namespace Ferroptosis.Sim.Tests.Modeling.Simulation;

public sealed class SimulatorTests
{
    private static readonly OdeSolverOptions Tight = new() { RelativeTolerance = 1e-10, AbsoluteTolerance = 1e-12 };

    [Test]
    public void CompiledNetwork_AndHandWrittenSystem_GiveTheSameTrajectory()
    {
        // A + B <-> C (kf, kr), C => 2 D (k2), written once as a network and once by hand.
        const double kf = 2.0, kr = 0.3, k2 = 0.7;
        var handWritten = OdeSystem.Create(4, (t, y, dy) =>
        {
            double v1 = (kf * y[0] * y[1]) - (kr * y[2]);
            double v2 = k2 * y[2];
            dy[0] = -v1;
            dy[1] = -v1;
            dy[2] = v1 - v2;
            dy[3] = 2 * v2;
        });
        var model = ModelCompiler.Compile(TestNetworks.MassAction());
        double[] times = [0, 0.5, 1, 2, 5, 10];
        var result = Simulator.Simulate(model, new SimulationSettings { EndTime = 10, OutputTimes = times, RelativeTolerance = 1e-10, AbsoluteTolerance = 1e-12, Solver = OdeSolvers.DormandPrince5 });
        var reference = Sim.Ode.Ode.Solve(new OdeProblem(handWritten, 0, 10, [1.0, 0.5, 0, 0]), OdeSolvers.DormandPrince5, Tight with { OutputTimes = times });

        Assert.That(result.IsSuccess, Is.True, result.Message);
        Assert.That(result.Names, Is.EqualTo(new[] { "A", "B", "C", "D" }));
        string[] names = ["A", "B", "C", "D"];
        for (int i = 0; i < 4; i++)
        {
            Assert.That(result.GetColumn(names[i]), Is.EqualTo(reference.GetComponent(i)).Within(1e-9), names[i]);
        }
    }

    [Test]
    public void Event_AddsToASpecies_AtTheTriggerTime()
    {
        // A' = −k A from 1; when time >= 2, A = A + 5. Exact: A(t) = e^{−kt} (t < 2), (e^{−2k} + 5) e^{−k(t−2)}.
        var network = new ReactionNetworkBuilder("bump")
            .Species("A", 1).Parameter("k", 0.5)
            .Reaction("decay", "A =>", "k*A")
            .Event("E1", "time >= 2", ("A", "A + 5"))
            .Build();
        double[] times = [0, 1, 1.999, 2, 3, 4];
        var result = Simulator.Simulate(ModelCompiler.Compile(network), new SimulationSettings { EndTime = 4, OutputTimes = times, RelativeTolerance = 1e-10, AbsoluteTolerance = 1e-12, Solver = OdeSolvers.DormandPrince5 });
        double Exact(double t) => t < 2 ? Math.Exp(-0.5 * t) : (Math.Exp(-1) + 5) * Math.Exp(-0.5 * (t - 2));

        Assert.That(result.IsSuccess, Is.True, result.Message);
        Assert.That(result.GetColumn("A"), Is.EqualTo(times.Select(t => t == 2 ? Exact(2) : Exact(t)).ToArray()).Within(1e-7));
    }

    [Test]
    public void StrictTimeTrigger_Fires()
    {
        // "time > 5" is false at exactly 5 and true just after: the event must fire there.
        var network = new ReactionNetworkBuilder("strict")
            .Species("A", 1).Parameter("k1", 0.7, isConstant: false)
            .Reaction("J1", "A =>", "k1*A")
            .Event("E1", "time > 5", ("k1", "0.1"))
            .Build();
        var result = Simulator.Simulate(ModelCompiler.Compile(network), new SimulationSettings { EndTime = 10, OutputTimes = [0, 4, 6, 10], Outputs = ["k1"], Solver = OdeSolvers.DormandPrince5 });
        Assert.That(result.GetColumn("k1"), Is.EqualTo(new[] { 0.7, 0.7, 0.1, 0.1 }));
    }

    [Test]
    public void EventTriggeredByAState_ChangesAParameter_AndOutputsSeeTheValueInForce()
    {
        // Production at rate p until A reaches 1, then p = 0 (A' = p): A rises linearly to 1 at t = 1/p0 and stays.
        var network = new ReactionNetworkBuilder("switch")
            .Species("A", 0).Parameter("p", 2, isConstant: false)
            .Reaction("make", "=> A", "p")
            .Event("stop", "A >= 1", ("p", "0"))
            .Build();
        var result = Simulator.Simulate(ModelCompiler.Compile(network), new SimulationSettings { EndTime = 2, OutputTimes = [0, 0.25, 0.75, 1, 2], Outputs = ["A", "p"], Solver = OdeSolvers.DormandPrince5 });

        Assert.That(result.GetColumn("A"), Is.EqualTo(new[] { 0, 0.5, 1, 1, 1 }).Within(1e-9));
        Assert.That(result.GetColumn("p"), Is.EqualTo(new[] { 2.0, 2, 0, 0, 0 }));
    }

    [Test]
    public void EventWithInitialValueFalse_FiresAtTheStart_WhenItsTriggerHolds()
    {
        var fires = new ModelEvent("init", Sim.Modeling.Expressions.Expr.Parse("time >= 0"), [new EventAssignment("A", Sim.Modeling.Expressions.Expr.Parse("10"))], triggerInitialValue: false);
        var network = new ReactionNetworkBuilder("init").Species("A", 1).Parameter("k", 0).Reaction("none", "A =>", "k*A").Event(fires).Build();
        var result = Simulator.Simulate(ModelCompiler.Compile(network), new SimulationSettings { EndTime = 1, OutputPoints = 2, Solver = OdeSolvers.DormandPrince5 });
        Assert.That(result.GetColumn("A"), Is.EqualTo(new[] { 10.0, 10.0 }));
    }

    [Test]
    public void SimultaneousEvents_ExecuteInPriorityOrder()
    {
        // Both fire at t = 1; the higher priority runs first, so x ends as (0 + 1)·10 = 10, not 0·10 + 1.
        var network = new ReactionNetworkBuilder("priority")
            .Parameter("x", 0, isConstant: false).Parameter("k", 0).Species("A", 0).Reaction("none", "A =>", "k")
            .Event(new ModelEvent("times10", Sim.Modeling.Expressions.Expr.Parse("time >= 1"), [new EventAssignment("x", Sim.Modeling.Expressions.Expr.Parse("x*10"))], priority: Sim.Modeling.Expressions.Expr.Parse("1"), useValuesFromTriggerTime: false))
            .Event(new ModelEvent("plus1", Sim.Modeling.Expressions.Expr.Parse("time >= 1"), [new EventAssignment("x", Sim.Modeling.Expressions.Expr.Parse("x + 1"))], priority: Sim.Modeling.Expressions.Expr.Parse("2"), useValuesFromTriggerTime: false))
            .Build();
        var result = Simulator.Simulate(ModelCompiler.Compile(network), new SimulationSettings { EndTime = 2, OutputPoints = 3, Outputs = ["x"], Solver = OdeSolvers.DormandPrince5 });
        Assert.That(result.GetColumn("x"), Is.EqualTo(new[] { 0.0, 10, 10 }));
    }

    [Test]
    public void ScheduledParameterChange_AppliesExactlyAtItsTime()
    {
        // Drug added at t = 2: total := A + drug is reported with the drug value in force at each time.
        var network = new ReactionNetworkBuilder("dose")
            .Species("A", 1).Parameter("drug", 0).Parameter("k", 1).Parameter("total", 0, isConstant: false)
            .AssignmentRule("total", "A + drug")
            .Reaction("kill", "A =>", "k*drug*A")
            .Build();
        var result = Simulator.Simulate(ModelCompiler.Compile(network), new SimulationSettings
        {
            EndTime = 4,
            OutputTimes = [0, 1, 2, 3, 4],
            Outputs = ["A", "total"],
            Schedule = [new ScheduledChange(2, "drug", 0.5)],
            RelativeTolerance = 1e-10,
            AbsoluteTolerance = 1e-12,
            Solver = OdeSolvers.DormandPrince5,
        });
        double[] a = [1, 1, 1, Math.Exp(-0.5), Math.Exp(-1)];
        Assert.That(result.GetColumn("A"), Is.EqualTo(a).Within(1e-8));
        Assert.That(result.GetColumn("total"), Is.EqualTo(new[] { 1, 1, 1.5, a[3] + 0.5, a[4] + 0.5 }).Within(1e-8));
    }

    [Test]
    public void Csv_HasAHeaderAndRoundTripNumbers()
    {
        var result = Simulator.Simulate(ModelCompiler.Compile(TestNetworks.MassAction()), new SimulationSettings { EndTime = 1, OutputPoints = 3, Solver = OdeSolvers.DormandPrince5 });
        string[] lines = result.ToCsv("time_h").Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines[0], Is.EqualTo("time_h,A,B,C,D"));
        Assert.That(lines, Has.Length.EqualTo(4));
        double a = double.Parse(lines[3].Split(',')[1], CultureInfo.InvariantCulture);
        Assert.That(a, Is.EqualTo(result[2, "A"]));
    }

    [Test]
    public void UnknownOutput_IsRejectedWithASuggestion()
    {
        var ex = Assert.Throws<ArgumentException>(() => Simulator.Simulate(ModelCompiler.Compile(TestNetworks.MassAction()), new SimulationSettings { Outputs = ["AA"] }));
        Assert.That(ex!.Message, Does.Contain("did you mean 'A'"));
    }
}
