using Ferroptosis.Sim.Ode;
using Ferroptosis.Sim.Ode.Events;

namespace Ferroptosis.Sim.Tests.Ode.Bdf;

/// <summary>The global error follows the tolerance on problems with exact solutions.</summary>
public sealed class BdfToleranceTests
{
    private static readonly int[] Exponents = [3, 4, 5, 6, 7, 8, 9, 10];

    private static IEnumerable<ExactProblem> Problems() => ExactProblems.All;

    /// <summary>
    /// Over rtol = atol = 1e-3 … 1e-10 the error, sampled densely through the dense output, shrinks in
    /// proportion to the tolerance: with error-per-step control at order q the global error goes as
    /// tol^{q/(q+1)}, a slope of 0.8–0.85 at orders 4–5 and up to 1 where the error is damped. On these
    /// contractive problems the global error is at most the sum of the local errors, each below one
    /// tolerance, so it may not exceed one tolerance per step (it stays near 1–40).
    /// </summary>
    [TestCaseSource(nameof(Problems))]
    public void ErrorIsProportionalToTolerance(ExactProblem problem)
    {
        var logTol = new List<double>();
        var logError = new List<double>();
        foreach (int e in Exponents)
        {
            double tol = Math.Pow(10, -e);
            var options = new OdeSolverOptions { RelativeTolerance = tol, AbsoluteTolerance = tol, DenseOutput = true };
            var solution = OdeSolvers.Bdf.CreateIntegrator(problem.ToProblem(), options).Solve();
            Assert.That(solution.Status, Is.EqualTo(SolverStatus.Success), solution.Message);
            Assert.That(solution.FinalTime, Is.EqualTo(problem.EndTime), "the last step lands exactly on the end time");

            double worstScaled = 0;
            double worst = 0;
            for (int k = 0; k <= 400; k++)
            {
                double t = problem.EndTime * k / 400;
                var y = solution.Interpolate(t);
                var exact = problem.Exact(t);
                for (int i = 0; i < y.Length; i++)
                {
                    double error = Math.Abs(y[i] - exact[i]);
                    worst = Math.Max(worst, error);
                    worstScaled = Math.Max(worstScaled, error / (tol + (tol * Math.Abs(exact[i]))));
                }
            }

            TestContext.Out.WriteLine($"tol 1e-{e}: max error {worst:E2} = {worstScaled:F2} tolerances, {solution.Statistics}");
            Assert.That(worstScaled, Is.LessThan(solution.Statistics.AcceptedSteps), $"global error at tol 1e-{e} is {worstScaled:F1} tolerances");
            logTol.Add(Math.Log10(tol));
            logError.Add(Math.Log10(worst));
        }

        double slope = ExactProblems.Slope(logTol, logError);
        TestContext.Out.WriteLine($"slope of log error against log tolerance: {slope:F3}");
        Assert.That(slope, Is.InRange(0.75, 1.15));
    }

    [Test]
    public void RestartAfterATimeEventKeepsTheAccuracy()
    {
        // y' = −y with a dose of 1 at t = 1: y = e^{−t} before, (e^{−1} + 1)·e^{−(t−1)} after.
        var system = OdeSystem.Create(1, (t, y, dy) => dy[0] = -y[0], (t, y, j) => j[0] = -1, isAutonomous: true);
        var dose = new TimeEvent("dose", [1.0], (t, y) => y[0] += 1.0);
        var options = new OdeSolverOptions { RelativeTolerance = 1e-8, AbsoluteTolerance = 1e-10, TimeEvents = [dose], OutputTimes = [0.999, 1.5, 3.0] };
        var solution = OdeSolvers.Bdf.CreateIntegrator(new OdeProblem(system, 0, 3, [1.0]), options).Solve();

        Assert.That(solution.Status, Is.EqualTo(SolverStatus.Success), solution.Message);
        double after = Math.Exp(-1) + 1;
        Assert.Multiple(() =>
        {
            Assert.That(solution[0, 0], Is.EqualTo(Math.Exp(-0.999)).Within(1e-7));
            Assert.That(solution[1, 0], Is.EqualTo(after * Math.Exp(-0.5)).Within(1e-7));
            Assert.That(solution[2, 0], Is.EqualTo(after * Math.Exp(-2)).Within(1e-7));
        });
    }
}
