using Ferroptosis.Sim.Ode;

namespace Ferroptosis.Sim.Tests.Ode;

/// <summary>The solver lists every engine test runs over, so a new method enters the whole matrix by joining the catalogue.</summary>
public static class SolverSources
{
    /// <summary>Gets every solver of the catalogue.</summary>
    public static IEnumerable<IOdeSolver> All => OdeSolvers.All;

    /// <summary>Gets the solvers meant for stiff problems, plus the automatic one.</summary>
    public static IEnumerable<IOdeSolver> Stiff => OdeSolvers.All.Where(s => s.IsStiff || s.Name == "Auto");

    /// <summary>Gets the explicit (non-stiff) solvers, plus the automatic one.</summary>
    public static IEnumerable<IOdeSolver> NonStiff => OdeSolvers.All.Where(s => !s.IsStiff);
}
