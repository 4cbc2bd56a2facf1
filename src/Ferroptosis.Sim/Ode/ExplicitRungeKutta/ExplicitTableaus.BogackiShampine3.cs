namespace Ferroptosis.Sim.Ode.ExplicitRungeKutta;

/// <summary>The explicit Runge–Kutta tableaus of the catalogue.</summary>
internal static partial class ExplicitTableaus
{
    /// <summary>
    /// Bogacki–Shampine 3(2): P. Bogacki, L. F. Shampine, "A 3(2) pair of Runge–Kutta formulas",
    /// Appl. Math. Lett. 2 (1989) 321–325 (the method of MATLAB ode23).
    /// </summary>
    /// <remarks>
    /// Four stages, first same as last, so three evaluations of f per step. Dense output is the cubic
    /// Hermite interpolant through (y₀, f₀) and (y₁, f₁), which costs nothing extra because f₁ is the
    /// FSAL stage (the paper's "free" interpolant of order 3). Written as weights b_i(θ):
    /// y(t₀ + θh) = y₀ + θ h f₀ + (3θ² − 2θ³)(y₁ − y₀ − h f₀) + (θ³ − θ²)(h f₁ − h f₀), with y₁ − y₀ = h Σ b_i k_i.
    /// </remarks>
    public static ButcherTableau BogackiShampine3 { get; } = CreateBogackiShampine3();

    private static ButcherTableau CreateBogackiShampine3()
    {
        double[] b = [2.0 / 9, 1.0 / 3, 4.0 / 9, 0];
        double[][] a =
        [
            [],
            [1.0 / 2],
            [0, 3.0 / 4],
            b[..3],
        ];
        double[] bHat = [7.0 / 24, 1.0 / 4, 1.0 / 3, 1.0 / 8];
        double[] c = [0, 1.0 / 2, 3.0 / 4, 1];

        // Expanding the Hermite form per stage i: θ: δ_i1; θ²: 3b_i − 2δ_i1 − δ_i4; θ³: −2b_i + δ_i1 + δ_i4.
        double[,] dense =
        {
            { 1, -4.0 / 3, 5.0 / 9 },
            { 0, 1, -2.0 / 3 },
            { 0, 4.0 / 3, -8.0 / 9 },
            { 0, -1, 1 },
        };

        return new ButcherTableau(
            "BogackiShampine3", order: 3, embeddedOrder: 2, a, b, bHat, c, dense, denseOrder: 3, stiffnessPair: null, stabilityBoundary: 2.5);
    }
}
