namespace Ferroptosis.Sim.Ode;

/// <summary>The linear solvers with which stiff methods factor their Newton matrix (I − γJ or I/(hγ) − J), or solve it iteratively.</summary>
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

    /// <summary>
    /// Newton–Krylov (BDF only): restarted GMRES on the Newton system, matrix-free or with the sparse Jacobian, with an
    /// optional preconditioner (<see cref="KrylovPreconditioner"/>); memory O(n·(Krylov dimension) + non-zeros).
    /// </summary>
    Krylov,
}
