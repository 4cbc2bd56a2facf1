using Ferroptosis.Sim.Ode;

namespace Ferroptosis.Sim.Tests.Ode.ExplicitRungeKutta;

/// <summary>Misuse of an explicit solver throws an <see cref="ArgumentException"/> that says what to change.</summary>
[TestFixture]
public sealed class MisuseTests
{
    private static readonly OdeProblem Problem = ExactProblems.Linear2.ToProblem();

    [TestCaseSource(typeof(ExplicitMethods), nameof(ExplicitMethods.All))]
    public void BadOptions_Throw_WithAMessageNamingTheOption(IOdeSolver solver)
    {
        Assert.Multiple(() =>
        {
            Expect(solver, new OdeSolverOptions { RelativeTolerance = 0 }, "RelativeTolerance");
            Expect(solver, new OdeSolverOptions { RelativeTolerance = double.NaN }, "RelativeTolerance");
            Expect(solver, new OdeSolverOptions { RelativeTolerance = 1e-17 }, "RelativeTolerance");
            Expect(solver, new OdeSolverOptions { AbsoluteTolerance = -1e-8 }, "AbsoluteTolerance");
            Expect(solver, new OdeSolverOptions { AbsoluteTolerances = [1e-8] }, "AbsoluteTolerances");
            Expect(solver, new OdeSolverOptions { InitialStep = 0 }, "InitialStep");
            Expect(solver, new OdeSolverOptions { MaxStep = -1 }, "MaxStep");
            Expect(solver, new OdeSolverOptions { MaxSteps = 0 }, "MaxSteps");
            Expect(solver, new OdeSolverOptions { OutputTimes = [1, 0.5] }, "OutputTimes");
            Expect(solver, new OdeSolverOptions { OutputTimes = [11] }, "OutputTimes");
        });
    }

    [TestCaseSource(typeof(ExplicitMethods), nameof(ExplicitMethods.All))]
    public void NullProblem_Throws(IOdeSolver solver) =>
        Assert.That(() => solver.CreateIntegrator(null!), Throws.ArgumentNullException);

    [TestCaseSource(typeof(ExplicitMethods), nameof(ExplicitMethods.All))]
    public void IntegratorMisuse_Throws_WithAHelpfulMessage(IOdeSolver solver)
    {
        var integrator = solver.CreateIntegrator(Problem);
        Assert.That(integrator.Step(), Is.True);
        Assert.Multiple(() =>
        {
            Assert.That(() => integrator.Interpolate(integrator.Time + 1, new double[2]), Throws.InstanceOf<ArgumentOutOfRangeException>().With.Message.Contains("DenseOutput"));
            Assert.That(() => integrator.Interpolate(integrator.Time, new double[3]), Throws.ArgumentException.With.Message.Contains("dimension 2"));
            Assert.That(() => integrator.AdvanceTo(Problem.EndTime + 1, new double[2]), Throws.InstanceOf<ArgumentOutOfRangeException>().With.Message.Contains("AdvanceTo"));
        });
    }

    [Test]
    public void UnknownSolverName_ListsTheExplicitMethods()
    {
        Assert.That(
            () => OdeSolvers.FromName("Vern9"),
            Throws.ArgumentException.With.Message.Contains("Tsit5").And.Message.Contains("BogackiShampine3").And.Message.Contains("Verner7"));
        Assert.That(OdeSolvers.FromName("tsit5"), Is.SameAs(OdeSolvers.Tsit5));
    }

    private static void Expect(IOdeSolver solver, OdeSolverOptions options, string option) =>
        Assert.That(() => solver.CreateIntegrator(Problem, options), Throws.InstanceOf<ArgumentException>().With.Message.Contains(option), option);
}
