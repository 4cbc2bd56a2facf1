namespace Ferroptosis.Sim.Pathway.Remodelling;

/// <summary>The cell-model side of a remodelling run, shared by single runs and uncertainty bands.</summary>
public static partial class BoneRemodelling
{
    /// <summary>Runs the cell models of a condition once: the extra death rates (by interval) and the osteoclast-formation ratio before and after the interventions start.</summary>
    internal static PreparedCondition Prepare(DiseaseScenario? scenario, List<Perturbation> list, double days, RemodellingOptions options, CancellationToken cancellationToken)
    {
        try
        {
            double start = Math.Min(options.InterventionStartDays, days);
            bool delayed = start > 0 && list.Count > 0;
            IReadOnlyList<DeathRateInterval> schedule;
            if (options.Coupling == DeathRateCoupling.MultiRate)
            {
                schedule = CellHazards.MultiRate(scenario, list, days, options, cancellationToken);
            }
            else if (delayed)
            {
                var before = CellHazards.QuasiSteady(scenario, [], options);
                schedule = start < days
                    ? [new DeathRateInterval(0, start, before), new DeathRateInterval(start, days, CellHazards.QuasiSteady(scenario, list, options))]
                    : [new DeathRateInterval(0, days, before)];
            }
            else
            {
                schedule = [new DeathRateInterval(0, days, CellHazards.QuasiSteady(scenario, list, options))];
            }

            var scale = options.DeathRateMultipliers;
            if (scale.Osteoblast != 1 || scale.Osteoclast != 1 || scale.Osteocyte != 1)
            {
                schedule = [.. schedule.Select(i => i with { Rates = new DeathRates(scale.Osteoblast * i.Rates.Osteoblast, scale.Osteoclast * i.Rates.Osteoclast, scale.Osteocyte * i.Rates.Osteocyte) { Hazards = i.Rates.Hazards } })];
            }

            (double Before, double After) formation = (1, 1);
            if (options.BoneModel == BoneModelKind.Bounded)
            {
                cancellationToken.ThrowIfCancellationRequested();
                double after = CellHazards.FormationRatio(scenario, list, options);
                formation = (delayed ? CellHazards.FormationRatio(scenario, [], options) : after, after);
            }

            cancellationToken.ThrowIfCancellationRequested();
            return new PreparedCondition(schedule, formation, null);
        }
        catch (CellModelFailureException ex)
        {
            return new PreparedCondition([], (1, 1), new RemodellingResult(scenario, list, options, Recruitment(scenario, options), [], null, ex.Status, ex.Message));
        }
    }

    /// <summary>Runs the bone model chosen by the options.</summary>
    internal static RemodellingResult Simulate(DiseaseScenario? scenario, IReadOnlyList<Perturbation> interventions, double days, IReadOnlyList<DeathRateInterval> schedule, (double Before, double After) formation, RemodellingOptions options) =>
        options.BoneModel == BoneModelKind.Bounded
            ? BoundedRemodelling.Simulate(scenario, interventions, days, schedule, formation, options)
            : Simulate(scenario, interventions, days, schedule, options);

    /// <summary>The cell-model results of a condition, or the failure that stopped them.</summary>
    /// <param name="Schedule">Extra death rates by interval.</param>
    /// <param name="Formation">The osteoclast-formation ratio before and after the interventions start.</param>
    /// <param name="Failure">The failed result, or null.</param>
    internal sealed record PreparedCondition(IReadOnlyList<DeathRateInterval> Schedule, (double Before, double After) Formation, RemodellingResult? Failure);
}
