namespace Ferroptosis.Sim.Ode.LinearAlgebra;

/// <summary>The seam between the stiff steppers and linear algebra: holds ∂f/∂y, forms and factors the Newton matrix M = α·I − β·J, and solves with it.</summary>
/// <remarks>
/// <para>
/// Rosenbrock methods factor W = I/(hγ) − J (α = 1/(hγ), β = 1), BDF factors M = I − γJ (α = 1, β = γ). The
/// steppers see only this class; <see cref="LinearSolverFactory"/> picks the implementation (dense, band or sparse
/// LU, or GMRES for BDF: <see cref="Krylov.KrylovLinearSolver"/>, which solves to a tolerance instead of factoring) from <see cref="OdeSolverOptions.LinearSolver"/> and the system, as CVODE's SUNLinearSolver interface does
/// (Gardner et al., ACM TOMS 48, 2022).
/// </para>
/// <para>
/// Every buffer is allocated when the solver is created (the sparse LU may grow its factor storage during the
/// first factorisations); <see cref="EvaluateJacobian"/>, <see cref="Factor"/> and <see cref="Solve"/> allocate
/// nothing afterwards. A factorisation that meets a zero or negligible pivot returns false, which the steppers turn
/// into a smaller step and, if that keeps failing, a failure status. Single-threaded.
/// </para>
/// </remarks>
internal abstract class LinearSolver
{
    /// <summary>Gets the name used in messages and statistics ("dense", "banded", "sparse").</summary>
    public abstract string Name { get; }

    /// <summary>Gets how a non-finite entry of <see cref="Jacobian"/> is described in a failure message.</summary>
    public abstract string JacobianDescription { get; }

    /// <summary>Gets the stored values of the last Jacobian (layout as <see cref="JacobianDescription"/> says).</summary>
    public abstract ReadOnlySpan<double> Jacobian { get; }

    /// <summary>Evaluates J = ∂f/∂y at (t, y), with <paramref name="f0"/> = f(t, y) and the step size h for the finite-difference increments; counts the Jacobian.</summary>
    public abstract void EvaluateJacobian(double t, ReadOnlySpan<double> y, ReadOnlySpan<double> f0, double h);

    /// <summary>Returns the ∞-norm of the last Jacobian.</summary>
    public abstract double JacobianInfinityNorm();

    /// <summary>Forms M = α·I − β·J from the last Jacobian and factors it.</summary>
    /// <returns>False when M is singular to working precision (then <see cref="Solve"/> must not be called).</returns>
    public abstract bool Factor(double alpha, double beta);

    /// <summary>Solves M·x = b in place with the last successful factorisation.</summary>
    public abstract void Solve(Span<double> b);
}
