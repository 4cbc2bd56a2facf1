namespace Ferroptosis.Sim.Ode.Rosenbrock;

/// <summary>The Rosenbrock tableaus of the catalogue.</summary>
internal static partial class RosenbrockTableaus
{
    /// <summary>
    /// Rodas4: the method of Hairer's code RODAS (E. Hairer, G. Wanner, Solving Ordinary Differential
    /// Equations II, 2nd ed., Springer 1996, Sec. IV.7, and the coefficient routine of the code for
    /// METH = 1). Order 4 with an embedded order-3 solution, 6 stages, stiffly accurate, with the
    /// order-3 continuous extension of the code RODAS.
    /// </summary>
    /// <remarks>
    /// γ = 0.25. The coefficients are RODAS's 16-digit decimals (also in OrdinaryDiffEq.jl's
    /// <c>Rodas4Tableau</c>); the tests check the 8 order conditions of order ≤ 4, the 4 of the
    /// embedded method and the order-3 conditions of the interpolant.
    /// </remarks>
    public static RosenbrockTableau Rodas4 { get; } = CreateRodas4();

    private static RosenbrockTableau CreateRodas4()
    {
        const double gamma = 0.25;
        double[] a5 = [1.221224509226641, 6.019134481288629, 12.53708332932087, -0.6878860361058950];
        double[][] a =
        [
            [],
            [1.544],
            [0.9466785280815826, 0.2557011698983284],
            [3.314825187068521, 2.896124015972201, 0.9986419139977817],
            [.. a5],
            [.. a5, 1.0],
        ];
        double[][] c =
        [
            [],
            [-5.6688],
            [-2.430093356833875, -0.2063599157091915],
            [-0.1073529058151375, -9.594562251023355, -20.47028614809616],
            [7.496443313967647, -10.24680431464352, -33.99990352819905, 11.70890893206160],
            [8.083246795921522, -7.981132988064893, -31.52159432874371, 16.31930543123136, -6.058818238834054],
        ];
        double[] nodes = [0, 0.386, 0.21, 0.63, 1, 1];
        double[] gammaSums = [0.25, -0.1043, 0.1035, -0.0362, 0, 0];
        double[,] h =
        {
            { 10.12623508344586, -7.487995877610167, -34.80091861555747, -7.992771707568823, 1.025137723295662, 0 },
            { -0.6762803392801253, 6.087714651680015, 16.43084320892478, 24.76722511418386, -6.594389125716872, 0 },
        };
        return RosenbrockTableau.FromStifflyAccurate("Rodas4", 4, 3, 3, gamma, a, c, nodes, gammaSums, h);
    }
}
