using OxyPlot;
using OxyPlot.Series;

namespace Ferroptosis.Sim.Plotting;

/// <summary>A line whose legend entry also shows the shape of a mark drawn elsewhere on the chart (e.g. the t50 point), without markers along the line.</summary>
/// <remarks>
/// Survival charts mark each curve's t50 with a point whose shape differs from curve to curve, so marks that
/// fall on the same place stay apart; the legend shows that shape on the curve's entry so a reader can match them.
/// </remarks>
internal sealed class LegendMarkLineSeries : LineSeries
{
    /// <summary>Gets or sets the shape shown in the middle of the legend entry; <see cref="MarkerType.None"/> for none.</summary>
    public MarkerType LegendMark { get; set; } = MarkerType.None;

    /// <inheritdoc/>
    public override void RenderLegend(IRenderContext rc, OxyRect legendBox)
    {
        base.RenderLegend(rc, legendBox);
        if (LegendMark != MarkerType.None)
        {
            var centre = new ScreenPoint((legendBox.Left + legendBox.Right) / 2, (legendBox.Top + legendBox.Bottom) / 2);
            rc.DrawMarker(centre, LegendMark, null, 4, ActualColor, PlotStyler.MarkerRim(LegendMark, ActualColor), 1, EdgeRenderingMode);
        }
    }
}
