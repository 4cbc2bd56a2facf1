using System.Text;
using System.Xml;
using OxyPlot;

namespace Ferroptosis.Sim.Plotting;

/// <summary>Writes plots and multi-panel figures to PNG, SVG and PDF files or streams.</summary>
/// <remarks>
/// <para>Sizes: <c>width</c> and <c>height</c> are the output's pixels at <c>dpi</c>; the plot is laid out at
/// <c>width · 96 / dpi</c> device-independent pixels, so 2400 × 1600 at 300 dpi looks like 768 × 512 at 96 dpi,
/// only sharper. SVG documents are that layout size in CSS pixels; PDF pages are it in points × 0.75
/// (1/96 inch per unit). The same arguments therefore give the same-looking figure in all three formats.</para>
/// <para>PNG and PDF are rendered by SkiaSharp with its bundled native library (no system Skia needed on Linux);
/// PDF uses SkiaSharp rather than OxyPlot.Core's PDF writer, which is marked obsolete and, limited to the 14
/// standard PDF fonts, cannot show "Fe²⁺". SVG is OxyPlot.Core's writer with SkiaSharp measuring text.</para>
/// <para>Files are written through a temporary file in the same folder and renamed when complete, so an
/// interrupted run never leaves a truncated file. Methods are thread-safe as long as no two calls export the
/// same <see cref="PlotModel"/> at once (OxyPlot updates a model while rendering it).</para>
/// </remarks>
public static class FigureExporter
{
    /// <summary>Screen resolution that OxyPlot lays plots out at.</summary>
    public const double LayoutDpi = 96;

    /// <summary>Writes a plot as PNG.</summary>
    /// <param name="model">The plot.</param>
    /// <param name="path">The file; its folder is created if missing.</param>
    /// <param name="width">Image width in pixels.</param>
    /// <param name="height">Image height in pixels.</param>
    /// <param name="dpi">Resolution: 96 for screen, 300 or more for print.</param>
    public static void SavePng(PlotModel model, string path, int width, int height, double dpi = LayoutDpi) =>
        Save(MultiPanelFigure.Single(model), path, FigureFormat.Png, width, height, dpi);

    /// <summary>Writes a plot as SVG.</summary>
    /// <param name="model">The plot.</param>
    /// <param name="path">The file; its folder is created if missing.</param>
    /// <param name="width">Width in pixels at <paramref name="dpi"/>.</param>
    /// <param name="height">Height in pixels at <paramref name="dpi"/>.</param>
    /// <param name="dpi">Resolution the size is given at.</param>
    public static void SaveSvg(PlotModel model, string path, int width, int height, double dpi = LayoutDpi) =>
        Save(MultiPanelFigure.Single(model), path, FigureFormat.Svg, width, height, dpi);

    /// <summary>Writes a plot as a one-page PDF.</summary>
    /// <param name="model">The plot.</param>
    /// <param name="path">The file; its folder is created if missing.</param>
    /// <param name="width">Width in pixels at <paramref name="dpi"/>.</param>
    /// <param name="height">Height in pixels at <paramref name="dpi"/>.</param>
    /// <param name="dpi">Resolution the size is given at.</param>
    public static void SavePdf(PlotModel model, string path, int width, int height, double dpi = LayoutDpi) =>
        Save(MultiPanelFigure.Single(model), path, FigureFormat.Pdf, width, height, dpi);

    /// <summary>Writes a plot in the format named by the file's extension (.png, .svg or .pdf).</summary>
    /// <param name="model">The plot.</param>
    /// <param name="path">The file.</param>
    /// <param name="width">Width in pixels at <paramref name="dpi"/>.</param>
    /// <param name="height">Height in pixels at <paramref name="dpi"/>.</param>
    /// <param name="dpi">Resolution the size is given at.</param>
    /// <exception cref="ArgumentException">The extension is not .png, .svg or .pdf.</exception>
    public static void Save(PlotModel model, string path, int width, int height, double dpi = LayoutDpi) =>
        Save(MultiPanelFigure.Single(model), path, FormatOf(path), width, height, dpi);

