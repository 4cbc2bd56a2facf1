using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using Ferroptosis.Sim.Ode;
using Ferroptosis.Sim.Tests.TestProblems;

namespace Ferroptosis.Sim.Benchmarks.Ode;

/// <summary>
/// One complete solve (create the integrator, integrate to t_end, output only at t_end) of the stiff
/// Test Set problems with the Rosenbrock methods, for side-by-side comparison with the CVODE harness
/// (<c>cvode-bench/run.sh</c>, row <c>CVODE_BDF(dense,analyticJ)</c>): same problems, analytic
/// Jacobians, atol = 1e-3·rtol.
/// </summary>
/// <remarks>
/// Run with <c>dotnet run -c Release --project benchmarks/Ferroptosis.Sim.Benchmarks -- --filter *RosenbrockSolve*</c>.
/// The accuracy (scd) and work counts of each configuration are printed once per process by
/// <see cref="Setup"/>, so that times can be compared at equal accuracy. Compare medians: on a shared
/// machine the means carry other processes' load (the CVODE harness also reports medians).
/// </remarks>
[MemoryDiagnoser]
[MedianColumn]
[Config(typeof(SingleSolveConfig))]
public class RosenbrockSolveBenchmarks
{
    private OdeProblem _problem = null!;
    private OdeSolverOptions _options = null!;
    private IOdeSolver _solver = null!;

    [Params("ROBER", "HIRES", "OREGO", "VDPOL")]
    public string Problem { get; set; } = "ROBER";

    [Params(1e-6, 1e-8)]
    public double Rtol { get; set; } = 1e-6;

    [Params("Rodas5P", "Rodas4", "Rosenbrock23")]
    public string Solver { get; set; } = "Rodas5P";

    [GlobalSetup]
    public void Setup()
    {
        var reference = StandardProblems.FromName(Problem);
        _problem = reference.ToProblem();
        _solver = OdeSolvers.FromName(Solver);
        _options = new OdeSolverOptions { RelativeTolerance = Rtol, AbsoluteTolerance = 1e-3 * Rtol, OutputTimes = [reference.EndTime] };
        var solution = Solve();
        var statistics = solution.Statistics;
        Console.WriteLine(
            $"// {Problem} {Solver} rtol {Rtol:0e0}: scd {reference.Scd(solution.FinalState):F2}, nfev {statistics.RhsEvaluations}, " +
            $"njev {statistics.JacobianEvaluations}, nlu {statistics.LuDecompositions}, nsteps {statistics.AcceptedSteps} (+{statistics.RejectedSteps} rejected), {solution.Status}");
    }

    [Benchmark]
    public OdeSolution Solve() => _solver.CreateIntegrator(_problem, _options).Solve();

    /// <summary>Times single solves (one invocation per iteration), as the CVODE harness does, so that the median is that of complete solves.</summary>
    /// <remarks>
    /// Solves of 50 µs would otherwise be timed before tiered compilation has replaced the first-tier
    /// code (it waits for 100 ms without new methods); tier-up is made immediate and the warm-up long.
    /// </remarks>
    private sealed class SingleSolveConfig : ManualConfig
    {
        public SingleSolveConfig() =>
            AddJob(Job.Default
                .WithLaunchCount(1)
                .WithWarmupCount(1000)
                .WithIterationCount(301)
                .WithInvocationCount(1)
                .WithUnrollFactor(1)
                .WithEnvironmentVariable("DOTNET_TC_CallCountingDelayMs", "0"));
    }
}
