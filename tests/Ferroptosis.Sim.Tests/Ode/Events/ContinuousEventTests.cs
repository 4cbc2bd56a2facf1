using Ferroptosis.Sim.Ode;
using Ferroptosis.Sim.Ode.Events;

namespace Ferroptosis.Sim.Tests.Ode.Events;

/// <summary>Continuous events against problems whose event times are known exactly.</summary>
[TestFixtureSource(typeof(SolverSources), nameof(SolverSources.All))]
public sealed class ContinuousEventTests(IOdeSolver solver)
{
    private static readonly OdeSolverOptions Tight = new() { RelativeTolerance = 1e-12, AbsoluteTolerance = 1e-14 };

    [Test]
    public void DecayToThreshold_TerminalEvent_IsLocatedToTenDigits()
    {
        // y' = −y, y(0) = 1 reaches 1/2 at t* = ln 2.
        var system = OdeSystem.Create(1, (t, y, dy) => dy[0] = -y[0], (t, y, j) => j[0] = -1, isAutonomous: true);
        var half = new OdeEvent("half", (t, y) => y[0] - 0.5, EventDirection.Falling, isTerminal: true);
        var solution = Sim.Ode.Ode.Solve(new OdeProblem(system, 0, 10, [1.0]), solver, Tight with { Events = [half] });

        Assert.That(solution.Status, Is.EqualTo(SolverStatus.TerminatedByEvent), solution.Message);
        Assert.That(solution.Events, Has.Count.EqualTo(1));
        // Located on the computed solution to 1e-10; the computed solution itself is as accurate as the method.
        Assert.That(solution.FinalState[0], Is.EqualTo(0.5).Within(1e-10));
        Assert.That(solution.FinalTime, Is.EqualTo(solution.Events[0].Time));
        Assert.That(solution.Events[0].Time, Is.EqualTo(Math.Log(2)).Within(Math.Max(1e-10, SolverSources.ExpectedError(solver, 1e-12))));
    }

    [Test]
    public void BouncingBall_ImpactTimesMatchTheExactSolution()
    {
        // x'' = −g from x = 10 at rest; at x = 0 (falling) the velocity reverses with restitution e.
        // Impacts: t1 = √(2·10/g), then each flight lasts 2·e^k·t1.
        const double g = 9.81;
        const double e = 0.9;
        var system = OdeSystem.Create(2, (t, y, dy) => { dy[0] = y[1]; dy[1] = -g; }, (t, y, j) => { j[0] = 0; j[1] = 1; j[2] = 0; j[3] = 0; }, isAutonomous: true);
        var bounce = new OdeEvent("impact", (t, y) => y[0], EventDirection.Falling, (t, y) => y[1] = -e * y[1]);
        double t1 = Math.Sqrt(2 * 10 / g);
        double tEnd = t1 * (1 + (2 * e) + (2 * e * e)) + 0.1;
        var solution = Sim.Ode.Ode.Solve(new OdeProblem(system, 0, tEnd, [10.0, 0.0]), solver, Tight with { Events = [bounce] });

        Assert.That(solution.Status, Is.EqualTo(SolverStatus.Success), solution.Message);
        double[] expected = [t1, t1 * (1 + (2 * e)), t1 * (1 + (2 * e) + (2 * e * e))];
        Assert.That(solution.Events.Select(o => o.Time), Is.EqualTo(expected).Within(1e-9));
    }

    [TestCase(1e-11)]
    [TestCase(1e-12)]
    [TestCase(1e-13)]
    [TestCase(1e-14)]
    public void AnEventAtExactlyZeroAfterAnotherEvent_IsCrossedAtTightTolerances(double atol)
    {
        // x' = 1 from x = −5.3; events at x > −0.699 and x > 0, each setting a marker state. After the second restart the
        // state is a few units in the last place from 0 with a derivative of 1, so the automatic first step used to be
        // smaller than the spacing of doubles at t = 5.3 and every solver but one stopped with StepSizeTooSmall.
        var system = OdeSystem.Create(3, (t, y, dy) => { dy[0] = 1; dy[1] = 0; dy[2] = 0; }, (t, y, j) => j.Clear(), isAutonomous: true);
        var first = new OdeEvent("first", (t, y) => y[0] + 0.699, EventDirection.Rising, (t, y) => y[1] = 1);
        var zero = new OdeEvent("zero", (t, y) => y[0], EventDirection.Rising, (t, y) => y[2] = 1);
        var options = new OdeSolverOptions { RelativeTolerance = 1e-8, AbsoluteTolerance = atol, Events = [first, zero] };
        var solution = Sim.Ode.Ode.Solve(new OdeProblem(system, 0, 10, [-5.3, 0, 0]), solver, options);

        Assert.That(solution.Status, Is.EqualTo(SolverStatus.Success), solution.Message);
        Assert.That(solution.Events.Select(o => o.Name), Is.EqualTo(new[] { "first", "zero" }));
        Assert.That(solution.Events.Select(o => o.Time), Is.EqualTo(new[] { 5.3 - 0.699, 5.3 }).Within(1e-9));
        Assert.That(solution.FinalState.ToArray(), Is.EqualTo(new[] { 4.7, 1, 1 }).Within(1e-9));
    }

