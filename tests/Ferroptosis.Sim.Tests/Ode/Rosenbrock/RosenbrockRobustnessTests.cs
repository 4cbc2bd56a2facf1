using Ferroptosis.Sim.Ode;
using Ferroptosis.Sim.Tests.TestProblems;

namespace Ferroptosis.Sim.Tests.Ode.Rosenbrock;

/// <summary>Allocation, failure reporting and misuse of every Rosenbrock method.</summary>
public sealed class RosenbrockRobustnessTests
{
    [TestCaseSource(typeof(RosenbrockMethods), nameof(RosenbrockMethods.All))]
    public void WarmedUpStep_AllocatesNothing(IOdeSolver solver)
    {
        foreach (var problem in new[] { StandardProblems.Hires.ToProblem(), ExactProblems.NonAutonomous.ToProblem() })
        {
            // Output only at the end, so that no output array grows; the non-autonomous problem adds ∂f/∂t.
            var options = new OdeSolverOptions { RelativeTolerance = 1e-8, AbsoluteTolerance = 1e-11, OutputTimes = [problem.EndTime] };
            var integrator = solver.CreateIntegrator(problem, options);
            for (int i = 0; i < 20; i++)
            {
                Assert.That(integrator.Step(), Is.True);
            }

            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < 100 && integrator.Step(); i++)
            {
            }

            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            Assert.That(allocated, Is.Zero, $"{problem.System.GetType().Name}: bytes allocated by 100 steps");
        }
    }

    [TestCaseSource(typeof(RosenbrockMethods), nameof(RosenbrockMethods.All))]
    public void BlowUp_EndsWithFailureAndMessage(IOdeSolver solver)
    {
        // y' = y², y(0) = 1 has the solution 1/(1 − t), which leaves every bound at t = 1. (L-stable
        // methods may step across the pole onto the other branch, so the failure need not be at t = 1.)
        var system = OdeSystem.Create(1, (t, y, f) => f[0] = y[0] * y[0], (t, y, j) => j[0] = 2 * y[0], isAutonomous: true);
        var solution = solver.CreateIntegrator(new OdeProblem(system, 0, 2, [1.0])).Solve();
        TestContext.Out.WriteLine($"{solution.Status}: {solution.Message}");
        Assert.That(solution.Status, Is.AnyOf(SolverStatus.StepSizeTooSmall, SolverStatus.NonFiniteState));
        Assert.That(solution.Message, Does.Contain("t = "));
    }

    [TestCaseSource(typeof(RosenbrockMethods), nameof(RosenbrockMethods.All))]
    public void NaNProducingRightHandSide_EndsWithFailureAndMessage(IOdeSolver solver)
    {
        // y' = −√y reaches y = 0 at t = 2; any overshoot below zero makes f NaN.
        var system = OdeSystem.Create(1, (t, y, f) => f[0] = -Math.Sqrt(y[0]), isAutonomous: true);
        var solution = solver.CreateIntegrator(new OdeProblem(system, 0, 3, [1.0])).Solve();
        Assert.That(solution.IsSuccess, Is.False);
        Assert.That(solution.Status, Is.AnyOf(SolverStatus.StepSizeTooSmall, SolverStatus.NonFiniteState));
        Assert.That(solution.Message, Does.Contain("t = "));
        Assert.That(double.IsFinite(solution.FinalState[0]), Is.True);
    }

    [TestCaseSource(typeof(RosenbrockMethods), nameof(RosenbrockMethods.All))]
    public void NaNJacobian_EndsWithNonFiniteState(IOdeSolver solver)
    {
        var system = OdeSystem.Create(1, (t, y, f) => f[0] = -y[0], (t, y, j) => j[0] = double.NaN, isAutonomous: true);
        var solution = solver.CreateIntegrator(new OdeProblem(system, 0, 1, [1.0])).Solve();
        Assert.That(solution.Status, Is.EqualTo(SolverStatus.NonFiniteState));
        Assert.That(solution.Message, Does.Contain("Jacobian").And.Contain("t = 0"));
    }

    [TestCaseSource(typeof(RosenbrockMethods), nameof(RosenbrockMethods.All))]
    public void NumericallySingularIterationMatrix_EndsWithConvergenceFailure(IOdeSolver solver)
    {
        // J = 2^1000·[[−1, 1], [1, −1]]: in I/(hγ) − J the diagonal 1/(hγ) is lost next to 2^1000 ≈ 1e301
        // for every step above ~1e-285, and elimination leaves an exactly zero pivot.
        double big = Math.Pow(2, 1000);
        var system = OdeSystem.Create(
            2,
            (t, y, f) =>
            {
                f[0] = (-big * y[0]) + (big * y[1]);
                f[1] = (big * y[0]) - (big * y[1]);
            },
            (t, y, j) =>
            {
                j[0] = -big;
                j[1] = big;
                j[2] = big;
                j[3] = -big;
            },
            isAutonomous: true);
        var solution = solver.CreateIntegrator(new OdeProblem(system, 0, 1, [1.0, 1.0])).Solve();
        Assert.That(solution.Status, Is.EqualTo(SolverStatus.ConvergenceFailure));
        Assert.That(solution.Message, Does.Contain("singular").And.Contain("t = 0").And.Contain("h = "));
    }

    [TestCaseSource(typeof(RosenbrockMethods), nameof(RosenbrockMethods.All))]
    public void SingularIterationMatrixForOneStepSize_IsAvoidedByShrinkingTheStep(IOdeSolver solver)
    {
        // y' = λy with λ = 1/(hγ): the first W = I/(hγ) − λI is exactly zero; a smaller step is fine.
        double h = 1.0;
        double lambda = 1.0 / (h * RosenbrockMethods.TableauOf(solver).Gamma);
        var system = OdeSystem.Create(1, (t, y, f) => f[0] = lambda * y[0], (t, y, j) => j[0] = lambda, isAutonomous: true);
        var options = new OdeSolverOptions { InitialStep = h, RelativeTolerance = 1e-6, AbsoluteTolerance = 1e-6 };
        var solution = solver.CreateIntegrator(new OdeProblem(system, 0, 0.5, [1.0]), options).Solve();
        Assert.That(solution.Status, Is.EqualTo(SolverStatus.Success), solution.Message);
        Assert.That(solution.Statistics.RejectedSteps, Is.GreaterThanOrEqualTo(1));
        Assert.That(solution.FinalState[0], Is.EqualTo(Math.Exp(lambda * 0.5)).Within(0.1).Percent);
    }

    [TestCaseSource(typeof(RosenbrockMethods), nameof(RosenbrockMethods.All))]
    public void MisfittingOptions_ThrowWithAMessageThatSaysWhatToChange(IOdeSolver solver)
    {
        var problem = StandardProblems.Rober.ToProblem();
        var options = new OdeSolverOptions { AbsoluteTolerances = [1e-8, 1e-8] };
        var exception = Assert.Throws<ArgumentException>(() => solver.CreateIntegrator(problem, options));
        Assert.That(exception!.Message, Does.Contain("AbsoluteTolerances").And.Contain("3"));
    }

    [TestCaseSource(typeof(RosenbrockMethods), nameof(RosenbrockMethods.All))]
    public void Catalogue_FindsTheMethodByName(IOdeSolver solver)
    {
        Assert.That(OdeSolvers.FromName(solver.Name.ToUpperInvariant()), Is.SameAs(solver));
        Assert.That(solver.IsStiff, Is.True);
        Assert.That(solver.UsesJacobian, Is.True);
    }
}
