namespace Ferroptosis.Sim.Plotting;

/// <summary>Where a chart puts its legend.</summary>
public enum LegendLocation
{
    /// <summary>Right of the plot area, top-aligned; never covers data.</summary>
    OutsideRight,

    /// <summary>Below the plot area, items side by side.</summary>
    Below,

    /// <summary>Inside the plot area, top right corner.</summary>
    InsideTopRight,

    /// <summary>Inside the plot area, bottom left corner (falling curves leave it free).</summary>
    InsideBottomLeft,

    /// <summary>Inside the plot area, bottom right corner.</summary>
    InsideBottomRight,

    /// <summary>Inside the plot area, top left corner.</summary>
    InsideTopLeft,

    /// <summary>No legend.</summary>
    None,
}
