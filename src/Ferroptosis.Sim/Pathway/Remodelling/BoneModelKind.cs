namespace Ferroptosis.Sim.Pathway.Remodelling;

/// <summary>Which bone-remodelling population model <see cref="BoneRemodelling"/> runs.</summary>
public enum BoneModelKind
{
    /// <summary>The bounded model (<c>models/bone-remodelling/bounded-remodelling.ant</c>, the default): surface-limited turnover, a mechanostat, the disease's bone-level effects (<see cref="BoneScenarioEffects"/>) with onset kinetics, and osteoclast recruitment fed by the cell model's osteoclast-formation read-out. Coupled to cell model v2.</summary>
    Bounded = 0,

    /// <summary>The balanced Komarova 2003 form of the first release (<c>komarova2003-coupled.ant</c>): linear in the deviations from the healthy state, unbounded, extra death only. Kept to reproduce the first release (<see cref="RemodellingOptions.Version1"/>).</summary>
    Balanced = 1,
}
