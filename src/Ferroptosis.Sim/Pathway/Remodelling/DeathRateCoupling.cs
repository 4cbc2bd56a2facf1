namespace Ferroptosis.Sim.Pathway.Remodelling;

/// <summary>How the cell model's death hazard (hours) reaches the bone-remodelling population model (weeks).</summary>
public enum DeathRateCoupling
{
    /// <summary>
    /// The specification's quasi-steady rule (§14.2): each cell type's model runs 7 days under the condition; the mean hazard
    /// of day 7 (t = 144–168 h), minus the healthy one, gives one constant extra death rate for the whole run.
    /// </summary>
    QuasiSteady,

    /// <summary>
    /// Multi-rate: each cell type's model runs for the whole period (hours, stiff solver); its mean hazard over each update
    /// interval (default one day) sets the population model's extra death rate for that interval.
    /// </summary>
    MultiRate,
}
