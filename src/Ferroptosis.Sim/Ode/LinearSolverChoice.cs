namespace Ferroptosis.Sim.Ode;

/// <summary>Which linear solver a stiff method uses for its Newton matrix; see <see cref="OdeSolverOptions.LinearSolver"/>.</summary>
/// <remarks>
/// <para>
/// <see cref="Dense"/> needs nothing from the system. <see cref="Banded"/> uses the system's sparsity pattern
/// (<see cref="ISparseOdeSystem"/>) when it has one, which must then lie inside the band, and otherwise colours the
/// full band for finite differences. <see cref="Sparse"/> needs a sparsity pattern. The banded and sparse solvers
/// use the system's analytic sparse Jacobian when it has one and coloured finite differences otherwise (never a
/// dense analytic Jacobian, which would cost O(n²) memory); so does the dense solver for a system with a pattern and
/// no dense Jacobian. All choices give the same steps up to rounding.
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
    public override string ToString() => Kind == LinearSolverKind.Banded ? $"Banded({LowerBandwidth}, {UpperBandwidth})" : Kind.ToString();
}
