namespace Ferroptosis.Sim.Analysis;

/// <summary>The maximum or minimum of a quantity over a window; see <see cref="Readout.Maximum"/>.</summary>
public sealed record ExtremumReadout : Readout
{
    /// <summary>Initializes a new instance of the <see cref="ExtremumReadout"/> class.</summary>
    /// <param name="quantity">The quantity id.</param>
    /// <param name="isMaximum">True for the maximum, false for the minimum.</param>
    /// <param name="from">The start of the window (−∞: the start of the run).</param>
    /// <param name="to">The end of the window (+∞: the end of the run).</param>
    public ExtremumReadout(string quantity, bool isMaximum, double from = double.NegativeInfinity, double to = double.PositiveInfinity)
        : base(quantity)
    {
        AnalysisChecks.Window(from, to);
        IsMaximum = isMaximum;
        From = from;
        To = to;
    }

    /// <summary>Gets a value indicating whether this is the maximum (else the minimum).</summary>
    public bool IsMaximum { get; }

    /// <summary>Gets the start of the window.</summary>
    public double From { get; }

    /// <summary>Gets the end of the window.</summary>
    public double To { get; }

    private protected override string DefaultName => $"{(IsMaximum ? "max" : "min")}({Quantity}{Window(From, To)})";
}
