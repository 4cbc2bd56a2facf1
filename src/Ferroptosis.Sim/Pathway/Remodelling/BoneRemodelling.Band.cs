namespace Ferroptosis.Sim.Pathway.Remodelling;

/// <summary>Uncertainty bands of remodelling runs.</summary>
public static partial class BoneRemodelling
{
    /// <summary>Simulates bone remodelling under a disease scenario and returns the central trajectory with a band over the coupling constants that data do not fix (κ and each cell type's death rate; <see cref="RemodellingUncertainty"/>).</summary>
    /// <param name="scenario">The scenario, or null for healthy bone.</param>
    /// <param name="interventions">Drugs applied to every cell type (may be empty).</param>
    /// <param name="duration">How long.</param>
    /// <param name="options">Options, or null for the defaults.</param>
    /// <param name="uncertainty">The ranges, or null for <see cref="RemodellingUncertainty.Default"/>.</param>
    /// <param name="cancellationToken">Cancels between runs.</param>
    /// <returns>The band; check <see cref="RemodellingBand.IsSuccess"/> (when a run fails the band has no envelope and <see cref="RemodellingBand.Message"/> or the central run says why).</returns>
    /// <exception cref="ArgumentException">The duration is not positive or an option or range is out of range.</exception>
    /// <example>
    /// <code>
    /// var band = BoneRemodelling.RunWithBand(DiseaseScenario.Glucocorticoid, [], BoneRemodelling.Months(24));
    /// Console.WriteLine($"2 years: {band.Central.BoneMass[^1]:F1} % ({band.BoneMassLower[^1]:F1}–{band.BoneMassUpper[^1]:F1} %)");
    /// </code>
    /// </example>
    public static RemodellingBand RunWithBand(DiseaseScenario? scenario, IEnumerable<Perturbation> interventions, TimeSpan duration, RemodellingOptions? options = null, RemodellingUncertainty? uncertainty = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(interventions);
        options ??= RemodellingOptions.Default;
        options.Validate();
        uncertainty ??= RemodellingUncertainty.Default;
        uncertainty.Validate();
        double days = Days(duration);
        var list = interventions.ToList();
        var condition = Prepare(scenario, list, days, options, cancellationToken);
        var central = condition.Failure ?? Simulate(scenario, list, days, condition.Schedule, condition.Formation, options);
        if (!central.IsSuccess)
        {
            return new RemodellingBand(central, uncertainty, [], [], [], [], 0);
        }

        double[] lower = [.. central.BoneMass], upper = [.. central.BoneMass];
        double[] oLower = [.. central.Osteoclasts], oUpper = [.. central.Osteoclasts];
        int members = 1;
        foreach (var (ob, oc, ocy) in uncertainty.Members())
        {
            cancellationToken.ThrowIfCancellationRequested();
            var scaled = condition.Schedule.Select(i => i with { Rates = new DeathRates(ob * i.Rates.Osteoblast, oc * i.Rates.Osteoclast, ocy * i.Rates.Osteocyte) { Hazards = i.Rates.Hazards } }).ToList();
            var member = Simulate(scenario, list, days, scaled, condition.Formation, options);
            if (!member.IsSuccess)
            {
                return new RemodellingBand(central, uncertainty, [], [], [], [], members, $"Band member {members} (death-rate multipliers OB ×{ob:G3}, OC ×{oc:G3}, OCY ×{ocy:G3}) failed: {member.Status}: {member.Message}");
            }

            Envelope(member.BoneMass, lower, upper);
            Envelope(member.Osteoclasts, oLower, oUpper);
            members++;
        }

        return new RemodellingBand(central, uncertainty, lower, upper, oLower, oUpper, members);
    }

    private static void Envelope(double[] values, double[] lower, double[] upper)
    {
        for (int k = 0; k < lower.Length; k++)
        {
            lower[k] = Math.Min(lower[k], values[k]);
            upper[k] = Math.Max(upper[k], values[k]);
        }
    }
}
