using BenchmarkDotNet.Attributes;
using Ferroptosis.Sim.Ode;
using Ferroptosis.Sim.Ode.ExplicitRungeKutta;
using Ferroptosis.Sim.Ode.Stepping;
using Ferroptosis.Sim.Tests.TestProblems;

namespace Ferroptosis.Sim.Benchmarks.Ode;

/// <summary>The cost of one accepted step of each explicit Runge–Kutta method on the Arenstorf orbit (AREN, n = 4).</summary>
/// <remarks>
/// <see cref="Step"/> times one accepted step of the stepper exactly as <see cref="OdeIntegrator.Step"/>
/// drives it (rtol 1e-8, atol 1e-11); when the orbit is complete the stepper restarts at t = 0 (one
/// evaluation of f and an initial-step estimate, amortised over the ~100–1000 steps of the orbit).
/// <see cref="StepWithDense"/> also builds the step's interpolant, as output between steps or events
/// need. <see cref="Solve"/> is one whole orbit through the public API, for the end-to-end picture.
/// Compare per method: RHS evaluations dominate, so a method's cost per step is mostly its stage count.
/// </remarks>
[MemoryDiagnoser]
public class ExplicitStepBenchmarks
{
    private readonly ReferenceProblem _aren = StandardProblems.Aren;
    private OdeSolverOptions _options = OdeSolverOptions.Default;
    private Stepper _stepper = null!;
    private IOdeSolver _solver = null!;

    /// <summary>Gets or sets the method.</summary>
    [Params("DormandPrince5", "Tsit5", "BogackiShampine3", "Verner7")]
    public string Method { get; set; } = "Tsit5";

    [GlobalSetup]
    public void Setup()
    {
        _solver = OdeSolvers.FromName(Method);
        _options = new OdeSolverOptions { RelativeTolerance = 1e-8, AbsoluteTolerance = 1e-11, OutputTimes = [_aren.EndTime] };
        _stepper = ((ExplicitRungeKuttaSolver)_solver).CreateStepper(_aren.System, _options, new WorkCounters());
        _stepper.Restart(0, _aren.InitialState);
    }

    [Benchmark]
    public double Step() => AdvanceOrRestart() ? _stepper.T : 0;

    [Benchmark]
    public double StepWithDense()
    {
        if (!AdvanceOrRestart())
        {
            return 0;
        }

        _stepper.EnsureDense();
        return _stepper.Dense[0];
    }

    [Benchmark]
    public double Solve()
    {
        var solution = Sim.Ode.Ode.Solve(_aren.ToProblem(), _solver, _options);
        return solution.FinalState[0];
    }

    // One accepted step; at the end of the orbit (or on failure) a restart at t = 0 instead.
    private bool AdvanceOrRestart()
    {
        var stepper = _stepper;
        if (stepper.T < _aren.EndTime && stepper.Advance(_aren.EndTime))
        {
            return true;
        }

        stepper.Restart(0, _aren.InitialState);
        return false;
    }
}
