using Ferroptosis.Sim.Ode.Stepping;

namespace Ferroptosis.Sim.Ode.Bdf;

/// <summary>The variable-order (1–5), variable-step BDF method for stiff problems (see <see cref="BdfStepper"/>).</summary>
/// <remarks>Immutable and thread-safe; each integrator it creates owns its own buffers.</remarks>
internal sealed class BdfSolver : IOdeSolver, IStepperFactory
{
    /// <summary>Initialises the method with orders 1 … 5.</summary>
    public BdfSolver()
        : this(BdfHistory.MaxOrder)
    {
    }

    /// <summary>Initialises the method with its order limited to <paramref name="maxOrder"/> (for convergence-order tests).</summary>
    /// <param name="maxOrder">The highest order used, 1 … 5.</param>
    internal BdfSolver(int maxOrder)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxOrder, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxOrder, BdfHistory.MaxOrder);
        MaxOrder = maxOrder;
    }

    public int MaxOrder { get; }

    public string Name => MaxOrder == BdfHistory.MaxOrder ? "Bdf" : $"Bdf(q≤{MaxOrder})";

    public int Order => MaxOrder;

    public bool IsStiff => true;

    public bool UsesJacobian => true;

    public OdeIntegrator CreateIntegrator(OdeProblem problem, OdeSolverOptions? options = null) => OdeIntegrator.Create(this, problem, options);

    public BdfStepper CreateStepper(IOdeSystem system, OdeSolverOptions options, WorkCounters counters) =>
        new(system, options, counters, MaxOrder);

    Stepper IStepperFactory.CreateStepper(IOdeSystem system, OdeSolverOptions options, WorkCounters counters) =>
        CreateStepper(system, options, counters);

    public override string ToString() => Name;
}
