namespace Ferroptosis.Sim.Modeling.Compilation;

/// <summary>How a model quantity is represented in a compiled model.</summary>
public enum QuantityKind
{
    /// <summary>An integrated state variable (a component of y).</summary>
    State,

    /// <summary>A value held in the run's parameter vector (constant, or changed only by events).</summary>
    Parameter,

    /// <summary>A value computed from an assignment rule.</summary>
    Assigned,

    /// <summary>A reaction rate, computed from its kinetic law.</summary>
    Rate,

    /// <summary>The simulation time.</summary>
    Time,
}
