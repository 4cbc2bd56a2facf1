using Ferroptosis.Sim.Ode;

namespace Ferroptosis.Sim.Tests.Ode.Sparse;

/// <summary>The Newton–Krylov path reports a Krylov solver that cannot converge as a failure status, never as a successful solve, and rejects the configurations it cannot serve.</summary>
public sealed class KrylovFailureTests
{
    private const int Pairs = 5;
    private const double Decay = 1e4;
    private const double Rotation = 1e6;

    /// <summary>
    /// y' = J·(y − g(t)) + g'(t), y(0) = g(0), g_i(t) = sin(t + i), with J block-diagonal of 2×2 blocks
    /// −Decay·I + Rotation·[[0, 1], [−1, 0]]: the solution is y = g, smooth, so a stiff solver takes long steps. The rotation dominates M = I − γJ, and r ⟂ J·r for every r,
    /// so GMRES with a Krylov dimension of 1 reduces the residual by a factor of about √(1 − 10⁻⁴) per solve at any
    /// step the accuracy of g allows.
    /// </summary>
    private static OdeProblem Problem()
    {
        var system = OdeSystem.Create(2 * Pairs, (t, y, dy) =>
        {
            for (int p = 0; p < Pairs; p++)
            {
                int u = 2 * p;
                int v = u + 1;
                double du = y[u] - Math.Sin(t + u);
                double dv = y[v] - Math.Sin(t + v);
                dy[u] = (-Decay * du) + (Rotation * dv) + Math.Cos(t + u);
                dy[v] = (-Rotation * du) - (Decay * dv) + Math.Cos(t + v);
            }
        });
        var start = Enumerable.Range(0, 2 * Pairs).Select(i => Math.Sin(i)).ToArray();
        return new OdeProblem(system, 0, 1, start);
    }

    [Test]
    public void StagnatingGmres_EndsInAFailureStatus()
    {
        var options = new OdeSolverOptions { RelativeTolerance = 1e-6, AbsoluteTolerance = 1e-8, MaxSteps = 3000, LinearSolver = LinearSolverChoice.Krylov(KrylovPreconditioner.None, krylovDimension: 1) };
        var solution = OdeSolvers.Bdf.CreateIntegrator(Problem(), options).Solve();
        TestContext.Out.WriteLine($"{solution.Status} at t = {solution.Times[^1]:G6}: {solution.Statistics}");
        Assert.That(solution.Status, Is.Not.EqualTo(SolverStatus.Success), solution.Message);
        Assert.That(solution.Statistics.LinearConvergenceFailures, Is.GreaterThan(0));
    }

    [Test]
    public void FullKrylovDimension_SolvesTheSameProblem()
    {
        // The control: with dimension n GMRES is exact, and the same options reach y(1) = g(1).
        var options = new OdeSolverOptions { RelativeTolerance = 1e-6, AbsoluteTolerance = 1e-8, MaxSteps = 3000, LinearSolver = LinearSolverChoice.Krylov(KrylovPreconditioner.None, krylovDimension: 2 * Pairs) };
        var solution = OdeSolvers.Bdf.CreateIntegrator(Problem(), options).Solve();
        TestContext.Out.WriteLine($"{solution.Status}: {solution.Statistics}");
        Assert.That(solution.Status, Is.EqualTo(SolverStatus.Success), solution.Message);
        var end = solution.FinalState;
        for (int i = 0; i < end.Length; i++)
        {
            Assert.That(end[i], Is.EqualTo(Math.Sin(1 + i)).Within(1e-4), $"y[{i}]");
        }
    }

    [Test]
    public void Rosenbrock_RejectsTheKrylovSolver()
    {
        var options = new OdeSolverOptions { LinearSolver = LinearSolverChoice.Krylov(KrylovPreconditioner.None) };
        Assert.That(() => OdeSolvers.Rodas5P.CreateIntegrator(Problem(), options).Solve(), Throws.ArgumentException.With.Message.Contains("BDF only"));
    }

    [Test]
    public void Preconditioners_NeedAPattern_AndBlocksMustDivideTheDimension()
    {
        Assert.That(
            () => OdeSolvers.Bdf.CreateIntegrator(Problem(), new OdeSolverOptions { LinearSolver = LinearSolverChoice.Krylov(KrylovPreconditioner.SymmetricGaussSeidel) }),
            Throws.ArgumentException.With.Message.Contains("sparsity pattern"));
        var system = new Brusselator1D(10, analyticJacobian: true);
        var problem = new OdeProblem(system, 0, 1, system.InitialState());
        Assert.That(
            () => OdeSolvers.Bdf.CreateIntegrator(problem, new OdeSolverOptions { LinearSolver = LinearSolverChoice.Krylov(KrylovPreconditioner.BlockJacobi, blockSize: 3) }),
            Throws.ArgumentException.With.Message.Contains("does not divide"));
        Assert.That(() => LinearSolverChoice.Krylov(krylovDimension: 0), Throws.InstanceOf<ArgumentOutOfRangeException>());
    }
}
