namespace Ferroptosis.Sim.Ode;

/// <summary>How an integration ended (or that it is still running).</summary>
/// <remarks>
/// Every value other than <see cref="Success"/> and <see cref="TerminatedByEvent"/> means the
/// solution does not reach the end time; <see cref="OdeSolution.Message"/> then says where
/// (time, step size) and why.
/// </remarks>
public enum SolverStatus
{
    /// <summary>The integrator has not reached the end time yet.</summary>
    InProgress = 0,

    /// <summary>The end time was reached with the requested error control.</summary>
    Success,

    /// <summary>A terminal event stopped the integration before the end time, as requested.</summary>
    TerminatedByEvent,

    /// <summary>The maximum number of steps (<see cref="OdeSolverOptions.MaxSteps"/>) was taken before the end time.</summary>
    MaxStepsExceeded,

    /// <summary>The step size fell below what floating point can resolve at the current time (usually a singularity or a too tight tolerance).</summary>
    StepSizeTooSmall,

    /// <summary>Newton iterations or linear solves failed repeatedly (singular or badly conditioned iteration matrix).</summary>
    ConvergenceFailure,

    /// <summary>The right-hand side or the state became NaN or infinite.</summary>
    NonFiniteState,

    /// <summary>Not produced any more: cancellation throws <see cref="OperationCanceledException"/> throughout the library (kept so that existing code compiles).</summary>
    Cancelled,
}
