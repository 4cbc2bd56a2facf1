using BenchmarkDotNet.Attributes;
using Ferroptosis.Sim.Analysis;
using Ferroptosis.Sim.Modeling.Simulation;
using Ferroptosis.Sim.Ode;

namespace Ferroptosis.Sim.Benchmarks.Analysis;

/// <summary>A 50 × 50 parameter scan (2,500 simulations on all cores) of the stiff enzyme model over kon × kcat, with a value, an area and a threshold time per point.</summary>
/// <remarks>Run with <c>--filter *ScanBenchmarks* --job short</c>. The target is under 2 s for the pathway model.</remarks>
public class ScanBenchmarks
{
    private SimulationExperiment _experiment = null!;
    private ScanAxis[] _axes = null!;

    /// <summary>Gets the solver names to compare (every solver in the catalogue).</summary>
    public static IEnumerable<string> Solvers => OdeSolvers.All.Select(s => s.Name);

    /// <summary>Gets or sets the solver.</summary>
    [ParamsSource(nameof(Solvers))]
    public string Solver { get; set; } = "";

    /// <summary>Builds the experiment and the axes.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var settings = new SimulationSettings { EndTime = 10, RelativeTolerance = 1e-6, AbsoluteTolerance = 1e-9, Solver = OdeSolvers.FromName(Solver) };
        _experiment = new SimulationExperiment(
            BenchmarkModels.Enzyme,
            [new ParameterInput("kon"), new ParameterInput("kcat")],
            [Readout.ValueAt("P", 10), Readout.Area("ES"), Readout.TimeToThreshold("S", 0.5)],
            settings);
        _axes = [ScanAxis.Logarithmic("kon", 10, 1000, 50), ScanAxis.Logarithmic("kcat", 0.1, 10, 50)];
    }

    /// <summary>The scan.</summary>
    /// <returns>The result.</returns>
    [Benchmark]
    public ScanResult Scan50x50() => ParameterScan.Run(_experiment, _axes);
}
