using BenchmarkDotNet.Attributes;
using Ferroptosis.Sim.Ode;
using Ferroptosis.Sim.Tests.TestProblems;

namespace Ferroptosis.Sim.Benchmarks.Ode;

/// <summary>Complete solves (create the integrator, integrate to t_end keeping only the end state) per method × standard problem at rtol 1e-6, atol 1e-9.</summary>
/// <remarks>Stiff methods and Auto run the stiff problems; explicit methods and Auto run AREN.</remarks>
public class SolveBenchmarks
{
    private OdeProblem _problem = null!;
    private IOdeSolver _solver = null!;
    private OdeSolverOptions _options = null!;

    /// <summary>Gets the (solver, problem) pairs.</summary>
    public static IEnumerable<string> Cases =>
        from solver in OdeSolvers.All
        from problem in StandardProblems.All
        where problem.IsStiff ? solver.IsStiff : !solver.IsStiff || solver.Name == "Auto"
        select $"{solver.Name}/{problem.Name}";

    /// <summary>Gets or sets the case, "Solver/PROBLEM".</summary>
    [ParamsSource(nameof(Cases))]
    public string Case { get; set; } = "";

    /// <summary>Prepares the problem and options.</summary>
    [GlobalSetup]
    public void Setup()
    {
        string[] parts = Case.Split('/');
        _solver = OdeSolvers.FromName(parts[0]);
        var problem = StandardProblems.FromName(parts[1]);
        _problem = problem.ToProblem();
        _options = new OdeSolverOptions { RelativeTolerance = 1e-6, AbsoluteTolerance = 1e-9, OutputTimes = [problem.EndTime], MaxSteps = 2_000_000 };
    }

    /// <summary>One complete solve.</summary>
    /// <returns>The solution.</returns>
    [Benchmark]
    public OdeSolution Solve() => _solver.CreateIntegrator(_problem, _options).Solve();
}
