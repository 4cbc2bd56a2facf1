using Ferroptosis.Sim.Ode.Stepping;

namespace Ferroptosis.Sim.Ode.ExplicitRungeKutta;

/// <summary>An adaptive explicit Runge–Kutta method defined by its tableau.</summary>
internal sealed class ExplicitRungeKuttaSolver(ButcherTableau tableau) : IOdeSolver, IStepperFactory
{
    public ButcherTableau Tableau { get; } = tableau;

    public string Name => Tableau.Name;

    public int Order => Tableau.Order;

    public bool IsStiff => false;

    public bool UsesJacobian => false;

    public OdeIntegrator CreateIntegrator(OdeProblem problem, OdeSolverOptions? options = null) => OdeIntegrator.Create(this, problem, options);

    public ExplicitRungeKuttaStepper CreateStepper(IOdeSystem system, OdeSolverOptions options, WorkCounters counters) =>
        new(Tableau, system, options, counters);

    Stepper IStepperFactory.CreateStepper(IOdeSystem system, OdeSolverOptions options, WorkCounters counters) =>
        CreateStepper(system, options, counters);

    public override string ToString() => Name;
}
