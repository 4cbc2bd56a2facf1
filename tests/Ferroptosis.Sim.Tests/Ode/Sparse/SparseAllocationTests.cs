using Ferroptosis.Sim.Ode;
using Ferroptosis.Sim.Tests.TestProblems;

namespace Ferroptosis.Sim.Tests.Ode.Sparse;

/// <summary>A warmed-up step allocates nothing with the banded, sparse and Krylov linear solvers, with analytic or coloured finite-difference Jacobians.</summary>
public sealed class SparseAllocationTests
{
    [TestCase("Bdf", "sparse", true)]
    [TestCase("Bdf", "sparse", false)]
    [TestCase("Bdf", "banded", false)]
    [TestCase("Bdf", "krylov-sgs", true)]
    [TestCase("Bdf", "krylov-sgs", false)]
    [TestCase("Bdf", "krylov-blockjacobi", false)]
    [TestCase("Bdf", "krylov-ilu", true)]
    [TestCase("Rodas5P", "sparse", true)]
    [TestCase("Rodas5P", "sparse", false)]
    [TestCase("Rodas5P", "banded", true)]
    public void WarmedUpStepsAllocateNothing(string solverName, string linearSolver, bool analytic)
    {
        var system = new Bruss2D(8, analytic);
        var choice = linearSolver switch
        {
            "sparse" => LinearSolverChoice.Sparse,
            "krylov-sgs" => LinearSolverChoice.Krylov(KrylovPreconditioner.SymmetricGaussSeidel),
            "krylov-blockjacobi" => LinearSolverChoice.Krylov(KrylovPreconditioner.BlockJacobi, blockSize: 2),
            "krylov-ilu" => LinearSolverChoice.Krylov(KrylovPreconditioner.IncompleteLu),
            _ => LinearSolverChoice.Banded(system.JacobianPattern.LowerBandwidth, system.JacobianPattern.UpperBandwidth),
        };
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
        long setups = after.LuDecompositions + after.PreconditionerSetups - before.LuDecompositions - before.PreconditionerSetups;
        TestContext.Out.WriteLine($"{after.AcceptedSteps - before.AcceptedSteps} steps, {after.JacobianEvaluations - before.JacobianEvaluations} Jacobians, {setups} LU or preconditioner set-ups, {after.LinearIterations - before.LinearIterations} GMRES iterations: {allocated} bytes");
        Assert.Multiple(() =>
        {
            Assert.That(setups, Is.GreaterThan(0), "the measured steps include factorisations or preconditioner set-ups");
            Assert.That(after.JacobianEvaluations, Is.GreaterThan(before.JacobianEvaluations), "the measured steps include Jacobians");
            Assert.That(allocated, Is.Zero);
        });
    }
}
