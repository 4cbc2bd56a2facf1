using Ferroptosis.Sim.Ode;
using Ferroptosis.Sim.Ode.Events;

namespace Ferroptosis.Sim.Tests.Ode;

/// <summary>A system without state variables (an SBML model whose parameters only events change) still integrates and fires time events.</summary>
[TestFixtureSource(typeof(SolverSources), nameof(SolverSources.All))]
public sealed class EmptySystemTests(IOdeSolver solver)
{
    [Test]
    public void ZeroDimensionalSystem_ReachesTheEnd_AndFiresItsTimeEvents()
    {
        int fired = 0;
        var options = new OdeSolverOptions
        {
            OutputTimes = [0, 0.5, 1],
            TimeEvents = [new TimeEvent("tick", [0.25, 0.75], (t, y) => fired++)],
        };
        var solution = solver.CreateIntegrator(new OdeProblem(new EmptySystem(), 0, 1, []), options).Solve();

        Assert.That(solution.Status, Is.EqualTo(SolverStatus.Success), solution.Message);
        Assert.That(solution.Times.ToArray(), Is.EqualTo(new[] { 0, 0.5, 1 }));
        Assert.That(fired, Is.EqualTo(2));
    }

    [Test]
    public void ZeroDimensionalSystem_FiresContinuousEventsOfTime()
    {
        var options = new OdeSolverOptions { Events = [new OdeEvent("half", (t, y) => t - 0.5)] };
        var solution = solver.CreateIntegrator(new OdeProblem(new EmptySystem(), 0, 1, []), options).Solve();

        Assert.That(solution.Status, Is.EqualTo(SolverStatus.Success), solution.Message);
        Assert.That(solution.Events.Single().Time, Is.EqualTo(0.5).Within(1e-10));
        Assert.That(solution.Statistics.RhsEvaluations, Is.Zero);
    }

    private sealed class EmptySystem : IOdeSystem
    {
        public int Dimension => 0;

        public bool IsAutonomous => true;

        public bool HasJacobian => false;

        public void Evaluate(double t, ReadOnlySpan<double> y, Span<double> dydt)
        {
        }

        public void EvaluateJacobian(double t, ReadOnlySpan<double> y, Span<double> jacobian)
        {
        }
    }
}
