namespace Ferroptosis.Sim.Ode;

/// <summary>The preconditioners of the Newton–Krylov path (<see cref="LinearSolverChoice.Krylov"/>), applied from the left to M = I − γJ.</summary>
public enum KrylovPreconditioner
{
    /// <summary>No preconditioner: GMRES on M itself. Needs nothing from the system; slow to converge when the step is far beyond the explicit stability limit.</summary>
    None,

    /// <summary>
    /// Block-Jacobi: dense LU of each diagonal block of M, the blocks being consecutive runs of
    /// <see cref="LinearSolverChoice.BlockSize"/> state variables (e.g. the species of one cell of a lattice); needs a
    /// sparsity pattern (<see cref="ISparseOdeSystem"/>).
    /// </summary>
    BlockJacobi,

    /// <summary>One symmetric Gauss–Seidel sweep on the sparse M, P = (D + L)·D⁻¹·(D + U); needs a sparsity pattern (<see cref="ISparseOdeSystem"/>).</summary>
    SymmetricGaussSeidel,

    /// <summary>ILU(0): the incomplete LU factorisation of the sparse M that keeps M's own pattern (no fill); needs a sparsity pattern (<see cref="ISparseOdeSystem"/>).</summary>
    IncompleteLu,
}
