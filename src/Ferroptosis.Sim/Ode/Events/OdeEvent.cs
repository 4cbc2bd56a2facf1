namespace Ferroptosis.Sim.Ode.Events;

/// <summary>A continuous event: a zero crossing of g(t, y), located on the dense output.</summary>
/// <remarks>
/// <para>
/// After every accepted step the integrator compares the sign of g at both ends of the step. A sign
/// change in the requested <see cref="Direction"/> is located by root finding on the step's dense
/// output until the bracket is narrower than <see cref="OdeSolverOptions.EventTimeTolerance"/>; the
/// step is cut back to the event time, <see cref="Action"/> (if any) changes the state, and the
/// method restarts from there, since the solution is not smooth across the event. Several events
/// in one step fire in time order, one at a time.
/// </para>
/// <para>
/// A function that passes through zero is reported where it first has the new sign strictly. A
/// function that steps onto exactly zero and stays there for longer than the time tolerance (a
/// floor, a ceiling, a piecewise constant) changes sign twice: where it reaches zero (g = 0 at the
/// reported time) and where it leaves zero; a rising event sees both steps upwards (−, 0, +).
/// </para>
/// <para>
/// Convention at the start and after events: the sign of g at t0 (or at an event time, after the
/// state change) is the reference. A value of exactly zero there does not fire; the event fires
/// when g later leaves zero. A continuous event therefore never fires at t0.
/// </para>
/// <para>Immutable; the delegates must be safe to call from the integrating thread.</para>
/// </remarks>
public sealed record OdeEvent
{
    /// <summary>Initialises a continuous event.</summary>
    /// <param name="name">A name used in <see cref="EventOccurrence"/> records.</param>
    /// <param name="condition">The event function g(t, y).</param>
    /// <param name="direction">Which crossings fire.</param>
    /// <param name="action">An optional state change applied at the event.</param>
    /// <param name="isTerminal">True to stop the integration at the event.</param>
    public OdeEvent(string name, EventFunction condition, EventDirection direction = EventDirection.Both, StateAction? action = null, bool isTerminal = false)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(condition);
        Name = name;
        Condition = condition;
        Direction = direction;
        Action = action;
        IsTerminal = isTerminal;
    }

    /// <summary>Gets the event's name.</summary>
    public string Name { get; }

    /// <summary>Gets the event function g(t, y).</summary>
    public EventFunction Condition { get; }

    /// <summary>Gets which sign changes fire the event.</summary>
    public EventDirection Direction { get; }

    /// <summary>Gets the optional state change applied at the event.</summary>
    public StateAction? Action { get; }

    /// <summary>Gets a value indicating whether the integration stops at the event.</summary>
    public bool IsTerminal { get; }
}
