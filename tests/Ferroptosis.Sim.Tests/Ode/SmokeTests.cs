using Ferroptosis.Sim.Ode;
using Ferroptosis.Sim.Tests.TestProblems;

namespace Ferroptosis.Sim.Tests.Ode;

public sealed class SmokeTests
{
    [Test]
    public void DormandPrince5_Aren()
    {
        foreach (double rtol in new[] { 1e-4, 1e-6, 1e-8, 1e-10 })
        {
            var p = StandardProblems.Aren;
            var sol = Sim.Ode.Ode.Solve(p.ToProblem(), OdeSolvers.DormandPrince5, new OdeSolverOptions { RelativeTolerance = rtol, AbsoluteTolerance = 1e-3 * rtol, OutputTimes = [p.EndTime] });
            TestContext.Out.WriteLine($"{rtol} scd={p.Scd(sol.FinalState):F2} {sol}");
        }
    }
}
