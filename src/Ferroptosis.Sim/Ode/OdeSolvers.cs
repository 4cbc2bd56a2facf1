using Ferroptosis.Sim.Ode.Bdf;
using Ferroptosis.Sim.Ode.ExplicitRungeKutta;

namespace Ferroptosis.Sim.Ode;

/// <summary>The catalogue of ready-to-use solvers.</summary>
/// <remarks>
/// Which one when: Auto unless you know better. Non-stiff problems at moderate
/// tolerances: Tsit5 or <see cref="DormandPrince5"/>. Stiff pathway models:
/// Rodas5P at rtol 1e-4 … 1e-9, Bdf for larger systems or long horizons.
/// All instances are immutable and thread-safe.
/// </remarks>
public static partial class OdeSolvers
{
    /// <summary>Gets Dormand–Prince 5(4) with its 4th-order continuous extension (the method of MATLAB ode45 and SciPy RK45).</summary>
    public static IOdeSolver DormandPrince5 { get; } = new ExplicitRungeKuttaSolver(ExplicitTableaus.DormandPrince5);

    /// <summary>Gets the variable-order (1–5), variable-step BDF method with Newton iteration, for stiff problems, large systems and long horizons (the method of CVODE and SciPy <c>BDF</c>).</summary>
    /// <remarks>
    /// Quasi-constant step-size backward differences (Shampine and Reichelt, "The MATLAB ODE Suite", SIAM J.
    /// Sci. Comput. 18, 1997) with CVODE's order selection and Jacobian/LU reuse (Hindmarsh et al., ACM TOMS 31,
    /// 2005). Uses the system's analytic Jacobian when it has one, else finite differences.
    /// </remarks>
    public static IOdeSolver Bdf { get; } = new BdfSolver();

    /// <summary>Gets every solver in the catalogue.</summary>
    public static IReadOnlyList<IOdeSolver> All => CreateList();

    /// <summary>Finds a solver by name (case-insensitive).</summary>
    /// <param name="name">A solver name such as "Rodas5P", "Tsit5" or "Auto".</param>
    /// <returns>The solver.</returns>
    /// <exception cref="ArgumentException">No solver has that name; the message lists the valid names.</exception>
    public static IOdeSolver FromName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        foreach (var solver in All)
        {
            if (string.Equals(solver.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return solver;
            }
        }

        throw new ArgumentException($"Unknown solver '{name}'. Valid names: {string.Join(", ", All.Select(s => s.Name))}.", nameof(name));
    }

    private static IOdeSolver[] CreateList() => [DormandPrince5, Bdf];
}
