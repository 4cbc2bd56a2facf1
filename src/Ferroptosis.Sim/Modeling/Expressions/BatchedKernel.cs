using System.Runtime.Intrinsics;

namespace Ferroptosis.Sim.Modeling.Expressions;

/// <summary>A compiled set of expressions evaluated for every lane at once: reads lane-wise symbol values from <paramref name="inputs"/> and writes one vector per expression into <paramref name="outputs"/>.</summary>
/// <param name="inputs">The symbol values, one vector per input index.</param>
/// <param name="outputs">Receives the values of the expressions, in order.</param>
internal delegate void BatchedKernel(Vector256<double>[] inputs, Vector256<double>[] outputs);
