namespace Ferroptosis.Sim.Analysis;

/// <summary>An evaluator that names why its last evaluation failed (a <see cref="Ode.SolverStatus"/> name, or <c>NonFiniteInitialState</c>), so that ensembles can count failures per status.</summary>
internal interface IFailureKindSource
{
    /// <summary>Gets the kind of the last failure, or null after a success.</summary>
    string? FailureKind { get; }
}
