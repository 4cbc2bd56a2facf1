using Ferroptosis.Sim.Ode;
using Ferroptosis.Sim.Tests.TestProblems;

namespace Ferroptosis.Sim.Tests.Ode.Bdf;

/// <summary>A warmed-up BDF step allocates nothing, with analytic or finite-difference Jacobians.</summary>
public sealed class BdfAllocationTests
{
    [TestCase("ROBER", true)]
    [TestCase("HIRES", true)]
    [TestCase("OREGO", false)]
    [TestCase("VDPOL", false)]
    public void WarmedUpStepsAllocateNothing(string name, bool analyticJacobian)
    {
        var reference = StandardProblems.FromName(name);
        IOdeSystem system = analyticJacobian ? reference.System : new WithoutJacobian(reference.System);
        var problem = new OdeProblem(system, 0, reference.EndTime, reference.InitialState);
        var options = new OdeSolverOptions { RelativeTolerance = 1e-7, AbsoluteTolerance = 1e-10, OutputTimes = [reference.EndTime] };
        var integrator = OdeSolvers.Bdf.CreateIntegrator(problem, options);
        for (int k = 0; k < 50; k++)
        {
            Assert.That(integrator.Step(), Is.True);
        }

        var before = integrator.Statistics;
        long allocated = GC.GetAllocatedBytesForCurrentThread();
        for (int k = 0; k < 400 && integrator.Step(); k++)
        {
        }

        allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;
        var after = integrator.Statistics;
        TestContext.Out.WriteLine($"{after.AcceptedSteps - before.AcceptedSteps} steps, {after.RejectedSteps - before.RejectedSteps} rejected, {after.JacobianEvaluations - before.JacobianEvaluations} Jacobians, {after.LuDecompositions - before.LuDecompositions} LU: {allocated} bytes");
        Assert.Multiple(() =>
        {
            Assert.That(after.LuDecompositions, Is.GreaterThan(before.LuDecompositions), "the measured steps include factorisations");
            Assert.That(allocated, Is.Zero);
        });
    }
}
