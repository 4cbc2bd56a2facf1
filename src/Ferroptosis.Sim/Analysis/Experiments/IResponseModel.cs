namespace Ferroptosis.Sim.Analysis;

/// <summary>A model seen from outside: a vector of named inputs in, a vector of named outputs out — what scans, global sensitivity analysis, ensembles and fitting evaluate.</summary>
/// <remarks>
/// <para>
/// The common currency of the analysis toolkit. <see cref="SimulationExperiment"/> adapts a compiled
/// reaction network (inputs set parameters or initial values, outputs are <see cref="Readout"/>s of the
/// simulated trajectory); <see cref="ResponseFunction"/> wraps a plain function (test functions such as
/// Ishigami's). Other layers plug in by implementing this interface, e.g. inputs that are drug doses.
/// </para>
/// <para>
/// Thread safety: implementations are immutable and shareable; all mutable per-run state lives in the
/// evaluators created by <see cref="CreateEvaluator"/>, one per thread.
/// </para>
/// </remarks>
public interface IResponseModel
{
    /// <summary>Gets the names of the inputs, in the order of the input vector.</summary>
    IReadOnlyList<string> InputNames { get; }

    /// <summary>Gets the names of the outputs, in the order of the output vector.</summary>
    IReadOnlyList<string> OutputNames { get; }

    /// <summary>Creates an evaluator that holds the mutable state of runs; use one per thread.</summary>
    /// <param name="cancellationToken">Lets long single evaluations stop early (they then report a failure).</param>
    /// <returns>A new evaluator.</returns>
    IResponseEvaluator CreateEvaluator(CancellationToken cancellationToken = default);
}
