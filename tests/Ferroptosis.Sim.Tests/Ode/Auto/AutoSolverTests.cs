using Ferroptosis.Sim.Ode;
using Ferroptosis.Sim.Tests.TestProblems;

namespace Ferroptosis.Sim.Tests.Ode.Auto;

/// <summary>The automatic solver on the standard problems: stiff ones are handed to Rodas5P, the non-stiff one stays with Tsit5, and the answers are right or the run fails visibly.</summary>
public sealed class AutoSolverTests
{
    private static IEnumerable<TestCaseData> StiffCases()
    {
        // Work recorded when the spectral-radius detector was introduced (nfev, njev); the test allows 20 % more.
        // The detector hands over to Rodas5P earlier than the stage-difference estimate did: fewer evaluations
        // of f, a few more Jacobians, less work in total (OREGO 1e-8: 45 261 f + 1 960 J before, 24 591 f + 2 692 J now).
        (string Problem, double Rtol, long Nfev, long Njev)[] recorded =
        [
            ("ROBER", 1e-4, 731, 85), ("ROBER", 1e-6, 1451, 169), ("ROBER", 1e-8, 3281, 387),
            ("HIRES", 1e-4, 447, 34), ("HIRES", 1e-6, 1299, 107), ("HIRES", 1e-8, 5054, 383),
            ("OREGO", 1e-4, 2527, 289), ("OREGO", 1e-6, 7507, 863), ("OREGO", 1e-8, 24591, 2692),
            ("VDPOL", 1e-4, 2043, 214), ("VDPOL", 1e-6, 5473, 617), ("VDPOL", 1e-8, 17246, 1997),
        ];
        foreach (var (problem, rtol, nfev, njev) in recorded)
        {
            yield return new TestCaseData(problem, rtol, nfev, njev).SetArgDisplayNames(problem, rtol.ToString("0e0", System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    [TestCaseSource(nameof(StiffCases))]
    public void StiffProblem_IsAccurate_WithBoundedWork(string name, double rtol, long nfev, long njev)
    {
        var problem = StandardProblems.FromName(name);
        var solution = Sim.Ode.Ode.Solve(problem.ToProblem(), OdeSolvers.Auto, new OdeSolverOptions { RelativeTolerance = rtol, AbsoluteTolerance = 1e-3 * rtol, OutputTimes = [problem.EndTime] });

        Assert.That(solution.Status, Is.EqualTo(SolverStatus.Success), solution.Message);
        double scd = problem.Scd(solution.FinalState);
        Assert.That(scd, Is.GreaterThanOrEqualTo(rtol <= 1e-8 ? 5.5 : 2.0), $"scd {scd:F2}");
        Assert.That(solution.Statistics.MethodSwitches, Is.GreaterThanOrEqualTo(1), "stiffness is detected");
        Assert.That(solution.Statistics.RhsEvaluations, Is.LessThanOrEqualTo((long)(1.2 * nfev)));
        Assert.That(solution.Statistics.JacobianEvaluations, Is.LessThanOrEqualTo((long)(1.2 * njev)));
    }

    [TestCase(1e-4)]
    [TestCase(1e-6)]
    [TestCase(1e-8)]
    [TestCase(1e-10)]
    public void NonStiffProblem_StaysWithTsit5_StepForStep(double rtol)
    {
        var problem = StandardProblems.Aren;
        var options = new OdeSolverOptions { RelativeTolerance = rtol, AbsoluteTolerance = 1e-3 * rtol, OutputTimes = [problem.EndTime] };
        var auto = Sim.Ode.Ode.Solve(problem.ToProblem(), OdeSolvers.Auto, options);
        var tsit5 = Sim.Ode.Ode.Solve(problem.ToProblem(), OdeSolvers.Tsit5, options);

        // Tsit5's steps exactly; the spectral-radius probes are the only extra evaluations (at most 8 %).
        Assert.That(auto.Statistics.MethodSwitches, Is.Zero);
        Assert.That(auto.Statistics.AcceptedSteps, Is.EqualTo(tsit5.Statistics.AcceptedSteps));
        Assert.That(auto.Statistics.RejectedSteps, Is.EqualTo(tsit5.Statistics.RejectedSteps));
        Assert.That(auto.Statistics.RhsEvaluations, Is.InRange(tsit5.Statistics.RhsEvaluations, (long)(1.08 * tsit5.Statistics.RhsEvaluations)));
        Assert.That(auto.FinalState.ToArray(), Is.EqualTo(tsit5.FinalState.ToArray()));
    }

    [Test]
    public void OdeSolve_WithoutASolver_UsesAuto_AndSolvesRober()
    {
        var problem = StandardProblems.Rober;
        var solution = Sim.Ode.Ode.Solve(problem.ToProblem(), options: new OdeSolverOptions { RelativeTolerance = 1e-6, AbsoluteTolerance = 1e-9, OutputTimes = [problem.EndTime] });

        Assert.That(solution.SolverName, Is.EqualTo("Auto"));
        Assert.That(solution.Status, Is.EqualTo(SolverStatus.Success), solution.Message);
        Assert.That(problem.Scd(solution.FinalState), Is.GreaterThanOrEqualTo(4.0));
    }

    [Test]
    public void StiffPhasesComeAndGo_OnTheOregonator_AndAutoSwitchesBothWays()
    {
        var problem = StandardProblems.Orego;
        var solution = Sim.Ode.Ode.Solve(problem.ToProblem(), OdeSolvers.Auto, new OdeSolverOptions { RelativeTolerance = 1e-6, AbsoluteTolerance = 1e-9, OutputTimes = [problem.EndTime] });
        Assert.That(solution.Statistics.MethodSwitches, Is.GreaterThanOrEqualTo(3), "to stiff, back, and to stiff again");
    }

    [Test]
    public void WarmedUpStep_AllocatesNothing_IncludingAcrossSwitches()
    {
        var problem = StandardProblems.Orego;
        var integrator = OdeSolvers.Auto.CreateIntegrator(problem.ToProblem(), new OdeSolverOptions { RelativeTolerance = 1e-6, AbsoluteTolerance = 1e-9, OutputTimes = [problem.EndTime] });
        for (int i = 0; i < 50; i++)
        {
            integrator.Step();
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        while (integrator.Step())
        {
        }

        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.That(integrator.Statistics.MethodSwitches, Is.GreaterThanOrEqualTo(3));
        Assert.That(allocated, Is.Zero);
    }
}
