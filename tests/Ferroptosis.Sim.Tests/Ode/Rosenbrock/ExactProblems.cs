using Ferroptosis.Sim.Ode;

namespace Ferroptosis.Sim.Tests.Ode.Rosenbrock;

/// <summary>Small problems with known exact solutions for convergence, tolerance and dense-output tests.</summary>
internal static class ExactProblems
{
    /// <summary>Gets Kaps' singularly perturbed problem, a classical test of Rosenbrock methods, with ε = 0.1: nonlinear, autonomous, eigenvalues ≈ −1.2 and −14 at t = 0; y = (e^{−2t}, e^{−t}).</summary>
    public static ExactProblem Kaps { get; } = CreateKaps(0.1);

    /// <summary>Gets a mildly stiff linear system: y₁' = −y₁, y₂' = 49y₁ − 50y₂ (eigenvalues −1, −50); y = (e^{−t}, e^{−t} + e^{−50t}).</summary>
    public static ExactProblem StiffLinear { get; } = new(
        "linear",
        OdeSystem.Create(
            2,
            (t, y, f) =>
            {
                f[0] = -y[0];
                f[1] = (49 * y[0]) - (50 * y[1]);
            },
            (t, y, j) =>
            {
                j[0] = -1;
                j[1] = 0;
                j[2] = 49;
                j[3] = -50;
            },
            isAutonomous: true),
        [1.0, 2.0],
        2.0,
        (t, y) =>
        {
            y[0] = Math.Exp(-t);
            y[1] = Math.Exp(-t) + Math.Exp(-50 * t);
        });

    /// <summary>Gets a nonlinear non-autonomous system: y₁' = −2t·y₁², y₂' = −50(y₂ − y₁) − 2t·y₁²; y₁ = y₂ = 1/(1 + t²).</summary>
    /// <remarks>∂f/∂t = (−2y₁², −2y₁²) ≠ 0, so a Rosenbrock method keeps its order only with the γ_i h f_t terms.</remarks>
    public static ExactProblem NonAutonomous { get; } = CreateNonAutonomous(isAutonomousClaim: false);

    /// <summary>Gets <see cref="NonAutonomous"/> wrongly declared autonomous, so that ∂f/∂t is taken as zero.</summary>
    public static ExactProblem NonAutonomousDeclaredAutonomous { get; } = CreateNonAutonomous(isAutonomousClaim: true);

    private static ExactProblem CreateKaps(double epsilon) => new(
        "Kaps",
        OdeSystem.Create(
            2,
            (t, y, f) =>
            {
                f[0] = (-(2 + (1 / epsilon)) * y[0]) + (y[1] * y[1] / epsilon);
                f[1] = y[0] - y[1] - (y[1] * y[1]);
            },
            (t, y, j) =>
            {
                j[0] = -(2 + (1 / epsilon));
                j[1] = 2 * y[1] / epsilon;
                j[2] = 1;
                j[3] = -1 - (2 * y[1]);
            },
            isAutonomous: true),
        [1.0, 1.0],
        1.0,
        (t, y) =>
        {
            y[0] = Math.Exp(-2 * t);
            y[1] = Math.Exp(-t);
        });

    private static ExactProblem CreateNonAutonomous(bool isAutonomousClaim) => new(
        "non-autonomous",
        OdeSystem.Create(
            2,
            (t, y, f) =>
            {
                double decay = 2 * t * y[0] * y[0];
                f[0] = -decay;
                f[1] = (-50 * (y[1] - y[0])) - decay;
            },
            (t, y, j) =>
            {
                j[0] = -4 * t * y[0];
                j[1] = 0;
                j[2] = 50 - (4 * t * y[0]);
                j[3] = -50;
            },
            isAutonomousClaim),
        [1.0, 1.0],
        2.0,
        (t, y) =>
        {
            y[0] = 1 / (1 + (t * t));
            y[1] = y[0];
        });
}

/// <summary>A problem with its exact solution.</summary>
/// <param name="Name">A short name.</param>
/// <param name="System">The right-hand side and Jacobian.</param>
/// <param name="InitialState">y(0).</param>
/// <param name="EndTime">The end of the interval [0, EndTime].</param>
/// <param name="Exact">Writes y(t).</param>
internal sealed record ExactProblem(string Name, IOdeSystem System, double[] InitialState, double EndTime, Action<double, double[]> Exact)
{
    public OdeProblem ToProblem() => new(System, 0.0, EndTime, InitialState);

    /// <summary>The largest absolute error of <paramref name="y"/> against y(t).</summary>
    public double MaxError(double t, ReadOnlySpan<double> y)
    {
        var exact = new double[InitialState.Length];
        Exact(t, exact);
        double worst = 0;
        for (int i = 0; i < exact.Length; i++)
        {
            worst = Math.Max(worst, Math.Abs(y[i] - exact[i]));
        }

        return worst;
    }

    public override string ToString() => Name;
}
