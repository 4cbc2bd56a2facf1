using Ferroptosis.Sim.Ode;

namespace Ferroptosis.Sim.Tests.Ode.ExplicitRungeKutta;

/// <summary>Observed orders with fixed steps, and error proportional to the tolerance with adaptive steps.</summary>
[TestFixture]
public sealed class ConvergenceTests
{
    [TestCaseSource(typeof(ExplicitMethods), nameof(ExplicitMethods.All))]
    public void FixedSteps_ObservedOrder_IsClaimedOrder(IOdeSolver solver)
    {
        double observed = ObservedOrder(solver, dense: false);
        Assert.That(observed, Is.EqualTo(solver.Order).Within(0.2));
    }

    [TestCaseSource(typeof(ExplicitMethods), nameof(ExplicitMethods.All))]
    public void FixedSteps_DenseOutputOrder_IsMinOfOrderAndInterpolantOrderPlusOne(IOdeSolver solver)
    {
        // Between steps the error is the global error of the step ends, O(h^p), plus the local
        // interpolation error, O(h^(q+1)) for an interpolant of order q.
        var tableau = ExplicitMethods.TableauOf(solver);
        double observed = ObservedOrder(solver, dense: true);
        Assert.That(observed, Is.EqualTo(Math.Min(tableau.Order, tableau.DenseOrder + 1)).Within(0.2));
    }

    [TestCaseSource(nameof(MethodsAndProblems))]
    public void AdaptiveSteps_ErrorIsProportionalToTolerance(IOdeSolver solver, ExactProblem problem)
    {
        // For a pair with local extrapolation (order p, estimator of order p − 1) the controller picks
        // h ∝ tol^(1/p), so the global error ∝ h^p ∝ tol: the slope of log(error) over log(tol) is 1.
        double[] tolerances = [1e-4, 1e-6, 1e-8, 1e-10];
        var errors = new double[tolerances.Length];
        for (int i = 0; i < tolerances.Length; i++)
        {
            var options = new OdeSolverOptions { RelativeTolerance = tolerances[i], AbsoluteTolerance = tolerances[i] };
            var solution = Sim.Ode.Ode.Solve(problem.ToProblem(), solver, options);
            Assert.That(solution.IsSuccess, solution.Message);
            errors[i] = MaxErrorOverSteps(problem, solution);
        }

        double slope = Slope(tolerances, errors);
        TestContext.Out.WriteLine($"{solver.Name} on {problem}: errors {string.Join(", ", errors.Select(e => e.ToString("E2")))}; slope {slope:F3}");
        Assert.Multiple(() =>
        {
            Assert.That(slope, Is.InRange(0.8, 1.2), "slope of log(error) over log(tol)");
            for (int i = 0; i < tolerances.Length; i++)
            {
                // The local error per step is controlled, not the accumulated one: global errors run
                // at up to ~20·tol here (BogackiShampine3 at 1e-4); 100·tol flags a broken controller.
                Assert.That(errors[i], Is.LessThan(100 * tolerances[i]), $"error at tol {tolerances[i]:E0}");
            }
        });
    }

    private static IEnumerable<TestCaseData> MethodsAndProblems()
    {
        foreach (var method in ExplicitMethods.All)
        {
            var solver = (IOdeSolver)method.Arguments[0]!;
            foreach (var problem in ExactProblems.ForTolerance)
            {
                yield return new TestCaseData(solver, problem).SetArgDisplayNames(solver.Name, problem.Name);
            }
        }
    }

    // The least-squares slope of log(error) over log(1/h) for N, 2N, 4N fixed steps on the forced decay
    // (t ∈ [0, 10]; the forcing makes every stage time c_i h matter). N puts the errors between about
    // 1e-6 and 1e-13, past the pre-asymptotic range and above rounding. Optimised pairs such as DP5 and
    // Tsit5 have small principal error coefficients, so on short non-linear problems the h^(p+1) terms
    // still dominate at such errors; the non-linear order conditions are checked exactly from rooted
    // trees in ButcherTableauTests.
    private static double ObservedOrder(IOdeSolver solver, bool dense)
    {
        var problem = ExactProblems.Forced;
        int first = solver.Order switch
        {
            <= 3 => 256,
            <= 5 => 128,
            _ => 32,
        };

        int[] steps = [first, 2 * first, 4 * first];
        var errors = steps.Select(n => FixedStepError(solver, problem, n, dense)).ToArray();
        double slope = -Slope(steps.Select(n => (double)n).ToArray(), errors);
        TestContext.Out.WriteLine($"{solver.Name} (dense: {dense}): errors {string.Join(", ", errors.Select(e => e.ToString("E2")))} with {string.Join(", ", steps)} steps; observed order {slope:F3}");
        return slope;
    }

    // Fixed steps: the first and largest step are h and the tolerance is so loose that no step is rejected.
    private static double FixedStepError(IOdeSolver solver, ExactProblem problem, int steps, bool dense)
    {
        double h = problem.EndTime / steps;
        var options = new OdeSolverOptions { InitialStep = h, MaxStep = h, RelativeTolerance = 1e6, AbsoluteTolerance = 1e6, DenseOutput = dense };
        var solution = Sim.Ode.Ode.Solve(problem.ToProblem(), solver, options);
        Assert.That(solution.Statistics.AcceptedSteps, Is.EqualTo(steps));
        Assert.That(solution.Statistics.RejectedSteps, Is.Zero);
        if (!dense)
        {
            return MaxErrorOverSteps(problem, solution);
        }

        double worst = 0;
        var y = new double[problem.System.Dimension];
        for (int n = 0; n < steps; n++)
        {
            foreach (double theta in (double[])[0.25, 0.5, 0.75])
            {
                double t = (n + theta) * h;
                solution.Interpolate(t, y);
                worst = Math.Max(worst, problem.MaxError(t, y));
            }
        }

        return worst;
    }

    private static double MaxErrorOverSteps(ExactProblem problem, OdeSolution solution)
    {
        double worst = 0;
        for (int p = 0; p < solution.Count; p++)
        {
            worst = Math.Max(worst, problem.MaxError(solution.Times[p], solution.GetState(p)));
        }

        return worst;
    }

    private static double Slope(double[] x, double[] errors)
    {
        double mx = x.Average(Math.Log10);
        double my = errors.Average(Math.Log10);
        double sxy = 0;
        double sxx = 0;
        for (int i = 0; i < x.Length; i++)
        {
            double dx = Math.Log10(x[i]) - mx;
            sxy += dx * (Math.Log10(errors[i]) - my);
            sxx += dx * dx;
        }

        return sxy / sxx;
    }
}
