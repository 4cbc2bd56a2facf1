using Ferroptosis.Sim.Ode;
using Ferroptosis.Sim.Ode.Bdf;
using Ferroptosis.Sim.Ode.Stepping;
using Ferroptosis.Sim.Tests.TestProblems;

namespace Ferroptosis.Sim.Tests.Ode.Bdf;

/// <summary>The dense output (the interpolating polynomial of each step's order) matches the step ends and is continuous.</summary>
public sealed class BdfDenseOutputTests
{
    private static IEnumerable<TestCaseData> Systems()
    {
        yield return new TestCaseData(ExactProblems.Spiral.System, ExactProblems.Spiral.Exact(0), ExactProblems.Spiral.EndTime).SetName("DenseOutput_spiral");
        yield return new TestCaseData(StandardProblems.Hires.System, StandardProblems.Hires.InitialState, StandardProblems.Hires.EndTime).SetName("DenseOutput_HIRES");
        yield return new TestCaseData(StandardProblems.Vdpol.System, StandardProblems.Vdpol.InitialState, 0.9).SetName("DenseOutput_VDPOL");
    }

    [TestCaseSource(nameof(Systems))]
    public void MatchesStepEndsAndIsContinuous(IOdeSystem system, double[] y0, double endTime)
    {
        var options = new OdeSolverOptions { RelativeTolerance = 1e-7, AbsoluteTolerance = 1e-10 };
        var stepper = new BdfSolver().CreateStepper(system, options, new WorkCounters());
        stepper.Restart(0, y0);
        int n = y0.Length;
        var start = new double[n];
        var end = new double[n];
        var previousEnd = (double[])y0.Clone();
        var ordersSeen = new HashSet<int>();
        int steps = 0;
        while (stepper.T < endTime)
        {
            Assert.That(stepper.Advance(endTime), Is.True, stepper.FailureMessage);
            steps++;
            stepper.EnsureDense();
            Assert.That(stepper.DenseDegree, Is.EqualTo(5));
            DensePolynomial.Evaluate(stepper.Dense, stepper.DenseDegree, n, 0.0, start);
            DensePolynomial.Evaluate(stepper.Dense, stepper.DenseDegree, n, 1.0, end);
            int order = stepper.Order;
            ordersSeen.Add(order);
            for (int i = 0; i < n; i++)
            {
                double scale = 1e-12 * (1 + Math.Abs(stepper.Y[i]) + Math.Abs(stepper.YPrevious[i]));
                Assert.That(start[i], Is.EqualTo(stepper.YPrevious[i]).Within(scale), $"θ = 0, step {steps}, component {i}");
                Assert.That(start[i], Is.EqualTo(previousEnd[i]).Within(scale), $"continuity at the start of step {steps}, component {i}");
                Assert.That(end[i], Is.EqualTo(stepper.Y[i]).Within(scale), $"θ = 1, step {steps}, component {i}");
            }

            // Coefficients above the step's order are zero (the array has room for order 5).
            for (int k = order + 1; k <= stepper.DenseDegree; k++)
            {
                for (int i = 0; i < n; i++)
                {
                    Assert.That(stepper.Dense[(k * n) + i], Is.Zero);
                }
            }

            stepper.Y.AsSpan().CopyTo(previousEnd);
        }

        Assert.That(ordersSeen, Has.Count.GreaterThan(2), "the run should exercise several orders");
    }

    [Test]
    public void InterpolantIsAsAccurateAsTheStepsBetweenThem()
    {
        // The error of the interpolant half-way between step points is of the size of the step-point error.
        var problem = ExactProblems.Spiral;
        var options = new OdeSolverOptions { RelativeTolerance = 1e-8, AbsoluteTolerance = 1e-10, DenseOutput = true };
        var solution = OdeSolvers.Bdf.CreateIntegrator(problem.ToProblem(), options).Solve();
        Assert.That(solution.Status, Is.EqualTo(SolverStatus.Success), solution.Message);

        double worstAtSteps = 0;
        double worstBetween = 0;
        for (int k = 1; k < solution.Count; k++)
        {
            worstAtSteps = Math.Max(worstAtSteps, ExactProblems.MaxError(problem, solution.Times[k], solution.GetState(k)));
            double middle = 0.5 * (solution.Times[k - 1] + solution.Times[k]);
            worstBetween = Math.Max(worstBetween, ExactProblems.MaxError(problem, middle, solution.Interpolate(middle)));
        }

        TestContext.Out.WriteLine($"max error at steps {worstAtSteps:E2}, half-way {worstBetween:E2}");
        Assert.That(worstBetween, Is.LessThan(2 * worstAtSteps));
    }
}
