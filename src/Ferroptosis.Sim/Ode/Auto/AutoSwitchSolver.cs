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

    public Stepper CreateStepper(IOdeSystem system, OdeSolverOptions options, WorkCounters counters)
    {
        var factory = (IStepperFactory)stiff;
        if (system is IMassMatrixSystem { MassMatrix.IsEmpty: false })
        {
            return factory.CreateStepper(system, options, counters);
        }

        var explicitStepper = nonStiff.CreateStepper(system, options, counters);
        if (stiff is Rosenbrock.RosenbrockSolver rosenbrock && CannotFail(system, options))
        {
            // A problem that never turns stiff (most runs of the pathway models) never needs the stiff stepper's
            // n × n matrices: it is created at the first switch. Its constructor evaluates nothing, so the run is
            // the same bit for bit; creation is deferred only when it cannot throw, so that a misfit choice of
            // linear solver is still refused when the integrator is created.
            return new AutoSwitchStepper(explicitStepper, () => factory.CreateStepper(system, options, counters), rosenbrock.Tableau.DenseDegree, options, counters);
        }

        var stiffStepper = factory.CreateStepper(system, options, counters);
        return new AutoSwitchStepper(explicitStepper, () => stiffStepper, stiffStepper.DenseDegree, options, counters);
    }

    /// <summary>Tells whether creating the stiff stepper cannot throw: the linear solver is chosen automatically or dense, and a sparsity pattern, if any, has the system's dimension.</summary>
    private static bool CannotFail(IOdeSystem system, OdeSolverOptions options) =>
        options.LinearSolver.Kind is LinearSolverKind.Auto or LinearSolverKind.Dense
        && ((system as ISparseOdeSystem)?.JacobianPattern is not { } pattern || pattern.Dimension == system.Dimension);

    public override string ToString() => Name;
}
