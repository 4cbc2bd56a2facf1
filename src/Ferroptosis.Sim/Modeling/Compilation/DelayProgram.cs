using Ferroptosis.Sim.Modeling.Expressions;

namespace Ferroptosis.Sim.Modeling.Compilation;

/// <summary>The compiled <c>delay(x, τ)</c> terms of a model: per term a kernel for τ (at the present inputs) and one for x (at past inputs).</summary>
/// <remarks>Immutable and shareable across threads; the history a run reads lives in <see cref="DelayHistory"/>.</remarks>
internal sealed class DelayProgram
{
    private DelayProgram(ExpressionKernel[] delays, ExpressionKernel[] values, bool[] constant)
    {
        DelayKernels = delays;
        ValueKernels = values;
        IsConstantDelay = constant;
    }

    /// <summary>Gets the number of terms.</summary>
    public int Count => DelayKernels.Length;

    /// <summary>Gets, per term, the kernel of τ over the present inputs (it may read earlier terms' values).</summary>
    public ExpressionKernel[] DelayKernels { get; }

    /// <summary>Gets, per term, the kernel of x over inputs loaded with a past time, state and parameter vector.</summary>
    public ExpressionKernel[] ValueKernels { get; }

    /// <summary>Gets, per term, whether τ depends on the parameters only (not on time, the state or other delayed values).</summary>
    public bool[] IsConstantDelay { get; }

    /// <summary>Compiles the terms of a table.</summary>
    public static DelayProgram Create(DelayTable table, IReadOnlyDictionary<string, int> symbols)
    {
        var terms = table.Terms;
        var delays = new ExpressionKernel[terms.Count];
        var values = new ExpressionKernel[terms.Count];
        var constant = new bool[terms.Count];
        for (int k = 0; k < terms.Count; k++)
        {
            var (value, delay) = terms[k];
            delays[k] = ExpressionCompiler.Compile([delay.Simplify()], symbols).Kernel;
            values[k] = ExpressionCompiler.Compile([value.Simplify()], symbols).Kernel;
            constant[k] = delay.Symbols.All(s => s.StartsWith("__in_p", StringComparison.Ordinal));
        }

        return new DelayProgram(delays, values, constant);
    }
}
