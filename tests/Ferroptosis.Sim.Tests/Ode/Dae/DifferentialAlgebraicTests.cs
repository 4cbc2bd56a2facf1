using Ferroptosis.Sim.Ode;
using Ferroptosis.Sim.Tests.TestProblems;

namespace Ferroptosis.Sim.Tests.Ode.Dae;

/// <summary>Index-1 differential–algebraic systems M·y′ = f(t, y) with the Rosenbrock solvers and BDF: reference and closed-form solutions, consistent initialisation, failures and misuse.</summary>
public sealed class DifferentialAlgebraicTests
{
    private static readonly IOdeSolver[] DaeSolvers = [OdeSolvers.Rodas5P, OdeSolvers.Rodas4, OdeSolvers.Bdf, OdeSolvers.Auto];

    /// <summary>ROBER as a DAE reaches the test set's reference at t = 1e11, also from an inconsistent y3(0) (which the initialisation corrects to 0).</summary>
    [Test]
    public void RoberAsDae_ReachesTheOdeReference([ValueSource(nameof(DaeSolvers))] IOdeSolver solver, [Values(0.0, 0.25)] double y3)
    {
        var reference = StandardProblems.Rober;
        var problem = new OdeProblem(DaeSystem.RoberDae(), 0, reference.EndTime, [1.0, 0.0, y3]);
        var solution = solver.CreateIntegrator(problem, new OdeSolverOptions { RelativeTolerance = 1e-8, AbsoluteTolerance = 1e-14 }).Solve();
        Assert.That(solution.IsSuccess, solution.Message);
        double scd = reference.Scd(solution.FinalState);
        TestContext.Out.WriteLine($"{solver.Name}: scd {scd:F2}, {solution.Statistics.AcceptedSteps} steps");
        Assert.Multiple(() =>
        {
            Assert.That(scd, Is.GreaterThan(7.0), "significant correct digits against the test set's reference");
            Assert.That(solution.GetState(0)[2], Is.EqualTo(0.0).Within(1e-12), "the recorded initial state is the consistent one");
        });
    }

    /// <summary>y1′ = −y1 + y2, 0 = y2 − sin t: y1 = 1.5·e^(−t) + (sin t − cos t)/2 and y2 = sin t, at every output time (dense output of both kinds of component).</summary>
    [Test]
    public void LinearDae_MatchesItsClosedForm([ValueSource(nameof(DaeSolvers))] IOdeSolver solver)
    {
        var system = new DaeSystem(2, [1, 0, 0, 0], (t, y, f) =>
        {
            f[0] = -y[0] + y[1];
            f[1] = y[1] - Math.Sin(t);
        }, isAutonomous: false);
        double[] times = [.. Enumerable.Range(0, 41).Select(k => k * 0.25)];
        var options = new OdeSolverOptions { RelativeTolerance = 1e-9, AbsoluteTolerance = 1e-12, OutputTimes = times };
        var solution = solver.CreateIntegrator(new OdeProblem(system, 0, 10, [1.0, 3.0]), options).Solve();
        Assert.That(solution.IsSuccess, solution.Message);
        double worst = 0;
        for (int k = 0; k < times.Length; k++)
        {
            double t = solution.Times[k];
            var y = solution.GetState(k);
            worst = Math.Max(worst, Math.Abs(y[0] - ((1.5 * Math.Exp(-t)) + ((Math.Sin(t) - Math.Cos(t)) / 2))));
            worst = Math.Max(worst, Math.Abs(y[1] - Math.Sin(t)));
        }

        TestContext.Out.WriteLine($"{solver.Name}: largest error {worst:G3}");
        Assert.That(worst, Is.LessThan(1e-7));
    }

