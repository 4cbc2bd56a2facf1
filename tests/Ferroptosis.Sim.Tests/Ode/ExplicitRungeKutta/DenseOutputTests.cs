using Ferroptosis.Sim.Ode;
using Ferroptosis.Sim.Ode.ExplicitRungeKutta;
using Ferroptosis.Sim.Ode.Stepping;

namespace Ferroptosis.Sim.Tests.Ode.ExplicitRungeKutta;

/// <summary>Dense output: matches the accepted states, is continuous across steps, and is as accurate as the steps.</summary>
[TestFixture]
public sealed class DenseOutputTests
{
    [TestCaseSource(typeof(ExplicitMethods), nameof(ExplicitMethods.All))]
    public void Interpolant_AtStepEnds_MatchesAcceptedStates_SoItIsContinuous(IOdeSolver solver)
    {
        // θ = 0 gives the previous state exactly (c_0 = y_n); θ = 1 must give the accepted y_{n+1},
        // which is also θ = 0 of the next step's polynomial: the pieces join continuously.
        var problem = ExactProblems.Linear2;
        var tableau = ExplicitMethods.TableauOf(solver);
        double weightSum = 0;
        foreach (double w in tableau.Dense)
        {
            weightSum += Math.Abs(w);
        }

        var stepper = CreateStepper(solver, problem.System, new OdeSolverOptions { RelativeTolerance = 1e-6 });
        stepper.Restart(0, problem.At(0));
        var y = new double[2];
        var f0 = new double[2];
        var f1 = new double[2];
        int steps = 0;
        while (stepper.T < problem.EndTime)
        {
            Assert.That(stepper.Advance(problem.EndTime), Is.True, stepper.FailureMessage);
            stepper.EnsureDense();
            DensePolynomial.Evaluate(stepper.Dense, stepper.DenseDegree, 2, 0.0, y);
            Assert.That(y, Is.EqualTo(stepper.YPrevious), $"θ = 0 at step {steps}");
            DensePolynomial.Evaluate(stepper.Dense, stepper.DenseDegree, 2, 1.0, y);
            problem.System.Evaluate(stepper.TPrevious, stepper.YPrevious, f0);
            problem.System.Evaluate(stepper.T, stepper.Y, f1);
            double h = stepper.T - stepper.TPrevious;
            for (int i = 0; i < 2; i++)
            {
                // Rounding bound: the coefficients h Σ_j B_jm k_j cancel internally, so their error is
                // a few ε times h Σ|B_jm||k_j| (Verner7's weights reach 1e3), with |k_j| ≲ 2 max |f|.
                double scale = Math.Abs(stepper.YPrevious[i]) + (2 * h * Math.Max(Math.Abs(f0[i]), Math.Abs(f1[i])) * weightSum);
                Assert.That(y[i], Is.EqualTo(stepper.Y[i]).Within(16 * 2.220446049250313e-16 * scale), $"θ = 1 at step {steps}, component {i}");
            }

            steps++;
        }

        Assert.That(steps, Is.GreaterThan(10));
    }

    [TestCaseSource(typeof(ExplicitMethods), nameof(ExplicitMethods.All))]
    public void Solution_Interpolate_MatchesSavedStates_AndIsContinuousAcrossSteps(IOdeSolver solver)
    {
        var problem = ExactProblems.Forced;
        var solution = Sim.Ode.Ode.Solve(problem.ToProblem(), solver, new OdeSolverOptions { RelativeTolerance = 1e-6, DenseOutput = true });
        Assert.That(solution.IsSuccess, solution.Message);
        var y = new double[1];
        var left = new double[1];
        var right = new double[1];
        for (int p = 1; p < solution.Count - 1; p++)
        {
            double t = solution.Times[p];
            solution.Interpolate(t, y);
            Assert.That(y[0], Is.EqualTo(solution[p, 0]), $"at the saved point {p}");

            // Either side of a step end, 1e-7 of the step away: the two polynomials agree to O(δ·|y'|).
            double delta = 1e-7 * (t - solution.Times[p - 1]);
            solution.Interpolate(t - delta, left);
            solution.Interpolate(t + delta, right);
            Assert.That(right[0] - left[0], Is.EqualTo(0).Within(4 * delta), $"jump at step end {p}");
        }
    }

