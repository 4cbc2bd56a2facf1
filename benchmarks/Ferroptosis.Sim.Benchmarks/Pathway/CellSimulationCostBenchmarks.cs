using BenchmarkDotNet.Attributes;
using Ferroptosis.Sim.Benchmarks.Problems;
using Ferroptosis.Sim.Modeling.Compilation;
using Ferroptosis.Sim.Modeling.Simulation;
using Ferroptosis.Sim.Ode;
using Ferroptosis.Sim.Ode.Events;
using Ferroptosis.Sim.Pathway;

namespace Ferroptosis.Sim.Benchmarks.Pathway;

/// <summary>Where the time of one 48 h cell simulation goes: the public API with its defaults, with leaner options, and the bare ODE solve underneath with each method.</summary>
/// <remarks>
/// <para>
/// The osteoblast under erastin 10 µM. The <c>Run*</c> benchmarks call <see cref="FerroptosisSimulation.Run(BoneCell, IEnumerable{Perturbation}, TimeSpan, CellSimulationOptions?)"/>:
/// defaults (Auto, rtol 1e-7, atol 1e-9, max step 0.25 h, all quantities every 0.25 h, t50 located); with only
/// the end point recorded; and the leanest options (Auto, end point only, no step cap). The <c>Ode*</c>
/// benchmarks integrate the same problem with a reused <see cref="ModelInstance"/> from the stored resting state
/// to 48 h, output at the end only, at the same rtol and atol; their differences from the <c>Run*</c> ones are the
/// API's overhead (resting-state lookup, initial values by the interpreter, output grid, threshold watch, result
/// assembly). The <c>Simulator*</c> benchmarks call the model layer's simulator with the settings the API builds,
/// with and without the threshold watch that locates t50. <see cref="InitialState"/> is the interpreter's
/// initial-value computation each run pays. <see cref="RunDefaultsReadAll"/> adds reading every reported quantity:
/// a run records the surviving fraction only, the first read of another quantity runs the same settings again recording
/// the states, and each quantity is computed from them when it is first read.
/// </para>
/// <para>The target from the benchmark issue: one simulation under 100 µs median with the best method.</para>
/// </remarks>
public class CellSimulationCostBenchmarks
{
    private static readonly TimeSpan Duration = TimeSpan.FromHours(PathwayProblems.EndHours);
    private static readonly Perturbation[] Challenge = [PathwayProblems.Challenge];
    private static readonly CellSimulationOptions EndOnly = new() { OutputIntervalHours = PathwayProblems.EndHours };
    private static readonly CellSimulationOptions Lean = EndOnly with { Solver = OdeSolvers.Auto, MaxStepHours = double.PositiveInfinity };
    private ModelInstance _instance = null!;
    private OdeProblem _problem = null!;
    private OdeSolverOptions _options = null!;
    private OdeSolverOptions _cappedOptions = null!;
    private SimulationSettings _settings = null!;

    /// <summary>Prepares the run state and warms the resting-state cache.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var reference = PathwayProblems.For(BoneCell.Osteoblast);
        _instance = PathwayProblems.CreateInstance(BoneCell.Osteoblast);
        _problem = new OdeProblem(_instance, 0, PathwayProblems.EndHours, reference.InitialState);
        var defaults = CellSimulationOptions.Default;
        _options = new OdeSolverOptions { RelativeTolerance = defaults.RelativeTolerance, AbsoluteTolerance = defaults.AbsoluteTolerance, OutputTimes = [PathwayProblems.EndHours] };
        _cappedOptions = _options with { MaxStep = defaults.MaxStepHours };

