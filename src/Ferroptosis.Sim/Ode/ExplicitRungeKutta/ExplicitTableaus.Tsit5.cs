namespace Ferroptosis.Sim.Ode.ExplicitRungeKutta;

/// <summary>The explicit Runge–Kutta tableaus of the catalogue.</summary>
internal static partial class ExplicitTableaus
{
    /// <summary>
    /// Tsitouras 5(4): Ch. Tsitouras, "Runge–Kutta pairs of order 5(4) satisfying only the first column
    /// simplifying assumption", Comput. Math. Appl. 62 (2011) 770–775, with the paper's continuous
    /// extension of order 4.
    /// </summary>
    /// <remarks>
    /// Seven stages, first same as last; stages 6 and 7 both have c = 1, which gives Hairer's stiffness
    /// estimate for free. Apart from c₂, c₃, c₄, a₇₂ and b̂₇ the coefficients are irrational solutions of
    /// the order conditions; they are given here to more digits than a double holds (values as tabulated
    /// in the paper and in OrdinaryDiffEq.jl), so each literal is correctly rounded.
    /// </remarks>
    public static ButcherTableau Tsit5 { get; } = CreateTsit5();

    private static ButcherTableau CreateTsit5()
    {
        double c4 = 0.98002554090450968572981028628702459549;
        double[] b =
        [
            0.096460766818065229518167313165128763337,
            1.0 / 100,
            0.47988965041449957477524953229059651991,
            1.3790085741037418931922748218568727708,
            -3.2900695154360806799010475857113638501,
            2.3247105240997739824153559183987657961,
            0,
        ];
        double[][] a =
        [
            [],
            [161.0 / 1000],
            [-0.0084806554923569885444268742502307746751, 0.33548065549235698854442687425023077468],
            [2.8971530571054934321304325941929387649, -6.3594484899750748431481599123838256260, 4.3622954328695814110177273181908868610],
            [
                5.3258648284392566044288779208405113178, -11.748883564062827877747170339785772962, 7.4955393428898362083046047845643581557,
                -0.092495066361755249256502079332071916113,
            ],
            [
                5.8614554429464200286592514869826478904, -12.920969317847109291706118681783359395, 8.1593678985761586431804007945392534852,
                -0.071584973281400997224530542525829738691, -0.028269050394068382909003057212712241467,
            ],
            b[..6],
        ];
        double[] bHat =
        [
            0.094680755765839458074788762557589228561,
            0.0091835655403432530967763639366453137598,
            0.48777052842476157078556425996312282415,
            1.2342975669304789856551096738842376540,
            -2.7077123499835254548811099750593216707,
            1.8666284181705870357537193995662114987,
            1.0 / 66,
        ];
        double[] c = [0, 161.0 / 1000, 327.0 / 1000, 9.0 / 10, c4, 1, 1];

        // b_i(θ) = Σ_m B_im θ^m, the paper's interpolation polynomials expanded in powers of θ.
        double[,] dense =
        {
            { 1, -2.7637061972748259113367359304814002609, 2.9132554618219127437506809930680800000, -1.0530884977290216 },
            { 0, 0.1317, -0.2234, 0.1017 },
            { 0, 3.9302962368947515285068744670981339800, -5.9410338721315047347024920258945800100, 2.4906272856512527930 },
            { 0, -12.411077166933676983734381540685453484, 30.338188630282321598172990369183657600, -16.548102889244902720 },
            { 0, 37.509313416511039194969039653345196312, -88.178904894766401101427669354120981700, 47.379521962819281220 },
            { 0, -27.896526289197287805948263144598643896, 65.091894674793671526290219287165536580, -34.870657861496609740 },
            { 0, 1.5, -4, 2.5 },
        };

        return new ButcherTableau(
            "Tsit5", order: 5, embeddedOrder: 4, a, b, bHat, c, dense, denseOrder: 4, stiffnessPair: (5, 6), stabilityBoundary: 3.5);
    }
}
