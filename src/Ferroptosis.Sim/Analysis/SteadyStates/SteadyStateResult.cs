using System.Numerics;
using Ferroptosis.Sim.Modeling.Networks;

namespace Ferroptosis.Sim.Analysis;

/// <summary>A steady state with its residual, the conservation laws held fixed, the eigenvalues of the reduced Jacobian and the stability they imply.</summary>
/// <remarks>Immutable. <see cref="State"/> is ordered as <see cref="StateIds"/> (species changed by reactions as amounts).</remarks>
public sealed record SteadyStateResult
{
    /// <summary>Gets how the search ended.</summary>
    public required SteadyStateStatus Status { get; init; }

    /// <summary>Gets what was found, in words (with the reason for any failure).</summary>
    public required string Message { get; init; }

    /// <summary>Gets the ids of the state variables.</summary>
    public required IReadOnlyList<string> StateIds { get; init; }

    /// <summary>Gets the state where the search ended (the steady state when converged).</summary>
    public required IReadOnlyList<double> State { get; init; }

    /// <summary>Gets the largest |dy_i/dt| at <see cref="State"/>.</summary>
    public double ResidualNorm { get; init; }

    /// <summary>Gets the conservation laws held fixed (those of the stoichiometry that the model's right-hand side respects).</summary>
    public IReadOnlyList<ConservationLaw> ConservationLaws { get; init; } = [];

    /// <summary>Gets the conserved totals, one per law, from the initial state.</summary>
    public IReadOnlyList<double> ConservedTotals { get; init; } = [];

    /// <summary>Gets the eigenvalues of the Jacobian of the reduced system (conservation laws removed), sorted by decreasing real part; empty when not computed.</summary>
    public IReadOnlyList<Complex> Eigenvalues { get; init; } = [];

    /// <summary>Gets the stability judged from <see cref="Eigenvalues"/>.</summary>
    public SteadyStateStability Stability { get; init; }

    /// <summary>Gets the number of Newton iterations taken in total.</summary>
    public int NewtonIterations { get; init; }

    /// <summary>Gets the model time integrated by the fallback (0 if Newton's method succeeded alone).</summary>
    public double IntegrationTime { get; init; }

    /// <summary>Gets a value indicating whether a steady state with a regular Jacobian was found.</summary>
    public bool IsConverged => Status == SteadyStateStatus.Converged;

    /// <summary>Gets the value of one state variable.</summary>
    /// <param name="id">The state id.</param>
    public double this[string id] => State[AnalysisChecks.RequireName(StateIds, id, "state variable")];
}
