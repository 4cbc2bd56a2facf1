using System.Runtime.Intrinsics;
using Ferroptosis.Sim.Modeling.Expressions;
using Ferroptosis.Sim.Ode.Batched;

namespace Ferroptosis.Sim.Modeling.Compilation;

/// <summary>The right-hand side of a compiled model for the lanes of a batched ensemble: one cell per lane, each with its own parameter vector.</summary>
/// <remarks>
/// The kernel is the model's right-hand side compiled by <see cref="BatchedKernelEmitter"/> over the inputs
/// [t, y_0 … y_{n−1}, p_0 … p_{m−1}], so lane j is, bit for bit, <see cref="CompiledModel.Evaluate"/> with the
/// parameters of lane j. The parameter-only sub-expressions the scalar model precomputes are evaluated in every call
/// here (same operations, same values). Immutable; the input and output vectors are per thread.
/// </remarks>
internal sealed class BatchedModelSystem : IBatchedOdeSystem
{
    [ThreadStatic]
    private static Vector256<double>[]? t_inputs;

    [ThreadStatic]
    private static Vector256<double>[]? t_outputs;

    private readonly BatchedKernel _kernel;

    public BatchedModelSystem(CompiledModel model)
    {
        Dimension = model.Dimension;
        ParameterCount = model.ParameterIds.Count;
        _kernel = BatchedKernelEmitter.Compile(model.RightHandSideExpressions, ModelCompiler.InputSymbols(model.Layout));
    }

    public int Dimension { get; }

    public int ParameterCount { get; }

    public void Evaluate(Vector256<double> t, ReadOnlySpan<Vector256<double>> y, ReadOnlySpan<Vector256<double>> parameters, Span<Vector256<double>> dydt)
    {
        int n = Dimension;
        var inputs = Rent(ref t_inputs, 1 + n + ParameterCount);
        var outputs = Rent(ref t_outputs, n);
        inputs[0] = t;
        y.CopyTo(inputs.AsSpan(1, n));
        parameters.CopyTo(inputs.AsSpan(1 + n, ParameterCount));
        _kernel(inputs, outputs);
        outputs.AsSpan(0, n).CopyTo(dydt);
    }

    private static Vector256<double>[] Rent(ref Vector256<double>[]? buffer, int length)
    {
        if (buffer is null || buffer.Length < length)
        {
            buffer = new Vector256<double>[length];
        }

        return buffer;
    }
}
