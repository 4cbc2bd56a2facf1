using OxyPlot;

namespace Ferroptosis.Sim.Plotting;

/// <summary>Turns a failure that OxyPlot swallowed while updating or rendering a model into an exception.</summary>
/// <remarks>
/// <see cref="PlotModel"/> catches exceptions from its series, axes and annotations and draws the message in the
/// plot instead. Exported unchecked, that becomes a figure file that looks valid but shows an error, so every
/// export asks the model for its last exception after rendering and fails loudly instead.
/// </remarks>
internal static class RenderFailure
{
    /// <summary>Throws if OxyPlot recorded an exception for the model during its last update or render.</summary>
    public static void ThrowIfFailed(PlotModel model, int panelIndex)
    {
        if (model.GetLastPlotException() is { } exception)
        {
            throw new InvalidOperationException(
                $"Panel {MultiPanelFigure.PanelLetter(panelIndex)} failed to render: {exception.Message}",
                exception);
        }
    }
}
