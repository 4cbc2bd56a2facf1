namespace Ferroptosis.Sim.Plotting;

/// <summary>How an axis maps data values to positions.</summary>
public enum AxisScale
{
    /// <summary>Equal distances for equal differences.</summary>
    Linear,

    /// <summary>Equal distances for equal ratios (base 10); values ≤ 0 cannot be shown and are left out.</summary>
    Logarithmic,
}
