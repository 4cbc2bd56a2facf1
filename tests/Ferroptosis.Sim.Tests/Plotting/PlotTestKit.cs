using Ferroptosis.Sim.Plotting;
using OxyPlot;
using SkiaSharp;

namespace Ferroptosis.Sim.Tests.Plotting;

/// <summary>Synthetic data with known answers, a scratch folder, and pixel probes for rendered images.</summary>
internal static class PlotTestKit
{
    /// <summary>Times 0, 0.5, …, 48 h.</summary>
    public static readonly double[] Hours = [.. Enumerable.Range(0, 97).Select(i => i * 0.5)];

    /// <summary>A logistic survival curve S(t) = 1 / (1 + exp((t − t50)/k)), which is exactly 0.5 at t50.</summary>
    public static double[] Logistic(double t50, double k) => [.. Hours.Select(t => 1 / (1 + Math.Exp((t - t50) / k)))];

    /// <summary>A four-parameter Hill inhibition curve (bottom 5 %, top 100 %).</summary>
    public static double Hill(double dose, double ic50, double slope) => 5 + (95 / (1 + Math.Pow(dose / ic50, slope)));

    /// <summary>A small time-course plot with two named quantities.</summary>
    public static PlotModel TimeCourse() => TimeCourseChart.Create(
        [
            new Series("Labile Fe²⁺", Hours, [.. Hours.Select(t => 1 - Math.Exp(-t / 10))]),
            new Series("GSH", Hours, [.. Hours.Select(t => Math.Exp(-t / 20))]),
        ],
        new AxisSpec("Concentration", "µM"));

    /// <summary>A small survival plot with one crossing curve.</summary>
    public static PlotModel Survival() => SurvivalChart.Create([new Series("Osteoblast", Hours, Logistic(12, 2))]);

    /// <summary>A 2 × 3 heat map.</summary>
    public static PlotModel HeatMap() => HeatMapChart.Create(new HeatMapData(
        ["Osteoblast", "Osteoclast"],
        ["Erastin", "RSL3", "Fer-1"],
        new double[,] { { 0.1, 0.2, 0.9 }, { 0.3, 0.05, 0.95 } }) { ValueTitle = "Survival at 24 h" });

    /// <summary>A fresh folder under the system temp folder; delete it with <see cref="DeleteFolder"/>.</summary>
    public static string NewFolder()
    {
        string folder = Path.Combine(Path.GetTempPath(), "ferrosim-plot-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        return folder;
    }

    /// <summary>Deletes a scratch folder and everything in it.</summary>
    public static void DeleteFolder(string folder)
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Decodes a PNG file with SkiaSharp, failing the test if it does not decode.</summary>
    public static SKBitmap DecodePng(string path)
    {
        var bitmap = SKBitmap.Decode(path);
        Assert.That(bitmap, Is.Not.Null, $"{path} does not decode as an image");
        return bitmap!;
    }

    /// <summary>Renders a model to an in-memory PNG and decodes it.</summary>
    public static SKBitmap Render(PlotModel model, int width, int height, double dpi = 96)
    {
        using var stream = new MemoryStream();
        FigureExporter.Write(model, stream, FigureFormat.Png, width, height, dpi);
        return SKBitmap.Decode(stream.ToArray());
    }

    /// <summary>Counts pixels in a region that differ from white by more than <paramref name="threshold"/> in some channel.</summary>
    public static int CountInk(SKBitmap bitmap, SKRectI region, int threshold = 60)
    {
        int count = 0;
        for (int y = Math.Max(region.Top, 0); y < Math.Min(region.Bottom, bitmap.Height); y++)
        {
            for (int x = Math.Max(region.Left, 0); x < Math.Min(region.Right, bitmap.Width); x++)
            {
                var c = bitmap.GetPixel(x, y);
                if (255 - Math.Min(c.Red, Math.Min(c.Green, c.Blue)) > threshold)
                {
                    count++;
                }
            }
        }

        return count;
    }

    /// <summary>Counts pixels in a region within <paramref name="tolerance"/> of a colour in every channel.</summary>
    public static int CountColor(SKBitmap bitmap, SKRectI region, OxyColor color, int tolerance = 40)
    {
        int count = 0;
        for (int y = Math.Max(region.Top, 0); y < Math.Min(region.Bottom, bitmap.Height); y++)
        {
            for (int x = Math.Max(region.Left, 0); x < Math.Min(region.Right, bitmap.Width); x++)
            {
                var c = bitmap.GetPixel(x, y);
                if (Math.Abs(c.Red - color.R) <= tolerance && Math.Abs(c.Green - color.G) <= tolerance && Math.Abs(c.Blue - color.B) <= tolerance)
                {
                    count++;
                }
            }
        }

        return count;
    }
}
