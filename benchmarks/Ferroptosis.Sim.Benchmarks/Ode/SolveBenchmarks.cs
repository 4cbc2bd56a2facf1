using BenchmarkDotNet.Attributes;
using Ferroptosis.Sim.Benchmarks.Problems;
using Ferroptosis.Sim.Ode;
using Ferroptosis.Sim.Tests.TestProblems;

namespace Ferroptosis.Sim.Benchmarks.Ode;

/// <summary>One complete solve per method × problem: the test-set problems of the CVODE harness and the pathway model of each bone cell type.</summary>
/// <remarks>
/// <para>
/// A solve is what the CVODE harness times: create the integrator, integrate to t_end with output only
/// there, return the solution (statistics included). Tolerances are the harness's pairing, atol = 1e-3·rtol,
/// at rtol 1e-6 and 1e-8, so the rows can be set beside <c>CVODE_BDF(dense,analyticJ)</c>; the stiff
/// problems use their analytic Jacobians, the pathway model its compiled one.
/// </para>
/// <para>
/// Which methods run where: stiff methods and Auto on ROBER, HIRES, OREGO, VDPOL; explicit methods and Auto
/// on AREN; every method on the pathway problems (48 h of erastin 10 µM from the resting state; see
/// <see cref="PathwayProblems"/>). The accuracy (scd) and work counts of each case are printed once per
/// process by <see cref="Setup"/>, so times can be compared at equal accuracy; the work–precision runner
/// gives the same for a sweep of tolerances.
/// </para>
/// </remarks>
public class SolveBenchmarks
{
    private ReferenceProblem _reference = null!;
    private OdeProblem _problem = null!;
    private IOdeSolver _solver = null!;
    private OdeSolverOptions _options = null!;

    /// <summary>Gets the (solver, problem) pairs.</summary>
    public static IEnumerable<string> Cases =>
        from name in BenchmarkProblems.Names
        from solver in OdeSolvers.All
        where Runs(name, solver)
        select $"{solver.Name}/{name}";

    /// <summary>Gets or sets the case, "Solver/problem".</summary>
    [ParamsSource(nameof(Cases))]
    public string Case { get; set; } = "";

    /// <summary>Gets or sets the relative tolerance; atol = 1e-3·rtol.</summary>
    [Params(1e-6, 1e-8)]
    public double Rtol { get; set; } = 1e-6;

    /// <summary>Prepares the problem and options, and prints the accuracy and work of one solve.</summary>
    [GlobalSetup]
    public void Setup()
    {
        string[] parts = Case.Split('/');
        _solver = OdeSolvers.FromName(parts[0]);
        _reference = BenchmarkProblems.FromName(parts[1]);
        _problem = _reference.ToProblem();
        _options = new OdeSolverOptions
        {
            RelativeTolerance = Rtol,
            AbsoluteTolerance = 1e-3 * Rtol,
            OutputTimes = [_reference.EndTime],
            MaxSteps = 2_000_000,
        };
        var solution = Solve();
        SetupLog.Write($"{Case} rtol {Rtol:0e0}: {solution.Status}, scd {_reference.Scd(solution.FinalState):F2}, {solution.Statistics}");
    }

    /// <summary>One complete solve.</summary>
    /// <returns>The solution.</returns>
    [Benchmark]
    public OdeSolution Solve() => _solver.CreateIntegrator(_problem, _options).Solve();

    private static bool Runs(string problem, IOdeSolver solver)
    {
        var standard = StandardProblems.All.FirstOrDefault(p => p.Name == problem);
        return standard is null || (standard.IsStiff ? solver.IsStiff : !solver.IsStiff || solver.Name == "Auto");
    }
}
