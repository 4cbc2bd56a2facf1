namespace Ferroptosis.Sim.Ode;

/// <summary>One-call entry point: solve an initial value problem.</summary>
/// <example>
/// <code>
/// var system = OdeSystem.Create(1, (t, y, dy) => dy[0] = -y[0]);
/// var solution = Ode.Solve(new OdeProblem(system, 0, 5, [1.0]));
/// Console.WriteLine(solution.FinalState[0]); // ≈ exp(-5)
/// </code>
/// </example>
public static class Ode
{
    /// <summary>Solves <paramref name="problem"/> from t0 to its end time.</summary>
    /// <param name="problem">The problem.</param>
    /// <param name="solver">The method, or null for <see cref="OdeSolvers.Auto"/> (Tsit5 while the problem is non-stiff, Rodas5P while it is stiff).</param>
    /// <param name="options">The options, or null for <see cref="OdeSolverOptions.Default"/>.</param>
    /// <param name="cancellationToken">Cancels a long integration.</param>
    /// <returns>The solution; check <see cref="OdeSolution.IsSuccess"/>.</returns>
    /// <exception cref="OperationCanceledException">The token was cancelled (checked before the first step and every 64 steps).</exception>
    public static OdeSolution Solve(OdeProblem problem, IOdeSolver? solver = null, OdeSolverOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(problem);
        solver ??= OdeSolvers.Auto;
        return solver.CreateIntegrator(problem, options).Solve(cancellationToken);
    }
}
