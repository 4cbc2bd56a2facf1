using Ferroptosis.Sim.Ode;

namespace Ferroptosis.Sim.Tests.Ode;

/// <summary>Far from t = 0 the solution is as accurate as near it: steps are differences of representable times.</summary>
[TestFixtureSource(typeof(SolverSources), nameof(SolverSources.All))]
public sealed class LargeTimeTests(IOdeSolver solver)
{
    [TestCase(0.0)]
    [TestCase(1e12)]
    public void Decay_OnTenUnitsOfTime_IsAsAccurateAtOneTrillionAsAtZero(double t0)
    {
        // y' = −y, y(t0) = 1 on [t0, t0 + 10]: y(t0 + 10) = e^−10 whatever t0. ulp(1e12) ≈ 1.2e-4, so a step
        // of 0.1 taken as h rather than as (t0 + h) − t0 is wrong by ~1e-3 relative.
        var system = OdeSystem.Create(1, (t, y, dy) => dy[0] = -y[0], (t, y, j) => j[0] = -1, isAutonomous: true);
        var options = new OdeSolverOptions { RelativeTolerance = 1e-8, AbsoluteTolerance = 1e-12, OutputTimes = [t0 + 10] };
        var solution = Sim.Ode.Ode.Solve(new OdeProblem(system, t0, t0 + 10, [1.0]), solver, options);

        if (solver.Name == "Bdf" && t0 != 0 && solution.Status == SolverStatus.StepSizeTooSmall)
        {
            // BDF starts at order 1, whose step for rtol 1e-8 (~1e-4) is about one unit in the last place of
            // t = 1e12: it cannot start, and says so rather than rounding its times.
            Assert.That(solution.Message, Does.Contain("too small"));
            return;
        }

        Assert.That(solution.Status, Is.EqualTo(SolverStatus.Success), solution.Message);
        double exact = Math.Exp(-10);
        Assert.That(Math.Abs(solution.FinalState[0] - exact) / exact, Is.LessThan(Math.Max(1e-5, SolverSources.ExpectedError(solver, 1e-8))), "relative error");
    }
}
