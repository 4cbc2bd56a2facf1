using BenchmarkDotNet.Attributes;
using Ferroptosis.Sim.Benchmarks.Problems;
using Ferroptosis.Sim.Pathway;

namespace Ferroptosis.Sim.Benchmarks.Pathway;

/// <summary>One 48 h cell simulation through the public pathway API, per bone cell type and scenario, with the default options.</summary>
/// <remarks>
/// <see cref="FerroptosisSimulation.Run(BoneCell, IEnumerable{Perturbation}, TimeSpan, CellSimulationOptions?)"/> as a user calls it: Rodas5P at rtol 1e-7, atol 1e-9, steps of at most
/// 0.25 h, the surviving fraction and every model quantity recorded every 0.25 h, the time to 50 % death located.
/// Scenarios: erastin 10 µM in a healthy cell (the work–precision challenge), and each disease scenario
/// (in its acute in-vitro form) without a drug. The resting state of each cell type is computed (and cached)
/// in <see cref="Setup"/>, as it is after a process's first run. Where the time of such a run goes is taken
/// apart in <see cref="CellSimulationCostBenchmarks"/>.
/// </remarks>
public class CellSimulationBenchmarks
{
    private static readonly TimeSpan Duration = TimeSpan.FromHours(PathwayProblems.EndHours);
    private BoneCell _cell = null!;
    private Perturbation[] _perturbations = [];
    private CellSimulationOptions _options = CellSimulationOptions.Default;

    /// <summary>Gets the scenario names: "erastin-10uM", then the disease scenarios.</summary>
    public static IEnumerable<string> Scenarios => ["erastin-10uM", .. DiseaseScenario.All.Select(s => s.Name)];

    /// <summary>Gets or sets the cell type.</summary>
    [Params("osteoblast", "osteoclast", "osteocyte")]
    public string Cell { get; set; } = "osteoblast";

    /// <summary>Gets or sets the scenario.</summary>
    [ParamsSource(nameof(Scenarios))]
    public string Scenario { get; set; } = "erastin-10uM";

    /// <summary>Prepares the inputs and runs once (resting state cached, code warmed), printing the outcome.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _cell = BoneCell.FromName(Cell);
        if (Scenario == "erastin-10uM")
        {
            _perturbations = [PathwayProblems.Challenge];
            _options = CellSimulationOptions.Default;
        }
        else
        {
            _perturbations = [];
            _options = CellSimulationOptions.Default with { Scenario = DiseaseScenario.FromName(Scenario) };
        }

        var result = Run();
        SetupLog.Write($"{Cell} {Scenario}: {result.Status}, S(48 h) {result.SurvivalAtHours(PathwayProblems.EndHours):F4}, t50 {result.TimeTo50PercentDeathHours?.ToString("F2", System.Globalization.CultureInfo.InvariantCulture) ?? "none"} h, {result.Result.Statistics}");
    }

    /// <summary>One simulation.</summary>
    /// <returns>The result.</returns>
    [Benchmark]
    public CellSimulationResult Run() => FerroptosisSimulation.Run(_cell, _perturbations, Duration, _options);
}
