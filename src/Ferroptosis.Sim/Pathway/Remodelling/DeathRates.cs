using System.Globalization;

namespace Ferroptosis.Sim.Pathway.Remodelling;

/// <summary>Extra death rates (1/day) of the three bone cell types, added to the populations' removal in the coupled remodelling model.</summary>
/// <param name="Osteoblast">δOB: extra osteoblast death, added to β2.</param>
/// <param name="Osteoclast">δOC: extra osteoclast death, added to β1.</param>
/// <param name="Osteocyte">δOCY: osteocyte death, lowering the viable fraction V.</param>
/// <remarks>
/// From the cell model (specification §14.2): δi = κ·24·(h̄i,condition − h̄i,healthy), h̄ in 1/h, κ the in-vitro-to-in-vivo
/// attenuation. A condition that lowers the hazard below the healthy one (e.g. a ferroptosis inhibitor) gives 0, or a
/// negative δ when <see cref="RemodellingOptions.ClampNegativeDeathRates"/> is false. Immutable.
/// </remarks>
public sealed record DeathRates(double Osteoblast, double Osteoclast, double Osteocyte)
{
    /// <summary>Gets no extra death (the healthy state).</summary>
    public static DeathRates None { get; } = new(0, 0, 0);

    /// <summary>Gets the mean hazards of the cell model that the rates were computed from (empty when the rates were given directly).</summary>
    public IReadOnlyList<MeanHazard> Hazards { get; init; } = [];

    /// <inheritdoc/>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"δOB = {Osteoblast:G3} /d, δOC = {Osteoclast:G3} /d, δOCY = {Osteocyte:G3} /d");
}
