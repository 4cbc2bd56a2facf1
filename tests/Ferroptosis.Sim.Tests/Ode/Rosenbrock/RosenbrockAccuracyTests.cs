using Ferroptosis.Sim.Ode;

namespace Ferroptosis.Sim.Tests.Ode.Rosenbrock;

/// <summary>Observed order, tolerance proportionality and dense output of every Rosenbrock method on problems with exact solutions.</summary>
public sealed class RosenbrockAccuracyTests
{
    [TestCaseSource(typeof(RosenbrockMethods), nameof(RosenbrockMethods.All))]
    public void ObservedOrder_OnKaps_IsTheClaimedOrder(IOdeSolver solver)
    {
        double order = ObservedOrder(solver, ExactProblems.Kaps);
        Assert.That(order, Is.EqualTo(solver.Order).Within(0.2));
    }

    [TestCaseSource(typeof(RosenbrockMethods), nameof(RosenbrockMethods.All))]
    public void ObservedOrder_OnNonAutonomousProblem_IsTheClaimedOrder(IOdeSolver solver)
    {
        double order = ObservedOrder(solver, ExactProblems.NonAutonomous);
        Assert.That(order, Is.EqualTo(solver.Order).Within(0.2));
    }

    [TestCaseSource(typeof(RosenbrockMethods), nameof(RosenbrockMethods.All))]
    public void ObservedOrder_OnStiffLinearSystem_IsAtLeastTheClaimedOrder(IOdeSolver solver)
    {
        // Linear problems only test the stability function; Rodas5P's has order 6 (RosenbrockTableauTests).
        double order = ObservedOrder(solver, ExactProblems.StiffLinear);
        Assert.That(order, Is.GreaterThan(solver.Order - 0.2));
    }

    [TestCaseSource(typeof(RosenbrockMethods), nameof(RosenbrockMethods.All))]
    public void DroppingTheTimeDerivative_CostsOrder(IOdeSolver solver)
    {
        // The same problem with ∂f/∂t ignored: shows that the test above exercises the γ_i h f_t terms.
        // Rosenbrock23 is the exception that proves the rule: with γ₂ = 0 its order-2 solution never uses f_t.
        double order = ObservedOrder(solver, ExactProblems.NonAutonomousDeclaredAutonomous);
        if (solver.Order > 2)
        {
            Assert.That(order, Is.LessThan(solver.Order - 1.5));
        }
        else
        {
            Assert.That(order, Is.EqualTo(solver.Order).Within(0.2));
        }
    }

    [TestCaseSource(typeof(RosenbrockMethods), nameof(RosenbrockMethods.All))]
    public void GlobalError_IsProportionalToTolerance(IOdeSolver solver)
    {
        // With error-per-step control the estimate err ~ h^(q+1) (q = the order it estimates, the lower
        // of the two) is held at tol, and the global error is ~ h^p ~ tol^(p/(q+1)): proportional to
        // tol for the Rodas pairs (p = q + 1, local extrapolation), tol^(2/3) for Rosenbrock23 (p = q = 2).
        var tableau = RosenbrockMethods.TableauOf(solver);
        double expectedSlope = (double)tableau.Order / (Math.Min(tableau.Order, tableau.EmbeddedOrder) + 1);
        foreach (var problem in new[] { ExactProblems.Kaps, ExactProblems.NonAutonomous })
        {
            var tolerances = new[] { 1e-4, 1e-5, 1e-6, 1e-7, 1e-8, 1e-9, 1e-10 };
            var errors = new List<double>();
            foreach (double tol in tolerances)
            {
                var options = new OdeSolverOptions { RelativeTolerance = tol, AbsoluteTolerance = tol, OutputTimes = [problem.EndTime] };
                var solution = solver.CreateIntegrator(problem.ToProblem(), options).Solve();
                Assert.That(solution.Status, Is.EqualTo(SolverStatus.Success), solution.Message);
                errors.Add(problem.MaxError(problem.EndTime, solution.FinalState));
            }

            // Least-squares slope of log(error) against log(tol).
            var x = tolerances.Select(Math.Log10).ToArray();
            var y = errors.Select(Math.Log10).ToArray();
            double mx = x.Average();
            double my = y.Average();
            double slope = x.Zip(y, (a, b) => (a - mx) * (b - my)).Sum() / x.Sum(a => (a - mx) * (a - mx));
            TestContext.Out.WriteLine($"{solver.Name} on {problem}: errors {string.Join(", ", errors.Select(e => e.ToString("E1", System.Globalization.CultureInfo.InvariantCulture)))}; slope {slope:F2}");
            Assert.That(slope, Is.EqualTo(expectedSlope).Within(0.2), problem.Name);
            for (int i = 0; i < tolerances.Length; i++)
            {
                Assert.That(errors[i], Is.LessThan(100 * Math.Pow(tolerances[i], expectedSlope)), $"{problem.Name} at tol {tolerances[i]}");
            }
        }
    }

