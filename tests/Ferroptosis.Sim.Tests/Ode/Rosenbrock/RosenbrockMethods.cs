using Ferroptosis.Sim.Ode;
using Ferroptosis.Sim.Ode.Rosenbrock;

namespace Ferroptosis.Sim.Tests.Ode.Rosenbrock;

/// <summary>The one list of Rosenbrock methods that every test in this folder runs through.</summary>
public static class RosenbrockMethods
{
    /// <summary>Gets every Rosenbrock solver of the catalogue, named for the test runner.</summary>
    public static IEnumerable<TestCaseData> All
    {
        get
        {
            foreach (var solver in OdeSolvers.All)
            {
                if (solver is RosenbrockSolver)
                {
                    yield return new TestCaseData(solver).SetArgDisplayNames(solver.Name);
                }
            }
        }
    }

    internal static RosenbrockTableau TableauOf(IOdeSolver solver) => ((RosenbrockSolver)solver).Tableau;
}
