using OxyPlot;
using OxyPlot.SkiaSharp;
using SkiaSharp;

namespace Ferroptosis.Sim.Plotting;

/// <summary>Renders figures with SkiaSharp: PNG into one bitmap, PDF onto one page, each panel in its own region.</summary>
/// <remarks>
/// OxyPlot lays a model out in device-independent units (1/96 inch) and <see cref="SkiaRenderContext.DpiScale"/>
/// maps them to the canvas: pixels·96/dpi for PNG, points (72/96) for PDF, as OxyPlot's own exporters do. Each
/// panel gets a saved canvas state, a clip to its cell and a translation to its origin, so models render exactly
/// as they would alone at the cell's size.
/// </remarks>
internal static class SkiaFigureRenderer
{
    /// <summary>Writes a PNG of <paramref name="widthPx"/> × <paramref name="heightPx"/> pixels laid out at <paramref name="dpi"/>.</summary>
    public static void WritePng(MultiPanelFigure figure, Stream stream, int widthPx, int heightPx, double dpi)
    {
        float scale = (float)(dpi / 96);
        using var bitmap = new SKBitmap(new SKImageInfo(widthPx, heightPx, SKColorType.Rgba8888, SKAlphaType.Premul));
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.White);
            Draw(figure, canvas, widthPx / scale, heightPx / scale, scale, RenderTarget.PixelGraphic);
        }

        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100)
            ?? throw new InvalidOperationException("SkiaSharp could not encode the PNG.");
        var png = PngDpi.WithPhysicalDpi(data.ToArray(), dpi);
        stream.Write(png);
    }

    /// <summary>Writes a one-page PDF of <paramref name="width"/> × <paramref name="height"/> layout units (page = units · 0.75 pt).</summary>
    public static void WritePdf(MultiPanelFigure figure, Stream stream, double width, double height)
    {
        const float PointsPerUnit = 72f / 96f;
        var metadata = new SKDocumentPdfMetadata
        {
            Creator = "Ferroptosis.Sim.Plotting",
            Producer = "SkiaSharp",
            RasterDpi = 300,
            EncodingQuality = 101,
            PdfA = false,
        };
        using var managed = new SKManagedWStream(stream);
        using var document = SKDocument.CreatePdf(managed, metadata);
        var canvas = document.BeginPage((float)width * PointsPerUnit, (float)height * PointsPerUnit);
        canvas.Clear(SKColors.White);
        Draw(figure, canvas, width, height, PointsPerUnit, RenderTarget.VectorGraphic);
        document.EndPage();
        document.Close();
    }

    private static void Draw(MultiPanelFigure figure, SKCanvas canvas, double width, double height, float scale, RenderTarget target)
    {
        for (int i = 0; i < figure.Panels.Count; i++)
        {
            var bounds = figure.PlotBounds(i, width, height);
            var cell = figure.CellBounds(i, width, height);
            canvas.Save();
            canvas.ClipRect(new SKRect((float)cell.Left * scale, (float)cell.Top * scale, (float)cell.Right * scale, (float)cell.Bottom * scale));
            canvas.Translate((float)bounds.Left * scale, (float)bounds.Top * scale);
            using (var context = new SkiaRenderContext { RenderTarget = target, SkCanvas = canvas, DpiScale = scale })
            {
                IPlotModel model = figure.Panels[i];
                model.Update(true);
                model.Render(context, new OxyRect(0, 0, bounds.Width, bounds.Height));
            }

            RenderFailure.ThrowIfFailed(figure.Panels[i], i);

            canvas.Restore();
        }

        if (figure.ShowPanelLetters)
        {
            using var context = new SkiaRenderContext { RenderTarget = target, SkCanvas = canvas, DpiScale = scale };
            string font = FontResolver.Choose(figure.LetterFontFamily);
            for (int i = 0; i < figure.Panels.Count; i++)
            {
                context.DrawText(
                    figure.LetterPosition(i, width, height),
                    MultiPanelFigure.PanelLetter(i),
                    PlotStyler.Ink,
                    font,
                    figure.LetterFontSize,
                    FontWeights.Bold);
            }
        }
    }
}
