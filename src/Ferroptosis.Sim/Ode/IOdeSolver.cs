namespace Ferroptosis.Sim.Ode;

/// <summary>An integration method: what it is, and a factory for integrators that apply it to a problem.</summary>
/// <remarks>
/// Solvers are immutable descriptions (like the algorithm types of DifferentialEquations.jl); all
/// mutable state lives in the <see cref="OdeIntegrator"/> they create. One solver instance can serve
/// any number of threads. Ready instances are in <see cref="OdeSolvers"/>.
/// </remarks>
public interface IOdeSolver
{
    /// <summary>Gets the method's name, e.g. "Rodas5P".</summary>
    string Name { get; }

    /// <summary>Gets the order of accuracy of the propagated solution (the maximum order for variable-order methods).</summary>
    int Order { get; }

    /// <summary>Gets a value indicating whether the method is designed for stiff problems.</summary>
    bool IsStiff { get; }

    /// <summary>Gets a value indicating whether the method uses the Jacobian ∂f/∂y (analytic when the system has one, else finite differences).</summary>
    bool UsesJacobian { get; }

    /// <summary>Creates an integrator for <paramref name="problem"/>; all work arrays are allocated here.</summary>
    /// <param name="problem">The problem.</param>
    /// <param name="options">The options, or null for <see cref="OdeSolverOptions.Default"/>.</param>
    /// <returns>An integrator positioned at t0.</returns>
    /// <exception cref="ArgumentException">The options do not fit the problem (the message says what to change).</exception>
    OdeIntegrator CreateIntegrator(OdeProblem problem, OdeSolverOptions? options = null);
}
