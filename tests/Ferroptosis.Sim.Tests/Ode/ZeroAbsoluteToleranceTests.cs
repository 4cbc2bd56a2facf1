using Ferroptosis.Sim.Ode;

namespace Ferroptosis.Sim.Tests.Ode;

/// <summary>atol = 0 (pure relative control, as CVODE allows) and per-component tolerances with zero entries are accepted where they mean something.</summary>
[TestFixtureSource(typeof(SolverSources), nameof(SolverSources.All))]
public sealed class ZeroAbsoluteToleranceTests(IOdeSolver solver)
{
    [Test]
    public void PureRelativeControl_KeepsItsAccuracy_AtTinyMagnitudes()
    {
        // y' = −y from 1e-30: with the default atol = 1e-8 any answer would pass; with atol = 0 the relative error is controlled.
        var system = OdeSystem.Create(1, (t, y, dy) => dy[0] = -y[0], (t, y, j) => j[0] = -1, isAutonomous: true);
        var options = new OdeSolverOptions { RelativeTolerance = 1e-8, AbsoluteTolerance = 0, OutputTimes = [5.0] };
        var solution = Sim.Ode.Ode.Solve(new OdeProblem(system, 0, 5, [1e-30]), solver, options);

        Assert.That(solution.Status, Is.EqualTo(SolverStatus.Success), solution.Message);
        double exact = 1e-30 * Math.Exp(-5);
        // Within a few times the usual bound (BDF: 1.2e-7); with atol = 1e-8 the relative error could be anything.
        Assert.That(Math.Abs(solution.FinalState[0] - exact) / exact, Is.LessThan(3 * SolverSources.ExpectedError(solver, 1e-8)));
    }

    [Test]
    public void ComponentThatStaysExactlyZero_PassesTheErrorTest()
    {
        var system = OdeSystem.Create(
            2,
            (t, y, dy) =>
            {
                dy[0] = -y[0];
                dy[1] = -y[1] * y[0];
            },
            (t, y, j) =>
            {
                j[0] = -1;
                j[1] = 0;
                j[2] = -y[1];
                j[3] = -y[0];
            },
            isAutonomous: true);
        var options = new OdeSolverOptions { RelativeTolerance = 1e-6, AbsoluteTolerance = 0, OutputTimes = [2.0] };
        var solution = Sim.Ode.Ode.Solve(new OdeProblem(system, 0, 2, [1.0, 0.0]), solver, options);

        Assert.That(solution.Status, Is.EqualTo(SolverStatus.Success), solution.Message);
        Assert.That(solution.FinalState[1], Is.Zero);
        Assert.That(solution.FinalState[0], Is.EqualTo(Math.Exp(-2)).Within(SolverSources.ExpectedError(solver, 1e-6) * Math.Exp(-2)));
    }

    [Test]
    public void PerComponentTolerances_WithAZeroEntry_AreAccepted()
    {
        // y0 = e^−t (pure relative control), y1 = 1 − e^−t starts at exactly 0 and has its own atol.
        var system = DecayIntoProduct();
        var options = new OdeSolverOptions { RelativeTolerance = 1e-7, AbsoluteTolerances = [0, 1e-10], OutputTimes = [3.0] };
        var solution = Sim.Ode.Ode.Solve(new OdeProblem(system, 0, 3, [1.0, 0.0]), solver, options);

        Assert.That(solution.Status, Is.EqualTo(SolverStatus.Success), solution.Message);
        double bound = SolverSources.ExpectedError(solver, 1e-7);
        Assert.That(solution.FinalState[0], Is.EqualTo(Math.Exp(-3)).Within(bound * Math.Exp(-3)));
        Assert.That(solution.FinalState[1], Is.EqualTo(1 - Math.Exp(-3)).Within(bound));
    }

    [Test]
    public void ComponentStartingAtExactlyZero_UnderPureRelativeControl_IsSolvedOrFailsVisibly()
    {
        // Documented limit: BDF weights its Newton iteration with the current state only, so a component that
        // starts at exactly 0 under atol = 0 cannot be started; every other method solves it.
        var system = DecayIntoProduct();
        var options = new OdeSolverOptions { RelativeTolerance = 1e-7, AbsoluteTolerance = 0, OutputTimes = [3.0] };
        var solution = Sim.Ode.Ode.Solve(new OdeProblem(system, 0, 3, [1.0, 0.0]), solver, options);

        if (solver.Name == "Bdf" && !solution.IsSuccess)
        {
            Assert.That(solution.Message, Does.Contain("t = "));
            return;
        }

        Assert.That(solution.Status, Is.EqualTo(SolverStatus.Success), solution.Message);
        Assert.That(solution.FinalState[1], Is.EqualTo(1 - Math.Exp(-3)).Within(SolverSources.ExpectedError(solver, 1e-7) * (1 - Math.Exp(-3))));
    }

    /// <summary>y0' = −y0, y1' = y0 (y1 = 1 − e^−t from y1(0) = 0), with its Jacobian.</summary>
    private static IOdeSystem DecayIntoProduct() => OdeSystem.Create(
        2,
        (t, y, dy) =>
        {
            dy[0] = -y[0];
            dy[1] = y[0];
        },
        (t, y, j) =>
        {
            j[0] = -1;
            j[1] = 0;
            j[2] = 1;
            j[3] = 0;
        },
        isAutonomous: true);
}
