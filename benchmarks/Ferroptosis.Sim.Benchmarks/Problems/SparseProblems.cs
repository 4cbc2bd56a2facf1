using Ferroptosis.Sim.Tests.TestProblems;

namespace Ferroptosis.Sim.Benchmarks.Problems;

/// <summary>
/// The large sparse problems of the CVODE sparse harness as benchmark problems: the 2-D Brusselator BRUSS2D (N = 16, 32,
/// 64; n = 2N²) and the bistable trigger wave TRIGGER (N = 64, 128; n = N²), each with the harness's stored reference
/// end state (<c>tests/data/cvode-sparse</c>).
/// </summary>
/// <remarks>
/// The names are the harness's (<c>BRUSS2D_N32</c>, <c>TRIGGER_N64</c>), so our tables and its <c>results.tsv</c>
/// compare row by row. The problems are not in the runner's default set (a solve takes 0.01–10 s); name them with
/// <c>--problem</c>. Their methods are BDF and Rodas5P with the sparse linear solvers, see <see cref="DefaultMethods"/>.
/// </remarks>
public static class SparseProblems
{
    private static readonly Dictionary<string, Lazy<ReferenceProblem>> Stored = new(StringComparer.OrdinalIgnoreCase)
    {
        ["BRUSS2D_N16"] = new(() => Bruss(16)),
        ["BRUSS2D_N32"] = new(() => Bruss(32)),
        ["BRUSS2D_N64"] = new(() => Bruss(64)),
        ["TRIGGER_N64"] = new(() => Trigger(64)),
        ["TRIGGER_N128"] = new(() => Trigger(128)),
    };

    /// <summary>Gets the problem names.</summary>
    public static IReadOnlyList<string> Names { get; } = ["BRUSS2D_N16", "BRUSS2D_N32", "BRUSS2D_N64", "TRIGGER_N64", "TRIGGER_N128"];

    /// <summary>Gets the default tolerances of the sparse problems: 1e-4 to 1e-7 (the harness runs 1e-4 and 1e-6).</summary>
    public static IReadOnlyList<double> DefaultTolerances { get; } = [1e-4, 1e-5, 1e-6, 1e-7];

    /// <summary>Gets the keys of the methods run on a sparse problem by default.</summary>
    public static IReadOnlyList<string> DefaultMethods { get; } = ["Bdf/sparse", "Bdf/krylov-sgs", "Bdf/krylov-ilu", "Bdf/krylov-bj", "Rodas5P/sparse"];

    /// <summary>Gets whether a name is one of the sparse problems.</summary>
    /// <param name="name">The name (case-insensitive).</param>
    /// <returns>True for the names in <see cref="Names"/>.</returns>
    public static bool Contains(string name) => Stored.ContainsKey(name);

    /// <summary>Gets whether a problem is one of the sparse problems.</summary>
    /// <param name="problem">The problem.</param>
    /// <returns>True for BRUSS2D and TRIGGER.</returns>
    public static bool IsSparse(ReferenceProblem problem) => problem.System is Bruss2D or Trigger2D;

    /// <summary>Gets a problem by name (the reference is read on first use).</summary>
    /// <param name="name">The name (case-insensitive).</param>
    /// <returns>The problem.</returns>
    public static ReferenceProblem FromName(string name) => Stored[name].Value;

    /// <summary>Gets the unknowns per grid point: 2 for BRUSS2D (u, v), 1 for TRIGGER (the block of the block-Jacobi preconditioner).</summary>
    /// <param name="problem">The problem.</param>
    /// <returns>The block size.</returns>
    public static int ComponentsPerPoint(ReferenceProblem problem) => problem.System is Bruss2D ? 2 : 1;

    private static ReferenceProblem Bruss(int n)
    {
        var system = new Bruss2D(n);
        return new ReferenceProblem($"BRUSS2D_N{n}", system, Bruss2D.EndTime, system.InitialState(), system.Reference(), IsStiff: true);
    }

    private static ReferenceProblem Trigger(int n)
    {
        var system = new Trigger2D(n);
        return new ReferenceProblem($"TRIGGER_N{n}", system, Trigger2D.EndTime, system.InitialState(), system.Reference(), IsStiff: true);
    }
}
