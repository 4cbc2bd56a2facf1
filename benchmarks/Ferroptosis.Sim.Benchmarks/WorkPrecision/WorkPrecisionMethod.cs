using Ferroptosis.Sim.Benchmarks.Problems;
using Ferroptosis.Sim.Ode;
using Ferroptosis.Sim.Tests.TestProblems;

namespace Ferroptosis.Sim.Benchmarks.WorkPrecision;

/// <summary>A method of the work–precision runner: a solver of the catalogue, optionally with a sparse linear solver.</summary>
/// <param name="Name">The label in the table: the solver's name (e.g. <c>Rodas5P</c>), or <c>solver/linear</c> (e.g. <c>Bdf/krylov-sgs</c>).</param>
/// <param name="Solver">The solver.</param>
/// <param name="Linear">The linear-solver key (<c>sparse</c>, <c>krylov-sgs</c>, <c>krylov-ilu</c>, <c>krylov-bj</c>, <c>krylov-none</c>), or null for the solver's default.</param>
public sealed record WorkPrecisionMethod(string Name, IOdeSolver Solver, string? Linear)
{
    /// <summary>The linear-solver keys: sparse LU, and GMRES with symmetric Gauss–Seidel, ILU(0), block-Jacobi over the grid points, or no preconditioner.</summary>
    public static IReadOnlyList<string> LinearKeys { get; } = ["sparse", "krylov-sgs", "krylov-ilu", "krylov-bj", "krylov-none"];

    /// <summary>Parses a method name: a solver name, or <c>solver/linear</c> with a key of <see cref="LinearKeys"/>.</summary>
    /// <param name="name">The name (case-insensitive).</param>
    /// <returns>The method.</returns>
    /// <exception cref="ArgumentException">Unknown solver or linear-solver key.</exception>
    public static WorkPrecisionMethod Parse(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        int slash = name.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0)
        {
            var plain = OdeSolvers.FromName(name);
            return new WorkPrecisionMethod(plain.Name, plain, null);
        }

        var solver = OdeSolvers.FromName(name[..slash]);
        string linear = name[(slash + 1)..].ToLowerInvariant();
        if (!LinearKeys.Contains(linear))
        {
            throw new ArgumentException($"Unknown linear solver '{linear}' in '{name}'. Valid: {string.Join(", ", LinearKeys)}.", nameof(name));
        }

        return new WorkPrecisionMethod($"{solver.Name}/{linear}", solver, linear);
    }

    /// <summary>Gets the linear-solver choice on a problem (block-Jacobi blocks are the problem's unknowns per grid point).</summary>
    /// <param name="problem">The problem.</param>
    /// <returns>The choice; <see cref="LinearSolverChoice.Auto"/> when <see cref="Linear"/> is null.</returns>
    public LinearSolverChoice ChoiceFor(ReferenceProblem problem) => Linear switch
    {
        null => LinearSolverChoice.Auto,
        "sparse" => LinearSolverChoice.Sparse,
        "krylov-sgs" => LinearSolverChoice.Krylov(KrylovPreconditioner.SymmetricGaussSeidel),
        "krylov-ilu" => LinearSolverChoice.Krylov(KrylovPreconditioner.IncompleteLu),
        "krylov-bj" => LinearSolverChoice.Krylov(KrylovPreconditioner.BlockJacobi, blockSize: SparseProblems.ComponentsPerPoint(problem)),
        _ => LinearSolverChoice.Krylov(KrylovPreconditioner.None),
    };

    /// <inheritdoc/>
    public override string ToString() => Name;
}