    [Test]
    public void FunctionRestingOnZero_IsReportedWhereItReachesZeroAndWhereItLeavesIt()
    {
        // y' = 1 from 0: g = floor(y) − 2 is −1 on [1, 2), exactly 0 on [2, 3) and 1 on [3, 4), all inside one large
        // step. Rising sees −1 → 0 at t = 2 (with g = 0 there) and 0 → 1 at t = 3; Falling sees nothing.
        var system = OdeSystem.Create(1, (t, y, dy) => dy[0] = 1, (t, y, j) => j[0] = 0, isAutonomous: true);
        var up = new OdeEvent("up", (t, y) => Math.Floor(y[0]) - 2, EventDirection.Rising);
        var down = new OdeEvent("down", (t, y) => Math.Floor(y[0]) - 2, EventDirection.Falling);
        var options = new OdeSolverOptions { InitialStep = 4.0, Events = [up, down] };
        var solution = Sim.Ode.Ode.Solve(new OdeProblem(system, 0, 3.5, [0.0]), solver, options);

        Assert.That(solution.Status, Is.EqualTo(SolverStatus.Success), solution.Message);
        Assert.That(solution.Events.Select(o => o.Name), Is.EqualTo(new[] { "up", "up" }));
        Assert.That(solution.Events.Select(o => o.Time), Is.EqualTo(new[] { 2.0, 3.0 }).Within(1e-9));
    }

    [TestCase(true)]
    [TestCase(false)]
    public void PairOfCrossingsBetweenTwoSamples_IsFound(bool cusp)
    {
        // y' = 1 from 0 in one step of length 1 (samples 0.2 apart): g is negative only on (0.49, 0.51), a dip
        // between the samples at 0.4 and 0.6, with a cusp (√|y − 0.5| − 0.1) or smooth ((y − 0.5)² − 10⁻⁴).
        var system = OdeSystem.Create(1, (t, y, dy) => dy[0] = 1, (t, y, j) => j[0] = 0, isAutonomous: true);
        EventFunction g = cusp ? (t, y) => Math.Sqrt(Math.Abs(y[0] - 0.5)) - 0.1 : (t, y) => ((y[0] - 0.5) * (y[0] - 0.5)) - 1e-4;
        var options = new OdeSolverOptions { InitialStep = 1.0, Events = [new OdeEvent("dip", g)] };
        var solution = Sim.Ode.Ode.Solve(new OdeProblem(system, 0, 1, [0.0]), solver, options);

        Assert.That(solution.Status, Is.EqualTo(SolverStatus.Success), solution.Message);
        Assert.That(solution.Events.Select(o => o.Time), Is.EqualTo(new[] { 0.49, 0.51 }).Within(1e-9));
    }

    [Test]
    public void EventsInOneStep_FireInTimeOrder()
    {
        // y' = 1: markers at t = 0.31 (listed first) and t = 0.30, inside one large step.
        var system = OdeSystem.Create(1, (t, y, dy) => dy[0] = 1, (t, y, j) => j[0] = 0, isAutonomous: true);
        var late = new OdeEvent("late", (t, y) => y[0] - 0.31);
        var early = new OdeEvent("early", (t, y) => y[0] - 0.30);
        var options = new OdeSolverOptions { InitialStep = 1.0, Events = [late, early] };
        var solution = Sim.Ode.Ode.Solve(new OdeProblem(system, 0, 1, [0.0]), solver, options);

        Assert.That(solution.Events.Select(o => o.Name), Is.EqualTo(new[] { "early", "late" }));
        Assert.That(solution.Events.Select(o => o.Time), Is.EqualTo(new[] { 0.30, 0.31 }).Within(1e-12));
    }

