namespace Ferroptosis.Sim.Ode;

/// <summary>Work counters of one integration, comparable with CVODE's and Hairer's statistics.</summary>
/// <param name="RhsEvaluations">All evaluations of f, including those spent on finite-difference Jacobians and ∂f/∂t (CVODE nfe + nfeLS).</param>
/// <param name="JacobianEvaluations">Jacobian evaluations, analytic or finite-difference.</param>
/// <param name="LuDecompositions">LU factorisations of iteration matrices.</param>
/// <param name="LinearSolves">Solves of a Newton or stage system: forward/back substitutions with an LU factorisation, or GMRES solves on the Newton–Krylov path.</param>
/// <param name="NewtonIterations">Newton iterations (implicit multistep methods).</param>
/// <param name="NewtonFailures">Newton iterations that failed to converge.</param>
/// <param name="AcceptedSteps">Steps accepted by the error test.</param>
/// <param name="RejectedSteps">Steps rejected by the error test or by a failed Newton iteration.</param>
/// <param name="MethodSwitches">Switches between the non-stiff and the stiff method (automatic solver only).</param>
public readonly record struct SolverStatistics(
    long RhsEvaluations,
    long JacobianEvaluations,
    long LuDecompositions,
    long LinearSolves,
    long NewtonIterations,
    long NewtonFailures,
    long AcceptedSteps,
    long RejectedSteps,
    long MethodSwitches)
{
    /// <summary>Gets the Krylov (GMRES) iterations of the Newton–Krylov path, CVODE's nli.</summary>
    public long LinearIterations { get; init; }

    /// <summary>Gets the GMRES solves that ended above their tolerance (CVODE's ncfl); most make the Newton iteration fail.</summary>
    public long LinearConvergenceFailures { get; init; }

    /// <summary>Gets the preconditioner set-ups of the Newton–Krylov path (CVODE's npe).</summary>
    public long PreconditionerSetups { get; init; }

    /// <summary>Gets the preconditioner solves of the Newton–Krylov path (CVODE's nps).</summary>
    public long PreconditionerSolves { get; init; }

    /// <summary>Gets the total number of attempted steps.</summary>
    public long AttemptedSteps => AcceptedSteps + RejectedSteps;

    /// <inheritdoc/>
    public override string ToString() =>
        $"steps {AcceptedSteps} (+{RejectedSteps} rejected), f {RhsEvaluations}, J {JacobianEvaluations}, LU {LuDecompositions}, solves {LinearSolves}"
        + (NewtonIterations > 0 ? $", Newton {NewtonIterations} ({NewtonFailures} failed)" : string.Empty)
        + (LinearIterations > 0 ? $", GMRES {LinearIterations} ({LinearConvergenceFailures} failed), preconditioner {PreconditionerSetups} set-ups, {PreconditionerSolves} solves" : string.Empty)
        + (MethodSwitches > 0 ? $", switches {MethodSwitches}" : string.Empty);
}
