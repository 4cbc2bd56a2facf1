namespace Ferroptosis.Sim.Analysis;

/// <summary>The area under a quantity's curve over a window; see <see cref="Readout.Area"/>.</summary>
public sealed record AreaReadout : Readout
{
    /// <summary>Initializes a new instance of the <see cref="AreaReadout"/> class.</summary>
    /// <param name="quantity">The quantity id.</param>
    /// <param name="from">The start of the window (−∞: the start of the run).</param>
    /// <param name="to">The end of the window (+∞: the end of the run).</param>
    public AreaReadout(string quantity, double from = double.NegativeInfinity, double to = double.PositiveInfinity)
        : base(quantity)
    {
        AnalysisChecks.Window(from, to);
        From = from;
        To = to;
    }

    /// <summary>Gets the start of the window.</summary>
    public double From { get; }

    /// <summary>Gets the end of the window.</summary>
    public double To { get; }

    private protected override string DefaultName => $"auc({Quantity}{Window(From, To)})";
}
