using BenchmarkDotNet.Attributes;
using Ferroptosis.Sim.Ode;
using Ferroptosis.Sim.Tests.TestProblems;

namespace Ferroptosis.Sim.Benchmarks.Ode;

/// <summary>The cost of one warmed-up <see cref="OdeIntegrator.Step"/> per method; Allocated must read 0 B.</summary>
/// <remarks>
/// Explicit methods step the Arenstorf orbit, stiff methods the van der Pol oscillator (ε = 1e-6), both
/// over an interval so long that the integrator never finishes during a run; nothing is recorded per step.
/// </remarks>
public class StepBenchmarks
{
    private OdeIntegrator _integrator = null!;

    /// <summary>Gets the solver names.</summary>
    public static IEnumerable<string> Solvers => OdeSolvers.All.Select(s => s.Name);

    /// <summary>Gets or sets the solver.</summary>
    [ParamsSource(nameof(Solvers))]
    public string Solver { get; set; } = "";

    /// <summary>Creates the integrator and warms it up.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var solver = OdeSolvers.FromName(Solver);
        var problem = solver.IsStiff ? StandardProblems.Vdpol : StandardProblems.Aren;
        var odeProblem = new OdeProblem(problem.System, 0, 1e15, problem.InitialState);
        _integrator = solver.CreateIntegrator(odeProblem, new OdeSolverOptions { OutputTimes = [1e15], MaxSteps = long.MaxValue });
        for (int i = 0; i < 100; i++)
        {
            _integrator.Step();
        }
    }

    /// <summary>One step.</summary>
    /// <returns>Whether the integrator can continue.</returns>
    [Benchmark]
    public bool Step() => _integrator.Step();
}