    [TestCaseSource(nameof(MethodsAndTolerances))]
    public void Interpolation_IsAsAccurateAsTheSteps(IOdeSolver solver, double rtol)
    {
        // Between steps the error may exceed the step-end error by the interpolation error, which an
        // interpolant of order q ≥ p − 1 keeps proportional to the tolerance. Measured: at most 8× the
        // larger of the worst step-end error and rtol (Tsit5's order-4 interpolant on the non-linear
        // problem at rtol 1e-10); 20× leaves room for other platforms' libm.
        foreach (var problem in ExactProblems.ForTolerance)
        {
            var solution = Sim.Ode.Ode.Solve(problem.ToProblem(), solver, new OdeSolverOptions { RelativeTolerance = rtol, AbsoluteTolerance = rtol, DenseOutput = true });
            Assert.That(solution.IsSuccess, solution.Message);
            double atSteps = 0;
            for (int p = 0; p < solution.Count; p++)
            {
                atSteps = Math.Max(atSteps, problem.MaxError(solution.Times[p], solution.GetState(p)));
            }

            double between = 0;
            var y = new double[problem.System.Dimension];
            for (int k = 0; k <= 2000; k++)
            {
                double t = problem.EndTime * k / 2000;
                solution.Interpolate(t, y);
                between = Math.Max(between, problem.MaxError(t, y));
            }

            TestContext.Out.WriteLine($"{solver.Name} {problem} rtol {rtol:E0}: max error at steps {atSteps:E2}, between steps {between:E2}");
            Assert.That(between, Is.LessThan(20 * Math.Max(atSteps, rtol)), problem.Name);
        }
    }

    [TestCaseSource(typeof(ExplicitMethods), nameof(ExplicitMethods.All))]
    public void DenseOutput_DoesNotChangeTheSteps(IOdeSolver solver)
    {
        // Building interpolants (and, for Verner7, reusing the new-point stage as the next first stage)
        // must leave the trajectory bit for bit unchanged.
        var problem = ExactProblems.Nonlinear.ToProblem();
        var plain = Sim.Ode.Ode.Solve(problem, solver, new OdeSolverOptions { RelativeTolerance = 1e-7 });
        var dense = Sim.Ode.Ode.Solve(problem, solver, new OdeSolverOptions { RelativeTolerance = 1e-7, DenseOutput = true });
        Assert.Multiple(() =>
        {
            Assert.That(dense.Times.ToArray(), Is.EqualTo(plain.Times.ToArray()));
            Assert.That(dense.States.ToArray(), Is.EqualTo(plain.States.ToArray()));
        });
    }

    [TestCaseSource(typeof(ExplicitMethods), nameof(ExplicitMethods.All))]
    public void DenseOutput_CostsTheExtraStagesOnly(IOdeSolver solver)
    {
        // Per accepted step the interpolant costs the extra stages; an extra stage that is f at the new
        // solution replaces the next step's first evaluation, so it is free except after the last step.
        var tableau = ExplicitMethods.TableauOf(solver);
        var problem = ExactProblems.Nonlinear.ToProblem();
        var plain = Sim.Ode.Ode.Solve(problem, solver, new OdeSolverOptions { RelativeTolerance = 1e-7 });
        var dense = Sim.Ode.Ode.Solve(problem, solver, new OdeSolverOptions { RelativeTolerance = 1e-7, DenseOutput = true });
        long steps = plain.Statistics.AcceptedSteps;
        long expected = tableau.ExtraStages * steps;
        if (tableau.NewPointStage >= 0)
        {
            expected -= steps - 1;
        }

        Assert.That(dense.Statistics.RhsEvaluations - plain.Statistics.RhsEvaluations, Is.EqualTo(expected));
    }

    private static IEnumerable<TestCaseData> MethodsAndTolerances()
    {
        foreach (var method in ExplicitMethods.All)
        {
            var solver = (IOdeSolver)method.Arguments[0]!;
            foreach (double rtol in (double[])[1e-4, 1e-7, 1e-10])
            {
                yield return new TestCaseData(solver, rtol).SetArgDisplayNames(solver.Name, rtol.ToString("E0", System.Globalization.CultureInfo.InvariantCulture));
            }
        }
    }

    private static ExplicitRungeKuttaStepper CreateStepper(IOdeSolver solver, IOdeSystem system, OdeSolverOptions options) =>
        ((ExplicitRungeKuttaSolver)solver).CreateStepper(system, options, new WorkCounters());
}
