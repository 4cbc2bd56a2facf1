using Ferroptosis.Sim.Ode;
using Ferroptosis.Sim.Tests.Ode.Bdf;

namespace Ferroptosis.Sim.Tests.Ode.Sparse;

/// <summary>Rosenbrock and BDF give the dense path's solution with the banded and sparse linear solvers  with analytic and coloured finite-difference Jacobians.</summary>
public sealed class LinearSolverAgreementTests
{
    private const double RelativeTolerance = 1e-6;

    private static IEnumerable<TestCaseData> Cases()
    {
        foreach (string solver in new[] { "Rodas5P", "Rodas4", "Rosenbrock23", "Bdf" })
        {
            foreach (bool analytic in new[] { true, false })
            {
                yield return new TestCaseData(solver, LinearSolverChoice.Banded(2, 2), analytic);
                yield return new TestCaseData(solver, LinearSolverChoice.Sparse, analytic);
                yield return new TestCaseData(solver, LinearSolverChoice.Auto, analytic);
            }
        }
    }

    [TestCaseSource(nameof(Cases))]
    public void Brusselator1D_MatchesTheDensePath(string solverName, LinearSolverChoice choice, bool analytic)
    {
        var system = new Brusselator1D(40, analytic);
        var problem = new OdeProblem(system, 0, 10, system.InitialState());
        var solver = OdeSolvers.FromName(solverName);
        var options = new OdeSolverOptions { RelativeTolerance = RelativeTolerance, AbsoluteTolerance = 1e-9, OutputTimes = [10.0] };
        // The reference: dense LU with the sparse analytic Jacobian scattered, or with plain dense differences.
        var denseProblem = analytic ? problem : new OdeProblem(new WithoutJacobian(system), 0, 10, system.InitialState());
        var dense = solver.CreateIntegrator(denseProblem, options with { LinearSolver = LinearSolverChoice.Dense }).Solve();
        var other = solver.CreateIntegrator(problem, options with { LinearSolver = choice }).Solve();
        Assert.That(dense.Status, Is.EqualTo(SolverStatus.Success));
        Assert.That(other.Status, Is.EqualTo(SolverStatus.Success), other.Message);

        // Both paths solve the same Newton systems up to rounding, so they take (nearly) the same steps and agree far
        // inside the tolerance; allow the tolerance itself.
        var a = dense.States[(dense.States.Length - system.Dimension)..];
        var b = other.States[(other.States.Length - system.Dimension)..];
        double worst = 0;
        for (int i = 0; i < a.Length; i++)
        {
            worst = Math.Max(worst, Math.Abs(a[i] - b[i]) / (1e-3 + Math.Abs(a[i])));
        }

        TestContext.Out.WriteLine($"{choice}: {other.Statistics.AcceptedSteps} steps ({dense.Statistics.AcceptedSteps} dense), {other.Statistics.RhsEvaluations} f ({dense.Statistics.RhsEvaluations} dense), difference {worst:G3}");
        Assert.That(worst, Is.LessThan(RelativeTolerance));
        if (!analytic)
        {
            Assert.That(other.Statistics.RhsEvaluations, Is.LessThan(dense.Statistics.RhsEvaluations), "coloured differences need 5 evaluations of f per Jacobian, not 80");
        }
    }

    /// <summary>The 1-D Brusselator's state at t = 10 by Rodas5P at rtol 1e-11 (computed once).</summary>
    private static readonly Lazy<double[]> TightReference = new(() =>
    {
        var system = new Brusselator1D(40, analyticJacobian: true);
        var options = new OdeSolverOptions { RelativeTolerance = 1e-11, AbsoluteTolerance = 1e-14, OutputTimes = [10.0], LinearSolver = LinearSolverChoice.Sparse };
        var solution = OdeSolvers.Rodas5P.CreateIntegrator(new OdeProblem(system, 0, 10, system.InitialState()), options).Solve();
        Assert.That(solution.Status, Is.EqualTo(SolverStatus.Success));
        return solution.FinalState.ToArray();
    });

