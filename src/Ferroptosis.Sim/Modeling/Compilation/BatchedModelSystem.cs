using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using Ferroptosis.Sim.Modeling.Expressions;
using Ferroptosis.Sim.Ode.Batched;

namespace Ferroptosis.Sim.Modeling.Compilation;

/// <summary>The right-hand side of a compiled model for the lanes of a batched ensemble: one cell per lane, each with its own parameter vector.</summary>
/// <remarks>
/// The kernel is the model's right-hand side compiled by <see cref="BatchedKernelEmitter"/> over the inputs
/// [t, y_0 … y_{n−1}, p_0 … p_{m−1}, hoisted values], so lane j is, bit for bit, <see cref="CompiledModel.Evaluate"/>
/// with the parameters of lane j. As in <see cref="ModelInstance"/>, the parameter-only sub-expressions are computed by
/// a precompute kernel only when the parameter vectors change (a lane took a new cell), found by comparing them with
/// the last ones bit for bit. Immutable; the input and output vectors are per thread.
/// </remarks>
internal sealed class BatchedModelSystem : IBatchedOdeSystem
{
    [ThreadStatic]
    private static Vector256<double>[]? t_inputs;

    [ThreadStatic]
    private static Vector256<double>[]? t_outputs;

    // The system whose parameters and hoisted values this thread's input vectors hold.
    [ThreadStatic]
    private static BatchedModelSystem? t_loadedBy;

    private readonly BatchedKernel _kernel;
    private readonly BatchedKernel _precompute;
    private readonly int _hoistedCount;

    public BatchedModelSystem(CompiledModel model, BatchedFunctions functions)
    {
        Dimension = model.Dimension;
        ParameterCount = model.ParameterIds.Count;
        int firstParameter = 1 + Dimension;
        (_kernel, _precompute, _hoistedCount) = BatchedKernelEmitter.CompileHoisted(
            model.RightHandSideExpressions, ModelCompiler.InputSymbols(model.Layout), firstParameter, firstParameter + ParameterCount, functions == BatchedFunctions.VectorMath);
    }

    public int Dimension { get; }

    public int ParameterCount { get; }

    public void Evaluate(Vector256<double> t, ReadOnlySpan<Vector256<double>> y, ReadOnlySpan<Vector256<double>> parameters, Span<Vector256<double>> dydt)
    {
        int n = Dimension;
        var inputs = Rent(ref t_inputs, 1 + n + ParameterCount + _hoistedCount);
        var outputs = Rent(ref t_outputs, n);
        inputs[0] = t;
        y.CopyTo(inputs.AsSpan(1, n));
        var loaded = inputs.AsSpan(1 + n, ParameterCount);
        if (!ReferenceEquals(t_loadedBy, this) || !MemoryMarshal.Cast<Vector256<double>, long>(parameters).SequenceEqual(MemoryMarshal.Cast<Vector256<double>, long>(loaded)))
        {
            parameters.CopyTo(loaded);
            _precompute(inputs, inputs);
            t_loadedBy = this;
        }

        _kernel(inputs, outputs);
        outputs.AsSpan(0, n).CopyTo(dydt);
    }

    private static Vector256<double>[] Rent(ref Vector256<double>[]? buffer, int length)
    {
        if (buffer is null || buffer.Length < length)
        {
            buffer = new Vector256<double>[length];
            t_loadedBy = null;
        }

        return buffer;
    }
}
