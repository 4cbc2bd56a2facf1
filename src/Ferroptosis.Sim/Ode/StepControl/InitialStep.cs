namespace Ferroptosis.Sim.Ode.StepControl;

/// <summary>Hairer's automatic first step (Hairer–Nørsett–Wanner I, II.4, algorithm HINIT).</summary>
internal static class InitialStep
{
    /// <summary>The unit roundoff of double precision, 2⁻⁵².</summary>
    private const double UnitRoundoff = 2.220446049250313e-16;

    /// <summary>Estimates a first step from ‖y0‖, ‖f0‖ and a finite-difference estimate of ‖f'‖, at the cost of one evaluation of f.</summary>
    /// <param name="system">The right-hand side.</param>
    /// <param name="t0">The initial time.</param>
    /// <param name="y0">The initial state.</param>
    /// <param name="f0">f(t0, y0), already evaluated.</param>
    /// <param name="order">The order of the method.</param>
    /// <param name="maxStep">The largest step allowed (also the remaining interval).</param>
    /// <param name="atol">Absolute tolerances.</param>
    /// <param name="rtol">Relative tolerance.</param>
    /// <param name="scratchY">Scratch of length n.</param>
    /// <param name="scratchF">Scratch of length n.</param>
    /// <param name="evaluations">Incremented by the number of f evaluations spent.</param>
    public static double Estimate(
        IOdeSystem system, double t0, ReadOnlySpan<double> y0, ReadOnlySpan<double> f0, int order, double maxStep,
        ReadOnlySpan<double> atol, double rtol, Span<double> scratchY, Span<double> scratchF, ref long evaluations)
    {
        double d0 = ErrorNorm.Compute(y0, y0, atol, rtol);
        double d1 = ErrorNorm.Compute(f0, y0, atol, rtol);
        // No first step below a hundred roundoffs of t0 (about 50 units in its last place): a state that is almost exactly
        // zero with a large derivative, e.g. just after an event at x = 0, would otherwise give a step that does not change
        // t. (CVODE bounds by max(|t0|, |tout|); the end time is left out here so that a long interval does not force a
        // large first step.)
        double lowest = Math.Min(100 * UnitRoundoff * Math.Abs(t0), maxStep);
        double h0 = (d0 < 1e-5 || d1 < 1e-5) ? 1e-6 : 0.01 * d0 / d1;
        h0 = Math.Min(Math.Max(h0, lowest), maxStep);

        for (int i = 0; i < y0.Length; i++)
        {
            scratchY[i] = y0[i] + (h0 * f0[i]);
        }

        system.Evaluate(t0 + h0, scratchY, scratchF);
        evaluations++;
        for (int i = 0; i < y0.Length; i++)
        {
            scratchF[i] -= f0[i];
        }

        double d2 = ErrorNorm.Compute(scratchF, y0, atol, rtol) / h0;
        double dMax = Math.Max(d1, d2);
        double h1 = dMax <= 1e-15 ? Math.Max(1e-6, h0 * 1e-3) : Math.Pow(0.01 / dMax, 1.0 / (order + 1));
        double h = Math.Min(Math.Max(Math.Min(100 * h0, h1), lowest), maxStep);
        return double.IsFinite(h) && h > 0 ? h : Math.Min(1e-6, maxStep);
    }
}
