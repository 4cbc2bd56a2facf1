using Ferroptosis.Sim.Ode;
using Ferroptosis.Sim.Ode.Batched;
using Ferroptosis.Sim.Ode.ExplicitRungeKutta;

namespace Ferroptosis.Sim.Tests.Ode.Batched;

/// <summary>A warmed-up round of the batched integrator (a step attempt in every lane, outputs, lanes ending and taking new cells) allocates nothing.</summary>
[TestFixture]
[NonParallelizable]
public sealed class BatchedAllocationTests
{
    [Test]
    public void WarmedUpRounds_AllocateNothing_IncludingRefills()
    {
        // 64 Van der Pol cells over [0, 20] with ten output times each: cells end and lanes refill during the measurement.
        const int cells = 64;
        var problem = new BatchedEnsembleProblem(BatchedTestSystems.VanDerPol, 0, 20, cells, static (cell, y0, p) =>
        {
            y0[0] = 2;
            p[0] = 0.5 + (0.02 * cell);
        });
        var options = new OdeSolverOptions { RelativeTolerance = 1e-8, AbsoluteTolerance = 1e-10, OutputTimes = [.. Enumerable.Range(1, 10).Select(i => 2.0 * i)] };
        var solution = new BatchedEnsembleSolution("Tsit5", cells, 2, [.. options.OutputTimes]);
        var integrator = new BatchedRungeKuttaIntegrator(ExplicitTableaus.Tsit5, problem, options, solution, new CellDispenser(cells));
        for (int i = 0; i < 200; i++)
        {
            Assert.That(integrator.Round(), Is.True);
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        int rounds = 0;
        while (rounds < 20_000 && integrator.Round())
        {
            rounds++;
        }

        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Multiple(() =>
        {
            Assert.That(integrator.IsFinished, Is.True, "every cell was solved during the measurement");
            Assert.That(solution.AllSucceeded, Is.True);
            Assert.That(allocated, Is.Zero, $"bytes allocated over {rounds} rounds");
        });
    }
}
