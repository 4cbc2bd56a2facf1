namespace Ferroptosis.Sim.Ode.ExplicitRungeKutta;

/// <summary>The explicit Runge–Kutta tableaus of the catalogue.</summary>
internal static partial class ExplicitTableaus
{
    /// <summary>
    /// Dormand–Prince 5(4): J. R. Dormand, P. J. Prince, "A family of embedded Runge–Kutta formulae",
    /// J. Comput. Appl. Math. 6 (1980) 19–26. Continuous extension of order 4 from Hairer–Nørsett–Wanner I,
    /// II.6 (the dense output of DOPRI5, coefficients d_i after Shampine 1986).
    /// </summary>
    public static ButcherTableau DormandPrince5 { get; } = CreateDormandPrince5();

    private static ButcherTableau CreateDormandPrince5()
    {
        double[][] a =
        [
            [],
            [1.0 / 5],
            [3.0 / 40, 9.0 / 40],
            [44.0 / 45, -56.0 / 15, 32.0 / 9],
            [19372.0 / 6561, -25360.0 / 2187, 64448.0 / 6561, -212.0 / 729],
            [9017.0 / 3168, -355.0 / 33, 46732.0 / 5247, 49.0 / 176, -5103.0 / 18656],
            [35.0 / 384, 0, 500.0 / 1113, 125.0 / 192, -2187.0 / 6784, 11.0 / 84],
        ];
        double[] b = [35.0 / 384, 0, 500.0 / 1113, 125.0 / 192, -2187.0 / 6784, 11.0 / 84, 0];
        double[] bHat = [5179.0 / 57600, 0, 7571.0 / 16695, 393.0 / 640, -92097.0 / 339200, 187.0 / 2100, 1.0 / 40];
        double[] c = [0, 1.0 / 5, 3.0 / 10, 4.0 / 5, 8.0 / 9, 1, 1];

        // Hairer's form: y(θ) = y0 + θΔ + θ(1−θ)r3 + θ²(1−θ)r4 + θ²(1−θ)²r5 with Δ = hΣb_i k_i,
        // r3 = hk1 − Δ, r4 = 2Δ − hk1 − hk7, r5 = hΣd_i k_i. Expanded in powers of θ per stage i:
        // θ: δ_i1;  θ²: 3b_i − 2δ_i1 − δ_i7 + d_i;  θ³: −2b_i + δ_i1 + δ_i7 − 2d_i;  θ⁴: d_i.
        double[] d =
        [
            -12715105075.0 / 11282082432, 0, 87487479700.0 / 32700410799, -10690763975.0 / 1880347072,
            701980252875.0 / 199316789632, -1453857185.0 / 822651844, 69997945.0 / 29380423,
        ];
        var dense = new double[7, 4];
        for (int i = 0; i < 7; i++)
        {
            double first = i == 0 ? 1 : 0;
            double last = i == 6 ? 1 : 0;
            dense[i, 0] = first;
            dense[i, 1] = (3 * b[i]) - (2 * first) - last + d[i];
            dense[i, 2] = (-2 * b[i]) + first + last - (2 * d[i]);
            dense[i, 3] = d[i];
        }

        return new ButcherTableau("DormandPrince5", 5, 4, a, b, bHat, c, dense, denseOrder: 4, stiffnessPair: (5, 6), stabilityBoundary: 3.3);
    }
}
