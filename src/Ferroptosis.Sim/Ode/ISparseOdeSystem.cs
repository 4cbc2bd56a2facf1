namespace Ferroptosis.Sim.Ode;

/// <summary>An ODE system that declares the sparsity pattern of its Jacobian, and optionally evaluates the Jacobian in that pattern.</summary>
/// <remarks>
/// <para>
/// Stiff solvers use the pattern to factor the Newton matrix with a banded or sparse LU (see
/// <see cref="OdeSolverOptions.LinearSolver"/>) in O(non-zeros) memory, and, when there is no sparse Jacobian, to
/// form a finite-difference Jacobian with one evaluation of f per group of structurally orthogonal columns
/// (Curtis, Powell and Reid, J. Inst. Math. Appl. 13, 1974) instead of one per column.
/// </para>
/// <para>Implementations used by several integrators at once must be thread-safe.</para>
/// </remarks>
public interface ISparseOdeSystem : IOdeSystem
{
    /// <summary>Gets the positions of the entries of ∂f/∂y that can be non-zero (dimension <see cref="IOdeSystem.Dimension"/>).</summary>
    SparsityPattern JacobianPattern { get; }

    /// <summary>Gets a value indicating whether <see cref="EvaluateSparseJacobian"/> is implemented.</summary>
    bool HasSparseJacobian => false;

    /// <summary>Evaluates ∂f/∂y at (t, y) into one value per entry of <see cref="JacobianPattern"/>, in its (CSR) order.</summary>
    /// <param name="t">The time.</param>
    /// <param name="y">The state.</param>
    /// <param name="values">Receives <see cref="SparsityPattern.NonZeros"/> values; every one must be written.</param>
    /// <exception cref="NotSupportedException">The system has no analytic sparse Jacobian (<see cref="HasSparseJacobian"/> is false).</exception>
    void EvaluateSparseJacobian(double t, ReadOnlySpan<double> y, Span<double> values) =>
        throw new NotSupportedException("This system has no analytic sparse Jacobian; solvers use coloured finite differences instead.");
}
