namespace Ferroptosis.Sim.Analysis;

/// <summary>A deterministic vector function y = f(x), for wrapping in a <see cref="ResponseFunction"/>.</summary>
/// <param name="inputs">The input vector x.</param>
/// <param name="outputs">Receives y.</param>
public delegate void ResponseFunctionBody(ReadOnlySpan<double> inputs, Span<double> outputs);
