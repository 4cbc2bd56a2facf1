namespace Ferroptosis.Sim.Modeling.Expressions;

/// <summary>Kernels compiled by <see cref="ExpressionCompiler.CompileHoisted"/>: one per group of expressions, reading hoisted parameter-only values from the input array, and the kernel that computes those values.</summary>
/// <param name="Kernels">The kernels, one per group, in order.</param>
/// <param name="Precompute">Computes the hoisted values into their slots: call it with the input array as both arguments, whenever an invariant input has changed, before the other kernels.</param>
/// <param name="HoistedCount">The number of hoisted values (slots after the first hoisted input).</param>
/// <param name="InterpretedInstructions">The instructions of the kernels that are interpreted (larger than <see cref="KernelEmitter.MaxCompiledStatements"/> statements), 0 when all are compiled to code.</param>
internal sealed record HoistedKernels(ExpressionKernel[] Kernels, ExpressionKernel Precompute, int HoistedCount, int InterpretedInstructions);
