using Ferroptosis.Sim.Modeling.Compilation;
using Ferroptosis.Sim.Modeling.Simulation;
using Ferroptosis.Sim.Ode;

namespace Ferroptosis.Sim.Pathway.Remodelling;

/// <summary>From cell death to bone loss: runs the ferroptosis model of each bone cell type under a disease scenario (and interventions), turns its death hazard into extra death rates, and runs the coupled Komarova bone-remodelling model for months to years.</summary>
/// <remarks>
/// <para>
/// Coupling (model specification §14.2): the osteoblast, osteoclast and osteocyte models each run under the
/// scenario's chronic (half-strength) changes plus the interventions; δi = κ·24·(h̄i,condition − h̄i,healthy)
/// becomes the extra death rate of population i in <see cref="BoneRemodellingModel.Coupled"/>, which starts at
/// the healthy steady state. Osteoblast and osteoclast death add to the populations' removal; osteocyte death
/// lowers the viable fraction V, which recruits osteoclasts; the scenario's fα1 (estrogen loss 1.2) raises
/// osteoclast recruitment.
/// </para>
/// <para>
/// Time scales: the cells live in hours (the death switch needs steps of ≤ 0.25 h), bone in weeks. The default,
/// <see cref="DeathRateCoupling.QuasiSteady"/>, takes h̄ over day 7 of a 7-day cell run as a constant; the
/// alternative, <see cref="DeathRateCoupling.MultiRate"/>, runs the cell models for the whole period and renews δ
/// every <see cref="RemodellingOptions.UpdateInterval"/>. The bone state does not act back on the cells, so the
/// multi-rate scheme equals integrating both together. docs/remodelling.md compares the two.
/// </para>
/// <para>Thread-safe: runs share the compiled models and cached healthy hazards, nothing else.</para>
/// </remarks>
/// <example>
/// <code>
/// var gc = BoneRemodelling.Run(DiseaseScenario.Glucocorticoid, BoneRemodelling.Months(12));
/// var rescued = BoneRemodelling.Run(DiseaseScenario.Glucocorticoid, [Perturbation.Ferrostatin1(1)], BoneRemodelling.Months(12));
/// Console.WriteLine($"bone mass after a year: {gc.BoneMass[^1]:F1} % vs {rescued.BoneMass[^1]:F1} % with ferrostatin-1");
/// </code>
/// </example>
public static partial class BoneRemodelling
{
    /// <summary>Gets the chronic bone diseases the coupling was built for: glucocorticoid-induced osteoporosis, diabetic bone (high glucose), iron overload, estrogen loss.</summary>
    public static IReadOnlyList<DiseaseScenario> Scenarios { get; } =
        [DiseaseScenario.Glucocorticoid, DiseaseScenario.HighGlucose, DiseaseScenario.IronOverload, DiseaseScenario.EstrogenDeficiency];

    /// <summary>Converts months to a duration, a month being a twelfth of a 365-day year.</summary>
    /// <param name="months">The number of months.</param>
    /// <returns>The duration.</returns>
    public static TimeSpan Months(double months) => TimeSpan.FromDays(months * 365.0 / 12.0);

    /// <summary>Simulates bone remodelling under a disease scenario without intervention.</summary>
    /// <param name="scenario">The scenario, or null for healthy bone.</param>
    /// <param name="duration">How long (e.g. <see cref="Months(double)"/>).</param>
    /// <param name="options">Options, or null for the defaults.</param>
    /// <returns>The trajectory; check <see cref="RemodellingResult.IsSuccess"/>.</returns>
    public static RemodellingResult Run(DiseaseScenario? scenario, TimeSpan duration, RemodellingOptions? options = null) =>
        Run(scenario, [], duration, options);

    /// <summary>Simulates bone remodelling under a disease scenario with interventions that act in the cell model (e.g. ferrostatin-1, deferoxamine, sulforaphane).</summary>
    /// <param name="scenario">The scenario, or null for healthy bone.</param>
    /// <param name="interventions">Drugs applied to every cell type throughout (may be empty).</param>
    /// <param name="duration">How long (e.g. <see cref="Months(double)"/>).</param>
    /// <param name="options">Options, or null for the defaults.</param>
    /// <param name="cancellationToken">Cancels between cell-model runs.</param>
    /// <returns>The trajectory; check <see cref="RemodellingResult.IsSuccess"/>.</returns>
    /// <exception cref="ArgumentException">The duration is not positive, an option is out of range, or an intervention names an unknown parameter.</exception>
    public static RemodellingResult Run(DiseaseScenario? scenario, IEnumerable<Perturbation> interventions, TimeSpan duration, RemodellingOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(interventions);
        options ??= RemodellingOptions.Default;
        options.Validate();
        double days = Days(duration);
        var list = interventions.ToList();
        var condition = Prepare(scenario, list, days, options, cancellationToken);
        return condition.Failure ?? Simulate(scenario, list, days, condition.Schedule, condition.Formation, options);
    }

