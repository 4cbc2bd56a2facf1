using Ferroptosis.Sim.Ode;

namespace Ferroptosis.Sim.Tests.Ode.ExplicitRungeKutta;

/// <summary>An initial value problem with a closed-form solution y(t).</summary>
/// <param name="Name">A short name for test output.</param>
/// <param name="System">The right-hand side.</param>
/// <param name="EndTime">The end of the interval (all start at t = 0).</param>
/// <param name="Exact">Writes y(t) into the span.</param>
public sealed record ExactProblem(string Name, IOdeSystem System, double EndTime, Action<double, double[]> Exact)
{
    /// <summary>Gets the exact solution at t.</summary>
    public double[] At(double t)
    {
        var y = new double[System.Dimension];
        Exact(t, y);
        return y;
    }

    /// <summary>Gets the problem as an <see cref="OdeProblem"/>.</summary>
    public OdeProblem ToProblem() => new(System, 0.0, EndTime, At(0.0));

    /// <summary>The largest absolute error of <paramref name="y"/> against y(t).</summary>
    public double MaxError(double t, ReadOnlySpan<double> y)
    {
        var exact = At(t);
        double worst = 0;
        for (int i = 0; i < exact.Length; i++)
        {
            worst = Math.Max(worst, Math.Abs(y[i] - exact[i]));
        }

        return worst;
    }

    /// <inheritdoc/>
    public override string ToString() => Name;
}

/// <summary>Problems with exact solutions for convergence, tolerance and dense-output tests.</summary>
public static class ExactProblems
{
    /// <summary>Gets y' = −y/2, y(0) = 1 on [0, 10]: y = e^(−t/2).</summary>
    public static ExactProblem Decay { get; } = new(
        "Decay", OdeSystem.Create(1, (t, y, dy) => dy[0] = -0.5 * y[0]), 10.0, (t, y) => y[0] = Math.Exp(-0.5 * t));

    /// <summary>Gets the damped oscillator y₁' = −0.1y₁ − y₂, y₂' = y₁ − 0.1y₂, y(0) = (1, 0) on [0, 10]: y = e^(−0.1t)(cos t, sin t).</summary>
    public static ExactProblem Linear2 { get; } = new(
        "Linear2",
        OdeSystem.Create(2, (t, y, dy) =>
        {
            dy[0] = (-0.1 * y[0]) - y[1];
            dy[1] = y[0] - (0.1 * y[1]);
        }),
        10.0,
        (t, y) =>
        {
            double d = Math.Exp(-0.1 * t);
            y[0] = d * Math.Cos(t);
            y[1] = d * Math.Sin(t);
        });

    /// <summary>Gets the forced decay y' = −y + sin t, y(0) = 0 on [0, 10]: y = (sin t − cos t + e^(−t))/2; the forcing checks the stage times c_i h.</summary>
    public static ExactProblem Forced { get; } = new(
        "Forced",
        OdeSystem.Create(1, (t, y, dy) => dy[0] = -y[0] + Math.Sin(t)),
        10.0,
        (t, y) => y[0] = 0.5 * (Math.Sin(t) - Math.Cos(t) + Math.Exp(-t)));

    /// <summary>
    /// Gets a non-linear, non-autonomous system on [0, 2]: y₁' = −2t y₁², y₂' = y₁ y₂, y(0) = (1, 1), with
    /// y₁ = 1/(1 + t²), y₂ = e^(arctan t). Non-linear problems excite every elementary differential, so
    /// the observed order is the method's true order (a linear problem only tests the tall trees).
    /// </summary>
    public static ExactProblem Nonlinear { get; } = new(
        "Nonlinear",
        OdeSystem.Create(2, (t, y, dy) =>
        {
            dy[0] = -2 * t * y[0] * y[0];
            dy[1] = y[0] * y[1];
        }),
        2.0,
        (t, y) =>
        {
            y[0] = 1 / (1 + (t * t));
            y[1] = Math.Exp(Math.Atan(t));
        });

    /// <summary>Gets the problems used for tolerance proportionality.</summary>
    public static IReadOnlyList<ExactProblem> ForTolerance { get; } = [Decay, Linear2, Forced, Nonlinear];
}
