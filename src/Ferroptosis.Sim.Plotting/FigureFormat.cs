namespace Ferroptosis.Sim.Plotting;

/// <summary>File formats a figure can be written in.</summary>
public enum FigureFormat
{
    /// <summary>Raster image (Portable Network Graphics), rendered by SkiaSharp, with its DPI recorded in the file.</summary>
    Png,

    /// <summary>Scalable Vector Graphics, editable in Inkscape or Illustrator; text stays text.</summary>
    Svg,

    /// <summary>Portable Document Format, vector, fonts embedded, rendered by SkiaSharp.</summary>
    Pdf,
}
