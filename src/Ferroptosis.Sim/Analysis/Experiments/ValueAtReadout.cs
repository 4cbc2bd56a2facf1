namespace Ferroptosis.Sim.Analysis;

/// <summary>The value of a quantity at a time; see <see cref="Readout.ValueAt"/>.</summary>
public sealed record ValueAtReadout : Readout
{
    /// <summary>Initializes a new instance of the <see cref="ValueAtReadout"/> class.</summary>
    /// <param name="quantity">The quantity id.</param>
    /// <param name="time">The time.</param>
    public ValueAtReadout(string quantity, double time)
        : base(quantity)
    {
        if (!double.IsFinite(time))
        {
            throw new ArgumentOutOfRangeException(nameof(time), time, "The readout time must be a finite number inside the run.");
        }

        Time = time;
    }

    /// <summary>Gets the time.</summary>
    public double Time { get; }

    private protected override string DefaultName => $"{Quantity}@{Format(Time)}";
}
