using Ferroptosis.Sim.Ode.Events;

namespace Ferroptosis.Sim.Analysis;

/// <summary>The first time a quantity crosses a level; see <see cref="Readout.TimeToThreshold"/>.</summary>
public sealed record ThresholdReadout : Readout
{
    /// <summary>Initializes a new instance of the <see cref="ThresholdReadout"/> class.</summary>
    /// <param name="quantity">The quantity id.</param>
    /// <param name="level">The level.</param>
    /// <param name="direction">Which crossings count: rising, falling or both.</param>
    public ThresholdReadout(string quantity, double level, EventDirection direction = EventDirection.Both)
        : base(quantity)
    {
        if (!double.IsFinite(level))
        {
            throw new ArgumentOutOfRangeException(nameof(level), level, "The threshold level must be a finite number.");
        }

        Level = level;
        Direction = direction;
    }

    /// <summary>Gets the level.</summary>
    public double Level { get; }

    /// <summary>Gets which crossings count.</summary>
    public EventDirection Direction { get; }

    private protected override string DefaultName => Direction switch
    {
        EventDirection.Rising => $"t({Quantity}↑{Format(Level)})",
        EventDirection.Falling => $"t({Quantity}↓{Format(Level)})",
        _ => $"t({Quantity}={Format(Level)})",
    };
}
