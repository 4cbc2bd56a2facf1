namespace Ferroptosis.Sim.Analysis;

/// <summary>A response model seen with its inputs in another order: input a of this view is input <c>inputOf[a]</c> of the model.</summary>
/// <remarks>Lets a scan whose axes are not in the model's input order run as a grid plan (inputs = axes, last fastest). Immutable.</remarks>
internal sealed class PermutedInputsModel(IResponseModel model, int[] inputOf) : IResponseModel
{
    public IReadOnlyList<string> InputNames { get; } = [.. inputOf.Select(i => model.InputNames[i])];

    public IReadOnlyList<string> OutputNames => model.OutputNames;

    public IResponseEvaluator CreateEvaluator(CancellationToken cancellationToken = default) =>
        new Evaluator(model.CreateEvaluator(cancellationToken), inputOf);

    private sealed class Evaluator(IResponseEvaluator inner, int[] inputOf) : IResponseEvaluator, IFailureKindSource
    {
        private readonly double[] _inputs = new double[inputOf.Length];

        public string? FailureKind => (inner as IFailureKindSource)?.FailureKind;

        public bool TryEvaluate(ReadOnlySpan<double> inputs, Span<double> outputs, out string? failure)
        {
            for (int a = 0; a < inputOf.Length; a++)
            {
                _inputs[inputOf[a]] = inputs[a];
            }

            return inner.TryEvaluate(_inputs, outputs, out failure);
        }
    }
}
