namespace Ferroptosis.Sim.Plotting;

/// <summary>Colour maps from low to high values for heat maps; all are perceptually uniform and colour-blind safe.</summary>
/// <remarks>
/// Viridis, magma and inferno: van der Walt &amp; Smith (2015), matplotlib colour maps; cividis: Nuñez, Anderton
/// &amp; Renslow (2018), PLoS ONE 13:e0199239, optimised for colour-vision deficiency. Lightness rises
/// monotonically, so the maps also read correctly in greyscale print.
/// </remarks>
public enum SequentialPalette
{
    /// <summary>Dark blue → green → yellow.</summary>
    Viridis,

    /// <summary>Dark blue → grey → yellow, tuned for colour-vision deficiency.</summary>
    Cividis,

    /// <summary>Black → purple → orange → pale yellow.</summary>
    Magma,

    /// <summary>Black → purple → orange → yellow.</summary>
    Inferno,
}
