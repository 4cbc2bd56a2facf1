using Ferroptosis.Sim.Ode;
using Ferroptosis.Sim.Tests.TestProblems;

namespace Ferroptosis.Sim.Tests.Ode.Sparse;

/// <summary>BRUSS2D (n = 2N²) solved with the sparse, banded and Krylov linear solvers reaches the stored CVODE reference within what the tolerance promises.</summary>
/// <remarks>
/// The measure is the CVODE harness's mixed error −log10 max |y − ref| / (10⁻³ + |ref|) at t = 11.5. The global
/// error of a BDF or Rosenbrock solve of this oscillating problem is a few hundred times rtol (CVODE BDF reaches
/// 4.5 digits at rtol 1e-6 on N = 16 and 32), so the bound asserted is 300·rtol, i.e. at least 3.5 digits at rtol
/// 1e-6; the reference itself is good to about 8.5 digits.
/// </remarks>
public sealed class Bruss2DReferenceTests
{
    private const double RelativeTolerance = 1e-6;

    [TestCase("Bdf", 16, "sparse", true)]
    [TestCase("Bdf", 16, "sparse", false)]
    [TestCase("Rodas5P", 16, "sparse", true)]
    [TestCase("Bdf", 16, "banded", true)]
    [TestCase("Bdf", 16, "auto", true)]
    [TestCase("Bdf", 16, "krylov-sgs", true)]
    [TestCase("Bdf", 16, "krylov-sgs", false)]
    [TestCase("Bdf", 16, "krylov-blockjacobi", false)]
    [TestCase("Bdf", 16, "krylov-none", false)]
    [TestCase("Bdf", 16, "krylov-ilu", true)]
    [TestCase("Bdf", 32, "krylov-sgs", true)]
    [TestCase("Bdf", 32, "sparse", true, Category = "Slow")]
    [TestCase("Rodas5P", 32, "sparse", false, Category = "Slow")]
    public void ReachesTheCvodeReference(string solverName, int gridSize, string linearSolver, bool analytic)
    {
        var system = new Bruss2D(gridSize, analytic, folded: linearSolver == "banded");
        var choice = linearSolver switch
        {
            "sparse" => LinearSolverChoice.Sparse,
            "krylov-sgs" => LinearSolverChoice.Krylov(KrylovPreconditioner.SymmetricGaussSeidel),
            "krylov-blockjacobi" => LinearSolverChoice.Krylov(KrylovPreconditioner.BlockJacobi, blockSize: 2),
            "krylov-none" => LinearSolverChoice.Krylov(KrylovPreconditioner.None),
            "krylov-ilu" => LinearSolverChoice.Krylov(KrylovPreconditioner.IncompleteLu),
            "banded" => LinearSolverChoice.Banded(system.JacobianPattern.LowerBandwidth, system.JacobianPattern.UpperBandwidth),
            _ => LinearSolverChoice.Auto,
        };
        var options = new OdeSolverOptions
        {
            RelativeTolerance = RelativeTolerance,
            AbsoluteTolerance = 1e-3 * RelativeTolerance,
            OutputTimes = [Bruss2D.EndTime],
            LinearSolver = choice,
        };
        var solution = OdeSolvers.FromName(solverName).CreateIntegrator(system.ToProblem(), options).Solve();
        Assert.That(solution.Status, Is.EqualTo(SolverStatus.Success), solution.Message);
        var end = solution.States[(solution.States.Length - system.Dimension)..];
        double scd = Bruss2D.Scd(end, system.Reference());
        var s = solution.Statistics;
        TestContext.Out.WriteLine($"{solverName} N = {gridSize} {choice}: scd {scd:F2}, {s}");
        Assert.That(scd, Is.GreaterThanOrEqualTo(-Math.Log10(300 * RelativeTolerance)));
    }

    [TestCase(KrylovPreconditioner.SymmetricGaussSeidel)]
    [TestCase(KrylovPreconditioner.IncompleteLu)]
    public void Krylov_AtLooseTolerance_RarelyFailsAGmresSolve_AndIsAsAccurateAsCvode(KrylovPreconditioner preconditioner)
    {
        // N = 32, rtol 1e-4, CVODE's default Krylov dimension 5 and no restarts. GMRES must reach its tolerance in
        // nearly every solve: a failed solve costs a retried Newton iteration and a fresh Jacobian (with the linear
        // tolerance at 0.05 of the Newton tolerance 7–9 % of the solves failed here). The accuracy must be at least
        // CVODE BDF's with SPGMR and the same preconditioner at the same tolerance (scd 2.60, the CVODE sparse
        // harness's results.tsv).
        var system = new Bruss2D(32);
        var options = new OdeSolverOptions
        {
            RelativeTolerance = 1e-4,
            AbsoluteTolerance = 1e-7,
            OutputTimes = [Bruss2D.EndTime],
            LinearSolver = LinearSolverChoice.Krylov(preconditioner),
        };
        var solution = OdeSolvers.Bdf.CreateIntegrator(system.ToProblem(), options).Solve();
        Assert.That(solution.Status, Is.EqualTo(SolverStatus.Success), solution.Message);
        var s = solution.Statistics;
        double scd = Bruss2D.Scd(solution.FinalState, system.Reference());
        TestContext.Out.WriteLine($"{preconditioner}: scd {scd:F2}, {s}");
        Assert.That(s.LinearConvergenceFailures, Is.LessThanOrEqualTo(0.03 * s.LinearSolves));
        Assert.That(scd, Is.GreaterThanOrEqualTo(2.60));
    }

    [Test]
    public void ReferenceFile_HasTheRecordedChecksum()
    {
        // Sum and 2-norm as listed in tests/data/cvode-sparse/README.md.
        var reference = new Bruss2D(16).Reference();
        Assert.That(reference.Sum(), Is.EqualTo(1386.3025675050376).Within(1e-9));
        Assert.That(Math.Sqrt(reference.Sum(v => v * v)), Is.EqualTo(78.178419420207433).Within(1e-9));
    }
}