    [TestCaseSource(typeof(RosenbrockMethods), nameof(RosenbrockMethods.All))]
    public void DenseOutput_MatchesStepEndsAndIsContinuous(IOdeSolver solver)
    {
        var problem = ExactProblems.NonAutonomous;
        var options = new OdeSolverOptions { RelativeTolerance = 1e-6, AbsoluteTolerance = 1e-6, OutputTimes = [problem.EndTime] };
        var integrator = solver.CreateIntegrator(problem.ToProblem(), options);
        var atStart = new double[2];
        var atEnd = new double[2];
        var previousEnd = problem.InitialState.ToArray();
        int steps = 0;
        while (integrator.Step())
        {
            integrator.Interpolate(integrator.PreviousTime, atStart);
            integrator.Interpolate(integrator.Time, atEnd);
            for (int i = 0; i < 2; i++)
            {
                // θ = 0 gives the state where the step began (the end of the previous polynomial), θ = 1 the new state.
                Assert.That(atStart[i], Is.EqualTo(previousEnd[i]).Within(1e-14 * (1 + Math.Abs(previousEnd[i]))), $"start of step {steps}");
                Assert.That(atEnd[i], Is.EqualTo(integrator.State[i]).Within(1e-14 * (1 + Math.Abs(atEnd[i]))), $"end of step {steps}");
            }

            integrator.State.CopyTo(previousEnd);
            steps++;
        }

        Assert.That(integrator.Status, Is.EqualTo(SolverStatus.Success));
        Assert.That(steps, Is.GreaterThan(10));
    }

    [TestCaseSource(typeof(RosenbrockMethods), nameof(RosenbrockMethods.All))]
    public void DenseOutput_BetweenSteps_IsAsAccurateAsTheSteps(IOdeSolver solver)
    {
        foreach (var problem in new[] { ExactProblems.Kaps, ExactProblems.NonAutonomous })
        {
            const double tol = 1e-7;
            var options = new OdeSolverOptions { RelativeTolerance = tol, AbsoluteTolerance = tol, DenseOutput = true };
            var solution = solver.CreateIntegrator(problem.ToProblem(), options).Solve();
            Assert.That(solution.Status, Is.EqualTo(SolverStatus.Success));
            double stepError = 0;
            for (int k = 0; k < solution.Count; k++)
            {
                stepError = Math.Max(stepError, problem.MaxError(solution.Times[k], solution.States.Slice(k * 2, 2)));
            }

            double denseError = 0;
            var y = new double[2];
            for (int k = 0; k <= 1000; k++)
            {
                double t = problem.EndTime * k / 1000;
                solution.Interpolate(t, y);
                denseError = Math.Max(denseError, problem.MaxError(t, y));
            }

            TestContext.Out.WriteLine($"{solver.Name} on {problem}: {solution.Count - 1} steps, step error {stepError:E2}, dense error {denseError:E2}");
            Assert.That(denseError, Is.LessThan(Math.Max(10 * stepError, 10 * tol)), problem.Name);
        }
    }

    /// <summary>Fits the order from fixed steps h = T/2^k, using the last three halvings whose errors stay above round-off.</summary>
    private static double ObservedOrder(IOdeSolver solver, ExactProblem problem)
    {
        var errors = new List<double>();
        for (int k = 1; k <= 11; k++)
        {
            double error = FixedStepError(solver, problem, problem.EndTime / (1 << k));
            if (error < 1e-14)
            {
                break;
            }

            errors.Add(error);
        }

        Assert.That(errors, Has.Count.GreaterThanOrEqualTo(4), "too few step sizes above round-off");
        var orders = errors.Zip(errors.Skip(1), (coarse, fine) => Math.Log2(coarse / fine)).ToList();
        TestContext.Out.WriteLine($"{solver.Name} on {problem}: errors {string.Join(", ", errors.Select(e => e.ToString("E2", System.Globalization.CultureInfo.InvariantCulture)))}; orders {string.Join(", ", orders.Select(p => p.ToString("F2", System.Globalization.CultureInfo.InvariantCulture)))}");
        return orders.TakeLast(3).Average();
    }

    /// <summary>Integrates with the constant step h (tolerances so loose that no step is rejected) and returns the end-point error.</summary>
    internal static double FixedStepError(IOdeSolver solver, ExactProblem problem, double h)
    {
        var options = new OdeSolverOptions
        {
            RelativeTolerance = 1e6,
            AbsoluteTolerance = 1e6,
            InitialStep = h,
            MaxStep = h,
            OutputTimes = [problem.EndTime],
        };
        var solution = solver.CreateIntegrator(problem.ToProblem(), options).Solve();
        Assert.That(solution.Status, Is.EqualTo(SolverStatus.Success), solution.Message);
        Assert.That(solution.Statistics.AcceptedSteps, Is.EqualTo((long)Math.Round(problem.EndTime / h)), "the step was not constant");
        Assert.That(solution.Statistics.RejectedSteps, Is.Zero);
        return problem.MaxError(problem.EndTime, solution.FinalState);
    }
}
