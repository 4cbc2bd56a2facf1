namespace Ferroptosis.Sim.Ode;

/// <summary>A differential–algebraic system M·y′ = f(t, y) with a mass matrix M constant between events; rows of M that are all zero make algebraic equations 0 = f_i(t, y).</summary>
/// <remarks>
/// <para>
/// The stiffly accurate Rosenbrock solvers <see cref="OdeSolvers.Rodas4"/> and <see cref="OdeSolvers.Rodas5P"/>,
/// <see cref="OdeSolvers.Bdf"/>, and <see cref="OdeSolvers.Auto"/> (which then runs Rodas5P throughout), solve such systems of differentiation index 1
/// (Hairer–Wanner II, VI.4): the Jacobian of the algebraic equations with respect to the components they determine
/// must be non-singular. Other solvers refuse a system with a non-empty mass matrix. An empty
/// <see cref="MassMatrix"/> means the identity (an ordinary ODE).
/// </para>
/// <para>
/// The initial state need not satisfy the algebraic equations: at the start and after every event the solver first
/// solves them by Newton's method, keeping M·y fixed (for a diagonal M, the differential components fixed), and
/// fails with <see cref="SolverStatus.ConvergenceFailure"/> if that does not converge.
/// </para>
/// <para>
/// Implementations used by several integrators at once must be thread-safe. The mass matrix may change only at events
/// (in an event's action, e.g. through parameters the system reads): the solver reads it when the integrator is created
/// and again at every restart (the start and after each event), and holds it constant between.
/// </para>
/// </remarks>
public interface IMassMatrixSystem : IOdeSystem
{
    /// <summary>Gets the mass matrix, row-major, n × n (n = <see cref="IOdeSystem.Dimension"/>), or an empty span for the identity.</summary>
    ReadOnlySpan<double> MassMatrix { get; }
}
