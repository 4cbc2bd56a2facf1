using System.Globalization;
using Ferroptosis.Sim.Ode;
using Ferroptosis.Sim.Tests.TestProblems;

namespace Ferroptosis.Sim.Tests.Ode.Auto;

/// <summary>
/// Deterministic work counts (not timings): the automatic solver costs at most 1.5 times the better of Tsit5
/// and Rodas5P, on the stiff λ-family at every tolerance and on the standard problems of the work–precision runner.
/// </summary>
/// <remarks>
/// The rule: work = evaluations of f (those of finite-difference Jacobians and of Auto's spectral-radius
/// probes included) + n · evaluations of an analytic Jacobian; atol = 1e-3 · rtol (the runner's rule);
/// Auto's work ≤ 1.5 · min(work of Tsit5 if it succeeds, work of Rodas5P), and Auto succeeds and is accurate.
/// </remarks>
public sealed class AutoWorkCountTests
{
    private const double Bound = 1.5;

    private static IEnumerable<TestCaseData> LambdaCases()
    {
        foreach (double lambda in new[] { 1e2, 1e3, 1e4, 1e6 })
        {
            foreach (double rtol in new[] { 1e-4, 1e-5, 1e-6, 1e-7, 1e-8, 1e-9, 1e-10 })
            {
                yield return new TestCaseData(lambda, rtol).SetArgDisplayNames(Show(lambda), Show(rtol));
            }
        }
    }

    private static IEnumerable<TestCaseData> StandardCases()
    {
        foreach (var problem in StandardProblems.All)
        {
            foreach (double rtol in problem.IsStiff ? new[] { 1e-4, 1e-6, 1e-8 } : new[] { 1e-4, 1e-6, 1e-8, 1e-10 })
            {
                yield return new TestCaseData(problem.Name, rtol).SetArgDisplayNames(problem.Name, Show(rtol));
            }
        }
    }

    /// <summary>y' = −λ(y − cos t) − sin t, y(0) = 1, t ∈ [0, 10]; the solution is cos t whatever λ.</summary>
    [TestCaseSource(nameof(LambdaCases))]
    public void LambdaFamily_AutoCostsAtMostOneAndAHalfTimesTheBetterMethod(double lambda, double rtol)
    {
        var system = OdeSystem.Create(1, (t, y, dy) => dy[0] = (-lambda * (y[0] - Math.Cos(t))) - Math.Sin(t), (t, y, j) => j[0] = -lambda);
        var problem = new OdeProblem(system, 0, 10, [1.0]);
        var options = Options(rtol, 10);

        var auto = Sim.Ode.Ode.Solve(problem, OdeSolvers.Auto, options);
        Assert.That(auto.Status, Is.EqualTo(SolverStatus.Success), auto.Message);
        Assert.That(Math.Abs(auto.FinalState[0] - Math.Cos(10)), Is.LessThanOrEqualTo(10 * rtol), "accuracy");
        AssertWithinBound(problem, options, auto);
    }

    [TestCaseSource(nameof(StandardCases))]
    [Category("Slow")]
    public void StandardProblem_AutoCostsAtMostOneAndAHalfTimesTheBetterMethod(string name, double rtol)
    {
        var reference = StandardProblems.FromName(name);
        var problem = reference.ToProblem();
        var options = Options(rtol, reference.EndTime);

        var auto = Sim.Ode.Ode.Solve(problem, OdeSolvers.Auto, options);
        Assert.That(auto.Status, Is.EqualTo(SolverStatus.Success), auto.Message);
        AssertWithinBound(problem, options, auto);
    }

    private static void AssertWithinBound(OdeProblem problem, OdeSolverOptions options, OdeSolution auto)
    {
        var tsit5 = Sim.Ode.Ode.Solve(problem, OdeSolvers.Tsit5, options with { MaxSteps = 100_000 });
        var rodas = Sim.Ode.Ode.Solve(problem, OdeSolvers.Rodas5P, options);
        long best = Work(problem, rodas);
        if (tsit5.IsSuccess)
        {
            best = Math.Min(best, Work(problem, tsit5));
        }

        long work = Work(problem, auto);
        TestContext.Out.WriteLine($"Auto {work}  Tsit5 {(tsit5.IsSuccess ? Work(problem, tsit5) : -1)}  Rodas5P {Work(problem, rodas)}  ratio {(double)work / best:F2}  switches {auto.Statistics.MethodSwitches}");
        Assert.That(work, Is.LessThanOrEqualTo((long)(Bound * best)), $"Auto {auto.Statistics}; Tsit5 {tsit5.Statistics}; Rodas5P {rodas.Statistics}");
    }

    private static long Work(OdeProblem problem, OdeSolution solution) =>
        solution.Statistics.RhsEvaluations + (problem.System.HasJacobian ? problem.Dimension * solution.Statistics.JacobianEvaluations : 0);

    private static OdeSolverOptions Options(double rtol, double end) =>
        new() { RelativeTolerance = rtol, AbsoluteTolerance = 1e-3 * rtol, OutputTimes = [end], MaxSteps = 2_000_000 };

    private static string Show(double x) => x.ToString("0e0", CultureInfo.InvariantCulture);
}
