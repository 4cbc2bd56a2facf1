using Ferroptosis.Sim.Modeling.Simulation;

namespace Ferroptosis.Sim.Pathway.Remodelling;

/// <summary>Runs the bounded remodelling model (<see cref="BoneModelKind.Bounded"/>) with the death rates, osteoclast-formation ratio and bone-level effects of a condition.</summary>
internal static class BoundedRemodelling
{
    /// <summary>Simulates the bounded model.</summary>
    /// <param name="scenario">The scenario, or null.</param>
    /// <param name="interventions">The interventions (for the result's record).</param>
    /// <param name="days">The duration in days.</param>
    /// <param name="schedule">Extra death rates at full exposure, by interval.</param>
    /// <param name="formation">The cell model's osteoclast-formation ratio before and after the interventions start.</param>
    /// <param name="options">The options.</param>
    /// <returns>The result.</returns>
    public static RemodellingResult Simulate(DiseaseScenario? scenario, IReadOnlyList<Perturbation> interventions, double days, IReadOnlyList<DeathRateInterval> schedule, (double Before, double After) formation, RemodellingOptions options)
    {
        var effects = options.Effects ?? BoneScenarioEffects.Of(scenario);
        double extra = options.OsteoclastRecruitment ?? 1;
        double recruitment = effects.OsteoclastRecruitment * extra * Math.Pow(formation.Before, options.FormationCoupling);
        var first = schedule[0].Rates;
        var parameters = new Dictionary<string, double>(StringComparer.Ordinal)
        {
            ["rho"] = options.OsteocyteSignalling,
            ["k_rep"] = options.OsteocyteReplacement,
            ["E_on"] = 1,
            ["k_on"] = 1 / effects.OnsetDays,
            ["k_onR"] = 1 / effects.RecruitmentOnsetDays,
            ["delta_OB"] = first.Osteoblast,
            ["delta_OC"] = first.Osteoclast,
            ["delta_OCY"] = first.Osteocyte,
            ["f_R"] = recruitment,
            ["f_L"] = effects.OsteoclastRemoval,
            ["f_F"] = effects.OsteoblastFormation,
            ["s_m"] = effects.Mechanosensitivity,
            ["f_load"] = effects.MechanicalLoad,
        };
        if (options.MechanostatGain is { } gain)
        {
            parameters["m"] = gain;
        }

        var changes = new List<ScheduledChange>((3 * schedule.Count) + 2);
        for (int k = 1; k < schedule.Count; k++)
        {
            var (start, rates) = (schedule[k].StartDays, schedule[k].Rates);
            changes.Add(new ScheduledChange(start, "delta_OB", rates.Osteoblast));
            changes.Add(new ScheduledChange(start, "delta_OC", rates.Osteoclast));
            changes.Add(new ScheduledChange(start, "delta_OCY", rates.Osteocyte));
        }

        double treatmentStart = options.InterventionStartDays;
        if (treatmentStart > 0 && treatmentStart < days && formation.After != formation.Before)
        {
            changes.Add(new ScheduledChange(treatmentStart, "f_R", effects.OsteoclastRecruitment * extra * Math.Pow(formation.After, options.FormationCoupling)));
        }

        if (options.ScenarioEndDays is { } end && end < days)
        {
            changes.Add(new ScheduledChange(end, "E_on", 0));
        }

        changes.Sort((a, b) => a.Time.CompareTo(b.Time));
        return BoneRemodelling.Integrate(BoneRemodellingModel.BoundedCompiled, scenario, interventions, days, schedule, parameters, changes, recruitment, options);
    }
}