    /// <summary>Writes a plot at the size and resolution of its options, in the format named by the extension.</summary>
    /// <param name="model">The plot.</param>
    /// <param name="path">The file.</param>
    /// <param name="options">Supplies <see cref="FigureOptions.Width"/>, <see cref="FigureOptions.Height"/> (layout) and <see cref="FigureOptions.Dpi"/>.</param>
    public static void Save(PlotModel model, string path, FigureOptions options) =>
        Save(MultiPanelFigure.Single(model), path, options);

    /// <summary>Writes a multi-panel figure in the format named by the file's extension (.png, .svg or .pdf).</summary>
    /// <param name="figure">The figure.</param>
    /// <param name="path">The file.</param>
    /// <param name="width">Width of the whole figure in pixels at <paramref name="dpi"/>.</param>
    /// <param name="height">Height of the whole figure in pixels at <paramref name="dpi"/>.</param>
    /// <param name="dpi">Resolution the size is given at.</param>
    /// <exception cref="ArgumentException">The extension is not .png, .svg or .pdf.</exception>
    public static void Save(MultiPanelFigure figure, string path, int width, int height, double dpi = LayoutDpi) =>
        Save(figure, path, FormatOf(path), width, height, dpi);

    /// <summary>Writes a multi-panel figure at a layout size and resolution taken from options.</summary>
    /// <param name="figure">The figure.</param>
    /// <param name="path">The file.</param>
    /// <param name="options">Supplies the whole figure's layout size and DPI.</param>
    public static void Save(MultiPanelFigure figure, string path, FigureOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        Save(figure, path, FormatOf(path), PixelsAt(options.Width, options.Dpi), PixelsAt(options.Height, options.Dpi), options.Dpi);
    }

    /// <summary>Writes a multi-panel figure in a given format.</summary>
    /// <param name="figure">The figure.</param>
    /// <param name="path">The file; its folder is created if missing.</param>
    /// <param name="format">The format, whatever the extension.</param>
    /// <param name="width">Width in pixels at <paramref name="dpi"/>.</param>
    /// <param name="height">Height in pixels at <paramref name="dpi"/>.</param>
    /// <param name="dpi">Resolution the size is given at.</param>
    public static void Save(MultiPanelFigure figure, string path, FigureFormat format, int width, int height, double dpi = LayoutDpi)
    {
        ArgumentNullException.ThrowIfNull(figure);
        ValidateSize(width, height, dpi);
        AtomicFile.Write(path, stream => Write(figure, stream, format, width, height, dpi));
    }

    /// <summary>Writes a plot asynchronously at the size and resolution of its options, in the format named by the extension.</summary>
    /// <param name="model">The plot.</param>
    /// <param name="path">The file; its folder is created if missing.</param>
    /// <param name="options">Supplies <see cref="FigureOptions.Width"/>, <see cref="FigureOptions.Height"/> (layout) and <see cref="FigureOptions.Dpi"/>.</param>
    /// <param name="cancellationToken">Cancels the write; the existing file, if any, is then left as it was and no temporary file remains.</param>
    /// <returns>A task that completes when the file is in place.</returns>
    /// <remarks>The figure is rendered in memory on the calling thread (rendering is computation), then written to the file asynchronously and atomically, as <see cref="Save(PlotModel, string, FigureOptions)"/> does.</remarks>
    /// <exception cref="ArgumentException">The extension is not .png, .svg or .pdf.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public static Task SaveAsync(PlotModel model, string path, FigureOptions options, CancellationToken cancellationToken = default) =>
        SaveAsync(MultiPanelFigure.Single(model), path, options, cancellationToken);

