using Ferroptosis.Sim.Ode;
using Ferroptosis.Sim.Ode.Events;

namespace Ferroptosis.Sim.Tests.Ode.Events;

/// <summary>Time events (dosing schedules) against exact piecewise solutions.</summary>
[TestFixtureSource(typeof(SolverSources), nameof(SolverSources.All))]
public sealed class TimeEventTests(IOdeSolver solver)
{
    private const double K = 0.3;
    private const double Dose = 2.0;

    [Test]
    public void DosingSchedule_MatchesTheExactPiecewiseSolution()
    {
        // y' = −k y with a bolus D at t = 0, 6, 12, 18: y(t) = Σ_{t_i ≤ t} D·exp(−k (t − t_i)).
        double[] doseTimes = [0, 6, 12, 18];
        var system = OdeSystem.Create(1, (t, y, dy) => dy[0] = -K * y[0], (t, y, j) => j[0] = -K, isAutonomous: true);
        double[] outputs = [0, 1, 5.5, 6, 7.25, 12, 17.9, 18, 23];
        var options = new OdeSolverOptions
        {
            RelativeTolerance = 1e-10,
            AbsoluteTolerance = 1e-12,
            OutputTimes = outputs,
            TimeEvents = [TimeEvent.Doses("dose", 0, Dose, first: 0, interval: 6, count: 4)],
        };
        var solution = Sim.Ode.Ode.Solve(new OdeProblem(system, 0, 24, [0.0]), solver, options);

        Assert.That(solution.Status, Is.EqualTo(SolverStatus.Success), solution.Message);
        Assert.That(solution.Events.Select(e => e.Time), Is.EqualTo(doseTimes), "steps land exactly on the dose times");
        var expected = outputs.Select(t => doseTimes.Where(ti => ti <= t).Sum(ti => Dose * Math.Exp(-K * (t - ti)))).ToArray();
        Assert.That(solution.GetComponent(0), Is.EqualTo(expected).Within(Math.Max(1e-8, SolverSources.ExpectedError(solver, 1e-10))));
    }

    [Test]
    public void EveryStepRecording_KeepsStateBeforeAndAfterEachDose()
    {
        var system = OdeSystem.Create(1, (t, y, dy) => dy[0] = -K * y[0], (t, y, j) => j[0] = -K, isAutonomous: true);
        var options = new OdeSolverOptions { TimeEvents = [TimeEvent.Doses("dose", 0, Dose, first: 5, interval: 5, count: 2)] };
        var solution = Sim.Ode.Ode.Solve(new OdeProblem(system, 0, 12, [1.0]), solver, options);

        var times = solution.Times.ToArray();
        int first = Array.IndexOf(times, 5.0);
        Assert.That(first, Is.GreaterThan(0));
        Assert.That(times[first + 1], Is.EqualTo(5.0));
        Assert.That(solution[first + 1, 0] - solution[first, 0], Is.EqualTo(Dose).Within(1e-12));
        Assert.That(solution[first, 0], Is.EqualTo(Math.Exp(-K * 5)).Within(Math.Max(1e-6, SolverSources.ExpectedError(solver, OdeSolverOptions.Default.RelativeTolerance))));
    }

    [Test]
    public void TerminalTimeEvent_StopsExactlyThere()
    {
        var system = OdeSystem.Create(1, (t, y, dy) => dy[0] = 1, (t, y, j) => j[0] = 0, isAutonomous: true);
        var stop = new TimeEvent("stop", [2.5], (t, y) => { }, isTerminal: true);
        var solution = Sim.Ode.Ode.Solve(new OdeProblem(system, 0, 10, [0.0]), solver, new OdeSolverOptions { TimeEvents = [stop] });

        Assert.That(solution.Status, Is.EqualTo(SolverStatus.TerminatedByEvent));
        Assert.That(solution.FinalTime, Is.EqualTo(2.5));
        Assert.That(solution.FinalState[0], Is.EqualTo(2.5).Within(1e-12));
    }

    [Test]
    public void DosingWithInterpolatedDenseOutput_IsDiscontinuousAtTheDose()
    {
        var system = OdeSystem.Create(1, (t, y, dy) => dy[0] = -K * y[0], (t, y, j) => j[0] = -K, isAutonomous: true);
        var options = new OdeSolverOptions { RelativeTolerance = 1e-9, AbsoluteTolerance = 1e-12, DenseOutput = true, TimeEvents = [TimeEvent.Doses("dose", 0, Dose, first: 4, interval: 1, count: 1)] };
        var solution = Sim.Ode.Ode.Solve(new OdeProblem(system, 0, 8, [1.0]), solver, options);

        double within = Math.Max(1e-7, SolverSources.ExpectedError(solver, 1e-9));
        Assert.That(solution.Interpolate(4.0 - 1e-9)[0], Is.EqualTo(Math.Exp(-K * 4)).Within(within));
        Assert.That(solution.Interpolate(4.0)[0], Is.EqualTo(Math.Exp(-K * 4) + Dose).Within(within), "at the dose time the later piece wins");
        Assert.That(solution.Interpolate(6.5)[0], Is.EqualTo((Math.Exp(-K * 4) + Dose) * Math.Exp(-K * 2.5)).Within(within));
    }
}
