using Ferroptosis.Sim.Ode;
using Ferroptosis.Sim.Tests.TestProblems;

namespace Ferroptosis.Sim.Tests.Ode.Sparse;

/// <summary>A warmed-up step allocates nothing with the banded and sparse linear solvers, with analytic or coloured finite-difference Jacobians.</summary>
public sealed class SparseAllocationTests
{
    [TestCase("Bdf", "sparse", true)]
    [TestCase("Bdf", "sparse", false)]
    [TestCase("Bdf", "banded", false)]
    [TestCase("Rodas5P", "sparse", true)]
    [TestCase("Rodas5P", "sparse", false)]
    [TestCase("Rodas5P", "banded", true)]
    public void WarmedUpStepsAllocateNothing(string solverName, string linearSolver, bool analytic)
    {
        var system = new Bruss2D(8, analytic);
        var choice = linearSolver == "sparse"
            ? LinearSolverChoice.Sparse
            : LinearSolverChoice.Banded(system.JacobianPattern.LowerBandwidth, system.JacobianPattern.UpperBandwidth);
        var options = new OdeSolverOptions { RelativeTolerance = 1e-6, AbsoluteTolerance = 1e-9, OutputTimes = [Bruss2D.EndTime], LinearSolver = choice };
        var integrator = OdeSolvers.FromName(solverName).CreateIntegrator(system.ToProblem(), options);
        for (int k = 0; k < 30; k++)
        {
            Assert.That(integrator.Step(), Is.True);
        }

        var before = integrator.Statistics;
        long allocated = GC.GetAllocatedBytesForCurrentThread();
        for (int k = 0; k < 150 && integrator.Step(); k++)
        {
        }

        allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;
        var after = integrator.Statistics;
        TestContext.Out.WriteLine($"{after.AcceptedSteps - before.AcceptedSteps} steps, {after.JacobianEvaluations - before.JacobianEvaluations} Jacobians, {after.LuDecompositions - before.LuDecompositions} LU: {allocated} bytes");
        Assert.Multiple(() =>
        {
            Assert.That(after.LuDecompositions, Is.GreaterThan(before.LuDecompositions), "the measured steps include factorisations");
            Assert.That(after.JacobianEvaluations, Is.GreaterThan(before.JacobianEvaluations), "the measured steps include Jacobians");
            Assert.That(allocated, Is.Zero);
        });
    }
}
