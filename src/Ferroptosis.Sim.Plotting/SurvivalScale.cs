namespace Ferroptosis.Sim.Plotting;

/// <summary>How surviving fractions are labelled on the y axis of a cell-death plot.</summary>
public enum SurvivalScale
{
    /// <summary>Surviving fraction from 0 to 1.</summary>
    Fraction,

    /// <summary>Surviving cells in percent, from 0 to 100.</summary>
    Percent,
}
