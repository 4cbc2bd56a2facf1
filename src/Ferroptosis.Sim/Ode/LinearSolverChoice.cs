namespace Ferroptosis.Sim.Ode;

/// <summary>Which linear solver a stiff method uses for its Newton matrix; see <see cref="OdeSolverOptions.LinearSolver"/>.</summary>
/// <remarks>
/// <para>
/// <see cref="Dense"/> needs nothing from the system. <see cref="Banded"/> uses the system's sparsity pattern
/// (<see cref="ISparseOdeSystem"/>) when it has one, which must then lie inside the band, and otherwise colours the
/// full band for finite differences. <see cref="Sparse"/> needs a sparsity pattern. The banded and sparse solvers
/// use the system's analytic sparse Jacobian when it has one and coloured finite differences otherwise (never a
/// dense analytic Jacobian, which would cost O(n²) memory); so does the dense solver for a system with a pattern and
/// no dense Jacobian. All direct choices give the same steps up to rounding; <see cref="Krylov"/> solves the same
/// Newton systems to a tolerance instead.
/// </para>
/// <para>Immutable and thread-safe.</para>
/// </remarks>
/// <example>
/// <code>
/// var options = OdeSolverOptions.Default with { LinearSolver = LinearSolverChoice.Banded(2, 2) };
/// </code>
/// </example>
public sealed record LinearSolverChoice
{
    private LinearSolverChoice(LinearSolverKind kind, int lower, int upper)
    {
        Kind = kind;
        LowerBandwidth = lower;
        UpperBandwidth = upper;
    }

    private LinearSolverChoice(KrylovPreconditioner preconditioner, int blockSize, int krylovDimension, int restarts)
        : this(LinearSolverKind.Krylov, 0, 0)
    {
        Preconditioner = preconditioner;
        BlockSize = blockSize;
        KrylovDimension = krylovDimension;
        Restarts = restarts;
    }

    /// <summary>Gets the number of unknowns from which <see cref="Auto"/> picks the sparse LU when the system has a sparsity pattern (200).</summary>
    /// <remarks>Below it a dense LU of the whole matrix costs little and its vectorised loops beat the indirection of a sparse one.</remarks>
    public static int AutoSparseThreshold => 200;

    /// <summary>Gets the automatic choice (the default): dense LU for small systems or without a pattern, sparse LU otherwise.</summary>
    public static LinearSolverChoice Auto { get; } = new(LinearSolverKind.Auto, 0, 0);

    /// <summary>Gets dense LU with partial pivoting.</summary>
    public static LinearSolverChoice Dense { get; } = new(LinearSolverKind.Dense, 0, 0);

    /// <summary>Gets sparse LU (needs a system implementing <see cref="ISparseOdeSystem"/>).</summary>
    public static LinearSolverChoice Sparse { get; } = new(LinearSolverKind.Sparse, 0, 0);

    /// <summary>Gets the kind of solver.</summary>
    public LinearSolverKind Kind { get; }

    /// <summary>Gets the number of sub-diagonals of the band (<see cref="LinearSolverKind.Banded"/> only, else 0).</summary>
    public int LowerBandwidth { get; }

    /// <summary>Gets the number of super-diagonals of the band (<see cref="LinearSolverKind.Banded"/> only, else 0).</summary>
    public int UpperBandwidth { get; }

    /// <summary>Gets the preconditioner (<see cref="LinearSolverKind.Krylov"/> only, else <see cref="KrylovPreconditioner.None"/>).</summary>
    public KrylovPreconditioner Preconditioner { get; }

    /// <summary>Gets the size of the diagonal blocks of <see cref="KrylovPreconditioner.BlockJacobi"/> (else 0).</summary>
    public int BlockSize { get; }

    /// <summary>Gets the largest Krylov subspace dimension of one GMRES cycle (<see cref="LinearSolverKind.Krylov"/> only, else 0).</summary>
    public int KrylovDimension { get; }

    /// <summary>Gets the number of GMRES restarts allowed per linear solve (<see cref="LinearSolverKind.Krylov"/> only, else 0).</summary>
    public int Restarts { get; }

    /// <summary>Creates the choice of the Newton–Krylov path: restarted GMRES for the BDF Newton systems.</summary>
    /// <remarks>
    /// <para>
    /// The defaults are CVODE's (maximum Krylov dimension 5, no restarts). GMRES works in the weighted RMS norm of the
    /// error test and stops when the preconditioned residual is below 0.15 times the Newton tolerance; a linear solve
    /// that does not get there counts as a failed Newton iteration (the step is retried, smaller if need be, and the
    /// solve ends with <see cref="SolverStatus.ConvergenceFailure"/> if that keeps happening). J·v is the product with
    /// the system's analytic sparse Jacobian when it has one (evaluated when the preconditioner is set up) and a
    /// directional difference of f at the current Newton iterate otherwise. The preconditioner is set up, like a
    /// direct solver's factorisation, only when γ has moved by more than 30 %, every 20 steps or after a failure.
    /// Rosenbrock methods (which need an exact solve) reject this choice.
    /// </para>
    /// </remarks>
    /// <param name="preconditioner">The preconditioner.</param>
    /// <param name="blockSize">The block size of <see cref="KrylovPreconditioner.BlockJacobi"/> (it must divide the dimension); ignored otherwise.</param>
    /// <param name="krylovDimension">The largest Krylov dimension per cycle (1 to 500).</param>
    /// <param name="restarts">The restarts allowed per linear solve (0 to 100).</param>
    /// <returns>The choice.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A size is out of range, or the preconditioner is not a defined value.</exception>
    public static LinearSolverChoice Krylov(KrylovPreconditioner preconditioner = KrylovPreconditioner.SymmetricGaussSeidel, int blockSize = 1, int krylovDimension = 5, int restarts = 0)
    {
        if (!Enum.IsDefined(preconditioner))
        {
            throw new ArgumentOutOfRangeException(nameof(preconditioner), preconditioner, "Not a defined preconditioner.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(blockSize, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(krylovDimension, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(krylovDimension, 500);
        ArgumentOutOfRangeException.ThrowIfNegative(restarts);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(restarts, 100);
        return new(preconditioner, preconditioner == KrylovPreconditioner.BlockJacobi ? blockSize : 0, krylovDimension, restarts);
    }

    /// <summary>Creates the choice of a band LU for a Jacobian with <paramref name="lower"/> sub- and <paramref name="upper"/> super-diagonals.</summary>
    /// <param name="lower">The lower bandwidth (at least 0).</param>
    /// <param name="upper">The upper bandwidth (at least 0).</param>
    /// <returns>The choice.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A bandwidth is negative.</exception>
    public static LinearSolverChoice Banded(int lower, int upper)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(lower);
        ArgumentOutOfRangeException.ThrowIfNegative(upper);
        return new(LinearSolverKind.Banded, lower, upper);
    }

    /// <inheritdoc/>
    public override string ToString() => Kind switch
    {
        LinearSolverKind.Banded => $"Banded({LowerBandwidth}, {UpperBandwidth})",
        LinearSolverKind.Krylov => Preconditioner == KrylovPreconditioner.BlockJacobi
            ? $"Krylov(BlockJacobi({BlockSize}), {KrylovDimension}, {Restarts})"
            : $"Krylov({Preconditioner}, {KrylovDimension}, {Restarts})",
        _ => Kind.ToString(),
    };
}
