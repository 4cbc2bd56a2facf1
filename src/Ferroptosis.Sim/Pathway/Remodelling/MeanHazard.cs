using System.Globalization;

namespace Ferroptosis.Sim.Pathway.Remodelling;

/// <summary>The mean ferroptotic death hazard (1/h) of one cell type's model, healthy and under a condition (disease scenario with interventions).</summary>
/// <param name="Cell">The cell type.</param>
/// <param name="Healthy">h̄ of the healthy cell (the resting hazard), 1/h.</param>
/// <param name="Condition">h̄ under the condition, 1/h: over day 7 of a 7-day run (quasi-steady) or over the whole run (multi-rate).</param>
/// <remarks>Immutable.</remarks>
public sealed record MeanHazard(BoneCell Cell, double Healthy, double Condition)
{
    /// <summary>Gets the hazard added by the condition, 1/h (negative when it protects below the healthy level).</summary>
    public double Excess => Condition - Healthy;

    /// <inheritdoc/>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Cell}: h̄ = {Condition:G3} /h (healthy {Healthy:G3} /h)");
}
