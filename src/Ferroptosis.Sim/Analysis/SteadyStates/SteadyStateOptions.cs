using Ferroptosis.Sim.Ode;

namespace Ferroptosis.Sim.Analysis;

/// <summary>Options of <see cref="SteadyState"/>: convergence tolerances, the integration fallback, and parameter or initial-value changes.</summary>
public sealed record SteadyStateOptions
{
    /// <summary>Gets the default options.</summary>
    public static SteadyStateOptions Default { get; } = new();

    /// <summary>Gets the relative part of the derivative tolerance: converged when |f_i| ≤ AbsoluteTolerance + RelativeTolerance·|y_i| for every i (default 1e-9, per unit time).</summary>
    public double RelativeTolerance { get; init; } = 1e-9;

    /// <summary>Gets the absolute part of the derivative tolerance (default 1e-12, per unit time).</summary>
    public double AbsoluteTolerance { get; init; } = 1e-12;

    /// <summary>Gets the largest number of Newton iterations per attempt (default 50).</summary>
    public int MaxNewtonIterations { get; init; } = 50;

    /// <summary>Gets the solver of the integration fallback (default BDF, which takes long steps near an equilibrium).</summary>
    public IOdeSolver? Solver { get; init; }

    /// <summary>Gets the longest model time integrated by the fallback before giving up (default 1e7).</summary>
    public double MaxIntegrationTime { get; init; } = 1e7;

    /// <summary>Gets a value indicating whether steady states with negative species amounts are accepted from Newton's method (default false: then integration is tried).</summary>
    public bool AllowNegative { get; init; }

    /// <summary>Gets the relative size, against the largest eigenvalue modulus (or 1), below which a real part counts as zero (default 1e-9).</summary>
    public double EigenvalueTolerance { get; init; } = 1e-9;

    /// <summary>Gets ids of state variables held at their starting values during the search (e.g. a surviving fraction that has no resting value of its own), or null.</summary>
    public IReadOnlyList<string>? Fixed { get; init; }

    /// <summary>Gets parameter values to apply first, by id.</summary>
    public IReadOnlyDictionary<string, double>? Parameters { get; init; }

    /// <summary>Gets initial values to apply first, by id; they set the start of the search and the conserved totals.</summary>
    public IReadOnlyDictionary<string, double>? InitialValues { get; init; }
}
