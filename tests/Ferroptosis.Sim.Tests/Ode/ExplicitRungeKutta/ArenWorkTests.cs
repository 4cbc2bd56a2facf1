using System.Globalization;
using Ferroptosis.Sim.Ode;
using Ferroptosis.Sim.Tests.TestProblems;

namespace Ferroptosis.Sim.Tests.Ode.ExplicitRungeKutta;

/// <summary>Work and accuracy of every explicit method on the Arenstorf orbit, the non-stiff problem of the CVODE harness.</summary>
/// <remarks>
/// <para>
/// rtol ∈ {1e-4, 1e-6, 1e-8, 1e-10}, atol = 1e-3·rtol, as in the harness. The recorded RHS counts are
/// this code's (deterministic) counts when the tests were written; a count more than 20 % above them is
/// a work regression. For comparison, the harness's SUNDIALS ARKODE Dormand–Prince 5 needs 682, 1647,
/// 4094 and 9644 evaluations, SciPy RK45 608, 1310, 2846, 6908 and SciPy DOP853 782, 1334, 2066, 3350.
/// </para>
/// <para>
/// Two accuracy measures. <c>scd</c> is the harness's mixed measure, −log10 max |y − ref|/(1e-3 + |ref|);
/// two reference components are 0, so it measures the absolute error of the velocity y₃ (scd 7 needs
/// |Δy₃| ≤ 1e-10). It cannot reach 7 in double precision: the orbit amplifies a change of y₀[3] about
/// 9e5-fold, and rounding the 30-digit y₀[3] to a double already moves it by 1.43e-16, so the exact
/// solution of the rounded problem misses the reference by ≈ 1.3e-10 in y₃ (scd ≈ 6.9). <c>scdRel</c>
/// is the harness's relative measure over the non-zero reference components (y₁ = 0.994, y₄ ≈ −2.0016),
/// which the README recommends for AREN. The scd floors are this code's values less 0.3 digits
/// (deterministic; the margin covers other platforms' libm), checked against the harness where it
/// runs the same method: Dormand–Prince 5 reaches 3.34 (ARKODE) and 3.25 (SciPy RK45) at 1e-10.
/// </para>
/// </remarks>
[TestFixture]
public sealed class ArenWorkTests
{
    private static readonly double[] Tolerances = [1e-4, 1e-6, 1e-8, 1e-10];

    // Per method, per tolerance above: RHS evaluations and scd measured when these tests were written.
    private static readonly Dictionary<string, (long[] Rhs, double[] Scd, double[] ScdRel)> Recorded = new()
    {
        ["DormandPrince5"] = ([578, 1334, 2936, 7220], [-2.82, -1.17, 2.41, 3.35], [0.32, 2.59, 6.48, 7.08]),
        ["Tsit5"] = ([632, 1358, 2936, 7298], [-2.39, -0.97, 1.40, 3.77], [1.02, 2.78, 5.21, 7.68]),
        ["BogackiShampine3"] = ([1076, 4619, 20951, 97211], [-2.81, -1.22, 0.81, 2.81], [0.37, 2.48, 4.51, 6.52]),
        ["Verner7"] = ([913, 1470, 2595, 4543], [-0.99, 0.45, 2.39, 4.39], [2.35, 4.06, 6.10, 8.13]),
    };

    [TestCaseSource(typeof(ExplicitMethods), nameof(ExplicitMethods.All))]
    public void Aren_WorkAndAccuracy_StayAtTheRecordedLevel(IOdeSolver solver)
    {
        Assert.That(Recorded.ContainsKey(solver.Name), $"record the AREN work of {solver.Name} in {nameof(Recorded)}");
        var (rhs, scd, scdRel) = Recorded[solver.Name];
        var aren = StandardProblems.Aren;
        Assert.Multiple(() =>
        {
            for (int i = 0; i < Tolerances.Length; i++)
            {
                double rtol = Tolerances[i];
                var options = new OdeSolverOptions { RelativeTolerance = rtol, AbsoluteTolerance = 1e-3 * rtol, OutputTimes = [aren.EndTime] };
                var solution = Sim.Ode.Ode.Solve(aren.ToProblem(), solver, options);
                double reached = aren.Scd(solution.FinalState);
                double reachedRel = RelativeScd(aren, solution.FinalState);
                TestContext.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{solver.Name} rtol {rtol:E0}: scd {reached:F2}, scdRel {reachedRel:F2}, {solution.Statistics}"));
                Assert.That(solution.IsSuccess, solution.Message);
                Assert.That(solution.Statistics.RhsEvaluations, Is.LessThanOrEqualTo((long)(1.2 * rhs[i])), $"RHS evaluations at rtol {rtol:E0}");
                Assert.That(reached, Is.GreaterThanOrEqualTo(scd[i] - 0.3), $"scd at rtol {rtol:E0}");
                Assert.That(reachedRel, Is.GreaterThanOrEqualTo(scdRel[i] - 0.3), $"scdRel at rtol {rtol:E0}");
            }
        });
    }

    [Test]
    public void Aren_DormandPrince5_MatchesTheHarnessAtTightTolerance()
    {
        // The same method in SUNDIALS ARKODE reaches scd 3.34 at rtol 1e-10 with 9644 evaluations.
        var aren = StandardProblems.Aren;
        var options = new OdeSolverOptions { RelativeTolerance = 1e-10, AbsoluteTolerance = 1e-13, OutputTimes = [aren.EndTime] };
        var solution = Sim.Ode.Ode.Solve(aren.ToProblem(), OdeSolvers.DormandPrince5, options);
        Assert.Multiple(() =>
        {
            Assert.That(aren.Scd(solution.FinalState), Is.GreaterThanOrEqualTo(3.3));
            Assert.That(solution.Statistics.RhsEvaluations, Is.LessThan(9644));
        });
    }

    [Test]
    public void Aren_HigherOrderMethods_AreMoreAccurateAtTightTolerance()
    {
        // At rtol 1e-10 the relative accuracy ranks by order, as the issue expects: Verner7 ≥ 8 digits,
        // the 5th-order pairs ≥ 7, and BogackiShampine3 (order 3) below 7.
        var aren = StandardProblems.Aren;
        var options = new OdeSolverOptions { RelativeTolerance = 1e-10, AbsoluteTolerance = 1e-13, OutputTimes = [aren.EndTime] };
        double Reach(IOdeSolver solver) => RelativeScd(aren, Sim.Ode.Ode.Solve(aren.ToProblem(), solver, options).FinalState);
        Assert.Multiple(() =>
        {
            Assert.That(Reach(OdeSolvers.Verner7), Is.GreaterThanOrEqualTo(8.0));
            Assert.That(Reach(OdeSolvers.Tsit5), Is.GreaterThanOrEqualTo(7.0));
            Assert.That(Reach(OdeSolvers.DormandPrince5), Is.GreaterThanOrEqualTo(7.0));
        });
    }

    /// <summary>The harness's <c>scd_rel</c>: −log10 max over non-zero reference components of |y − ref|/|ref|.</summary>
    private static double RelativeScd(ReferenceProblem problem, ReadOnlySpan<double> y)
    {
        double worst = 0;
        for (int i = 0; i < problem.Reference.Length; i++)
        {
            if (problem.Reference[i] != 0)
            {
                worst = Math.Max(worst, Math.Abs(y[i] - problem.Reference[i]) / Math.Abs(problem.Reference[i]));
            }
        }

        return worst == 0 ? 99 : -Math.Log10(worst);
    }
}
