using System.Runtime.Intrinsics;

namespace Ferroptosis.Sim.Ode.Batched;

/// <summary>
/// A system dy/dt = f(t, y; p) evaluated for several parameter sets at once, one per lane of a <see cref="Vector256{T}"/>.
/// </summary>
/// <remarks>
/// <para>
/// Every argument holds one value per lane: lane j of <c>y[i]</c> is component i of the state of the cell in lane j,
/// lane j of <c>parameters[m]</c> is its parameter m, and lane j of <c>t</c> its time (each lane keeps its own step
/// size, so the lanes' times differ). The implementation must treat the lanes independently: lane j of every output may
/// depend only on lane j of the inputs, computed with the operations a scalar evaluation of that cell would use
/// (lane-wise +, −, ×, ÷ and square roots round exactly as scalar ones; for exp, log or pow call <see cref="Math"/> per
/// lane to keep a cell's result identical to the scalar path). Then a cell's solution does not depend on which lane,
/// batch or thread it ran in.
/// </para>
/// <para>
/// Lanes that hold no cell are evaluated too, on stale values; their results are ignored, so the implementation must not
/// throw on any input (IEEE arithmetic does not). Implementations are shared by every thread of an ensemble and must be
/// thread-safe (immutable, or holding no state between calls).
/// </para>
/// </remarks>
public interface IBatchedOdeSystem
{
    /// <summary>Gets the number of state variables, n.</summary>
    int Dimension { get; }

    /// <summary>Gets the number of parameters per cell, m (may be 0).</summary>
    int ParameterCount { get; }

    /// <summary>Evaluates f for every lane into <paramref name="dydt"/>.</summary>
    /// <param name="t">The time of each lane.</param>
    /// <param name="y">The states, of length <see cref="Dimension"/>: element i holds component i of every lane.</param>
    /// <param name="parameters">The parameters, of length <see cref="ParameterCount"/>: element m holds parameter m of every lane.</param>
    /// <param name="dydt">Receives f, of length <see cref="Dimension"/>; every element must be written.</param>
    void Evaluate(Vector256<double> t, ReadOnlySpan<Vector256<double>> y, ReadOnlySpan<Vector256<double>> parameters, Span<Vector256<double>> dydt);
}
