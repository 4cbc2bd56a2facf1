namespace Ferroptosis.Sim.Ode;

/// <summary>
/// A system of ordinary differential equations dy/dt = f(t, y) of fixed dimension.
/// </summary>
/// <remarks>
/// <para>
/// The right-hand side writes into a caller-owned span, so an integrator can evaluate it in its
/// hot loop without allocating (the same contract as SUNDIALS' <c>CVRhsFn</c>).
/// </para>
/// <para>
/// Implementations used by several integrators at once must be thread-safe; the systems built by
/// this library are immutable, or hold their mutable per-run data in a separate object.
/// </para>
/// </remarks>
public interface IOdeSystem
{
    /// <summary>Gets the number of state variables, n.</summary>
    int Dimension { get; }

    /// <summary>
    /// Gets a value indicating whether f does not depend on t explicitly.
    /// Rosenbrock methods skip the time derivative ∂f/∂t for autonomous systems.
    /// </summary>
    bool IsAutonomous => false;

    /// <summary>Gets a value indicating whether <see cref="EvaluateJacobian"/> is implemented.</summary>
    bool HasJacobian => false;

    /// <summary>Evaluates the right-hand side f(t, y) into <paramref name="dydt"/>.</summary>
    /// <param name="t">The time.</param>
    /// <param name="y">The state, of length <see cref="Dimension"/>.</param>
    /// <param name="dydt">Receives f(t, y), of length <see cref="Dimension"/>.</param>
    void Evaluate(double t, ReadOnlySpan<double> y, Span<double> dydt);

    /// <summary>
    /// Evaluates the Jacobian ∂f/∂y at (t, y) into <paramref name="jacobian"/>, stored row-major:
    /// element (i, j) = ∂f_i/∂y_j is at index i·n + j.
    /// </summary>
    /// <param name="t">The time.</param>
    /// <param name="y">The state.</param>
    /// <param name="jacobian">Receives the n·n Jacobian, row-major; every element must be written.</param>
    /// <exception cref="NotSupportedException">The system has no analytic Jacobian
    /// (<see cref="HasJacobian"/> is false); solvers then use finite differences.</exception>
    void EvaluateJacobian(double t, ReadOnlySpan<double> y, Span<double> jacobian) =>
        throw new NotSupportedException("This system has no analytic Jacobian; solvers use finite differences instead.");
}
