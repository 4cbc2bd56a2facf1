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
        double h0 = FirstGuess(t0, y0, f0, maxStep, atol, rtol, out double d1, out double lowest);
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

        return Refine(h0, d1, ErrorNorm.Compute(scratchF, y0, atol, rtol), lowest, order, maxStep);
    }

    /// <summary>The first half of HINIT: the trial step h0 from ‖y0‖ and ‖f0‖ (the caller then evaluates f at (t0 + h0, y0 + h0·f0)).</summary>
    /// <param name="t0">The initial time.</param>
    /// <param name="y0">The initial state.</param>
    /// <param name="f0">f(t0, y0).</param>
    /// <param name="maxStep">The largest step allowed.</param>
    /// <param name="atol">Absolute tolerances.</param>
    /// <param name="rtol">Relative tolerance.</param>
    /// <param name="d1">Receives ‖f0‖.</param>
    /// <param name="lowest">Receives the smallest first step allowed.</param>
    /// <returns>h0.</returns>
    public static double FirstGuess(double t0, ReadOnlySpan<double> y0, ReadOnlySpan<double> f0, double maxStep, ReadOnlySpan<double> atol, double rtol, out double d1, out double lowest)
    {
        double d0 = ErrorNorm.Compute(y0, y0, atol, rtol);
        d1 = ErrorNorm.Compute(f0, y0, atol, rtol);

        // No first step below a hundred roundoffs of t0 (about 50 units in its last place): a state that is almost exactly
        // zero with a large derivative, e.g. just after an event at x = 0, would otherwise give a step that does not change
        // t. (CVODE bounds by max(|t0|, |tout|); the end time is left out here so that a long interval does not force a
        // large first step.)
        lowest = Math.Min(100 * UnitRoundoff * Math.Abs(t0), maxStep);
        double h0 = (d0 < 1e-5 || d1 < 1e-5) ? 1e-6 : 0.01 * d0 / d1;
        return Math.Min(Math.Max(h0, lowest), maxStep);
    }

    /// <summary>The second half of HINIT: the first step from h0, ‖f0‖ and ‖f(t0 + h0, y0 + h0·f0) − f0‖.</summary>
    /// <param name="h0">The trial step of <see cref="FirstGuess"/>.</param>
    /// <param name="d1">‖f0‖.</param>
    /// <param name="differenceNorm">The weighted norm of f(t0 + h0, y0 + h0·f0) − f0.</param>
    /// <param name="lowest">The smallest first step allowed.</param>
    /// <param name="order">The order of the method.</param>
    /// <param name="maxStep">The largest step allowed.</param>
    /// <returns>The first step.</returns>
    public static double Refine(double h0, double d1, double differenceNorm, double lowest, int order, double maxStep)
    {
        double d2 = differenceNorm / h0;
        double dMax = Math.Max(d1, d2);
        double h1 = dMax <= 1e-15 ? Math.Max(1e-6, h0 * 1e-3) : Math.Pow(0.01 / dMax, 1.0 / (order + 1));
        double h = Math.Min(Math.Max(Math.Min(100 * h0, h1), lowest), maxStep);
        return double.IsFinite(h) && h > 0 ? h : Math.Min(1e-6, maxStep);
    }
}