        // What FerroptosisSimulation.Run hands the simulator with end-point output only.
        var model = PathwayProblems.Model.Compiled;
        _settings = new SimulationSettings
        {
            EndTime = PathwayProblems.EndHours,
            OutputTimes = [0.0, PathwayProblems.EndHours],
            Solver = OdeSolvers.Auto,
            RelativeTolerance = defaults.RelativeTolerance,
            AbsoluteTolerance = defaults.AbsoluteTolerance,
            MaxStep = defaults.MaxStepHours,
            Parameters = new Dictionary<string, double>(BoneCell.Osteoblast.ParametersIn(PathwayProblems.Model), StringComparer.Ordinal) { ["erastin"] = PathwayProblems.ErastinMicromolar },
            InitialValues = model.StateIds.Select((id, k) => (id, k)).ToDictionary(p => p.id, p => reference.InitialState[p.k], StringComparer.Ordinal),
            Thresholds = [new ThresholdWatch("S", 0.5, EventDirection.Falling)],
            EventSamplesPerStep = FerroptosisSimulation.WatchSamplesPerStep,
        };
        var run = RunDefaults();
        var lean = RunLean();
        SetupLog.Write($"Run: {run.Result.Statistics}; RunLean: {lean.Result.Statistics}; S(48 h) {run.SurvivalAtHours(48):F6} / {lean.SurvivalAtHours(48):F6}");
        foreach (var solver in new[] { OdeSolvers.Rodas5P, OdeSolvers.Tsit5, OdeSolvers.Auto, OdeSolvers.Bdf, OdeSolvers.Verner7 })
        {
            var solution = Solve(solver, _options);
            SetupLog.Write($"Ode {solver.Name}: scd {reference.Scd(solution.FinalState):F2}, {solution.Statistics}");
        }
    }

    /// <summary>The public API with its defaults.</summary>
    /// <returns>The result.</returns>
    [Benchmark(Baseline = true)]
    public CellSimulationResult RunDefaults() => FerroptosisSimulation.Run(BoneCell.Osteoblast, Challenge, Duration);

    /// <summary>The public API with its defaults, then every reported quantity read once (the first read of a quantity other than S runs again, recording the states; each column is computed on first read).</summary>
    /// <returns>A sum of the last values, so that nothing is optimised away.</returns>
    [Benchmark]
    public double RunDefaultsReadAll()
    {
        var result = RunDefaults();
        double sum = 0;
        foreach (string name in result.Quantities)
        {
            sum += result.Quantity(name)[^1];
        }

        return sum;
    }

    /// <summary>The public API recording only the start and the end.</summary>
    /// <returns>The result.</returns>
    [Benchmark]
    public CellSimulationResult RunEndOnly() => FerroptosisSimulation.Run(BoneCell.Osteoblast, Challenge, Duration, EndOnly);

    /// <summary>The public API with Auto, end point only and no step cap.</summary>
    /// <returns>The result.</returns>
    [Benchmark]
    public CellSimulationResult RunLean() => FerroptosisSimulation.Run(BoneCell.Osteoblast, Challenge, Duration, Lean);

    /// <summary>The simulator with the settings <see cref="RunEndOnly"/> passes it (end-point output, the t50 threshold watch).</summary>
    /// <returns>The result.</returns>
    [Benchmark]
    public SimulationResult SimulatorEndOnly() => Simulator.Simulate(PathwayProblems.Model.Compiled, _settings);

    /// <summary>The same without the threshold watch: the difference is what locating t50 costs.</summary>
    /// <returns>The result.</returns>
    [Benchmark]
    public SimulationResult SimulatorEndOnlyWithoutWatch() => Simulator.Simulate(PathwayProblems.Model.Compiled, _settings with { Thresholds = null });

    /// <summary>The bare solve as the defaults run it: Auto with steps of at most 0.25 h.</summary>
    /// <returns>The solution.</returns>
    [Benchmark]
    public OdeSolution OdeAutoCapped() => Solve(OdeSolvers.Auto, _cappedOptions);

    /// <summary>The bare solve with Rodas5P.</summary>
    /// <returns>The solution.</returns>
    [Benchmark]
    public OdeSolution OdeRodas5P() => Solve(OdeSolvers.Rodas5P, _options);

    /// <summary>The bare solve with BDF.</summary>
    /// <returns>The solution.</returns>
    [Benchmark]
    public OdeSolution OdeBdf() => Solve(OdeSolvers.Bdf, _options);

    /// <summary>The bare solve with Tsit5.</summary>
    /// <returns>The solution.</returns>
    [Benchmark]
    public OdeSolution OdeTsit5() => Solve(OdeSolvers.Tsit5, _options);

    /// <summary>The bare solve with Verner7.</summary>
    /// <returns>The solution.</returns>
    [Benchmark]
    public OdeSolution OdeVerner7() => Solve(OdeSolvers.Verner7, _options);

    /// <summary>The bare solve with Auto (Tsit5 switching to Rodas5P when stiff).</summary>
    /// <returns>The solution.</returns>
    [Benchmark]
    public OdeSolution OdeAuto() => Solve(OdeSolvers.Auto, _options);

    /// <summary>The initial-value computation by the interpreter (initial assignments and rules), once per run of the API.</summary>
    /// <returns>The state.</returns>
    [Benchmark]
    public double[] InitialState() => _instance.ComputeInitialState(0);

    private OdeSolution Solve(IOdeSolver solver, OdeSolverOptions options) => solver.CreateIntegrator(_problem, options).Solve();
}
