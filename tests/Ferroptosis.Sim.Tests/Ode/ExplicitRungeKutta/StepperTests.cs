using Ferroptosis.Sim.Ode;
using Ferroptosis.Sim.Ode.Events;
using Ferroptosis.Sim.Ode.ExplicitRungeKutta;
using Ferroptosis.Sim.Ode.Stepping;

namespace Ferroptosis.Sim.Tests.Ode.ExplicitRungeKutta;

/// <summary>Behaviour of the generic stepper beyond accuracy: exact landings, stiffness estimate, failures as statuses.</summary>
[TestFixture]
public sealed class StepperTests
{
    [TestCaseSource(typeof(ExplicitMethods), nameof(ExplicitMethods.All))]
    public void TimeEvents_OneUlpApart_AreBothHit(IOdeSolver solver)
    {
        // After the first dose the next one is a single ulp later: the step that lands on it is tiny
        // but exact, and must not be mistaken for a step size too small to make progress.
        double t1 = 1.0;
        double t2 = Math.BitIncrement(t1);
        var doses = new TimeEvent("dose", [t1, t2], (t, y) => y[0] += 1);
        var problem = new OdeProblem(OdeSystem.Create(1, (t, y, dy) => dy[0] = -y[0]), 0, 2, [1.0]);
        var solution = Sim.Ode.Ode.Solve(problem, solver, new OdeSolverOptions { RelativeTolerance = 1e-8, TimeEvents = [doses] });
        Assert.Multiple(() =>
        {
            Assert.That(solution.Status, Is.EqualTo(SolverStatus.Success), solution.Message);
            Assert.That(solution.Events.Select(e => e.Time), Is.EqualTo(new[] { t1, t2 }));
            double expected = ((Math.Exp(-1) + 2) * Math.Exp(-1));
            Assert.That(solution.FinalState[0], Is.EqualTo(expected).Within(1e-6));
        });
    }

    [TestCaseSource(typeof(ExplicitMethods), nameof(ExplicitMethods.All))]
    public void StiffnessEstimate_OnLinearDecay_IsTheEigenvalue(IOdeSolver solver)
    {
        // For y' = λy, (k_q − k_p)/(g_q − g_p) = λ exactly, so h·ρ/h recovers |λ| (Hairer–Wanner II, IV.2).
        var tableau = ExplicitMethods.TableauOf(solver);
        var system = OdeSystem.Create(1, (t, y, dy) => dy[0] = -50 * y[0]);
        var stepper = ((ExplicitRungeKuttaSolver)solver).CreateStepper(system, new OdeSolverOptions { RelativeTolerance = 1e-6 }, new WorkCounters());
        stepper.Restart(0, [1.0]);
        Assert.That(stepper.LastStiffnessProduct, Is.Zero, "no step yet");
        for (int i = 0; i < 5; i++)
        {
            Assert.That(stepper.Advance(1), Is.True);
            double rho = stepper.LastStiffnessProduct / (stepper.T - stepper.TPrevious);
            if (tableau.StiffnessPair is null)
            {
                Assert.That(rho, Is.Zero);
            }
            else
            {
                Assert.That(rho, Is.EqualTo(50).Within(1e-6), $"step {i}");
                Assert.That(stepper.LastStiffnessProduct, Is.LessThan(tableau.StabilityBoundary), "a non-stiff step stays inside the stability region");
            }
        }
    }

    [TestCaseSource(typeof(ExplicitMethods), nameof(ExplicitMethods.All))]
    public void NonFiniteRightHandSide_EndsWithAStatusAndAMessage(IOdeSolver solver)
    {
        // f becomes NaN after t = 0.5: every step across it fails the error test until the step size
        // collapses; the integration reports that f is not finite, and where, instead of throwing,
        // returning NaN as a success, or blaming the step size.
        var system = OdeSystem.Create(1, (t, y, dy) => dy[0] = t > 0.5 ? double.NaN : -y[0]);
        var solution = Sim.Ode.Ode.Solve(new OdeProblem(system, 0, 1, [1.0]), solver);
        Assert.Multiple(() =>
        {
            Assert.That(solution.IsSuccess, Is.False);
            Assert.That(solution.Status, Is.EqualTo(SolverStatus.NonFiniteState));
            Assert.That(solution.Message, Does.Contain("t = 0.5").And.Contain("component 0"));
            Assert.That(double.IsFinite(solution.FinalState[0]), Is.True, "the last accepted state stays finite");
        });

        var atStart = Sim.Ode.Ode.Solve(new OdeProblem(OdeSystem.Create(1, (t, y, dy) => dy[0] = double.NaN), 0, 1, [1.0]), solver);
        Assert.That(atStart.Status, Is.EqualTo(SolverStatus.NonFiniteState));
    }
}
