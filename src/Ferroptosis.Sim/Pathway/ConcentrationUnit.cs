namespace Ferroptosis.Sim.Pathway;

/// <summary>Units of drug concentration; the model works in micromolar.</summary>
/// <remarks>
/// The value of a unit is its decimal exponent relative to molar (nM = -9, µM = -6, mM = -3). The zero value,
/// <c>default(ConcentrationUnit)</c>, is <see cref="Unspecified"/> and refused with a clear message, so a unit
/// left out by mistake is never read as some unit. Up to 0.1.x the members were numbered 0, 1, 2 (nM, µM, mM);
/// none of those numbers is a unit now, so a value stored or compiled against them is refused instead of
/// being read as another unit.
/// </remarks>
public enum ConcentrationUnit
{
    /// <summary>No unit given (<c>default(ConcentrationUnit)</c>); refused wherever a unit is needed.</summary>
    Unspecified = 0,

    /// <summary>Nanomolar (nM), 1e-3 µM.</summary>
    Nanomolar = -9,

    /// <summary>Micromolar (µM), the model's unit.</summary>
    Micromolar = -6,

    /// <summary>Millimolar (mM), 1e3 µM.</summary>
    Millimolar = -3,
}