    private static IEnumerable<TestCaseData> KrylovCases()
    {
        foreach (bool analytic in new[] { true, false })
        {
            yield return new TestCaseData(LinearSolverChoice.Krylov(KrylovPreconditioner.SymmetricGaussSeidel), analytic);
            yield return new TestCaseData(LinearSolverChoice.Krylov(KrylovPreconditioner.BlockJacobi, blockSize: 2), analytic);
            yield return new TestCaseData(LinearSolverChoice.Krylov(KrylovPreconditioner.IncompleteLu), analytic);
            yield return new TestCaseData(LinearSolverChoice.Krylov(KrylovPreconditioner.None, krylovDimension: 10, restarts: 2), analytic);
        }
    }

    /// <summary>
    /// BDF's Newton–Krylov path solves the Newton systems only to a tolerance, and with the current γ rather than the
    /// factorised one, so it takes slightly different steps from the direct solvers; its error against a tight
    /// reference must be that of the dense path (within a factor 2, the spread that different step sequences give).
    /// </summary>
    [TestCaseSource(nameof(KrylovCases))]
    public void Brusselator1D_Krylov_IsAsAccurateAsTheDensePath(LinearSolverChoice choice, bool analytic)
    {
        var system = new Brusselator1D(40, analytic);
        var problem = new OdeProblem(system, 0, 10, system.InitialState());
        var options = new OdeSolverOptions { RelativeTolerance = RelativeTolerance, AbsoluteTolerance = 1e-9, OutputTimes = [10.0] };
        var reference = TightReference.Value;
        var dense = OdeSolvers.Bdf.CreateIntegrator(problem, options with { LinearSolver = LinearSolverChoice.Dense }).Solve();
        var krylov = OdeSolvers.Bdf.CreateIntegrator(problem, options with { LinearSolver = choice }).Solve();
        Assert.That(dense.Status, Is.EqualTo(SolverStatus.Success));
        Assert.That(krylov.Status, Is.EqualTo(SolverStatus.Success), krylov.Message);
        double denseError = MixedError(dense.FinalState, reference);
        double krylovError = MixedError(krylov.FinalState, reference);
        TestContext.Out.WriteLine($"{choice}: error {krylovError:G3} (dense {denseError:G3}); {krylov.Statistics}");
        Assert.That(krylovError, Is.LessThan(2 * denseError));
        Assert.That(krylov.Statistics.LinearIterations, Is.GreaterThan(0));
    }

    [Test]
    public void DensePath_ColoursTheDifferencesOfASystemWithAPattern()
    {
        var system = new Brusselator1D(40, analyticJacobian: false);
        var problem = new OdeProblem(system, 0, 10, system.InitialState());
        var options = new OdeSolverOptions { OutputTimes = [10.0], LinearSolver = LinearSolverChoice.Dense };
        var solution = OdeSolvers.Rodas5P.CreateIntegrator(problem, options).Solve();
        var s = solution.Statistics;

        // Eight stages per step plus five evaluations of f per Jacobian (one per colour), not 80.
        Assert.That(s.RhsEvaluations, Is.LessThanOrEqualTo((8 * (s.AcceptedSteps + s.RejectedSteps)) + (5 * s.JacobianEvaluations) + 2));
    }

    [Test]
    public void Auto_UsesThePatternForLargeSystems()
    {
        var small = new Brusselator1D(40, analyticJacobian: false);
        var large = new Brusselator1D(LinearSolverChoice.AutoSparseThreshold, analyticJacobian: false);
        var smallRun = OdeSolvers.Bdf.CreateIntegrator(new OdeProblem(new WithoutJacobian(small), 0, 1, small.InitialState())).Solve();
        var largeRun = OdeSolvers.Bdf.CreateIntegrator(new OdeProblem(large, 0, 1, large.InitialState())).Solve();

        // Without a pattern: dense differences, n evaluations per Jacobian; with one, coloured ones, 5.
        Assert.That(smallRun.Statistics.RhsEvaluations, Is.GreaterThan(small.Dimension * smallRun.Statistics.JacobianEvaluations));
        Assert.That(largeRun.Statistics.RhsEvaluations, Is.LessThan(large.Dimension * largeRun.Statistics.JacobianEvaluations));
    }

    private static double MixedError(ReadOnlySpan<double> x, ReadOnlySpan<double> reference)
    {
        double worst = 0;
        for (int i = 0; i < x.Length; i++)
        {
            worst = Math.Max(worst, Math.Abs(x[i] - reference[i]) / (1e-3 + Math.Abs(reference[i])));
        }

        return worst;
    }
}
