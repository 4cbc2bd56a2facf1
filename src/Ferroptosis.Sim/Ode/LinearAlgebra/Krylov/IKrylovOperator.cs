namespace Ferroptosis.Sim.Ode.LinearAlgebra.Krylov;

/// <summary>The matrix A of a system A·x = b solved by <see cref="Gmres"/>, and its left preconditioner P ≈ A.</summary>
internal interface IKrylovOperator
{
    /// <summary>Writes A·v into <paramref name="result"/> (the two do not overlap).</summary>
    /// <returns>False when the product could not be formed (a non-finite value); GMRES then stops with <see cref="GmresOutcome.Failed"/>.</returns>
    bool Multiply(ReadOnlySpan<double> v, Span<double> result);

    /// <summary>Overwrites <paramref name="v"/> with P⁻¹·v.</summary>
    void Precondition(Span<double> v);
}
