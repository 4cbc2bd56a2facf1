namespace Ferroptosis.Sim.Tests.TestProblems;

/// <summary>
/// The five problems of the CVODE comparison harness: ROBER, HIRES, OREGO and VDPOL from the Test Set
/// for IVP Solvers (Mazzia, Magherini, Iavernaro, Univ. Bari, release 2.4; reference values from its
/// <c>solut</c> routines) and the Arenstorf orbit AREN (Hairer–Nørsett–Wanner I, II.0).
/// </summary>
public static class StandardProblems
{
    /// <summary>Gets ROBER: Robertson's chemical kinetics, n = 3, t ∈ [0, 1e11].</summary>
    public static ReferenceProblem Rober { get; } = new(
        "ROBER", new RoberSystem(), 1e11, [1.0, 0.0, 0.0],
        [0.2083340149701255e-07, 0.8333360770334713e-13, 0.9999999791665050e+00], true);

    /// <summary>Gets HIRES: high irradiance response, n = 8, t ∈ [0, 321.8122].</summary>
    public static ReferenceProblem Hires { get; } = new(
        "HIRES", new HiresSystem(), 321.8122, [1.0, 0, 0, 0, 0, 0, 0, 0.0057],
        [
            0.7371312573325668e-3, 0.1442485726316185e-3, 0.5888729740967575e-4, 0.1175651343283149e-2,
            0.2386356198831331e-2, 0.6238968252742796e-2, 0.2849998395185769e-2, 0.2850001604814231e-2,
        ],
        true);

    /// <summary>Gets OREGO: the Oregonator, n = 3, t ∈ [0, 360].</summary>
    public static ReferenceProblem Orego { get; } = new(
        "OREGO", new OregoSystem(), 360.0, [1.0, 2.0, 3.0],
        [0.1000814870318523e+01, 0.1228178521549917e+04, 0.1320554942846706e+03], true);

    /// <summary>Gets VDPOL: van der Pol with ε = 1e-6, n = 2, t ∈ [0, 2].</summary>
    public static ReferenceProblem Vdpol { get; } = new(
        "VDPOL", new VdpolSystem(), 2.0, [2.0, 0.0],
        [0.1706167732170483e+01, -0.8928097010247975e+00], true);

    /// <summary>Gets AREN: the Arenstorf orbit over one period; the reference is y(0).</summary>
    public static ReferenceProblem Aren { get; } = new(
        "AREN", new ArenSystem(), 17.0652165601579625588917206249, [0.994, 0.0, 0.0, -2.00158510637908252240537862224],
        [0.994, 0.0, 0.0, -2.00158510637908252240537862224], false);

    /// <summary>Gets the four stiff problems.</summary>
    public static IReadOnlyList<ReferenceProblem> Stiff { get; } = [Rober, Hires, Orego, Vdpol];

    /// <summary>Gets all five problems.</summary>
    public static IReadOnlyList<ReferenceProblem> All { get; } = [Rober, Hires, Orego, Vdpol, Aren];

    /// <summary>Finds a problem by name (case-insensitive).</summary>
    public static ReferenceProblem FromName(string name) =>
        All.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException($"Unknown problem '{name}'. Valid: {string.Join(", ", All.Select(p => p.Name))}.", nameof(name));
}
