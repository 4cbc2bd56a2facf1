using System.Collections.Concurrent;

namespace Ferroptosis.Sim.Pathway.Remodelling;

/// <summary>Runs the cell model of each bone cell type under a condition and turns its death hazard into the population model's extra death rates.</summary>
/// <remarks>
/// The hazard h(t) (1/h) is a reported quantity of the cell model; window means come from its running integral
/// (<see cref="HazardIntegral"/>). Healthy hazards are cached per cell type and cell options. Thread-safe.
/// </remarks>
internal static class CellHazards
{
    private static readonly ConcurrentDictionary<(BoneCell Cell, CellSimulationOptions Options, double Run, double Start), double> HealthyCache = new();
    private static readonly ConcurrentDictionary<(CellSimulationOptions Options, double Rankl), double> FormationCache = new();

    /// <summary>The cell types whose death the coupled model uses, in the order δOB, δOC, δOCY.</summary>
    public static IReadOnlyList<BoneCell> Cells { get; } = [BoneCell.Osteoblast, BoneCell.Osteoclast, BoneCell.Osteocyte];

    /// <summary>The quasi-steady death rates: δi = κ·24·(h̄i,condition − h̄i,healthy) with h̄ the mean hazard over the window of a short run.</summary>
    public static DeathRates QuasiSteady(DiseaseScenario? scenario, IReadOnlyList<Perturbation> interventions, RemodellingOptions options)
    {
        var hazards = new MeanHazard[Cells.Count];
        for (int i = 0; i < Cells.Count; i++)
        {
            var cell = Cells[i];
            double healthy = Healthy(cell, options);
            double condition = scenario is null && interventions.Count == 0
                ? healthy
                : WindowMean(RunCell(cell, scenario, interventions, options.HazardRunHours, options), options.HazardWindowStartHours, options.HazardRunHours);
            hazards[i] = new MeanHazard(cell, healthy, condition);
        }

        return Rates(hazards, options);
    }

    /// <summary>The multi-rate death rates: the cell models run for the whole period and each interval takes its own mean hazard.</summary>
    public static IReadOnlyList<DeathRateInterval> MultiRate(DiseaseScenario? scenario, IReadOnlyList<Perturbation> interventions, double days, RemodellingOptions options, CancellationToken cancellationToken)
    {
        double step = options.UpdateInterval.TotalDays;
        int count = (int)Math.Ceiling((days / step) - 1e-9);
        var healthy = new double[Cells.Count];
        var runs = new HazardIntegral?[Cells.Count];
        for (int i = 0; i < Cells.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            healthy[i] = Healthy(Cells[i], options);
            runs[i] = scenario is null && interventions.Count == 0 ? null : new HazardIntegral(RunCell(Cells[i], scenario, interventions, days * 24, options));
        }

        var intervals = new DeathRateInterval[count];
        for (int k = 0; k < count; k++)
        {
            double start = k * step, end = Math.Min((k + 1) * step, days);
            var hazards = new MeanHazard[Cells.Count];
            for (int i = 0; i < Cells.Count; i++)
            {
                double condition = runs[i] is { } run ? run.Mean(start * 24, end * 24) : healthy[i];
                hazards[i] = new MeanHazard(Cells[i], healthy[i], condition);
            }

            intervals[k] = new DeathRateInterval(start, end, Rates(hazards, options));
        }

        return intervals;
    }

    /// <summary>The healthy cell's mean hazard over the window (its resting hazard), cached.</summary>
    /// <summary>The osteoclast-formation read-out of the cell model under a condition relative to healthy precursors: NOC after 5 days of RANKL (<see cref="RemodellingOptions.FormationAssayRankl"/>) in <see cref="BoneCell.OsteoclastPrecursor"/> (EB-35's assay), the condition in its chronic form.</summary>
    public static double FormationRatio(DiseaseScenario? scenario, IReadOnlyList<Perturbation> interventions, RemodellingOptions options)
    {
        double healthy = FormationCache.GetOrAdd((options.CellOptions, options.FormationAssayRankl), _ => Formation(null, [], options));
        return scenario is null && interventions.Count == 0 ? 1 : Formation(scenario, interventions, options) / healthy;
    }

    private static double Formation(DiseaseScenario? scenario, IReadOnlyList<Perturbation> interventions, RemodellingOptions options)
    {
        const double AssayHours = 120;
        var run = RunCell(BoneCell.OsteoclastPrecursor, scenario, [Perturbation.Rankl(options.FormationAssayRankl), .. interventions], AssayHours, options);
        double formed = run.ValueAtHours("NOC", AssayHours);
        return formed > 0 && double.IsFinite(formed)
            ? formed
            : throw new CellModelFailureException(run.Status, $"The osteoclast precursor model formed no osteoclasts under {scenario?.Name ?? "healthy conditions"} (NOC = {formed}).");
    }

    public static double Healthy(BoneCell cell, RemodellingOptions options) =>
        HealthyCache.GetOrAdd(
            (cell, options.CellOptions, options.HazardRunHours, options.HazardWindowStartHours),
            key => WindowMean(RunCell(key.Cell, null, [], key.Run, options), key.Start, key.Run));

    /// <summary>The mean hazard over [from, to] hours: the integral of the piecewise-linear interpolant of h divided by the length.</summary>
    internal static double WindowMean(CellSimulationResult run, double from, double to) => new HazardIntegral(run).Mean(from, to);

    /// <summary>The quantities a hazard run records: the hazard h, which <see cref="HazardIntegral"/> reads, and the surviving fraction (no second run for either).</summary>
    private static readonly string[] HazardAndSurvival = ["h", "S"];

    private static CellSimulationResult RunCell(BoneCell cell, DiseaseScenario? scenario, IReadOnlyList<Perturbation> interventions, double hours, RemodellingOptions options)
    {
        var cellOptions = options.CellOptions with { Scenario = scenario, ChronicScenario = true };
        var run = FerroptosisSimulation.Run(cell, interventions, TimeSpan.FromHours(hours), cellOptions, HazardAndSurvival);
        return run.IsSuccess
            ? run
            : throw new CellModelFailureException(run.Status, $"The {cell} model did not finish under {(scenario?.Name ?? "healthy conditions")}{(interventions.Count == 0 ? "" : " + " + string.Join(" + ", interventions))}: {run.Message}");
    }

    private static DeathRates Rates(MeanHazard[] hazards, RemodellingOptions options)
    {
        // δ = κ·24·(h̄ − h̄_healthy): the hazard is per hour, the population model runs in days (§14.2).
        double Rate(MeanHazard h)
        {
            double rate = options.Kappa * 24 * h.Excess;
            return options.ClampNegativeDeathRates ? Math.Max(rate, 0) : rate;
        }

        return new DeathRates(Rate(hazards[0]), options.EffectiveOsteoclastKappaFactor * Rate(hazards[1]), Rate(hazards[2])) { Hazards = hazards };
    }
}
