using Ferroptosis.Sim.Ode.Auto;
using Ferroptosis.Sim.Ode.Bdf;
using Ferroptosis.Sim.Ode.ExplicitRungeKutta;
using Ferroptosis.Sim.Ode.Rosenbrock;

namespace Ferroptosis.Sim.Ode;

/// <summary>The catalogue of ready-to-use solvers.</summary>
/// <remarks>
/// Which one when: Auto unless you know better. Non-stiff problems at moderate
/// tolerances: <see cref="Tsit5"/> or <see cref="DormandPrince5"/>; loose tolerances:
/// <see cref="BogackiShampine3"/>; tight tolerances: <see cref="Verner7"/>. Stiff pathway models:
/// Rodas5P at rtol 1e-4 … 1e-9, Bdf for larger systems or long horizons.
/// All instances are immutable and thread-safe.
/// </remarks>
public static partial class OdeSolvers
{
    /// <summary>Gets Dormand–Prince 5(4) with its 4th-order continuous extension (the method of MATLAB ode45 and SciPy RK45).</summary>
    public static IOdeSolver DormandPrince5 { get; } = new ExplicitRungeKuttaSolver(ExplicitTableaus.DormandPrince5);

    /// <summary>Gets Tsitouras 5(4) with its 4th-order continuous extension: same cost per step as <see cref="DormandPrince5"/>, usually smaller errors.</summary>
    /// <remarks>Ch. Tsitouras, "Runge–Kutta pairs of order 5(4) satisfying only the first column simplifying assumption", Comput. Math. Appl. 62 (2011) 770–775 (OrdinaryDiffEq.jl's default non-stiff method).</remarks>
    public static IOdeSolver Tsit5 { get; } = new ExplicitRungeKuttaSolver(ExplicitTableaus.Tsit5);

    /// <summary>Gets Bogacki–Shampine 3(2) with its free cubic Hermite dense output (the method of MATLAB ode23), for loose tolerances (rtol ≈ 1e-3 … 1e-4).</summary>
    /// <remarks>P. Bogacki, L. F. Shampine, "A 3(2) pair of Runge–Kutta formulas", Appl. Math. Lett. 2 (1989) 321–325.</remarks>
    public static IOdeSolver BogackiShampine3 { get; } = new ExplicitRungeKuttaSolver(ExplicitTableaus.BogackiShampine3);

    /// <summary>Gets Verner's 7(6) pair with its 7th-order interpolant, for non-stiff problems at tight tolerances (rtol ≤ 1e-8).</summary>
    /// <remarks>J. H. Verner, "Numerically optimal Runge–Kutta pairs with interpolants", Numer. Algorithms 53 (2010) 383–396 (the "most efficient" 7(6) pair of OrdinaryDiffEq.jl's Vern7), with the interpolant as Verner corrected it in 2024.</remarks>
    public static IOdeSolver Verner7 { get; } = new ExplicitRungeKuttaSolver(ExplicitTableaus.Verner7);

    /// <summary>Gets the variable-order (1–5), variable-step BDF method with Newton iteration, for stiff problems, large systems and long horizons (the method of CVODE and SciPy <c>BDF</c>).</summary>
    /// <remarks>
    /// Quasi-constant step-size backward differences (Shampine and Reichelt, "The MATLAB ODE Suite", SIAM J.
    /// Sci. Comput. 18, 1997) with CVODE's order selection and Jacobian/LU reuse (Hindmarsh et al., ACM TOMS 31,
    /// 2005). Uses the system's analytic Jacobian when it has one, else finite differences.
    /// </remarks>
    public static IOdeSolver Bdf { get; } = new BdfSolver();

    /// <summary>Gets Rodas5P, a stiffly accurate Rosenbrock method of order 5(4) with an order-4 interpolant: the first choice for small stiff systems at rtol 1e-4 … 1e-10.</summary>
    /// <remarks>G. Steinebach, "Construction of Rosenbrock–Wanner method Rodas5P and numerical benchmarks within the Julia Differential Equations package", BIT Numer. Math. 63 (2023) 27. One Jacobian and one LU factorisation per step, eight evaluations of f.</remarks>
    public static IOdeSolver Rodas5P { get; } = new RosenbrockSolver(RosenbrockTableaus.Rodas5P);

    /// <summary>Gets Rodas4, Hairer's stiffly accurate Rosenbrock method RODAS of order 4(3) with an order-3 interpolant.</summary>
    /// <remarks>E. Hairer, G. Wanner, Solving Ordinary Differential Equations II, 2nd ed., Springer 1996, Sec. IV.7 (code RODAS). One Jacobian and one LU factorisation per step, six evaluations of f.</remarks>
    public static IOdeSolver Rodas4 { get; } = new RosenbrockSolver(RosenbrockTableaus.Rodas4);

    /// <summary>Gets Rosenbrock23, the order-2 Rosenbrock W-method of MATLAB's ode23s with an order-3 error estimate: cheap steps for loose tolerances (rtol around 1e-3).</summary>
    /// <remarks>L. F. Shampine, M. W. Reichelt, "The MATLAB ODE Suite", SIAM J. Sci. Comput. 18 (1997) 1–22. One Jacobian and one LU factorisation per step, two evaluations of f (the last is reused by the next step).</remarks>
    public static IOdeSolver Rosenbrock23 { get; } = new RosenbrockSolver(RosenbrockTableaus.Rosenbrock23);

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

    /// <summary>Gets the automatic solver (the default of <see cref="Ode.Solve"/> and of the model layer): <see cref="Tsit5"/> while the problem is non-stiff, <see cref="Rodas5P"/> while it is stiff, switching both ways.</summary>
    /// <remarks>
    /// The spectral radius ρ of ∂f/∂y is estimated by a few power iterations on finite-difference
    /// Jacobian–vector products, which stay accurate at every tolerance (Hairer's stage-difference estimate,
    /// Hairer–Wanner II, IV.2, sinks into rounding noise at tight tolerances and only prompts an early
    /// estimate). With h Tsit5's proposed step and B = 3.5 its stability boundary, q = h·ρ/B at or above a
    /// threshold (0.25·(rtol/1e-7)^(1/5) clamped to [0.05, 0.5], times (8 + n)/9 for the cost of a stiff step,
    /// at most 0.8) starts a four-step trial of Rodas5P, which is kept only if it advances at least 1.25 times
    /// as far per evaluation of f (a Jacobian counting as n evaluations) as Tsit5 did; otherwise Tsit5
    /// returns and the next trial waits twice as long. Rodas5P hands back when h·‖J‖∞ &lt; B/3 on five
    /// consecutive steps. A failure of the explicit method hands the step to Rodas5P. On a non-stiff problem
    /// the estimates cost 1–5 % more evaluations of f than Tsit5 alone, and the steps are Tsit5's. Details
    /// and the hysteresis are in <c>docs/solvers.md</c>.
    /// </remarks>
    public static IOdeSolver Auto { get; } = new AutoSwitchSolver((ExplicitRungeKuttaSolver)Tsit5, Rodas5P);

    private static IOdeSolver[] CreateList() => [DormandPrince5, Tsit5, BogackiShampine3, Verner7, Rodas5P, Rodas4, Rosenbrock23, Bdf, Auto];
}
