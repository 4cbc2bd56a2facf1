namespace Ferroptosis.Sim.Modeling.Expressions;

/// <summary>The result of <see cref="ExpressionCompiler.Compile"/>: one kernel computing all outputs, and what it cost.</summary>
/// <remarks>Immutable and thread-safe; the kernel allocates nothing when it runs.</remarks>
public sealed class CompiledExpressions
{
    internal CompiledExpressions(ExpressionKernel kernel, int inputCount, int outputCount, int distinctNodeCount, int sharedNodeCount)
    {
        Kernel = kernel;
        InputCount = inputCount;
        OutputCount = outputCount;
        DistinctNodeCount = distinctNodeCount;
        SharedNodeCount = sharedNodeCount;
    }

    /// <summary>Gets the compiled kernel (no argument checks: use it in hot loops).</summary>
    public ExpressionKernel Kernel { get; }

    /// <summary>Gets the smallest length of the input array (one more than the largest symbol index).</summary>
    public int InputCount { get; }

    /// <summary>Gets the number of outputs (the number of expressions compiled).</summary>
    public int OutputCount { get; }

    /// <summary>Gets the number of distinct sub-expressions after hash-consing (common sub-expressions counted once).</summary>
    public int DistinctNodeCount { get; }

    /// <summary>Gets the number of sub-expressions used more than once, each computed once into a local.</summary>
    public int SharedNodeCount { get; }

    /// <summary>Runs the kernel after checking the array lengths.</summary>
    /// <param name="inputs">The symbol values (length at least <see cref="InputCount"/>).</param>
    /// <param name="outputs">Receives the outputs (length at least <see cref="OutputCount"/>).</param>
    /// <exception cref="ArgumentException">An array is too short.</exception>
    public void Evaluate(double[] inputs, double[] outputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(outputs);
        if (inputs.Length < InputCount)
        {
            throw new ArgumentException($"The input array has {inputs.Length} values but the symbol table needs {InputCount}.", nameof(inputs));
        }

        if (outputs.Length < OutputCount)
        {
            throw new ArgumentException($"The output array has room for {outputs.Length} values but there are {OutputCount} outputs.", nameof(outputs));
        }

        Kernel(inputs, outputs);
    }
}
