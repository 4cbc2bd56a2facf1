using BenchmarkDotNet.Attributes;
using Ferroptosis.Sim.Ode;
using Ferroptosis.Sim.Tests.TestProblems;

namespace Ferroptosis.Sim.Benchmarks.Ode;

/// <summary>One complete BDF solve of the 2-D Brusselator BRUSS2D (n = 2N²) with the dense, banded and sparse linear solvers.</summary>
/// <remarks>
/// <para>
/// The configuration of the CVODE sparse harness (<c>cvode-sparse/run.sh --problem BRUSS2D</c>): BDF, analytic
/// sparse Jacobian, rtol 1e-6, atol = 1e-3·rtol, one solve over [0, 11.5] with output only at the end. The band
/// solver runs on the folded grid-row ordering (bandwidths 4N), as the harness's band solver does; dense and sparse
/// on the natural ordering. Dense LU runs only for N = 16 and band LU only for N ≤ 32: the dense N = 32 solve (n = 2048)
/// takes tens of seconds and the band N = 64 one minutes (the CVODE harness has similar limits). The accuracy (scd
/// against the stored reference, where <c>tests/data/cvode-sparse</c> has one) and the work counts of each case are
/// printed once by <see cref="Setup"/>.
/// </para>
/// <para>Run with a short job: <c>--filter '*SparseSolve*' --job short</c>.</para>
/// </remarks>
public class SparseSolveBenchmarks
{
    private OdeProblem _problem = null!;
    private OdeSolverOptions _options = null!;

    /// <summary>Gets the (linear solver, N) pairs.</summary>
    public static IEnumerable<string> Cases => ["Dense/16", "Banded/16", "Sparse/16", "Banded/32", "Sparse/32", "Sparse/64"];

    /// <summary>Gets or sets the case, "LinearSolver/N".</summary>
    [ParamsSource(nameof(Cases))]
    public string Case { get; set; } = "Sparse/16";

    /// <summary>Prepares the problem and options, and prints the accuracy and work of one solve.</summary>
    [GlobalSetup]
    public void Setup()
    {
        string[] parts = Case.Split('/');
        int gridSize = int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture);
        var system = new Bruss2D(gridSize, analyticJacobian: true, folded: parts[0] == "Banded");
        var choice = parts[0] switch
        {
            "Dense" => LinearSolverChoice.Dense,
            "Banded" => LinearSolverChoice.Banded(system.JacobianPattern.LowerBandwidth, system.JacobianPattern.UpperBandwidth),
            _ => LinearSolverChoice.Sparse,
        };
        _problem = system.ToProblem();
        _options = new OdeSolverOptions
        {
            RelativeTolerance = 1e-6,
            AbsoluteTolerance = 1e-9,
            OutputTimes = [Bruss2D.EndTime],
            LinearSolver = choice,
        };
        var solution = Solve();
        string scd = system.HasReference ? Bruss2D.Scd(solution.FinalState, system.Reference()).ToString("F2", System.Globalization.CultureInfo.InvariantCulture) : "NA";
        SetupLog.Write($"BRUSS2D N = {gridSize} {choice}: {solution.Status}, scd {scd}, {solution.Statistics}");
    }

    /// <summary>One complete solve.</summary>
    /// <returns>The solution.</returns>
    [Benchmark]
    public OdeSolution Solve() => OdeSolvers.Bdf.CreateIntegrator(_problem, _options).Solve();
}