    [Test]
    public void EventsWithActionsInOneStep_FireInTimeOrder_AndEachSeesTheEarlierChange()
    {
        // y' = 1 with a counter z: each event adds to z; the later event records z at its time.
        var system = OdeSystem.Create(2, (t, y, dy) => { dy[0] = 1; dy[1] = 0; }, (t, y, j) => j.Clear(), isAutonomous: true);
        double seenByLate = double.NaN;
        var late = new OdeEvent("late", (t, y) => y[0] - 0.31, action: (t, y) => { seenByLate = y[1]; y[1] += 10; });
        var early = new OdeEvent("early", (t, y) => y[0] - 0.30, action: (t, y) => y[1] += 1);
        var options = new OdeSolverOptions { InitialStep = 1.0, Events = [late, early] };
        var solution = Sim.Ode.Ode.Solve(new OdeProblem(system, 0, 1, [0.0, 0.0]), solver, options);

        Assert.That(solution.Events.Select(o => o.Name), Is.EqualTo(new[] { "early", "late" }));
        Assert.That(seenByLate, Is.EqualTo(1));
        Assert.That(solution.FinalState[1], Is.EqualTo(11));
    }

    [Test]
    public void ZeroAtStartTime_DoesNotFire_ButTheNextCrossingDoes()
    {
        // g(t, y) = sin(t) is 0 at t0 = 0; the documented convention: no event at t0, one at π.
        var system = OdeSystem.Create(1, (t, y, dy) => dy[0] = 0, (t, y, j) => j[0] = 0);
        var crossing = new OdeEvent("sin", (t, y) => Math.Sin(t));
        var solution = Sim.Ode.Ode.Solve(new OdeProblem(system, 0, 4, [0.0]), solver, Tight with { Events = [crossing] });

        Assert.That(solution.Events.Select(o => o.Time), Is.EqualTo(new[] { Math.PI }).Within(1e-10));
    }

    [Test]
    public void EventTime_IsWhereTheFunctionHasStrictlyChangedSign()
    {
        // g = t − 5 is exactly zero at t = 5; the event is reported just after, where g > 0, so that a
        // strict condition such as "t > 5" already holds in the action.
        var system = OdeSystem.Create(1, (t, y, dy) => dy[0] = 0, (t, y, j) => j[0] = 0);
        double seen = double.NaN;
        var strict = new OdeEvent("after5", (t, y) => t - 5, EventDirection.Rising, (t, y) => seen = t);
        var solution = Sim.Ode.Ode.Solve(new OdeProblem(system, 0, 10, [0.0]), solver, new OdeSolverOptions { Events = [strict] });

        Assert.That(seen, Is.GreaterThan(5.0).And.LessThanOrEqualTo(5.0 + 1e-10));
        Assert.That(solution.Events.Single().Time, Is.EqualTo(seen));
    }

    [Test]
    public void DirectionFilter_OnlyMatchingCrossingsFire()
    {
        // cos(t) falls through 0 at π/2 and 5π/2, rises at 3π/2.
        var system = OdeSystem.Create(1, (t, y, dy) => dy[0] = 0, (t, y, j) => j[0] = 0);
        var rising = new OdeEvent("rising", (t, y) => Math.Cos(t), EventDirection.Rising);
        var falling = new OdeEvent("falling", (t, y) => Math.Cos(t), EventDirection.Falling);
        var solution = Sim.Ode.Ode.Solve(new OdeProblem(system, 0, 9, [0.0]), solver, Tight with { Events = [rising, falling] });

        Assert.That(solution.Events.Where(o => o.Name == "rising").Select(o => o.Time), Is.EqualTo(new[] { 1.5 * Math.PI }).Within(1e-9));
        Assert.That(solution.Events.Where(o => o.Name == "falling").Select(o => o.Time), Is.EqualTo(new[] { 0.5 * Math.PI, 2.5 * Math.PI }).Within(1e-9));
    }

    [Test]
    public void OutputAtEventTime_ReportsStateAfterTheChange()
    {
        // y' = 1 from 0; at y = 0.5 (t = 0.5) the state is reset to 0 (the next crossing would be at t = 1).
        var system = OdeSystem.Create(1, (t, y, dy) => dy[0] = 1, (t, y, j) => j[0] = 0, isAutonomous: true);
        var reset = new OdeEvent("reset", (t, y) => y[0] - 0.5, EventDirection.Rising, (t, y) => y[0] = 0);
        var options = Tight with { Events = [reset], OutputTimes = [0.25, 0.75, 0.9] };
        var solution = Sim.Ode.Ode.Solve(new OdeProblem(system, 0, 0.9, [0.0]), solver, options);

        Assert.That(solution.Times.ToArray(), Is.EqualTo(new[] { 0.25, 0.75, 0.9 }));
        Assert.That(solution.GetComponent(0), Is.EqualTo(new[] { 0.25, 0.25, 0.4 }).Within(1e-9));
    }
}