    /// <summary>A rapid equilibrium A ⇌ B (2A = B) drained by B → ∅ at rate 0.3·B, written with the non-diagonal mass matrix [[1, 1], [0, 0]]: A + B = e^(−0.2t), from the inconsistent A = 1, B = 0.</summary>
    [Test]
    public void ConservedCombination_WithANonDiagonalMassMatrix_MatchesItsClosedForm([ValueSource(nameof(DaeSolvers))] IOdeSolver solver)
    {
        var system = new DaeSystem(2, [1, 1, 0, 0], (t, y, f) =>
        {
            f[0] = -0.3 * y[1];
            f[1] = (2.0 * y[0]) - y[1];
        });
        double[] times = [0, 1, 2, 5, 10];
        var options = new OdeSolverOptions { RelativeTolerance = 1e-9, AbsoluteTolerance = 1e-12, OutputTimes = times };
        var solution = solver.CreateIntegrator(new OdeProblem(system, 0, 10, [1.0, 0.0]), options).Solve();
        Assert.That(solution.IsSuccess, solution.Message);
        for (int k = 0; k < times.Length; k++)
        {
            double total = Math.Exp(-0.2 * times[k]);
            Assert.That(solution.GetState(k)[0], Is.EqualTo(total / 3).Within(1e-8), $"A at t = {times[k]}");
            Assert.That(solution.GetState(k)[1], Is.EqualTo(2 * total / 3).Within(1e-8), $"B at t = {times[k]}");
        }
    }

    [Test]
    public void AlgebraicEquationWithoutASolution_FailsWithAClearStatus()
    {
        var system = new DaeSystem(2, [1, 0, 0, 0], (t, y, f) =>
        {
            f[0] = -y[0];
            f[1] = (y[1] * y[1]) + 1.0;
        });
        var solution = OdeSolvers.Rodas5P.CreateIntegrator(new OdeProblem(system, 0, 1, [1.0, 0.5])).Solve();
        Assert.That(solution.Status, Is.EqualTo(SolverStatus.ConvergenceFailure));
        Assert.That(solution.Message, Does.StartWith("No consistent initial values at t = 0"));
    }

    [Test]
    public void AlgebraicEquationNotDeterminingItsComponent_IsReportedAsSingular()
    {
        var system = new DaeSystem(2, [1, 0, 0, 0], (t, y, f) =>
        {
            f[0] = -y[0];
            f[1] = y[0] - 1.0;
        });
        var solution = OdeSolvers.Rodas4.CreateIntegrator(new OdeProblem(system, 0, 1, [1.0, 0.0])).Solve();
        Assert.That(solution.Status, Is.EqualTo(SolverStatus.ConvergenceFailure));
        Assert.That(solution.Message, Does.Contain("singular"));
    }

    [Test]
    public void SolversWithoutDaeSupport_AndBadMassMatrices_AreRefused()
    {
        var problem = new OdeProblem(DaeSystem.RoberDae(), 0, 1, [1.0, 0.0, 0.0]);
        Assert.Multiple(() =>
        {
            Assert.That(() => OdeSolvers.Tsit5.CreateIntegrator(problem), Throws.ArgumentException.With.Message.Contains("mass matrix"));
            Assert.That(() => OdeSolvers.Bdf.CreateIntegrator(problem, new OdeSolverOptions { LinearSolver = LinearSolverChoice.Krylov() }), Throws.ArgumentException.With.Message.Contains("dense linear solver"));
            Assert.That(() => OdeSolvers.Rosenbrock23.CreateIntegrator(problem), Throws.ArgumentException.With.Message.Contains("not stiffly accurate"));
            var wrongSize = new DaeSystem(3, [1, 0, 0, 1], (t, y, f) => f.Clear());
            Assert.That(() => OdeSolvers.Rodas5P.CreateIntegrator(new OdeProblem(wrongSize, 0, 1, [0.0, 0, 0])), Throws.ArgumentException.With.Message.Contains("9 values"));
        });
    }

    [Test]
    public void WarmedUpDaeStepsAllocateNothing([Values("Rodas5P", "Bdf")] string name)
    {
        var problem = new OdeProblem(DaeSystem.RoberDae(), 0, 1e11, [1.0, 0.0, 0.0]);
        var integrator = OdeSolvers.FromName(name).CreateIntegrator(problem, new OdeSolverOptions { RelativeTolerance = 1e-7, AbsoluteTolerance = 1e-12, OutputTimes = [1e11] });
        for (int k = 0; k < 20; k++)
        {
            Assert.That(integrator.Step(), Is.True);
        }

        long allocated = GC.GetAllocatedBytesForCurrentThread();
        for (int k = 0; k < 100 && integrator.Step(); k++)
        {
        }

        allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;
        Assert.That(allocated, Is.Zero);
    }
}
