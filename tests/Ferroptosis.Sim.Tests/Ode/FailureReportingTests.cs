using Ferroptosis.Sim.Ode;
using Ferroptosis.Sim.Tests.TestProblems;

namespace Ferroptosis.Sim.Tests.Ode;

/// <summary>Numerical failure ends in a status and a message that says where, never in an exception or a silent success.</summary>
[TestFixtureSource(typeof(SolverSources), nameof(SolverSources.All))]
public sealed class FailureReportingTests(IOdeSolver solver)
{
    [Test]
    public void FiniteTimeBlowUp_EndsWithAFailureStatusBeforeTheSingularity()
    {
        // y' = y², y(0) = 1 has y = 1/(1 − t): no solution reaches t = 2.
        var system = OdeSystem.Create(1, (t, y, dy) => dy[0] = y[0] * y[0], (t, y, j) => j[0] = 2 * y[0], isAutonomous: true);
        var solution = Sim.Ode.Ode.Solve(new OdeProblem(system, 0, 2, [1.0]), solver);

        Assert.That(solution.IsSuccess, Is.False);
        Assert.That(solution.Status, Is.AnyOf(SolverStatus.StepSizeTooSmall, SolverStatus.NonFiniteState, SolverStatus.MaxStepsExceeded, SolverStatus.ConvergenceFailure));
        // The computed solution's own singularity is where the true one is, up to the tolerance.
        Assert.That(solution.FinalTime, Is.EqualTo(1.0).Within(1e-4));
        Assert.That(solution.Message, Does.Contain("t = "));
    }

    [Test]
    public void NaNRightHandSide_EndsWithNonFiniteState()
    {
        var system = OdeSystem.Create(1, (t, y, dy) => dy[0] = t < 0.5 ? -y[0] : double.NaN, (t, y, j) => j[0] = -1);
        var solution = Sim.Ode.Ode.Solve(new OdeProblem(system, 0, 1, [1.0]), solver);

        Assert.That(solution.Status, Is.EqualTo(SolverStatus.NonFiniteState), solution.Message);
        Assert.That(solution.FinalTime, Is.LessThan(0.5 + 1e-9));
        Assert.That(solution.Message, Does.Contain("t = 0.5").And.Contain("component 0"));
    }

    [Test]
    public void InfinityFromTheRightHandSide_InOneComponent_EndsWithNonFiniteState_NamingTheComponent()
    {
        // f_1 is +∞ from t = 0.3 on while the state stays finite: the failure must name t ≈ 0.3 and component 1.
        var system = OdeSystem.Create(
            2,
            (t, y, dy) =>
            {
                dy[0] = -y[0];
                dy[1] = t >= 0.3 ? double.PositiveInfinity : -2 * y[1];
            },
            (t, y, j) =>
            {
                j[0] = -1;
                j[1] = 0;
                j[2] = 0;
                j[3] = -2;
            });
        var solution = Sim.Ode.Ode.Solve(new OdeProblem(system, 0, 1, [1.0, 1.0]), solver);

        Assert.That(solution.Status, Is.EqualTo(SolverStatus.NonFiniteState), solution.Message);
        Assert.That(solution.FinalTime, Is.LessThan(0.3 + 1e-9));
        Assert.That(solution.Message, Does.Contain("t = 0.3").And.Contain("component 1"));
    }

    [Test]
    public void NaNAtTheInitialState_FailsImmediately()
    {
        var system = OdeSystem.Create(1, (t, y, dy) => dy[0] = Math.Sqrt(y[0] - 2), (t, y, j) => j[0] = 0);
        var solution = Sim.Ode.Ode.Solve(new OdeProblem(system, 0, 1, [1.0]), solver);

        Assert.That(solution.Status, Is.EqualTo(SolverStatus.NonFiniteState));
        Assert.That(solution.Message, Does.Contain("component 0"));
    }

    [Test]
    public void MaxSteps_IsReportedWithTimeAndStepSize()
    {
        var solution = Sim.Ode.Ode.Solve(StandardProblems.Vdpol.ToProblem(), solver, new OdeSolverOptions { MaxSteps = 20 });

        Assert.That(solution.Status, Is.EqualTo(SolverStatus.MaxStepsExceeded));
        Assert.That(solution.Message, Does.Contain("MaxSteps (20)").And.Contain("t = "));
        Assert.That(solution.Statistics.AttemptedSteps, Is.EqualTo(20));
    }

    [Test]
    public void Cancellation_Throws_AndTheIntegratorStaysUsable()
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        var integrator = solver.CreateIntegrator(StandardProblems.Aren.ToProblem());
        Assert.That(() => integrator.Solve(cts.Token), Throws.InstanceOf<OperationCanceledException>());
        Assert.That(() => Sim.Ode.Ode.Solve(StandardProblems.Aren.ToProblem(), solver, cancellationToken: cts.Token), Throws.InstanceOf<OperationCanceledException>());

        // Cancelled mid-run (from inside the right-hand side, once t passes 1): the integrator keeps its state and can finish.
        using var late = new CancellationTokenSource();
        var decay = OdeSystem.Create(1, (t, y, dy) =>
        {
            dy[0] = -y[0];
            if (t > 1)
            {
                late.Cancel();
            }
        }, (t, y, j) => j[0] = -1);
        var running = solver.CreateIntegrator(new OdeProblem(decay, 0, 10, [1.0]), new OdeSolverOptions { InitialStep = 1e-3, MaxStep = 1e-2 });
        Assert.That(() => running.Solve(late.Token), Throws.InstanceOf<OperationCanceledException>());
        Assert.That(running.Time, Is.GreaterThan(1).And.LessThan(10));
        Assert.That(running.Status, Is.EqualTo(SolverStatus.InProgress));
        var finished = running.Solve();
        Assert.That(finished.Status, Is.EqualTo(SolverStatus.Success), finished.Message);
        Assert.That(finished.FinalState[0], Is.EqualTo(Math.Exp(-10)).Within(1e-4));
    }
}
