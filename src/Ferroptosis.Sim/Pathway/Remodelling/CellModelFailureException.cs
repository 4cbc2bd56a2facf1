using Ferroptosis.Sim.Ode;

namespace Ferroptosis.Sim.Pathway.Remodelling;

/// <summary>A cell-model run that the coupling needs did not finish; <see cref="BoneRemodelling.Run(DiseaseScenario?, IEnumerable{Perturbation}, TimeSpan, RemodellingOptions?, CancellationToken)"/> turns it into a failed result with this status and message.</summary>
/// <remarks>Not expected for the shipped parameter sets; it carries the solver's status so that the failure is reported, not hidden.</remarks>
internal sealed class CellModelFailureException : InvalidOperationException
{
    /// <summary>Initialises the exception.</summary>
    /// <param name="status">The cell run's status.</param>
    /// <param name="message">What failed, where.</param>
    public CellModelFailureException(SolverStatus status, string message)
        : base(message)
    {
        Status = status;
    }

    /// <summary>Gets the cell run's status.</summary>
    public SolverStatus Status { get; }
}
