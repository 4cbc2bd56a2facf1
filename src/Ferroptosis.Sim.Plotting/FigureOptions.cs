namespace Ferroptosis.Sim.Plotting;

/// <summary>Look and size of a figure: title, font, palette, legend and the size it is laid out for.</summary>
/// <remarks>
/// Sizes are in 96-dpi pixels (CSS pixels): text of <see cref="FontSize"/> 12 is 9 pt when printed at the
/// layout size. <see cref="Dpi"/> only sets how finely a PNG samples that layout: the PNG written by
/// <see cref="FigureExporter.Save(OxyPlot.PlotModel, string, FigureOptions)"/> is
/// <c>Width · Dpi / 96</c> pixels wide, so raising the DPI for print keeps the layout and makes it sharper.
/// The defaults suit a single journal column at 2× magnification (720 × 480 px ≈ 19 × 12.7 cm).
/// Instances are immutable and can be shared between threads.
/// </remarks>
public sealed record FigureOptions
{
    /// <summary>Gets the default options.</summary>
    public static FigureOptions Default { get; } = new();

    /// <summary>Gets the figure title, or <see langword="null"/> for none (journals usually put it in the caption).</summary>
    public string? Title { get; init; }

    /// <summary>Gets the layout width in 96-dpi pixels.</summary>
    public int Width { get; init; } = 720;

    /// <summary>Gets the layout height in 96-dpi pixels.</summary>
    public int Height { get; init; } = 480;

    /// <summary>Gets the resolution of PNG output in dots per inch.</summary>
    public double Dpi { get; init; } = 96;

    /// <summary>Gets the base font size in 96-dpi pixels (tick labels; titles are larger, legends a bit smaller).</summary>
    public double FontSize { get; init; } = 14;

    /// <summary>Gets the font family, or <see langword="null"/> for the first installed of Arial, Helvetica, Liberation Sans, DejaVu Sans.</summary>
    public string? FontFamily { get; init; }

    /// <summary>Gets the colours given to series in order.</summary>
    public ColorPalette Palette { get; init; } = ColorPalette.OkabeIto;

    /// <summary>Gets the line width in 96-dpi pixels.</summary>
    public double LineThickness { get; init; } = 2;

    /// <summary>Gets where the legend goes.</summary>
    public LegendLocation Legend { get; init; } = LegendLocation.OutsideRight;

    /// <summary>Gets a value indicating whether light major grid lines are drawn behind the data.</summary>
    public bool ShowGrid { get; init; }

    /// <summary>
    /// Gets a value indicating whether t50 and IC50/EC50 values are also written along their dashed marks; they are
    /// always in the legend, where they cannot collide with curves.
    /// </summary>
    public bool LabelMarksOnPlot { get; init; }

    /// <summary>Throws if a value cannot produce a figure.</summary>
    internal void Validate()
    {
        if (Width <= 0 || Height <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(Width), $"Figure size must be positive; got {Width} × {Height}.");
        }

        if (!(Dpi > 0) || !double.IsFinite(Dpi))
        {
            throw new ArgumentOutOfRangeException(nameof(Dpi), Dpi, "DPI must be positive and finite, e.g. 96 for screen or 300 for print.");
        }

        if (!(FontSize > 0) || !double.IsFinite(FontSize))
        {
            throw new ArgumentOutOfRangeException(nameof(FontSize), FontSize, "Font size must be positive.");
        }

        if (!(LineThickness > 0) || !double.IsFinite(LineThickness))
        {
            throw new ArgumentOutOfRangeException(nameof(LineThickness), LineThickness, "Line thickness must be positive.");
        }

        ArgumentNullException.ThrowIfNull(Palette);
    }
}
