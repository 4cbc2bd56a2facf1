using BenchmarkDotNet.Attributes;
using Ferroptosis.Sim.Analysis;
using Ferroptosis.Sim.Benchmarks.Formats;
using Ferroptosis.Sim.Formats.Antimony;
using Ferroptosis.Sim.Modeling.Compilation;
using Ferroptosis.Sim.Modeling.Simulation;
using Ferroptosis.Sim.Ode;
using Ferroptosis.Sim.Ode.Events;

namespace Ferroptosis.Sim.Benchmarks.Analysis;

/// <summary>The targets on the curated ferroptosis model (reference osteoblast, 16 states, 43 reactions): a 50 × 50 scan of erastin × ferrostatin-1 on S(24 h), and a 100,000-cell population over 48 h under erastin 5 µM.</summary>
/// <remarks>
/// Protocol of the model README (section 8): drug-free resting state (found once by <see cref="SteadyState"/>
/// with S held), S = 1, exposure from t = 0, rtol 1e-6 here. <see cref="MaxStep"/> 0.25 h is the README's
/// step limit during exposures; unlimited steps give the same read-outs at this tolerance and are faster.
/// Cells vary in erastin sensitivity (IC50_ERA), maximal death hazard (k_d) and death threshold (LPO_th),
/// lognormal with σ 0.3, 0.2 and 0.1 — parameters that leave the resting state unchanged.
/// Run with <c>--filter *PathwayBenchmarks* --job short</c>; targets: scan under 2 s, population under 15 s on 2 cores.
/// </remarks>
public class PathwayBenchmarks
{
    private SimulationExperiment _scan = null!;
    private ScanAxis[] _axes = null!;
    private VirtualPopulation _population = null!;

    /// <summary>Gets or sets the largest step in hours (∞ for none).</summary>
    [Params(0.25, double.PositiveInfinity)]
    public double MaxStep { get; set; }

    /// <summary>Gets or sets the solver.</summary>
    [Params("Tsit5", "Rodas5P")]
    public string Solver { get; set; } = "";

    /// <summary>Loads the model, finds the resting state and builds the scan and the population.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var model = ModelCompiler.Compile(AntimonyReader.ReadFile(AntimonyLoadBenchmarks.ModelPath()));
        var steady = SteadyState.Find(model, new SteadyStateOptions { Fixed = ["S"] });
        var rest = steady.StateIds.Select((id, k) => (id, k)).ToDictionary(p => p.id, p => p.id == "S" ? 1.0 : steady.State[p.k]);
        var settings = new SimulationSettings { InitialValues = rest, Solver = OdeSolvers.FromName(Solver), MaxStep = MaxStep, RelativeTolerance = 1e-6, AbsoluteTolerance = 1e-9 };
        _scan = new SimulationExperiment(model, [new ParameterInput("erastin"), new ParameterInput("fer1")], [Readout.ValueAt("S", 24)], settings with { EndTime = 24 });
        _axes = [ScanAxis.Logarithmic("erastin", 0.1, 100, 50), ScanAxis.Logarithmic("fer1", 1e-4, 1, 50)];
        _population = new VirtualPopulation(
            model,
            [
                new CellVariation(new ParameterFoldChangeInput("IC50_ERA"), InputDistribution.LogNormal(1, 0.3)),
                new CellVariation(new ParameterFoldChangeInput("k_d"), InputDistribution.LogNormal(1, 0.2)),
                new CellVariation(new ParameterFoldChangeInput("LPO_th"), InputDistribution.LogNormal(1, 0.1)),
            ],
            settings with { EndTime = 48, Parameters = new Dictionary<string, double> { ["erastin"] = 5 } });
    }

    /// <summary>2,500 simulations of 24 h.</summary>
    /// <returns>The scan.</returns>
    [Benchmark]
    public ScanResult Scan50x50() => ParameterScan.Run(_scan, _axes);

    /// <summary>100,000 cells of 48 h: survival every 4 h with 5 quantiles, and the time to 50 % survival.</summary>
    /// <returns>The population statistics.</returns>
    [Benchmark]
    public PopulationResult Population100k() =>
        _population.Simulate(["S"], ScanRange.Linear(0, 48, 13), new EnsembleOptions { Cells = 100_000, Seed = 1 }, [Readout.TimeToThreshold("S", 0.5, EventDirection.Falling)]);
}
