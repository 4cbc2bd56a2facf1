using Ferroptosis.Sim.Ode;
using Ferroptosis.Sim.Ode.Batched;
using Ferroptosis.Sim.Tests.Ode.ExplicitRungeKutta;
using Ferroptosis.Sim.Tests.TestProblems;

namespace Ferroptosis.Sim.Tests.Ode.Batched;

/// <summary>The batched path in the explicit methods' matrix: every method of the catalogue either runs batched on AREN, reproducing its scalar integration bit for bit, or is refused.</summary>
[TestFixture]
public sealed class BatchedSolverMatrixTests
{
    [TestCaseSource(typeof(ExplicitMethods), nameof(ExplicitMethods.All))]
    public void Aren_Batched_IsTheScalarIntegration_OrIsRefused(IOdeSolver solver)
    {
        var aren = StandardProblems.Aren;
        var tableau = ExplicitMethods.TableauOf(solver);
        var options = new OdeSolverOptions { RelativeTolerance = 1e-8, AbsoluteTolerance = 1e-11, OutputTimes = [0.25 * aren.EndTime, 0.5 * aren.EndTime, aren.EndTime] };
        var problem = new BatchedEnsembleProblem(BatchedTestSystems.LaneWise(aren.System), 0, aren.EndTime, 5, (_, y0, _) => aren.InitialState.CopyTo(y0));
        if (!(tableau.IsFirstSameAsLast && tableau.ExtraStages == 0))
        {
            Assert.That(() => BatchedEnsemble.Solve(problem, options, solver), Throws.ArgumentException);
            return;
        }

        var batched = BatchedEnsemble.Solve(problem, options, solver, maxDegreeOfParallelism: 1);
        var scalar = Sim.Ode.Ode.Solve(aren.ToProblem(), solver, options);
        for (int cell = 0; cell < problem.CellCount; cell++)
        {
            BatchedAssert.SameAsScalar(batched, cell, scalar);
        }

        // The orbit closes: position and velocity components of the reference within 1e-4 relative.
        var end = batched.GetFinalState(0);
        Assert.That(end[0], Is.EqualTo(aren.Reference[0]).Within(1e-4 * Math.Abs(aren.Reference[0])));
        Assert.That(end[3], Is.EqualTo(aren.Reference[3]).Within(1e-4 * Math.Abs(aren.Reference[3])));
    }
}
