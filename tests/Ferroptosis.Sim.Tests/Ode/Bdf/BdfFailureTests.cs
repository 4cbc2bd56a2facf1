using Ferroptosis.Sim.Ode;

namespace Ferroptosis.Sim.Tests.Ode.Bdf;

/// <summary>Numerical failures end the integration with a status and a message (time, step size, component), never with an exception or a silent success.</summary>
public sealed class BdfFailureTests
{
    private static readonly OdeSolverOptions Options = new() { RelativeTolerance = 1e-6, AbsoluteTolerance = 1e-9 };

    [Test]
    public void NonFiniteInitialDerivativeIsReported()
    {
        var system = OdeSystem.Create(2, (t, y, dy) =>
        {
            dy[0] = -y[0];
            dy[1] = Math.Log(y[1]);
        });
        var solution = OdeSolvers.Bdf.CreateIntegrator(new OdeProblem(system, 0, 1, [1.0, -1.0]), Options).Solve();

        Assert.That(solution.Status, Is.EqualTo(SolverStatus.NonFiniteState));
        Assert.That(solution.Message, Does.Contain("t = 0").And.Contain("component 1"));
    }

    [Test]
    public void RightHandSideThatBreaksDownEndsWithNonFiniteState()
    {
        // A model whose evaluation fails for good after a while (every later call returns NaN): the
        // solver shrinks the step ten times in one step, then stops.
        int calls = 0;
        var system = OdeSystem.Create(1, (t, y, dy) => dy[0] = ++calls > 40 ? double.NaN : -y[0], (t, y, j) => j[0] = -1);
        var solution = OdeSolvers.Bdf.CreateIntegrator(new OdeProblem(system, 0, 10, [1.0]), Options).Solve();

        TestContext.Out.WriteLine(solution.Message);
        Assert.That(solution.Status, Is.EqualTo(SolverStatus.NonFiniteState));
        Assert.That(solution.Message, Does.Contain("t =").And.Contain("step size").And.Contain("component 0"));
        Assert.That(solution.FinalTime, Is.GreaterThan(0).And.LessThan(10));
        Assert.That(solution.Statistics.NewtonFailures, Is.GreaterThanOrEqualTo(10));
    }

    [Test]
    public void SingularIterationMatrixEndsWithConvergenceFailure()
    {
        // A Jacobian that is NaN makes every factorisation fail, however small the step.
        var system = OdeSystem.Create(1, (t, y, dy) => dy[0] = -y[0], (t, y, j) => j[0] = double.NaN);
        var solution = OdeSolvers.Bdf.CreateIntegrator(new OdeProblem(system, 0, 1, [1.0]), Options).Solve();

        TestContext.Out.WriteLine(solution.Message);
        Assert.That(solution.Status, Is.EqualTo(SolverStatus.ConvergenceFailure));
        Assert.That(solution.Message, Does.Contain("Newton").And.Contain("t =").And.Contain("step size").And.Contain("y[0]"));
    }

    [Test]
    public void BlowUpEndsWithStepSizeTooSmall()
    {
        // y' = y², y(0) = 1: y = 1/(1 − t) blows up at t = 1.
        var system = OdeSystem.Create(1, (t, y, dy) => dy[0] = y[0] * y[0], (t, y, j) => j[0] = 2 * y[0]);
        var solution = OdeSolvers.Bdf.CreateIntegrator(new OdeProblem(system, 0, 2, [1.0]), Options).Solve();

        TestContext.Out.WriteLine(solution.Message);
        Assert.That(solution.Status, Is.Not.EqualTo(SolverStatus.Success));
        Assert.That(solution.Status, Is.AnyOf(SolverStatus.StepSizeTooSmall, SolverStatus.NonFiniteState, SolverStatus.ConvergenceFailure));
        Assert.That(solution.FinalTime, Is.GreaterThan(0.99).And.LessThan(1.0));
        Assert.That(solution.Message, Does.Contain("t =").And.Contain("tep size"));
    }

    [Test]
    public void MaxStepsIsHonoured()
    {
        var problem = ExactProblems.Spiral.ToProblem();
        var solution = OdeSolvers.Bdf.CreateIntegrator(problem, Options with { MaxSteps = 20 }).Solve();

        Assert.That(solution.Status, Is.EqualTo(SolverStatus.MaxStepsExceeded));
        Assert.That(solution.Statistics.AttemptedSteps, Is.EqualTo(20));
    }

    [Test]
    public void TheCatalogueListsTheMethod()
    {
        var bdf = OdeSolvers.Bdf;
        Assert.Multiple(() =>
        {
            Assert.That(OdeSolvers.All, Does.Contain(bdf));
            Assert.That(OdeSolvers.FromName("bdf"), Is.SameAs(bdf));
            Assert.That(bdf.Name, Is.EqualTo("Bdf"));
            Assert.That(bdf.Order, Is.EqualTo(5));
            Assert.That(bdf.IsStiff, Is.True);
            Assert.That(bdf.UsesJacobian, Is.True);
        });
    }
}
