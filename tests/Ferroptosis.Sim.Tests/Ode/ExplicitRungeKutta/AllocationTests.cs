using Ferroptosis.Sim.Ode;
using Ferroptosis.Sim.Tests.TestProblems;

namespace Ferroptosis.Sim.Tests.Ode.ExplicitRungeKutta;

/// <summary>A warmed-up step allocates nothing, with and without interpolation.</summary>
[TestFixture]
[NonParallelizable]
public sealed class AllocationTests
{
    [TestCaseSource(typeof(ExplicitMethods), nameof(ExplicitMethods.All))]
    public void WarmedUpStep_AllocatesNothing(IOdeSolver solver)
    {
        // AREN over 20 orbits at rtol 1e-8 (thousands of steps); only the end time is recorded, so
        // nothing grows per step. Interpolating inside the last step (as output times and event location
        // do) builds the dense output, including Verner7's extra stages.
        var aren = StandardProblems.Aren;
        double tEnd = 20 * aren.EndTime;
        var problem = new OdeProblem(aren.System, 0, tEnd, aren.InitialState);
        var integrator = solver.CreateIntegrator(problem, new OdeSolverOptions { RelativeTolerance = 1e-8, AbsoluteTolerance = 1e-11, OutputTimes = [tEnd] });
        var y = new double[4];
        for (int i = 0; i < 200; i++)
        {
            Assert.That(integrator.Step(), Is.True, integrator.Message);
            integrator.Interpolate(0.5 * (integrator.PreviousTime + integrator.Time), y);
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        int steps = 0;
        for (; steps < 2000 && integrator.Step(); steps++)
        {
            integrator.Interpolate(0.5 * (integrator.PreviousTime + integrator.Time), y);
        }

        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Multiple(() =>
        {
            Assert.That(steps, Is.EqualTo(2000), integrator.Message);
            Assert.That(allocated, Is.Zero, $"bytes allocated over {steps} steps");
        });
    }
}
