using BenchmarkDotNet.Attributes;
using Ferroptosis.Sim.Ode;
using Ferroptosis.Sim.Tests.TestProblems;

namespace Ferroptosis.Sim.Benchmarks.Ode;

/// <summary>
/// One complete BDF solve (create the integrator, integrate to the end, keep only the end state) of the
/// four stiff problems of the CVODE comparison harness, with the harness's tolerances (atol = 1e-3·rtol)
/// and analytic Jacobians, so that the times can be set beside <c>CVODE_BDF(dense,analyticJ)</c>.
/// </summary>
[MemoryDiagnoser]
public class BdfSolveBenchmarks
{
    private OdeProblem _problem = null!;
    private OdeSolverOptions _options = null!;

    /// <summary>Gets or sets the test-set problem.</summary>
    [Params("ROBER", "HIRES", "OREGO", "VDPOL")]
    public string Problem { get; set; } = "ROBER";

    /// <summary>Gets or sets the relative tolerance.</summary>
    [Params(1e-4, 1e-6, 1e-8)]
    public double RelativeTolerance { get; set; } = 1e-6;

    /// <summary>Builds the problem and options outside the measurement.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var reference = StandardProblems.FromName(Problem);
        _problem = reference.ToProblem();
        _options = new OdeSolverOptions
        {
            RelativeTolerance = RelativeTolerance,
            AbsoluteTolerance = 1e-3 * RelativeTolerance,
            OutputTimes = [reference.EndTime],
        };
    }

    /// <summary>Creates the integrator and integrates to the end time.</summary>
    /// <returns>The first component at the end, so that the work cannot be optimised away.</returns>
    [Benchmark]
    public double Solve() => OdeSolvers.Bdf.CreateIntegrator(_problem, _options).Solve().FinalState[0];
}
