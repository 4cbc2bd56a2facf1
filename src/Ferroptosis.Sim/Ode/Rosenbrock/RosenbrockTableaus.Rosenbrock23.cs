namespace Ferroptosis.Sim.Ode.Rosenbrock;

/// <summary>The Rosenbrock tableaus of the catalogue.</summary>
internal static partial class RosenbrockTableaus
{
    /// <summary>
    /// Rosenbrock23, the method of MATLAB's ode23s: L. F. Shampine, M. W. Reichelt, "The MATLAB ODE
    /// Suite", SIAM J. Sci. Comput. 18 (1997) 1–22, Sec. 4. Order 2 (for any W: a W-method) with a
    /// third stage at (t + h, y₁) that gives an order-3 companion for the error estimate and whose f
    /// starts the next step; continuous extension of order 2.
    /// </summary>
    /// <remarks>
    /// <para>
    /// Shampine–Reichelt write, with d = 1/(2 + √2), e₃₂ = 6 + √2 and W = I − h d J:
    /// W k₁ = F₀ + h d f_t, F₁ = f(t + h/2, y + h k₁/2), W(k₂ − k₁) = F₁ − k₁, y₁ = y + h k₂,
    /// F₂ = f(t + h, y₁), W k₃ = F₂ − e₃₂(k₂ − F₁) − 2(k₁ − F₀) + h d f_t, error h(k₁ − 2k₂ + k₃)/6,
    /// and y(t + θh) = y + h(θ(1 − θ) k₁ + θ(θ − 2d) k₂)/(1 − 2d).
    /// </para>
    /// <para>
    /// Eliminating W from the right-hand sides gives the standard form used here: α₂₁ = 1/2, α₃₂ = 1,
    /// γ₂₁ = −d, γ₃₁ = d(e₃₂ − 2), γ₃₂ = −d e₃₂, γ_ii = d, b = (0, 1, 0) and b̂ = (1, 4, 1)/6 (so that
    /// b̂ − b = (1, −2, 1)/6); the f_t weights then come out as γ_i = (d, 0, −d), as in ode23s.
    /// </para>
    /// </remarks>
    public static RosenbrockTableau Rosenbrock23 { get; } = CreateRosenbrock23();

    private static RosenbrockTableau CreateRosenbrock23()
    {
        double d = 1.0 / (2.0 + Math.Sqrt(2.0));
        double e32 = 6.0 + Math.Sqrt(2.0);
        double[][] alpha = [[], [0.5], [0.0, 1.0]];
        double[][] gamma = [[d], [-d, d], [d * (e32 - 2.0), -d * e32, d]];
        double[] b = [0.0, 1.0, 0.0];
        double[] bHat = [1.0 / 6, 4.0 / 6, 1.0 / 6];
        double scale = 1.0 / (1.0 - (2.0 * d));
        double[,] dense =
        {
            { scale, -2.0 * d * scale, 0.0 },
            { -scale, scale, 0.0 },
        };
        return RosenbrockTableau.FromStandard("Rosenbrock23", 2, 3, 2, alpha, gamma, b, bHat, dense);
    }
}
