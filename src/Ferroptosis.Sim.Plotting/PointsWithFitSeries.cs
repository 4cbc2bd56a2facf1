using OxyPlot;
using OxyPlot.Series;

namespace Ferroptosis.Sim.Plotting;

/// <summary>Data points whose legend entry shows both the marker and the fitted line drawn by a separate series.</summary>
/// <remarks>
/// OxyPlot gives each series its own legend entry; drawing points and fit as two series would list every curve
/// twice. The fit series has no title, and this one draws the fit's line behind its marker in the legend.
/// </remarks>
internal sealed class PointsWithFitSeries : LineSeries
{
    /// <summary>Gets or sets the fit line's width in the legend.</summary>
    public double FitThickness { get; set; } = 2;

    /// <inheritdoc/>
    public override void RenderLegend(IRenderContext rc, OxyRect legendBox)
    {
        double y = (legendBox.Top + legendBox.Bottom) / 2;
        rc.DrawLine(
            [new ScreenPoint(legendBox.Left, y), new ScreenPoint(legendBox.Right, y)],
            ActualColor,
            FitThickness,
            EdgeRenderingMode,
            null,
            LineJoin.Round);
        base.RenderLegend(rc, legendBox);
    }
}
