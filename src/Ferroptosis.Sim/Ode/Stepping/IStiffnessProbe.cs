namespace Ferroptosis.Sim.Ode.Stepping;

/// <summary>A stiff stepper that can bound the spectral radius of the Jacobian it last used, so the automatic solver can tell when stiffness has ended.</summary>
internal interface IStiffnessProbe
{
    /// <summary>Gets an upper bound of the spectral radius of the last Jacobian (e.g. its ∞-norm), or NaN if none is available.</summary>
    double SpectralRadiusBound { get; }
}
