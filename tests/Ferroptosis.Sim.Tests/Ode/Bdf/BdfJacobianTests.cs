using Ferroptosis.Sim.Ode;
using Ferroptosis.Sim.Tests.TestProblems;

namespace Ferroptosis.Sim.Tests.Ode.Bdf;

/// <summary>The method works with the analytic Jacobian and with CVODE-style finite differences, and counts the work of both.</summary>
public sealed class BdfJacobianTests
{
    private static IEnumerable<ReferenceProblem> Problems() => StandardProblems.Stiff;

    [TestCaseSource(nameof(Problems))]
    public void FiniteDifferenceJacobianGivesTheSameAccuracy(ReferenceProblem problem)
    {
        const double rtol = 1e-6;
        var options = new OdeSolverOptions { RelativeTolerance = rtol, AbsoluteTolerance = 1e-3 * rtol, OutputTimes = [problem.EndTime] };
        var analytic = OdeSolvers.Bdf.CreateIntegrator(problem.ToProblem(), options).Solve();
        var withoutJacobian = new OdeProblem(new WithoutJacobian(problem.System), 0, problem.EndTime, problem.InitialState);
        var differences = OdeSolvers.Bdf.CreateIntegrator(withoutJacobian, options).Solve();

        double scdAnalytic = problem.Scd(analytic.FinalState);
        double scdDifferences = problem.Scd(differences.FinalState);
        var a = analytic.Statistics;
        var d = differences.Statistics;
        TestContext.Out.WriteLine($"analytic: scd {scdAnalytic:F2}, {a}");
        TestContext.Out.WriteLine($"differences: scd {scdDifferences:F2}, {d}");
        int n = problem.InitialState.Length;
        Assert.Multiple(() =>
        {
            Assert.That(differences.Status, Is.EqualTo(SolverStatus.Success), differences.Message);
            Assert.That(scdDifferences, Is.GreaterThan(scdAnalytic - 1.0));
            Assert.That(scdDifferences, Is.GreaterThanOrEqualTo(3.5));

            // Every difference-quotient column costs one RHS evaluation, counted with the others.
            Assert.That(d.RhsEvaluations, Is.GreaterThanOrEqualTo(d.NewtonIterations + (n * d.JacobianEvaluations)));
            Assert.That(d.JacobianEvaluations, Is.LessThan(2 * a.JacobianEvaluations + 10));
            Assert.That(d.AcceptedSteps, Is.LessThan(1.3 * a.AcceptedSteps));
        });
    }
}
