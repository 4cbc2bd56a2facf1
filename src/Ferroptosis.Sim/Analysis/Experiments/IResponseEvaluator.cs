namespace Ferroptosis.Sim.Analysis;

/// <summary>Evaluates an <see cref="IResponseModel"/> at one input vector; holds the mutable state of runs.</summary>
/// <remarks>Not thread-safe: each thread creates its own with <see cref="IResponseModel.CreateEvaluator"/>.</remarks>
public interface IResponseEvaluator
{
    /// <summary>Evaluates the outputs at <paramref name="inputs"/>.</summary>
    /// <param name="inputs">One value per input, ordered as <see cref="IResponseModel.InputNames"/>.</param>
    /// <param name="outputs">Receives one value per output, ordered as <see cref="IResponseModel.OutputNames"/>.</param>
    /// <param name="failure">Null on success; otherwise what went wrong (e.g. the solver's status and message). Outputs are then NaN where unknown.</param>
    /// <returns>True on success.</returns>
    bool TryEvaluate(ReadOnlySpan<double> inputs, Span<double> outputs, out string? failure);
}
