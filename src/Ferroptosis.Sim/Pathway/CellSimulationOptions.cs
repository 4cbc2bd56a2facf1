using Ferroptosis.Sim.Ode;

namespace Ferroptosis.Sim.Pathway;

/// <summary>How to run a cell simulation: model version, disease scenario, solver, tolerances, output spacing.</summary>
/// <remarks>Defaults follow the model specification (§3): rtol 1e-7, atol 1e-9, steps at most 0.25 h so the death switch is resolved. Immutable.</remarks>
public sealed record CellSimulationOptions
{
    /// <summary>Gets the default options.</summary>
    public static CellSimulationOptions Default { get; } = new();

    /// <summary>Gets the version of the ferroptosis model to run, or null for <see cref="FerroptosisModel.Default"/> (v2); <see cref="FerroptosisModel.Version1"/> reproduces published v1 results.</summary>
    public FerroptosisModel? Model { get; init; }

    /// <summary>Gets the disease scenario switched on at the start of the exposure, or null for a healthy cell.</summary>
    public DiseaseScenario? Scenario { get; init; }

    /// <summary>Gets a value indicating whether the scenario acts in its chronic (half-strength) form instead of the acute in-vitro form.</summary>
    public bool ChronicScenario { get; init; }

    /// <summary>Gets the solver, or null for the automatic solver (Tsit5 while the cell is quiet, Rodas5P through the stiff death switch).</summary>
    public IOdeSolver? Solver { get; init; }

    /// <summary>Gets the relative tolerance (default 1e-7).</summary>
    public double RelativeTolerance { get; init; } = 1e-7;

    /// <summary>Gets the absolute tolerance (default 1e-9).</summary>
    public double AbsoluteTolerance { get; init; } = 1e-9;

    /// <summary>Gets the largest step in hours (default 0.25 h).</summary>
    public double MaxStepHours { get; init; } = 0.25;

    /// <summary>Gets the spacing of the reported time points in hours (default 0.25 h).</summary>
    public double OutputIntervalHours { get; init; } = 0.25;

    /// <summary>Gets the largest number of reported time points a run may have (default 1,000,000, about 300 MB of results for model v2); a run that would report more is refused before it starts.</summary>
    /// <remarks>The number of points is (duration + pre-treatment) / <see cref="OutputIntervalHours"/> + 1. Raise the limit explicitly to run longer or finer; <see cref="FerroptosisSimulation.EstimateOutputPoints"/> gives the count for a run.</remarks>
    public long MaxOutputPoints { get; init; } = 1_000_000;

    /// <summary>Gets extra parameter values applied from the start of the run (expert use), by model parameter id; they win over the scenario and the perturbations.</summary>
    public IReadOnlyDictionary<string, double>? Parameters { get; init; }

    /// <summary>Gets state values that replace the resting values at the start of the run (expert use), by species id, in the species' unit; e.g. <c>LIP</c> = 2.2 × rest for a labile-iron pulse (EB-7).</summary>
    public IReadOnlyDictionary<string, double>? InitialValues { get; init; }

    /// <summary>Gets a value indicating whether the run records every state as it goes, so that reading any quantity of the result costs no second run.</summary>
    /// <remarks>
    /// False (the default): the run records only the surviving fraction, which survival, t50 and the summary line read,
    /// and the first read of another quantity re-runs the same settings (the same bits). Set it when you will read other
    /// quantities (trajectories of LPO, GSH, LIP…, the CSV): one run instead of two, at the cost of storing every state
    /// at every reported point.
    /// </remarks>
    public bool RecordAllQuantities { get; init; }
}
