namespace Ferroptosis.Sim.Ode.Events;

/// <summary>Which sign changes of an event function g(t, y) trigger the event.</summary>
public enum EventDirection
{
    /// <summary>Both directions.</summary>
    Both = 0,

    /// <summary>Only g going from negative to positive.</summary>
    Rising,

    /// <summary>Only g going from positive to negative.</summary>
    Falling,
}
