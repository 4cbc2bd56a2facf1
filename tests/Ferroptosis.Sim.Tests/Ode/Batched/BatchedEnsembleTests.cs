using Ferroptosis.Sim.Ode;
using Ferroptosis.Sim.Ode.Batched;

namespace Ferroptosis.Sim.Tests.Ode.Batched;

/// <summary>Batched ensembles: each lane is the scalar Tsit5 integration of its cell, bit for bit, wherever the cell ran.</summary>
/// <remarks>
/// The rule these tests hold the batched path to: the test systems evaluate each lane with the operations of their scalar
/// twins (lane-wise +, −, ×, ÷, sqrt, which round exactly as scalar ones), so a cell's status, final state, states at the
/// output times and work counts must equal the scalar integrator's exactly, and must not depend on the lane, the other
/// cells of the batch or the number of threads. Accuracy is checked separately against analytic or tight reference
/// solutions.
/// </remarks>
[TestFixture]
public sealed class BatchedEnsembleTests
{
    private static readonly OdeSolverOptions Options = new()
    {
        RelativeTolerance = 1e-8,
        AbsoluteTolerance = 1e-10,
        OutputTimes = [0.0, 0.5, 1.0, 2.5, 3.7, 5.0],
    };

    [Test]
    public void Decay_EachCell_IsAnalyticWithinTolerance_AndTheScalarPathBitForBit()
    {
        // 11 cells: two full batches and a partial one; k and y0 differ per cell.
        const int cells = 11;
        var problem = new BatchedEnsembleProblem(BatchedTestSystems.Decay, 0, 5, cells, static (cell, y0, p) =>
        {
            y0[0] = 1 + (0.1 * cell);
            p[0] = 0.2 + (0.3 * cell);
        });
        var batched = BatchedEnsemble.Solve(problem, Options, maxDegreeOfParallelism: 1);
        Assert.That(batched.AllSucceeded, Is.True);
        for (int cell = 0; cell < cells; cell++)
        {
            double k = 0.2 + (0.3 * cell);
            double y0 = 1 + (0.1 * cell);
            var scalar = Sim.Ode.Ode.Solve(new OdeProblem(BatchedTestSystems.ScalarDecay(k), 0, 5, [y0]), OdeSolvers.Tsit5, Options);
            BatchedAssert.SameAsScalar(batched, cell, scalar);
            var states = batched.GetStates(cell);
            for (int r = 0; r < Options.OutputTimes!.Count; r++)
            {
                double exact = y0 * Math.Exp(-k * Options.OutputTimes[r]);
                Assert.That(states[r], Is.EqualTo(exact).Within(SolverSources.ExpectedError(OdeSolvers.Tsit5, Options.RelativeTolerance) * y0), $"cell {cell}, t = {Options.OutputTimes[r]}");
            }
        }
    }

    [Test]
    public void VanDerPol_EachCell_MatchesATightReference_AndTheScalarPathBitForBit()
    {
        // Non-stiff Van der Pol, μ from 0.5 to 3, over two to three cycles; the reference is Verner7 at rtol 1e-13.
        const int cells = 6;
        var problem = new BatchedEnsembleProblem(BatchedTestSystems.VanDerPol, 0, 10, cells, static (cell, y0, p) =>
        {
            y0[0] = 2;
            p[0] = 0.5 + (0.5 * cell);
        });
        var batched = BatchedEnsemble.Solve(problem, Options, maxDegreeOfParallelism: 1);
        for (int cell = 0; cell < cells; cell++)
        {
            var scalarProblem = new OdeProblem(BatchedTestSystems.ScalarVanDerPol(0.5 + (0.5 * cell)), 0, 10, [2.0, 0.0]);
            BatchedAssert.SameAsScalar(batched, cell, Sim.Ode.Ode.Solve(scalarProblem, OdeSolvers.Tsit5, Options));
            var reference = Sim.Ode.Ode.Solve(scalarProblem, OdeSolvers.Verner7, Options with { RelativeTolerance = 1e-13, AbsoluteTolerance = 1e-15 });
            var states = batched.GetStates(cell);
            for (int i = 0; i < states.Length; i++)
            {
                // The global error of a limit cycle grows over the cycles: 100·rtol relative to the cycle's amplitude (~2).
                Assert.That(states[i], Is.EqualTo(reference.States[i]).Within(100 * Options.RelativeTolerance * 2), $"cell {cell}, value {i}");
            }
        }
    }

    [Test]
    public void SameCell_IsBitIdentical_InLane0_InLane3_Alone_AfterARefill_AndOnTwoThreads()
    {
        const double mu = 1.7;
        BatchedEnsembleSolution Run(int cells, int position, int threads) =>
            BatchedEnsemble.Solve(
                new BatchedEnsembleProblem(BatchedTestSystems.VanDerPol, 0, 10, cells, (cell, y0, p) =>
                {
                    // The other cells differ in μ and start, so their lanes take other step sizes at other times.
                    y0[0] = cell == position ? 2 : 1 + (0.05 * cell);
                    p[0] = cell == position ? mu : 0.3 + (0.37 * cell);
                }),
                Options,
                maxDegreeOfParallelism: threads);

        var alone = Run(1, 0, 1);
        var scalar = Sim.Ode.Ode.Solve(new OdeProblem(BatchedTestSystems.ScalarVanDerPol(mu), 0, 10, [2.0, 0.0]), OdeSolvers.Tsit5, Options);
        BatchedAssert.SameAsScalar(alone, 0, scalar);

        // One thread hands cells 0…3 to lanes 0…3, and later cells to whichever lane frees first.
        BatchedAssert.SameCell(Run(4, 0, 1), 0, alone, 0);
        BatchedAssert.SameCell(Run(4, 3, 1), 3, alone, 0);
        BatchedAssert.SameCell(Run(9, 6, 1), 6, alone, 0);
        var twoThreads = Run(40, 21, 2);
        BatchedAssert.SameCell(twoThreads, 21, alone, 0);

        // And every other cell of the two-thread run is the one-thread run's cell.
        var oneThread = Run(40, 21, 1);
        for (int cell = 0; cell < 40; cell++)
        {
            BatchedAssert.SameCell(twoThreads, cell, oneThread, cell);
        }
    }

