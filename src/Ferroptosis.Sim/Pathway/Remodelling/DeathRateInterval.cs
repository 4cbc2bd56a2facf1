using System.Globalization;

namespace Ferroptosis.Sim.Pathway.Remodelling;

/// <summary>The extra death rates in force over one interval of a remodelling run.</summary>
/// <param name="StartDays">The start of the interval (days).</param>
/// <param name="EndDays">The end of the interval (days).</param>
/// <param name="Rates">The rates (1/day).</param>
/// <remarks>A quasi-steady run has one interval covering the whole run; a multi-rate run one per update interval. Immutable.</remarks>
public sealed record DeathRateInterval(double StartDays, double EndDays, DeathRates Rates)
{
    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{StartDays:G4}–{EndDays:G4} d: {Rates}");
}
