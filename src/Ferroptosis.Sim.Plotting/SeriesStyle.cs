using OxyPlot;

namespace Ferroptosis.Sim.Plotting;

/// <summary>How one line is drawn, overriding the chart's defaults; every unset property keeps the default.</summary>
/// <remarks>
/// Charts give the n-th series the n-th colour of <see cref="FigureOptions.Palette"/>; set <see cref="Color"/>
/// to keep a quantity's colour fixed across figures (e.g. always the same colour for osteoclasts).
/// Instances are immutable and can be shared between threads.
/// </remarks>
public sealed record SeriesStyle
{
    /// <summary>Gets the line and marker colour, or <see langword="null"/> for the palette colour.</summary>
    public OxyColor? Color { get; init; }

    /// <summary>Gets the dash pattern, or <see langword="null"/> for a solid line.</summary>
    public LineStyle? LineStyle { get; init; }

    /// <summary>Gets the line width in 96-dpi pixels, or <see langword="null"/> for <see cref="FigureOptions.LineThickness"/>.</summary>
    public double? Thickness { get; init; }

    /// <summary>Gets the marker drawn at every data point, or <see langword="null"/> for the chart's default.</summary>
    public MarkerType? Marker { get; init; }

    /// <summary>Gets a style with only the colour set.</summary>
    /// <param name="color">The colour.</param>
    /// <returns>The style.</returns>
    public static SeriesStyle WithColor(OxyColor color) => new() { Color = color };

    /// <summary>Gets a style with only the colour set, from a "#RRGGBB" string.</summary>
    /// <param name="hex">The colour as "#RRGGBB" or "#AARRGGBB".</param>
    /// <returns>The style.</returns>
    public static SeriesStyle WithColor(string hex) => new() { Color = OxyColor.Parse(hex) };
}
