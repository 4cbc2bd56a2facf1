using Ferroptosis.Sim.Ode;

namespace Ferroptosis.Sim.Tests.Ode.Bdf;

/// <summary>An initial value problem with a closed-form solution, for convergence and accuracy tests.</summary>
/// <param name="Name">A short name for test output.</param>
/// <param name="System">The right-hand side (with its analytic Jacobian).</param>
/// <param name="EndTime">The end of the interval; all problems start at t = 0.</param>
/// <param name="Exact">The exact solution y(t), defined for negative t as well (needed to start multistep formulas from exact values).</param>
public sealed record ExactProblem(string Name, IOdeSystem System, double EndTime, Func<double, double[]> Exact)
{
    public OdeProblem ToProblem() => new(System, 0.0, EndTime, Exact(0.0));

    public override string ToString() => Name;
}

/// <summary>Linear, decaying and time-forced problems whose solutions are known in closed form.</summary>
public static class ExactProblems
{
    /// <summary>y' = A·y with A = [[−1, 2], [−2, −1]]: a decaying spiral, y = e^{−t}(cos 2t, −sin 2t).</summary>
    public static ExactProblem Spiral { get; } = new(
        "spiral",
        OdeSystem.Create(
            2,
            (t, y, dy) =>
            {
                dy[0] = -y[0] + (2 * y[1]);
                dy[1] = (-2 * y[0]) - y[1];
            },
            (t, y, j) =>
            {
                j[0] = -1;
                j[1] = 2;
                j[2] = -2;
                j[3] = -1;
            },
            isAutonomous: true),
        5.0,
        t => [Math.Exp(-t) * Math.Cos(2 * t), -Math.Exp(-t) * Math.Sin(2 * t)]);

    /// <summary>A stiff linear system with eigenvalues −1 and −1000: y = e^{−t}(1, 1) + e^{−1000t}(1, −1).</summary>
    public static ExactProblem StiffLinear { get; } = new(
        "stiff linear",
        OdeSystem.Create(
            2,
            (t, y, dy) =>
            {
                dy[0] = (-500.5 * y[0]) + (499.5 * y[1]);
                dy[1] = (499.5 * y[0]) - (500.5 * y[1]);
            },
            (t, y, j) =>
            {
                j[0] = -500.5;
                j[1] = 499.5;
                j[2] = 499.5;
                j[3] = -500.5;
            },
            isAutonomous: true),
        3.0,
        t => [Math.Exp(-t) + Math.Exp(-1000 * t), Math.Exp(-t) - Math.Exp(-1000 * t)]);

    /// <summary>Exponential decay y' = −0.7·y, y = e^{−0.7t}.</summary>
    public static ExactProblem Decay { get; } = new(
        "decay",
        OdeSystem.Create(1, (t, y, dy) => dy[0] = -0.7 * y[0], (t, y, j) => j[0] = -0.7, isAutonomous: true),
        10.0,
        t => [Math.Exp(-0.7 * t)]);

    /// <summary>The Prothero–Robinson problem y' = λ(y − cos t) − sin t with λ = −10⁴: stiff and time-forced, y = cos t.</summary>
    public static ExactProblem ProtheroRobinson { get; } = new(
        "Prothero-Robinson",
        OdeSystem.Create(1, (t, y, dy) => dy[0] = (-1e4 * (y[0] - Math.Cos(t))) - Math.Sin(t), (t, y, j) => j[0] = -1e4),
        10.0,
        t => [Math.Cos(t)]);

    /// <summary>A time-forced linear system y' = A·y + F(t) with exact solution (sin t, cos 2t), A = [[−2, 1], [1, −2]].</summary>
    public static ExactProblem Forced { get; } = new(
        "forced",
        OdeSystem.Create(
            2,
            (t, y, dy) =>
            {
                double s = Math.Sin(t);
                double c2 = Math.Cos(2 * t);
                dy[0] = (-2 * y[0]) + y[1] + (Math.Cos(t) + (2 * s) - c2);
                dy[1] = y[0] - (2 * y[1]) + ((-2 * Math.Sin(2 * t)) - s + (2 * c2));
            },
            (t, y, j) =>
            {
                j[0] = -2;
                j[1] = 1;
                j[2] = 1;
                j[3] = -2;
            }),
        4.0,
        t => [Math.Sin(t), Math.Cos(2 * t)]);

    /// <summary>Gets the problems for the tolerance-proportionality test.</summary>
    public static IReadOnlyList<ExactProblem> All { get; } = [Spiral, StiffLinear, Decay, ProtheroRobinson, Forced];

    /// <summary>The largest |y_i − exact_i| at time t.</summary>
    public static double MaxError(ExactProblem problem, double t, ReadOnlySpan<double> y)
    {
        var exact = problem.Exact(t);
        double worst = 0;
        for (int i = 0; i < exact.Length; i++)
        {
            worst = Math.Max(worst, Math.Abs(y[i] - exact[i]));
        }

        return worst;
    }

    /// <summary>The least-squares slope of ys against xs.</summary>
    public static double Slope(IReadOnlyList<double> xs, IReadOnlyList<double> ys)
    {
        double mx = xs.Average();
        double my = ys.Average();
        double num = 0;
        double den = 0;
        for (int i = 0; i < xs.Count; i++)
        {
            num += (xs[i] - mx) * (ys[i] - my);
            den += (xs[i] - mx) * (xs[i] - mx);
        }

        return num / den;
    }
}
