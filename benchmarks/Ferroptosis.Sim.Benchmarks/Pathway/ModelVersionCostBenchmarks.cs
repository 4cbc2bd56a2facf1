using BenchmarkDotNet.Attributes;
using Ferroptosis.Sim.Ode;
using Ferroptosis.Sim.Pathway;

namespace Ferroptosis.Sim.Benchmarks.Pathway;

/// <summary>The cost of one 48 h cell simulation in model v1 and model v2 on the same solver: the model issue's bound is v2 ≤ 1.5 × v1.</summary>
/// <remarks>
/// The osteoblast under erastin 10 µM through <see cref="FerroptosisSimulation.Run(BoneCell, IEnumerable{Perturbation}, TimeSpan, CellSimulationOptions?)"/> with the default options except the
/// model version and the solver (Rodas5P, the default's stiff method, and Auto, the default). Resting states are cached
/// by the warm-up, as in any second run of a session. v2 has 20 states and 55 reactions against v1's 16 and 43.
/// </remarks>
public class ModelVersionCostBenchmarks
{
    private static readonly Perturbation[] Challenge = [Perturbation.Erastin(10)];
    private CellSimulationOptions _options = null!;

    /// <summary>Gets or sets the model version ("1" or "2").</summary>
    [Params("1", "2")]
    public string Version { get; set; } = "2";

    /// <summary>Gets or sets the solver.</summary>
    [Params("Rodas5P", "Auto")]
    public string Solver { get; set; } = "Auto";

    /// <summary>Builds the options and warms the resting-state cache.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _options = new CellSimulationOptions
        {
            Model = FerroptosisModel.FromVersion(Version),
            Solver = Solver == "Rodas5P" ? OdeSolvers.Rodas5P : OdeSolvers.Auto,
        };
        var run = Run();
        SetupLog.Write($"v{Version} {Solver}: {run.Result.Statistics}; S(48 h) {run.SurvivalAtHours(48):F6}");
    }

    /// <summary>One simulation.</summary>
    /// <returns>The result.</returns>
    [Benchmark]
    public CellSimulationResult Run() => FerroptosisSimulation.Run(BoneCell.Osteoblast, Challenge, TimeSpan.FromHours(48), _options);
}
