namespace Ferroptosis.Sim.Analysis;

/// <summary>How a steady-state search ended.</summary>
public enum SteadyStateStatus
{
    /// <summary>A steady state with a regular Jacobian (of the reduced system) was found.</summary>
    Converged = 0,

    /// <summary>The Jacobian of the reduced system is singular where the search ended: the steady state is not isolated (or a bifurcation point); the state is the best found and the message explains.</summary>
    SingularJacobian,

    /// <summary>Neither Newton's method nor integration reached a state with a small enough derivative.</summary>
    NotConverged,

    /// <summary>The integration used to approach a steady state failed (the message has the solver's).</summary>
    SimulationFailed,
}
