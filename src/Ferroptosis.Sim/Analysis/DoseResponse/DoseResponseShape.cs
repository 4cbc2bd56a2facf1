namespace Ferroptosis.Sim.Analysis;

/// <summary>What a dose–response analysis found.</summary>
public enum DoseResponseShape
{
    /// <summary>A monotonic response; the four-parameter logistic was fitted.</summary>
    Sigmoidal = 0,

    /// <summary>An interior maximum or minimum well beyond both ends (bell- or U-shaped, e.g. hormesis); no sigmoid was forced on it.</summary>
    NonMonotonic,

    /// <summary>No response above the noise over the tested doses.</summary>
    Flat,

    /// <summary>The fit did not converge to finite parameters.</summary>
    FitFailed,
}
