namespace Ferroptosis.Sim.Pathway;

/// <summary>Units of drug concentration; the model works in micromolar.</summary>
public enum ConcentrationUnit
{
    /// <summary>Nanomolar (nM), 1e-3 µM.</summary>
    Nanomolar,

    /// <summary>Micromolar (µM), the model's unit.</summary>
    Micromolar,

    /// <summary>Millimolar (mM), 1e3 µM.</summary>
    Millimolar,
}
