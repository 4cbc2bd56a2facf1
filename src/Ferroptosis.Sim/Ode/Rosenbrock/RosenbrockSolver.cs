using Ferroptosis.Sim.Ode.Stepping;

namespace Ferroptosis.Sim.Ode.Rosenbrock;

/// <summary>An adaptive Rosenbrock method defined by its tableau.</summary>
/// <remarks>
/// Immutable and shareable across threads; each integrator it creates owns its Jacobian, LU factors
/// and stage vectors (allocated once, in <see cref="CreateIntegrator"/>).
/// </remarks>
/// <param name="tableau">The method's coefficients.</param>
/// <param name="predictiveControl">True for Gustafsson's predictive controller (RODAS), false for the PI controller.</param>
internal sealed class RosenbrockSolver(RosenbrockTableau tableau, bool predictiveControl = true) : IOdeSolver, IStepperFactory
{
    public RosenbrockTableau Tableau { get; } = tableau;

    public bool PredictiveControl { get; } = predictiveControl;

    public string Name => Tableau.Name;

    public int Order => Tableau.Order;

    public bool IsStiff => true;

    public bool UsesJacobian => true;

    public OdeIntegrator CreateIntegrator(OdeProblem problem, OdeSolverOptions? options = null) => OdeIntegrator.Create(this, problem, options);

    public RosenbrockStepper CreateStepper(IOdeSystem system, OdeSolverOptions options, WorkCounters counters) =>
        new(Tableau, system, options, counters, PredictiveControl);

    Stepper IStepperFactory.CreateStepper(IOdeSystem system, OdeSolverOptions options, WorkCounters counters) =>
        CreateStepper(system, options, counters);

    public override string ToString() => Name;
}
