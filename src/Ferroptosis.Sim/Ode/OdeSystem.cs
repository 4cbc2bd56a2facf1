namespace Ferroptosis.Sim.Ode;

/// <summary>Creates <see cref="IOdeSystem"/> instances from delegates, for small systems written inline.</summary>
/// <example>
/// <code>
/// // Exponential decay y' = -k y with its Jacobian.
/// var decay = OdeSystem.Create(1, (t, y, dy) => dy[0] = -0.5 * y[0], (t, y, j) => j[0] = -0.5);
/// </code>
/// </example>
public static class OdeSystem
{
    /// <summary>Creates a system from a right-hand side and an optional analytic Jacobian.</summary>
    /// <param name="dimension">The number of state variables (at least 1).</param>
    /// <param name="rightHandSide">f(t, y), written into the destination span.</param>
    /// <param name="jacobian">Optional ∂f/∂y, row-major; when null, solvers use finite differences.</param>
    /// <param name="isAutonomous">True when f does not depend on t explicitly (saves work in Rosenbrock methods).</param>
    /// <returns>An immutable system that can be shared across threads if the delegates can.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="dimension"/> is less than 1.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="rightHandSide"/> is null.</exception>
    public static IOdeSystem Create(int dimension, RightHandSide rightHandSide, JacobianFunction? jacobian = null, bool isAutonomous = false)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(dimension, 1);
        ArgumentNullException.ThrowIfNull(rightHandSide);
        return new DelegateOdeSystem(dimension, rightHandSide, jacobian, isAutonomous);
    }

    private sealed class DelegateOdeSystem(int dimension, RightHandSide rhs, JacobianFunction? jacobian, bool isAutonomous) : IOdeSystem
    {
        public int Dimension => dimension;

        public bool IsAutonomous => isAutonomous;

        public bool HasJacobian => jacobian is not null;

        public void Evaluate(double t, ReadOnlySpan<double> y, Span<double> dydt) => rhs(t, y, dydt);

        public void EvaluateJacobian(double t, ReadOnlySpan<double> y, Span<double> jacobian1)
        {
            if (jacobian is null)
            {
                throw new NotSupportedException("This system was created without a Jacobian; solvers use finite differences instead.");
            }

            jacobian(t, y, jacobian1);
        }
    }
}
