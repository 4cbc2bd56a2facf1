using Ferroptosis.Sim.Ode.ExplicitRungeKutta;
using Ferroptosis.Sim.Ode.Stepping;

namespace Ferroptosis.Sim.Ode.Auto;

/// <summary>The automatic solver: an explicit method with stiffness detection that hands over to a stiff method and back.</summary>
internal sealed class AutoSwitchSolver(ExplicitRungeKuttaSolver nonStiff, IOdeSolver stiff) : IOdeSolver, IStepperFactory
{
    public string Name => "Auto";

    public int Order => Math.Max(nonStiff.Order, stiff.Order);

    public bool IsStiff => true;

    public bool UsesJacobian => stiff.UsesJacobian;

    public OdeIntegrator CreateIntegrator(OdeProblem problem, OdeSolverOptions? options = null) => OdeIntegrator.Create(this, problem, options);

    public Stepper CreateStepper(IOdeSystem system, OdeSolverOptions options, WorkCounters counters) =>
        system is IMassMatrixSystem { MassMatrix.IsEmpty: false }
            ? ((IStepperFactory)stiff).CreateStepper(system, options, counters)
            : new AutoSwitchStepper(
            nonStiff.CreateStepper(system, options, counters),
            ((IStepperFactory)stiff).CreateStepper(system, options, counters),
            options,
            counters);

    public override string ToString() => Name;
}
