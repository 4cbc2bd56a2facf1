namespace Ferroptosis.Sim.Modeling.Expressions;

/// <summary>A compiled set of expressions: reads symbol values from <paramref name="inputs"/> and writes one value per expression into <paramref name="outputs"/>.</summary>
/// <param name="inputs">The symbol values, at the indices given to <see cref="ExpressionCompiler.Compile"/>.</param>
/// <param name="outputs">Receives the values of the expressions, in order.</param>
/// <remarks>Kernels hold no state: one kernel may run on several threads at once with different arrays. They do not check array lengths.</remarks>
public delegate void ExpressionKernel(double[] inputs, double[] outputs);
