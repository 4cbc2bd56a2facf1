using Ferroptosis.Sim.Ode.Jacobians;

namespace Ferroptosis.Sim.Ode.LinearAlgebra.Krylov;

/// <summary>A preconditioner P ≈ M = α·I − β·J built from a sparse Jacobian: set up once per Newton-matrix update, applied once per Krylov iteration.</summary>
/// <remarks>Buffers are allocated in the constructor; <see cref="Setup"/> and <see cref="Solve"/> allocate nothing.</remarks>
internal abstract class Preconditioner
{
    /// <summary>Forms P from α, β and the Jacobian's current values.</summary>
    /// <returns>False when P is singular (a zero or non-finite pivot).</returns>
    public abstract bool Setup(double alpha, double beta, CsrJacobian jacobian);

    /// <summary>Overwrites <paramref name="v"/> with P⁻¹·v.</summary>
    public abstract void Solve(Span<double> v);
}
