namespace Ferroptosis.Sim.Analysis;

/// <summary>The linear stability of a steady state, from the eigenvalues of the reduced Jacobian.</summary>
public enum SteadyStateStability
{
    /// <summary>Not judged (no steady state, or no eigenvalues).</summary>
    Undetermined = 0,

    /// <summary>Every eigenvalue has a negative real part: small perturbations decay.</summary>
    Stable,

    /// <summary>Some eigenvalue has a positive real part: small perturbations grow.</summary>
    Unstable,

    /// <summary>The largest real part is zero within the tolerance: linearisation cannot decide.</summary>
    Marginal,
}
