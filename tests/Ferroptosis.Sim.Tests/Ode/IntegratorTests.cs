using Ferroptosis.Sim.Ode;

namespace Ferroptosis.Sim.Tests.Ode;

/// <summary>The step-wise integrator interface and the solution's bookkeeping, for every solver.</summary>
[TestFixtureSource(typeof(SolverSources), nameof(SolverSources.All))]
public sealed class IntegratorTests(IOdeSolver solver)
{
    // y' = −y + sin t (a time-dependent right-hand side), exact solution for y(0) = y0.
    private static readonly IOdeSystem Forced = OdeSystem.Create(1, (t, y, dy) => dy[0] = -y[0] + Math.Sin(t), (t, y, j) => j[0] = -1);

    private static double Exact(double t, double y0) => ((y0 + 0.5) * Math.Exp(-t)) + (0.5 * (Math.Sin(t) - Math.Cos(t)));

    [Test]
    public void AdvanceTo_InterpolatesWithoutShorteningSteps()
    {
        var options = new OdeSolverOptions { RelativeTolerance = 1e-9, AbsoluteTolerance = 1e-12 };
        var integrator = solver.CreateIntegrator(new OdeProblem(Forced, 0, 10, [2.0]), options);
        var y = new double[1];
        foreach (double t in new[] { 0.0, 0.1, 0.7, 3.3, 9.99, 10.0 })
        {
            Assert.That(integrator.AdvanceTo(t, y), Is.True);
            Assert.That(y[0], Is.EqualTo(Exact(t, 2.0)).Within(Math.Max(1e-7, SolverSources.ExpectedError(solver, 1e-9))), $"t = {t}");
        }

        Assert.That(integrator.Status, Is.EqualTo(SolverStatus.Success));
        Assert.That(integrator.Time, Is.EqualTo(10.0), "the last step lands exactly on the end time");
    }

    [Test]
    public void Step_ReturnsFalseOnceFinished_AndTimeIncreases()
    {
        var integrator = solver.CreateIntegrator(new OdeProblem(Forced, 0, 2, [0.0]));
        double last = integrator.Time;
        int steps = 0;
        while (integrator.Step())
        {
            Assert.That(integrator.Time, Is.GreaterThan(last));
            Assert.That(integrator.PreviousTime, Is.EqualTo(last));
            last = integrator.Time;
            steps++;
        }

        Assert.That(integrator.IsFinished, Is.True);
        Assert.That(integrator.Status, Is.EqualTo(SolverStatus.Success));
        Assert.That(integrator.Step(), Is.False);
        Assert.That(integrator.Statistics.AcceptedSteps, Is.EqualTo(steps + 1));
    }

    [Test]
    public void EveryStepRecording_StartsAtT0_AndEndsAtTEnd()
    {
        var solution = solver.CreateIntegrator(new OdeProblem(Forced, 0, 3, [1.0])).Solve();
        Assert.That(solution.Times[0], Is.EqualTo(0.0));
        Assert.That(solution.Times[^1], Is.EqualTo(3.0));
        Assert.That(solution.Count, Is.EqualTo(solution.Statistics.AcceptedSteps + 1));
        Assert.That(solution.GetState(solution.Count - 1).ToArray(), Is.EqualTo(solution.FinalState.ToArray()));
    }

    [Test]
    public void OutputTimes_AreRecordedExactly_WithInterpolatedValues()
    {
        double[] times = [0, 0.25, 1, 1.5, 4];
        var options = new OdeSolverOptions { RelativeTolerance = 1e-9, AbsoluteTolerance = 1e-12, OutputTimes = times };
        var solution = solver.CreateIntegrator(new OdeProblem(Forced, 0, 4, [1.0]), options).Solve();
        Assert.That(solution.Times.ToArray(), Is.EqualTo(times));
        Assert.That(solution.GetComponent(0), Is.EqualTo(times.Select(t => Exact(t, 1.0)).ToArray()).Within(1e-7));
    }

    [Test]
    public void DenseOutput_AgreesWithRecordedStepsAndTheExactSolution()
    {
        var options = new OdeSolverOptions { RelativeTolerance = 1e-9, AbsoluteTolerance = 1e-12, DenseOutput = true };
        var solution = solver.CreateIntegrator(new OdeProblem(Forced, 0, 5, [1.0]), options).Solve();
        for (int k = 0; k < solution.Count; k++)
        {
            Assert.That(solution.Interpolate(solution.Times[k])[0], Is.EqualTo(solution[k, 0]).Within(1e-12), $"step end {k}");
        }

        for (double t = 0; t <= 5; t += 0.0137)
        {
            Assert.That(solution.Interpolate(t)[0], Is.EqualTo(Exact(t, 1.0)).Within(1e-6), $"t = {t}");
        }
    }

    [Test]
    public void OutputObserver_SeesEveryRecordedPointInOrder_BeforeLaterEventsChangeTheirInputs()
    {
        // A "parameter" k outside the state is switched by a time event at t = 1; the observer
        // computes k·y at each recorded point and must see the value of k in force at that time.
        double k = 1;
        var system = OdeSystem.Create(1, (t, y, dy) => dy[0] = 0, (t, y, j) => j[0] = 0);
        var seen = new List<(double T, double Value)>();
        var options = new OdeSolverOptions
        {
            OutputTimes = [0, 0.5, 1, 1.5],
            TimeEvents = [new Ferroptosis.Sim.Ode.Events.TimeEvent("switch", [1.0], (t, y) => k = 10)],
            OutputObserver = (t, y) => seen.Add((t, k * y[0])),
        };
        var solution = solver.CreateIntegrator(new OdeProblem(system, 0, 2, [1.0]), options).Solve();

        Assert.That(seen.Select(p => p.T), Is.EqualTo(solution.Times.ToArray()));
        Assert.That(seen.Select(p => p.Value), Is.EqualTo(new[] { 1.0, 1.0, 10.0, 10.0 }), "output at the event time reports the state after it");
    }

    [Test]
    public void PerComponentAbsoluteTolerances_AreAccepted()
    {
        var system = OdeSystem.Create(2, (t, y, dy) => { dy[0] = -y[0]; dy[1] = -1000 * y[1]; });
        var options = new OdeSolverOptions { AbsoluteTolerances = [1e-10, 1e-3], RelativeTolerance = 1e-6 };
        var solution = solver.CreateIntegrator(new OdeProblem(system, 0, 1, [1.0, 1.0]), options).Solve();
        Assert.That(solution.IsSuccess, Is.True, solution.Message);
        Assert.That(solution.FinalState[0], Is.EqualTo(Math.Exp(-1)).Within(Math.Max(1e-5, SolverSources.ExpectedError(solver, 1e-6))));
    }
}
