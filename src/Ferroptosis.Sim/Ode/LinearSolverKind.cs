namespace Ferroptosis.Sim.Ode;

/// <summary>The linear solvers with which stiff methods factor their Newton matrix (I − γJ or I/(hγ) − J).</summary>
public enum LinearSolverKind
{
    /// <summary>Dense LU below <see cref="LinearSolverChoice.AutoSparseThreshold"/> unknowns or without a sparsity pattern; sparse LU otherwise.</summary>
    Auto,

    /// <summary>Dense LU with partial pivoting: O(n²) memory, O(n³) per factorisation.</summary>
    Dense,

    /// <summary>Band LU with partial pivoting (LAPACK band storage): O(n·(2l + u)) memory.</summary>
    Banded,

    /// <summary>Sparse LU with a fill-reducing ordering and threshold partial pivoting: memory of the order of the factors' non-zeros.</summary>
    Sparse,
}
