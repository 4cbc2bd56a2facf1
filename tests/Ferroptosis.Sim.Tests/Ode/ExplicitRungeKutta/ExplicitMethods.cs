using Ferroptosis.Sim.Ode;
using Ferroptosis.Sim.Ode.ExplicitRungeKutta;

namespace Ferroptosis.Sim.Tests.Ode.ExplicitRungeKutta;

/// <summary>The one list of explicit Runge–Kutta methods every test in this folder runs over: all of them in the catalogue.</summary>
public static class ExplicitMethods
{
    /// <summary>Gets one test case per explicit method of <see cref="OdeSolvers.All"/>, named after it.</summary>
    public static IEnumerable<TestCaseData> All
    {
        get
        {
            foreach (var solver in OdeSolvers.All)
            {
                if (solver is ExplicitRungeKuttaSolver)
                {
                    yield return new TestCaseData(solver).SetArgDisplayNames(solver.Name);
                }
            }
        }
    }

    /// <summary>Gets the tableau behind an explicit solver.</summary>
    internal static ButcherTableau TableauOf(IOdeSolver solver) => ((ExplicitRungeKuttaSolver)solver).Tableau;

    /// <summary>Gets the main and extra stages' A as a full square matrix.</summary>
    internal static double[,] FullMatrix(ButcherTableau tableau)
    {
        int total = tableau.Stages + tableau.ExtraStages;
        var a = new double[total, total];
        for (int i = 0; i < total; i++)
        {
            for (int j = 0; j < tableau.A[i].Length; j++)
            {
                a[i, j] = tableau.A[i][j];
            }
        }

        return a;
    }

    /// <summary>Evaluates the dense-output weights B_i(θ) = Σ_m B_im θ^m of every stage (main then extra).</summary>
    internal static double[] DenseWeights(ButcherTableau tableau, double theta)
    {
        int total = tableau.Stages + tableau.ExtraStages;
        var weights = new double[total];
        for (int i = 0; i < total; i++)
        {
            double power = 1;
            for (int m = 0; m < tableau.DenseDegree; m++)
            {
                power *= theta;
                weights[i] += tableau.Dense[i, m] * power;
            }
        }

        return weights;
    }
}
