using System.Text;
using Ferroptosis.Sim.Plotting;
using OxyPlot;

namespace Ferroptosis.Sim.Cli;

/// <summary>Writes the tool's output files: each through a temporary file renamed when complete, so an interrupted or failed run never leaves a truncated file that looks whole.</summary>
internal static class OutputFiles
{
    /// <summary>The layout size of single charts (96-dpi pixels); PNGs are written at 2× for sharpness.</summary>
    private const int ChartWidth = 960, ChartHeight = 600;

    /// <summary>The figure formats <c>--plot</c> accepts.</summary>
    public static IReadOnlyList<string> FigureFormats { get; } = ["png", "svg", "pdf"];

    /// <summary>Writes text (UTF-8, no byte-order mark) atomically.</summary>
    /// <param name="path">The file; its folder is created.</param>
    /// <param name="text">The content.</param>
    public static void WriteText(string path, string text) => Write(path, writer => writer.Write(text));

    /// <summary>Writes a file atomically through a text writer, checking for cancellation before the rename.</summary>
    /// <param name="path">The file; its folder is created.</param>
    /// <param name="write">Writes the content.</param>
    /// <param name="cancellationToken">Cancels before the file appears; the temporary file is removed.</param>
    public static void Write(string path, Action<TextWriter> write, CancellationToken cancellationToken = default) =>
        WriteStream(
            path,
            stream =>
            {
                using var writer = new StreamWriter(stream, new UTF8Encoding(false), 1 << 16, leaveOpen: true);
                write(writer);
                writer.Flush();
            },
            cancellationToken);

    /// <summary>Writes a file atomically through a stream, checking for cancellation before the rename.</summary>
    /// <param name="path">The file; its folder is created.</param>
    /// <param name="write">Writes the content.</param>
    /// <param name="cancellationToken">Cancels before the file appears; the temporary file is removed.</param>
    public static void WriteStream(string path, Action<Stream> write, CancellationToken cancellationToken = default)
    {
        try
        {
            AtomicFile.Write(path, stream =>
            {
                // Checked at every buffer: an interrupt while a large file is written stops it, and the temporary file goes.
                write(new CancellableStream(stream, cancellationToken));
                cancellationToken.ThrowIfCancellationRequested();
            });
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"{path}: cannot write the file: {ex.Message}", ex);
        }
    }

    /// <summary>Parses <c>--plot</c>: a comma-separated list of png, svg, pdf, or "none".</summary>
    /// <param name="text">E.g. "png,svg".</param>
    /// <returns>The formats (file extensions), empty for "none".</returns>
    /// <exception cref="CliException">An unknown format.</exception>
    public static IReadOnlyList<string> ParseFormats(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var formats = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(f => f.ToLowerInvariant()).Distinct().ToList();
        if (formats is ["none"])
        {
            return [];
        }

        var unknown = formats.Where(f => !FigureFormats.Contains(f)).ToList();
        return unknown.Count == 0 && formats.Count > 0
            ? formats
            : throw new CliException($"--plot: unknown figure format '{string.Join(",", unknown)}'; use any of {string.Join(", ", FigureFormats)} separated by commas, or none.");
    }

    /// <summary>Saves a chart in every requested format as <c>folder/name.ext</c>.</summary>
    /// <param name="model">The chart.</param>
    /// <param name="folder">The output folder.</param>
    /// <param name="name">The file name without extension.</param>
    /// <param name="formats">The formats.</param>
    /// <returns>The files written.</returns>
    public static IReadOnlyList<string> SaveFigure(PlotModel model, string folder, string name, IReadOnlyList<string> formats) =>
        SaveFigure(new MultiPanelFigure([model], 1) { ShowPanelLetters = false }, folder, name, formats, ChartWidth, ChartHeight);

    /// <summary>Saves a multi-panel figure in every requested format as <c>folder/name.ext</c>.</summary>
    /// <param name="figure">The figure.</param>
    /// <param name="folder">The output folder.</param>
    /// <param name="name">The file name without extension.</param>
    /// <param name="formats">The formats.</param>
    /// <param name="width">The layout width in 96-dpi pixels.</param>
    /// <param name="height">The layout height in 96-dpi pixels.</param>
    /// <returns>The files written.</returns>
    public static IReadOnlyList<string> SaveFigure(MultiPanelFigure figure, string folder, string name, IReadOnlyList<string> formats, int width, int height)
    {
        var written = new List<string>();
        foreach (string format in formats)
        {
            string path = Path.Combine(folder, $"{name}.{format}");
            try
            {
                if (format == "png")
                {
                    FigureExporter.Save(figure, path, width * 2, height * 2, dpi: 192);
                }
                else
                {
                    FigureExporter.Save(figure, path, width, height);
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new CliException($"{path}: cannot write the figure: {ex.Message}", ex);
            }

            written.Add(path);
        }

        return written;
    }
}
