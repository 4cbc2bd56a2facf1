using Ferroptosis.Sim.Ode;

namespace Ferroptosis.Sim.Tests.Ode;

/// <summary>The solver lists every engine test runs over, so a new method enters the whole matrix by joining the catalogue.</summary>
public static class SolverSources
{
    /// <summary>Gets every solver of the catalogue.</summary>
    public static IEnumerable<IOdeSolver> All => OdeSolvers.All;

    /// <summary>Gets the solvers meant for stiff problems, plus the automatic one.</summary>
    public static IEnumerable<IOdeSolver> Stiff => OdeSolvers.All.Where(s => s.IsStiff || s.Name == "Auto");

    /// <summary>
    /// The global error a method reaches on a smooth problem at relative tolerance <paramref name="rtol"/>,
    /// for comparisons with exact solutions: about 10·rtol for methods of order 3 and higher, whose global
    /// error is proportional to the tolerance; 10·rtol^(2/3) for the order-2 Rosenbrock23, whose error
    /// shrinks like rtol^(2/3) (measured in the Rosenbrock tolerance-proportionality tests).
    /// </summary>
    /// <param name="solver">The solver.</param>
    /// <param name="rtol">The relative tolerance used.</param>
    /// <returns>The error bound to assert.</returns>
    public static double ExpectedError(IOdeSolver solver, double rtol) =>
        solver.Order >= 3 ? 10 * rtol : 10 * Math.Pow(rtol, 2.0 / 3.0);

    /// <summary>Gets the explicit (non-stiff) solvers, plus the automatic one.</summary>
    public static IEnumerable<IOdeSolver> NonStiff => OdeSolvers.All.Where(s => !s.IsStiff);
}
