namespace Ferroptosis.Sim.Ode.LinearAlgebra.Krylov;

/// <summary>How a <see cref="Gmres"/> solve ended (CVODE's SUNLS_SUCCESS, SUNLS_RES_REDUCED and SUNLS_CONV_FAIL).</summary>
internal enum GmresOutcome
{
    /// <summary>The residual met the tolerance.</summary>
    Converged,

    /// <summary>The iteration budget ran out with a residual smaller than the right-hand side's, but above the tolerance.</summary>
    ResidualReduced,

    /// <summary>No reduction of the residual, or a non-finite value.</summary>
    Failed,
}
