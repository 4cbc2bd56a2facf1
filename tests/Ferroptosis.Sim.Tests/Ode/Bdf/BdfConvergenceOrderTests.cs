using Ferroptosis.Sim.Ode;
using Ferroptosis.Sim.Ode.Bdf;
using Ferroptosis.Sim.Ode.Stepping;

namespace Ferroptosis.Sim.Tests.Ode.Bdf;

/// <summary>The BDF formulas of orders 1–5 converge with their order.</summary>
/// <remarks>
/// Measured with fixed steps from exact starting values (<see cref="BdfStepper.StartFixedStep"/>): with
/// error control the step pattern changes with the tolerance in jumps (steps change only by ≥ 1.5), which
/// blurs the slope by more than the ±0.2 asked for; and starting at order 1 with the same h would leave an
/// O(h²) error from the first step. The Newton iteration is converged far below the errors measured.
/// </remarks>
public sealed class BdfConvergenceOrderTests
{
    private static readonly int[] StepCounts = [40, 80, 160, 320];

    private static IEnumerable<TestCaseData> Cases()
    {
        foreach (var problem in new[] { ExactProblems.Spiral, ExactProblems.Forced })
        {
            for (int order = 1; order <= 5; order++)
            {
                yield return new TestCaseData(problem, order).SetName($"FixedStepOrder_{problem.Name}_q{order}");
            }
        }
    }

    [TestCaseSource(nameof(Cases))]
    public void ObservedOrderMatchesFormulaOrder(ExactProblem problem, int order)
    {
        var logH = new List<double>();
        var logError = new List<double>();
        foreach (int steps in StepCounts)
        {
            double h = problem.EndTime / steps;
            double error = MaxGlobalError(problem, order, h);
            logH.Add(Math.Log(h));
            logError.Add(Math.Log(error));
            TestContext.Out.WriteLine($"q = {order}, N = {steps}: error {error:E3}");
        }

        double observed = ExactProblems.Slope(logH, logError);
        TestContext.Out.WriteLine($"observed order {observed:F3}");
        Assert.That(observed, Is.EqualTo(order).Within(0.2));
    }

    [Test]
    public void MaxOrderKnobLimitsTheOrderUsed()
    {
        var problem = ExactProblems.Spiral;
        var options = new OdeSolverOptions { RelativeTolerance = 1e-10, AbsoluteTolerance = 1e-10 };
        var stepper = new BdfSolver(2).CreateStepper(problem.System, options, new WorkCounters());
        stepper.Restart(0, problem.Exact(0));
        int highest = 0;
        while (stepper.T < problem.EndTime)
        {
            Assert.That(stepper.Advance(problem.EndTime), Is.True, stepper.FailureMessage);
            highest = Math.Max(highest, stepper.Order);
        }

        Assert.That(highest, Is.EqualTo(2));
    }

    [Test]
    public void RestartBeginsAgainAtOrderOne()
    {
        // OdeIntegrator restarts the stepper after events; the history before a discontinuity must not be used.
        var problem = ExactProblems.Spiral;
        var options = new OdeSolverOptions { RelativeTolerance = 1e-9, AbsoluteTolerance = 1e-9 };
        var stepper = new BdfSolver().CreateStepper(problem.System, options, new WorkCounters());
        stepper.Restart(0, problem.Exact(0));
        while (stepper.Order < 3)
        {
            Assert.That(stepper.Advance(problem.EndTime), Is.True, stepper.FailureMessage);
        }

        double t = stepper.T;
        stepper.Restart(t, problem.Exact(t));
        Assert.That(stepper.Order, Is.EqualTo(1));
        Assert.That(stepper.Advance(problem.EndTime), Is.True, stepper.FailureMessage);
        Assert.That(stepper.Order, Is.EqualTo(1));
    }

    [Test]
    public void MaxOrderOutsideOneToFiveIsRejected()
    {
        Assert.Multiple(() =>
        {
            Assert.That(() => new BdfSolver(0), Throws.InstanceOf<ArgumentOutOfRangeException>());
            Assert.That(() => new BdfSolver(6), Throws.InstanceOf<ArgumentOutOfRangeException>());
        });
    }

    /// <summary>The largest error at any step point, which (unlike the error at one time) does not pass through zero as the phase of the error changes.</summary>
    private static double MaxGlobalError(ExactProblem problem, int order, double h)
    {
        // Tolerances only steer the Newton iteration here (fixed steps have no error test).
        var options = new OdeSolverOptions { RelativeTolerance = 1e-13, AbsoluteTolerance = 1e-13 };
        var stepper = new BdfSolver(order).CreateStepper(problem.System, options, new WorkCounters());
        var past = new double[order + 1][];
        for (int j = 0; j <= order; j++)
        {
            past[j] = problem.Exact(-j * h);
        }

        stepper.StartFixedStep(0, h, past);
        double worst = 0;
        while (stepper.T < problem.EndTime)
        {
            Assert.That(stepper.Advance(problem.EndTime), Is.True, stepper.FailureMessage);
            Assert.That(stepper.Order, Is.EqualTo(order));
            worst = Math.Max(worst, ExactProblems.MaxError(problem, stepper.T, stepper.Y));
        }

        Assert.That(stepper.T, Is.EqualTo(problem.EndTime));
        return worst;
    }
}
