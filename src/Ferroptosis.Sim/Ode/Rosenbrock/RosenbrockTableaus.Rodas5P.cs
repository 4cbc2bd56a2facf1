namespace Ferroptosis.Sim.Ode.Rosenbrock;

/// <summary>The Rosenbrock tableaus of the catalogue.</summary>
internal static partial class RosenbrockTableaus
{
    /// <summary>
    /// Rodas5P: G. Steinebach, "Construction of Rosenbrock–Wanner method Rodas5P and numerical
    /// benchmarks within the Julia Differential Equations package", BIT Numer. Math. 63 (2023) 27.
    /// Order 5 with an embedded order-4 solution, 8 stages, stiffly accurate (the last three stages
    /// sit at t + h), and a continuous extension of order 4 given by three vectors K_r = Σ_i H_ri u_i.
    /// </summary>
    /// <remarks>
    /// Coefficients as published with the paper and in OrdinaryDiffEq.jl (<c>Rodas5PTableau</c>);
    /// they satisfy all 17 order conditions of order ≤ 5 (Hairer–Wanner II, Table IV.7.1), the
    /// embedded solution all 8 of order ≤ 4 and the interpolant those of order ≤ 4 for every θ to
    /// about 1e-14, which the tests check.
    /// </remarks>
    public static RosenbrockTableau Rodas5P { get; } = CreateRodas5P();

    private static RosenbrockTableau CreateRodas5P()
    {
        const double gamma = 0.21193756319429014;
        double[] a7 = [-7.502846399306121, 2.561846144803919, -11.627539656261098, -0.18268767659942256, 0.030198172008377946];
        double[][] a =
        [
            [],
            [3.0],
            [2.849394379747939, 0.45842242204463923],
            [-6.954028509809101, 2.489845061869568, -10.358996098473584],
            [2.8029986275628964, 0.5072464736228206, -0.3988312541770524, -0.04721187230404641],
            [.. a7],
            [.. a7, 1.0],
            [.. a7, 1.0, 1.0],
        ];
        double[][] c =
        [
            [],
            [-14.155112264123755],
            [-17.97296035885952, -2.859693295451294],
            [147.12150275711716, -1.41221402718213, 71.68940251302358],
            [165.43517024871676, -0.4592823456491126, 42.90938336958603, -5.961986721573306],
            [24.854864614690072, -3.0009227002832186, 47.4931110020768, 5.5814197821558125, -0.6610691825249471],
            [30.91273214028599, -3.1208243349937974, 77.79954646070892, 34.28646028294783, -19.097331116725623, -28.087943162872662],
            [37.80277123390563, -3.2571969029072276, 112.26918849496327, 66.9347231244047, -40.06618937091002, -54.66780262877968, -9.48861652309627],
        ];
        double[] nodes = [0, 0.6358126895828704, 0.4095798393397535, 0.9769306725060716, 0.4288403609558664, 1, 1, 1];
        double[] gammaSums = [0.21193756319429014, -0.42387512638858027, -0.3384627126235924, 1.8046452872882734, 2.325825639765069, 0, 0, 0];
        double[,] h =
        {
            { 25.948786856663858, -2.5579724845846235, 10.433815404888879, -2.3679251022685204, 0.524948541321073, 1.1241088310450404, 0.4272876194431874, -0.17202221070155493 },
            { -9.91568850695171, -0.9689944594115154, 3.0438037242978453, -24.495224566215796, 20.176138334709044, 15.98066361424651, -6.789040303419874, -6.710236069923372 },
            { 11.419903575922262, 2.8879645146136994, 72.92137995996029, 80.12511834622643, -52.072871366152654, -59.78993625266729, -0.15582684282751913, 4.883087185713722 },
        };
        return RosenbrockTableau.FromStifflyAccurate("Rodas5P", 5, 4, 4, gamma, a, c, nodes, gammaSums, h);
    }
}
