using BenchmarkDotNet.Attributes;
using Ferroptosis.Sim.Analysis;
using Ferroptosis.Sim.Modeling.Simulation;
using Ferroptosis.Sim.Ode;

namespace Ferroptosis.Sim.Benchmarks.Analysis;

/// <summary>A virtual population of the cell-death toy model over 48 h: lognormal cell-to-cell variation of three rates, survival followed every 4 h (13 times) with 5 quantiles, plus the time to 50 % survival.</summary>
/// <remarks>Run with <c>--filter *EnsembleBenchmarks* --job short</c>. The target is 100,000 cells of the pathway model in under 15 s on 2 cores.</remarks>
public class EnsembleBenchmarks
{
    private VirtualPopulation _population = null!;

    /// <summary>Gets or sets the number of cells.</summary>
    [Params(100_000)]
    public int Cells { get; set; }

    /// <summary>Builds the population.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var settings = new SimulationSettings { EndTime = 48, RelativeTolerance = 1e-6, AbsoluteTolerance = 1e-9, Solver = OdeSolvers.DormandPrince5 };
        _population = new VirtualPopulation(
            BenchmarkModels.Survival,
            [
                new CellVariation(new ParameterFoldChangeInput("ksyn"), InputDistribution.LogNormal(1, 0.25)),
                new CellVariation(new ParameterFoldChangeInput("kox"), InputDistribution.LogNormal(1, 0.25)),
                new CellVariation(new ParameterFoldChangeInput("kdeath"), InputDistribution.LogNormal(1, 0.25)),
            ],
            settings);
    }

    /// <summary>The population run.</summary>
    /// <returns>The statistics.</returns>
    [Benchmark]
    public PopulationResult Population() =>
        _population.Simulate(["S"], ScanRange.Linear(0, 48, 13), new EnsembleOptions { Cells = Cells, Seed = 1 }, [Readout.TimeToThreshold("S", 0.5)]);
}
