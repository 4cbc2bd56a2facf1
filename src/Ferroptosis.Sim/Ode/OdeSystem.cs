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

    /// <summary>Creates a system whose Jacobian has a known sparsity pattern, with an optional analytic sparse Jacobian.</summary>
    /// <param name="rightHandSide">f(t, y), written into the destination span.</param>
    /// <param name="pattern">The entries of ∂f/∂y that can be non-zero; its dimension is the system's.</param>
    /// <param name="jacobian">Optional ∂f/∂y as one value per entry of <paramref name="pattern"/>; when null, solvers use coloured finite differences.</param>
    /// <param name="isAutonomous">True when f does not depend on t explicitly.</param>
    /// <returns>An immutable system that can be shared across threads if the delegates can.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="rightHandSide"/> or <paramref name="pattern"/> is null.</exception>
    public static ISparseOdeSystem CreateSparse(RightHandSide rightHandSide, SparsityPattern pattern, SparseJacobianFunction? jacobian = null, bool isAutonomous = false)
    {
        ArgumentNullException.ThrowIfNull(rightHandSide);
        ArgumentNullException.ThrowIfNull(pattern);
        return new DelegateSparseOdeSystem(rightHandSide, pattern, jacobian, isAutonomous);
    }

    private sealed class DelegateSparseOdeSystem(RightHandSide rhs, SparsityPattern pattern, SparseJacobianFunction? jacobian, bool isAutonomous) : ISparseOdeSystem
    {
        public int Dimension => pattern.Dimension;

        public bool IsAutonomous => isAutonomous;

        public SparsityPattern JacobianPattern => pattern;

        public bool HasSparseJacobian => jacobian is not null;

        public void Evaluate(double t, ReadOnlySpan<double> y, Span<double> dydt) => rhs(t, y, dydt);

        public void EvaluateSparseJacobian(double t, ReadOnlySpan<double> y, Span<double> values)
        {
            if (jacobian is null)
            {
                throw new NotSupportedException("This system was created without a sparse Jacobian; solvers use coloured finite differences instead.");
            }

            jacobian(t, y, values);
        }
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
