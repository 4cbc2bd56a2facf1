using BenchmarkDotNet.Attributes;
using Ferroptosis.Sim.Analysis;
using Ferroptosis.Sim.Benchmarks.Problems;
using Ferroptosis.Sim.Modeling.Simulation;
using Ferroptosis.Sim.Ode;
using Ferroptosis.Sim.Pathway;

namespace Ferroptosis.Sim.Benchmarks.Pathway;

/// <summary>A 10,000-cell population of osteoblasts under erastin 10 µM for 48 h with lognormal cell-to-cell variation, on all cores, through the analysis layer's <see cref="VirtualPopulation"/>.</summary>
/// <remarks>
/// <para>
/// The protocol of the pathway problems (<see cref="PathwayProblems"/>): osteoblast parameters, the stored resting
/// state, erastin 10 µM from t = 0, 48 h. Each cell draws erastin potency (IC50_ERA), the maximal death hazard
/// (k_d) and its threshold (LPO_th) as lognormal multiples (median 1, σ of the log 0.25) of the osteoblast
/// values; these act only under the drug or on the surviving fraction, so every cell starts from the same
/// resting state. The population's surviving fraction at 24 h and 48 h is summarised (mean, spread, five
/// quantiles, streaming) together with the time to 50 % death.
/// </para>
/// <para>
/// Tolerances are the cell simulation's defaults (rtol 1e-7, atol 1e-9), without its 0.25 h step cap. Solvers:
/// Rodas5P (the cell simulation's default), Auto and Tsit5 (the fastest on this problem in the work–precision
/// diagram). The target from the benchmark issue: 10,000 cells in under 1 s on 2 cores.
/// </para>
/// </remarks>
public class CellPopulationBenchmarks
{
    private VirtualPopulation _population = null!;

    /// <summary>Gets or sets the number of cells.</summary>
    [Params(10_000)]
    public int Cells { get; set; }

    /// <summary>Gets or sets the solver.</summary>
    [Params("Rodas5P", "Auto", "Tsit5")]
    public string Solver { get; set; } = "Auto";

    /// <summary>Builds the population and runs it once, printing the population's survival.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var cell = BoneCell.Osteoblast;
        var reference = PathwayProblems.For(cell);
        var model = PathwayProblems.Model.Compiled;
        var parameters = new Dictionary<string, double>(cell.ParametersIn(PathwayProblems.Model), StringComparer.Ordinal) { ["erastin"] = PathwayProblems.ErastinMicromolar };
        var initial = model.StateIds.Select((id, k) => (id, k)).ToDictionary(p => p.id, p => reference.InitialState[p.k], StringComparer.Ordinal);
        var defaults = CellSimulationOptions.Default;
        var settings = new SimulationSettings
        {
            EndTime = PathwayProblems.EndHours,
            Solver = OdeSolvers.FromName(Solver),
            RelativeTolerance = defaults.RelativeTolerance,
            AbsoluteTolerance = defaults.AbsoluteTolerance,
            Parameters = parameters,
            InitialValues = initial,
        };
        _population = new VirtualPopulation(
            model,
            [
                new CellVariation(new ParameterFoldChangeInput("IC50_ERA"), InputDistribution.LogNormal(1, 0.25)),
                new CellVariation(new ParameterFoldChangeInput("k_d"), InputDistribution.LogNormal(1, 0.25)),
                new CellVariation(new ParameterFoldChangeInput("LPO_th"), InputDistribution.LogNormal(1, 0.25)),
            ],
            settings);
        var result = Population();
        double[] mean = result.Mean("S");
        double[] low = result.Quantile("S", 0.05);
        double[] high = result.Quantile("S", 0.95);
        SetupLog.Write($"{Solver}: S(24 h) mean {mean[0]:F4} [5 %: {low[0]:F4}, 95 %: {high[0]:F4}], S(48 h) mean {mean[1]:F4}; " +
            $"failed cells {result.Ensemble.FailureCount}");
    }

    /// <summary>The population run.</summary>
    /// <returns>The population statistics.</returns>
    [Benchmark]
    public PopulationResult Population() =>
        _population.Simulate(["S"], [24.0, PathwayProblems.EndHours], new EnsembleOptions { Cells = Cells, Seed = 1 }, [Readout.TimeToThreshold("S", 0.5)]);
}
