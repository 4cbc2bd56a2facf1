namespace Ferroptosis.Sim.Ode.Events;

/// <summary>Which sign changes of an event function g(t, y) trigger the event.</summary>
public enum EventDirection
{
    /// <summary>Both directions.</summary>
    Both = 0,

    /// <summary>Only g going from negative to positive (or, for a function resting on zero, from negative to zero and from zero to positive).</summary>
    Rising,

    /// <summary>Only g going from positive to negative (or, for a function resting on zero, from positive to zero and from zero to negative).</summary>
    Falling,
}
