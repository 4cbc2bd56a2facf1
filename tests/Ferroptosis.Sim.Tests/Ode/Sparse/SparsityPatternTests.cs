using Ferroptosis.Sim.Ode;

namespace Ferroptosis.Sim.Tests.Ode.Sparse;

/// <summary>Sparsity patterns are validated, sorted and searchable, and a linear-solver choice that does not fit the system is refused with a clear message.</summary>
public sealed class SparsityPatternTests
{
    [Test]
    public void FromEntries_SortsAndMergesDuplicates()
    {
        var pattern = SparsityPattern.FromEntries(3, [(2, 0), (0, 1), (0, 0), (2, 0), (1, 1)]);
        Assert.That(pattern.RowStarts.ToArray(), Is.EqualTo(new[] { 0, 2, 3, 4 }));
        Assert.That(pattern.Columns.ToArray(), Is.EqualTo(new[] { 0, 1, 1, 0 }));
        Assert.That(pattern.IndexOf(2, 0), Is.EqualTo(3));
        Assert.That(pattern.IndexOf(2, 2), Is.EqualTo(-1));
        Assert.That((pattern.LowerBandwidth, pattern.UpperBandwidth), Is.EqualTo((2, 1)));
    }

    [Test]
    public void Banded_HasTheBandsEntries()
    {
        var pattern = SparsityPattern.Banded(5, 1, 2);
        Assert.That(pattern.NonZeros, Is.EqualTo(5 + 4 + 4 + 3));
        Assert.That((pattern.LowerBandwidth, pattern.UpperBandwidth), Is.EqualTo((1, 2)));
    }

    [Test]
    public void InvalidPatterns_AreRefused()
    {
        Assert.Throws<ArgumentException>(() => _ = new SparsityPattern(2, [0, 2, 3], [1, 0, 1]), "columns not ascending");
        Assert.Throws<ArgumentException>(() => _ = new SparsityPattern(2, [0, 1, 2], [0, 2]), "column out of range");
        Assert.Throws<ArgumentException>(() => _ = new SparsityPattern(2, [0, 1], [0]), "too few row starts");
        Assert.Throws<ArgumentException>(() => SparsityPattern.FromEntries(2, [(0, 2)]));
        Assert.Throws<ArgumentOutOfRangeException>(() => LinearSolverChoice.Banded(-1, 0));
    }

    [Test]
    public void SparseSolver_WithoutAPattern_IsRefused()
    {
        var system = OdeSystem.Create(2, (t, y, dy) => { dy[0] = -y[0]; dy[1] = -y[1]; });
        var problem = new OdeProblem(system, 0, 1, [1.0, 1.0]);
        var options = OdeSolverOptions.Default with { LinearSolver = LinearSolverChoice.Sparse };
        var error = Assert.Throws<ArgumentException>(() => OdeSolvers.Bdf.CreateIntegrator(problem, options));
        Assert.That(error!.Message, Does.Contain("ISparseOdeSystem"));
    }

    [Test]
    public void BandTooNarrowForThePattern_IsRefused()
    {
        var system = OdeSystem.CreateSparse((t, y, dy) => dy.Clear(), SparsityPattern.Banded(6, 2, 1));
        var problem = new OdeProblem(system, 0, 1, new double[6]);
        var options = OdeSolverOptions.Default with { LinearSolver = LinearSolverChoice.Banded(1, 1) };
        var error = Assert.Throws<ArgumentException>(() => OdeSolvers.Rodas5P.CreateIntegrator(problem, options));
        Assert.That(error!.Message, Does.Contain("Banded(2, 1)"));
    }

    [Test]
    public void SingularNewtonMatrix_EndsInAFailureStatus_WithEveryLinearSolver()
    {
        // y1' = y2, y2' = 0 with a Jacobian whose Newton matrix I − γJ is regular, but a system that claims
        // a Jacobian of NaN makes every factorisation fail: the solvers must report it, never succeed.
        var pattern = SparsityPattern.Banded(2, 1, 1);
        var system = OdeSystem.CreateSparse((t, y, dy) => { dy[0] = y[1]; dy[1] = 0; }, pattern, (t, y, values) => values.Fill(double.NaN));
        var problem = new OdeProblem(system, 0, 1, [1.0, 1.0]);
        foreach (var choice in new[] { LinearSolverChoice.Dense, LinearSolverChoice.Banded(1, 1), LinearSolverChoice.Sparse })
        {
            foreach (var solver in new[] { OdeSolvers.Bdf, OdeSolvers.Rodas5P })
            {
                var solution = solver.CreateIntegrator(problem, OdeSolverOptions.Default with { LinearSolver = choice }).Solve();
                Assert.That(solution.Status, Is.Not.EqualTo(SolverStatus.Success), $"{solver.Name} with {choice}");
            }
        }
    }
}
