using Ferroptosis.Sim.Modeling.Expressions;

namespace Ferroptosis.Sim.Modeling.Networks;

/// <summary>A discrete event: when the trigger becomes true, the assignments are executed, at once or after a delay (SBML <c>event</c>).</summary>
/// <remarks>
/// <para>
/// SBML semantics: the event fires when its trigger changes from false to true. At t0 the trigger is
/// taken to have been <see cref="TriggerInitialValue"/>, so an event with initial value false whose
/// trigger holds at t0 fires at t0. With a <see cref="Delay"/>, the execution is due that long after the trigger.
/// Executions due at the same time run in decreasing <see cref="Priority"/> (in random order among equal priorities); a non-persistent event whose trigger has become false through an earlier
/// execution at that time is cancelled. With <see cref="UseValuesFromTriggerTime"/>, assignment values
/// are computed when the trigger fires, otherwise when the event executes.
/// </para>
/// <para>Immutable.</para>
/// </remarks>
public sealed record ModelEvent
{
    /// <summary>Initialises an event.</summary>
    /// <param name="id">The identifier.</param>
    /// <param name="trigger">The boolean trigger expression.</param>
    /// <param name="assignments">The assignments executed when the event fires.</param>
    /// <param name="priority">An optional priority expression (higher executes first).</param>
    /// <param name="triggerInitialValue">The value the trigger is taken to have just before t0.</param>
    /// <param name="isPersistent">Whether the event executes even if its trigger became false before it could.</param>
    /// <param name="useValuesFromTriggerTime">Whether assignment values are computed at trigger time.</param>
    public ModelEvent(
        string id,
        Expr trigger,
        IEnumerable<EventAssignment> assignments,
        Expr? priority = null,
        bool triggerInitialValue = true,
        bool isPersistent = true,
        bool useValuesFromTriggerTime = true)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentNullException.ThrowIfNull(trigger);
        ArgumentNullException.ThrowIfNull(assignments);
        Id = id;
        Trigger = trigger;
        Assignments = [.. assignments];
        Priority = priority;
        TriggerInitialValue = triggerInitialValue;
        IsPersistent = isPersistent;
        UseValuesFromTriggerTime = useValuesFromTriggerTime;
    }

    /// <summary>Gets the identifier.</summary>
    public string Id { get; }

    /// <summary>Gets the trigger.</summary>
    public Expr Trigger { get; }

    /// <summary>Gets the assignments.</summary>
    public IReadOnlyList<EventAssignment> Assignments { get; }

    /// <summary>Gets the priority expression, or null (unordered).</summary>
    public Expr? Priority { get; }

    /// <summary>Gets the trigger's value just before t0.</summary>
    public bool TriggerInitialValue { get; }

    /// <summary>Gets a value indicating whether the event is persistent.</summary>
    public bool IsPersistent { get; }

    /// <summary>Gets a value indicating whether assignment values are computed at trigger time.</summary>
    public bool UseValuesFromTriggerTime { get; }

    /// <summary>Gets the delay between the trigger and the execution, evaluated when the trigger fires, or null for none (SBML <c>delay</c>).</summary>
    /// <remarks>An execution scheduled for later is cancelled, if the event is not persistent, when the trigger becomes false before it; a delayed execution that is due executes in priority order with the others due then.</remarks>
    public Expr? Delay { get; init; }

    /// <inheritdoc/>
    public bool Equals(ModelEvent? other) =>
        other is not null
        && Id == other.Id
        && Trigger.Equals(other.Trigger)
        && Equals(Priority, other.Priority)
        && Equals(Delay, other.Delay)
        && TriggerInitialValue == other.TriggerInitialValue
        && IsPersistent == other.IsPersistent
        && UseValuesFromTriggerTime == other.UseValuesFromTriggerTime
        && Assignments.SequenceEqual(other.Assignments);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Id, Trigger, Assignments.Count);
}