    /// <summary>Writes a multi-panel figure asynchronously at the layout size and resolution of its options, in the format named by the extension.</summary>
    /// <param name="figure">The figure.</param>
    /// <param name="path">The file; its folder is created if missing.</param>
    /// <param name="options">Supplies the whole figure's layout size and DPI.</param>
    /// <param name="cancellationToken">Cancels the write; the existing file, if any, is then left as it was and no temporary file remains.</param>
    /// <returns>A task that completes when the file is in place.</returns>
    /// <remarks>The figure is rendered in memory on the calling thread (rendering is computation), then written to the file asynchronously and atomically, as <see cref="Save(MultiPanelFigure, string, FigureOptions)"/> does.</remarks>
    /// <exception cref="ArgumentException">The extension is not .png, .svg or .pdf.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public static Task SaveAsync(MultiPanelFigure figure, string path, FigureOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(figure);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var format = FormatOf(path);
        cancellationToken.ThrowIfCancellationRequested();
        int width = PixelsAt(options.Width, options.Dpi), height = PixelsAt(options.Height, options.Dpi);
        ValidateSize(width, height, options.Dpi);
        using var buffer = new MemoryStream();
        Write(figure, buffer, format, width, height, options.Dpi);
        return AtomicFile.WriteAsync(path, buffer.ToArray(), cancellationToken);
    }

    /// <summary>Writes a plot to a stream.</summary>
    /// <param name="model">The plot.</param>
    /// <param name="stream">A writable stream; left open.</param>
    /// <param name="format">The format.</param>
    /// <param name="width">Width in pixels at <paramref name="dpi"/>.</param>
    /// <param name="height">Height in pixels at <paramref name="dpi"/>.</param>
    /// <param name="dpi">Resolution the size is given at.</param>
    public static void Write(PlotModel model, Stream stream, FigureFormat format, int width, int height, double dpi = LayoutDpi) =>
        Write(MultiPanelFigure.Single(model), stream, format, width, height, dpi);

    /// <summary>Writes a multi-panel figure to a stream.</summary>
    /// <param name="figure">The figure.</param>
    /// <param name="stream">A writable stream; left open.</param>
    /// <param name="format">The format.</param>
    /// <param name="width">Width in pixels at <paramref name="dpi"/>.</param>
    /// <param name="height">Height in pixels at <paramref name="dpi"/>.</param>
    /// <param name="dpi">Resolution the size is given at.</param>
    /// <exception cref="ArgumentOutOfRangeException">A size or the DPI is not positive.</exception>
    public static void Write(MultiPanelFigure figure, Stream stream, FigureFormat format, int width, int height, double dpi = LayoutDpi)
    {
        ArgumentNullException.ThrowIfNull(figure);
        ArgumentNullException.ThrowIfNull(stream);
        ValidateSize(width, height, dpi);
        double layoutWidth = width * LayoutDpi / dpi, layoutHeight = height * LayoutDpi / dpi;
        switch (format)
        {
            case FigureFormat.Png:
                SkiaFigureRenderer.WritePng(figure, stream, width, height, dpi);
                break;
            case FigureFormat.Pdf:
                SkiaFigureRenderer.WritePdf(figure, stream, layoutWidth, layoutHeight);
                break;
            case FigureFormat.Svg:
                var document = SvgFigureComposer.Compose(figure, layoutWidth, layoutHeight);
                using (var writer = XmlWriter.Create(stream, new XmlWriterSettings { Indent = true, CloseOutput = false, Encoding = new UTF8Encoding(false) }))
                {
                    document.Save(writer);
                }

                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(format), format, "Use Png, Svg or Pdf.");
        }
    }

    /// <summary>Returns the format named by a file's extension.</summary>
    /// <param name="path">The file name or path.</param>
    /// <returns>The format.</returns>
    /// <exception cref="ArgumentException">The extension is not .png, .svg or .pdf (any case).</exception>
    public static FigureFormat FormatOf(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return Path.GetExtension(path).ToUpperInvariant() switch
        {
            ".PNG" => FigureFormat.Png,
            ".SVG" => FigureFormat.Svg,
            ".PDF" => FigureFormat.Pdf,
            _ => throw new ArgumentException($"Cannot tell the format of '{path}'; end the file name in .png, .svg or .pdf.", nameof(path)),
        };
    }

    private static int PixelsAt(int layoutSize, double dpi) => (int)Math.Round(layoutSize * dpi / LayoutDpi);

    private static void ValidateSize(int width, int height, double dpi)
    {
        if (width <= 0 || height <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(width), $"Figure size must be positive; got {width} × {height}.");
        }

        if (!(dpi > 0) || !double.IsFinite(dpi))
        {
            throw new ArgumentOutOfRangeException(nameof(dpi), dpi, "DPI must be positive and finite, e.g. 96 for screen or 300 for print.");
        }
    }
}
