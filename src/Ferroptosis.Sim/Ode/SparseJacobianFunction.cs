namespace Ferroptosis.Sim.Ode;

/// <summary>An analytic sparse Jacobian ∂f/∂y: one value per entry of a <see cref="SparsityPattern"/>, in its CSR order.</summary>
/// <param name="t">The time.</param>
/// <param name="y">The state.</param>
/// <param name="values">Receives the values; every one must be written.</param>
public delegate void SparseJacobianFunction(double t, ReadOnlySpan<double> y, Span<double> values);