    [Test]
    public void FailingLane_ReportsItsOwnStatus_AndLeavesTheOtherLanesAlone()
    {
        // y' = −k·y + sqrt(c − t): the cells with c = 0.8 meet NaN at t = 0.8 < 2 and must end with NonFiniteState,
        // as the scalar integrator does; the cells sharing their batch (c = 10) must succeed exactly as when run alone.
        const int cells = 8;
        static double C(int cell) => cell % 3 == 1 ? 0.8 : 10;
        var problem = new BatchedEnsembleProblem(BatchedTestSystems.Wall, 0, 2, cells, static (cell, y0, p) =>
        {
            y0[0] = 1;
            p[0] = 1 + cell;
            p[1] = C(cell);
        });
        var options = Options with { OutputTimes = [0.0, 0.5, 1.0, 2.0] };
        var batched = BatchedEnsemble.Solve(problem, options, maxDegreeOfParallelism: 1);
        for (int cell = 0; cell < cells; cell++)
        {
            var scalar = Sim.Ode.Ode.Solve(new OdeProblem(BatchedTestSystems.ScalarWall(1 + cell, C(cell)), 0, 2, [1.0]), OdeSolvers.Tsit5, options);
            Assert.That(batched.GetStatus(cell), Is.EqualTo(C(cell) < 2 ? SolverStatus.NonFiniteState : SolverStatus.Success), batched.GetMessage(cell));
            BatchedAssert.SameAsScalar(batched, cell, scalar);
        }

        Assert.That(batched.GetMessage(1), Does.Contain("not finite"));
        Assert.That(double.IsNaN(batched.GetStates(1)[3]), Is.True, "the output after the failure is not reached");
    }

    [Test]
    public void MaxSteps_EndsOnlyTheCellsThatNeedMore()
    {
        // Fast decay needs more steps than slow decay; with MaxSteps between the two counts only the fast cells stop.
        var problem = new BatchedEnsembleProblem(BatchedTestSystems.Decay, 0, 5, 4, static (cell, y0, p) =>
        {
            y0[0] = 1;
            p[0] = cell % 2 == 0 ? 0.1 : 40;
        });
        var slow = Sim.Ode.Ode.Solve(new OdeProblem(BatchedTestSystems.ScalarDecay(0.1), 0, 5, [1.0]), OdeSolvers.Tsit5, Options);
        var options = Options with { MaxSteps = slow.Statistics.AttemptedSteps + 1 };
        var batched = BatchedEnsemble.Solve(problem, options, maxDegreeOfParallelism: 1);
        for (int cell = 0; cell < 4; cell++)
        {
            double k = cell % 2 == 0 ? 0.1 : 40;
            var scalar = Sim.Ode.Ode.Solve(new OdeProblem(BatchedTestSystems.ScalarDecay(k), 0, 5, [1.0]), OdeSolvers.Tsit5, options);
            Assert.That(scalar.Status, Is.EqualTo(cell % 2 == 0 ? SolverStatus.Success : SolverStatus.MaxStepsExceeded));
            BatchedAssert.SameAsScalar(batched, cell, scalar);
        }
    }

    [Test]
    public void Misuse_IsRefusedWithAClearMessage()
    {
        var problem = new BatchedEnsembleProblem(BatchedTestSystems.Decay, 0, 1, 2, static (_, y0, p) => (y0[0], p[0]) = (1, 1));
        Assert.Multiple(() =>
        {
            Assert.That(() => BatchedEnsemble.Solve(problem, solver: OdeSolvers.Verner7), Throws.ArgumentException.With.Message.Contains("Tsit5"));
            Assert.That(() => BatchedEnsemble.Solve(problem, solver: OdeSolvers.Rodas5P), Throws.ArgumentException.With.Message.Contains("cannot run batched"));
            Assert.That(() => BatchedEnsemble.Solve(problem, new OdeSolverOptions { DenseOutput = true }), Throws.ArgumentException.With.Message.Contains("DenseOutput"));
            Assert.That(() => BatchedEnsemble.Solve(problem, new OdeSolverOptions { OutputTimes = [2.0] }), Throws.InstanceOf<ArgumentOutOfRangeException>());
            Assert.That(() => new BatchedEnsembleProblem(BatchedTestSystems.Decay, 1, 1, 2, static (_, _, _) => { }), Throws.InstanceOf<ArgumentOutOfRangeException>());
            using var cts = new CancellationTokenSource();
            cts.Cancel();
            Assert.That(() => BatchedEnsemble.Solve(problem, cancellationToken: cts.Token), Throws.InstanceOf<OperationCanceledException>());
        });
    }
}