    /// <summary>Simulates the coupled remodelling model with given extra death rates (no cell model), e.g. to study the population model itself.</summary>
    /// <param name="rates">The extra death rates (1/day), constant over the run.</param>
    /// <param name="duration">How long.</param>
    /// <param name="options">Options (fα1 from <see cref="RemodellingOptions.OsteoclastRecruitment"/>, default 1), or null for the defaults.</param>
    /// <returns>The trajectory.</returns>
    public static RemodellingResult RunPopulation(DeathRates rates, TimeSpan duration, RemodellingOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(rates);
        options ??= RemodellingOptions.Default;
        options.Validate();
        double days = Days(duration);
        var schedule = new DeathRateInterval[] { new(0, days, rates) };
        return options.BoneModel == BoneModelKind.Bounded
            ? BoundedRemodelling.Simulate(null, [], days, schedule, (1, 1), options)
            : Simulate(null, [], days, schedule, options);
    }

    /// <summary>Computes the quasi-steady extra death rates of a condition: δi = κ·24·(h̄i,condition − h̄i,healthy), h̄ the mean hazard over day 7 of a 7-day run of each cell type's model under the scenario's chronic form and the interventions.</summary>
    /// <param name="scenario">The scenario, or null.</param>
    /// <param name="interventions">Drugs applied throughout (may be empty).</param>
    /// <param name="options">Options (κ, hazard window, cell options), or null for the defaults.</param>
    /// <returns>The rates with the mean hazards they came from.</returns>
    /// <exception cref="InvalidOperationException">A cell-model run failed (not expected for the shipped parameter sets).</exception>
    public static DeathRates EstimateDeathRates(DiseaseScenario? scenario, IEnumerable<Perturbation> interventions, RemodellingOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(interventions);
        options ??= RemodellingOptions.Default;
        options.Validate();
        return CellHazards.QuasiSteady(scenario, [.. interventions], options);
    }

    internal static RemodellingResult Simulate(DiseaseScenario? scenario, IReadOnlyList<Perturbation> interventions, double days, IReadOnlyList<DeathRateInterval> schedule, RemodellingOptions options)
    {
        double recruitment = Recruitment(scenario, options);
        var first = schedule[0].Rates;
        var parameters = new Dictionary<string, double>(StringComparer.Ordinal)
        {
            ["f_alpha1"] = recruitment,
            ["rho"] = options.OsteocyteSignalling,
            ["k_rep"] = options.OsteocyteReplacement,
            ["delta_OB"] = first.Osteoblast,
            ["delta_OC"] = first.Osteoclast,
            ["delta_OCY"] = first.Osteocyte,
        };
        var changes = new List<ScheduledChange>(3 * schedule.Count);
        for (int k = 1; k < schedule.Count; k++)
        {
            var (start, rates) = (schedule[k].StartDays, schedule[k].Rates);
            changes.Add(new ScheduledChange(start, "delta_OB", rates.Osteoblast));
            changes.Add(new ScheduledChange(start, "delta_OC", rates.Osteoclast));
            changes.Add(new ScheduledChange(start, "delta_OCY", rates.Osteocyte));
        }

        return Integrate(BoneRemodellingModel.CoupledCompiled, scenario, interventions, days, schedule, parameters, changes, recruitment, options);
    }

    /// <summary>Integrates a bone population model and wraps the result.</summary>
    internal static RemodellingResult Integrate(CompiledModel model, DiseaseScenario? scenario, IReadOnlyList<Perturbation> interventions, double days, IReadOnlyList<DeathRateInterval> schedule, Dictionary<string, double> parameters, List<ScheduledChange> changes, double recruitment, RemodellingOptions options)
    {
        // The population models are small and smooth; tight tolerances make their error negligible next to the coupling's.
        var settings = new SimulationSettings
        {
            EndTime = days,
            OutputTimes = Grid(days, options.OutputIntervalDays),
            Solver = OdeSolvers.Rodas5P,
            RelativeTolerance = 1e-10,
            AbsoluteTolerance = 1e-10,
            Parameters = parameters,
            Schedule = changes,
        };
        var result = Simulator.Simulate(model, settings);
        return new RemodellingResult(scenario, interventions, options, recruitment, schedule, result, result.Status, result.Message);
    }

    internal static double Recruitment(DiseaseScenario? scenario, RemodellingOptions options) =>
        options.OsteoclastRecruitment ?? scenario?.OsteoclastRecruitment ?? 1;

    private static double Days(TimeSpan duration)
    {
        double days = duration.TotalDays;
        return days > 0 && double.IsFinite(days)
            ? days
            : throw new ArgumentOutOfRangeException(nameof(duration), duration, "The duration must be positive, e.g. BoneRemodelling.Months(12).");
    }

    internal static double[] Grid(double days, double interval)
    {
        // Every interval from 0, and the end itself when it is not a multiple of the interval.
        int whole = (int)Math.Floor((days / interval) + 1e-9);
        bool partial = days - (whole * interval) > 1e-9 * Math.Max(1, days);
        var grid = new double[whole + 1 + (partial ? 1 : 0)];
        for (int k = 0; k <= whole; k++)
        {
            grid[k] = Math.Min(k * interval, days);
        }

        grid[^1] = days;
        return grid;
    }
}
