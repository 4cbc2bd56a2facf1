using Ferroptosis.Sim.Ode;
using Ferroptosis.Sim.Tests.TestProblems;

namespace Ferroptosis.Sim.Benchmarks.Problems;

/// <summary>Every problem the benchmarks run: the five of the CVODE harness and the three pathway problems, with the solvers that suit each.</summary>
public static class BenchmarkProblems
{
    /// <summary>Gets the problem names in table order.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. StandardProblems.All.Select(p => p.Name), .. PathwayProblems.Cells.Select(c => c.Name)];

    /// <summary>Gets every problem (the pathway problems load their stored reference on first use).</summary>
    public static IReadOnlyList<ReferenceProblem> All => [.. Names.Select(FromName)];

    /// <summary>Finds a problem by name, case-insensitive: ROBER, HIRES, OREGO, VDPOL, AREN, osteoblast, osteoclast, osteocyte, or one of <see cref="SparseProblems.Names"/> (not in <see cref="Names"/>).</summary>
    /// <param name="name">The name.</param>
    /// <returns>The problem.</returns>
    /// <exception cref="ArgumentException">Unknown name; the message lists the valid ones.</exception>
    public static ReferenceProblem FromName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (SparseProblems.Contains(name))
        {
            return SparseProblems.FromName(name);
        }

        var cell = PathwayProblems.Cells.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase));
        if (cell is not null)
        {
            return PathwayProblems.For(cell);
        }

        return StandardProblems.All.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase))
            ?? throw new ArgumentException($"Unknown problem '{name}'. Valid: {string.Join(", ", [.. Names, .. SparseProblems.Names])}.", nameof(name));
    }

    /// <summary>Gets whether a problem is one of the pathway problems.</summary>
    /// <param name="problem">The problem.</param>
    /// <returns>True for osteoblast, osteoclast and osteocyte.</returns>
    public static bool IsPathway(ReferenceProblem problem) =>
        PathwayProblems.Cells.Any(c => string.Equals(c.Name, problem.Name, StringComparison.OrdinalIgnoreCase));

    /// <summary>Gets the solvers that are run on a problem by default.</summary>
    /// <param name="problem">The problem.</param>
    /// <param name="rtol">The relative tolerance.</param>
    /// <returns>
    /// Every method on the pathway problems (mildly stiff: which family wins is the question); stiff methods
    /// and Auto on the stiff test-set problems; every method on AREN down to rtol 1e-8 (as the CVODE harness
    /// runs BDF there), explicit methods only below.
    /// </returns>
    public static IEnumerable<IOdeSolver> SolversFor(ReferenceProblem problem, double rtol) =>
        IsPathway(problem)
            ? OdeSolvers.All
            : OdeSolvers.All.Where(s => problem.IsStiff ? s.IsStiff : !s.IsStiff || rtol >= 1e-8);
}
