using System.Xml.Linq;
using Ferroptosis.Sim.Plotting;
using SkiaSharp;

namespace Ferroptosis.Sim.Tests.Plotting;

/// <summary>PNG, SVG and PDF output: decodable, of the requested size, with content, and written atomically.</summary>
public sealed class ExportTests : TempFolderTests
{
    [TestCase(640, 480, 96)]
    [TestCase(1200, 800, 300)]
    public void Png_DecodesWithTheRequestedPixelSizeAndIsNotBlank(int width, int height, double dpi)
    {
        string path = Path.Combine(Folder, "course.png");
        FigureExporter.SavePng(PlotTestKit.TimeCourse(), path, width, height, dpi);

        using var bitmap = PlotTestKit.DecodePng(path);
        Assert.That((bitmap.Width, bitmap.Height), Is.EqualTo((width, height)));
        int ink = PlotTestKit.CountInk(bitmap, new SKRectI(0, 0, width, height));
        Assert.That(ink, Is.GreaterThan(width * height / 100), "fewer than 1 % of pixels differ from the white background");
    }

    [Test]
    public void Png_RecordsItsDpiForPrint()
    {
        string path = Path.Combine(Folder, "print.png");
        FigureExporter.SavePng(PlotTestKit.Survival(), path, 900, 600, 300);

        Assert.That(PngDpi.ReadDpi(File.ReadAllBytes(path)), Is.EqualTo(300).Within(0.05));
    }

    [Test]
    public void Svg_IsWellFormedXmlWithTheSeriesTitlesAndAxisUnits()
    {
        string path = Path.Combine(Folder, "course.svg");
        FigureExporter.SaveSvg(PlotTestKit.TimeCourse(), path, 720, 480);

        var document = XDocument.Parse(File.ReadAllText(path));
        var texts = document.Descendants().Where(e => e.Name.LocalName == "text").Select(e => e.Value).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(document.Root!.Name.LocalName, Is.EqualTo("svg"));
            Assert.That(document.Root.Attribute("width")!.Value, Is.EqualTo("720"));
            Assert.That(texts, Does.Contain("Labile Fe²⁺"));
            Assert.That(texts, Does.Contain("GSH"));
            Assert.That(texts, Does.Contain("Time (h)"));
            Assert.That(texts, Does.Contain("Concentration (µM)"));
        });
    }

    [Test]
    public void Pdf_IsAOnePageDocumentOfTheLayoutSizeInPoints()
    {
        string path = Path.Combine(Folder, "course.pdf");
        FigureExporter.SavePdf(PlotTestKit.TimeCourse(), path, 720, 480);

        byte[] bytes = File.ReadAllBytes(path);
        string text = System.Text.Encoding.Latin1.GetString(bytes);
        Assert.Multiple(() =>
        {
            Assert.That(text, Does.StartWith("%PDF-"));
            Assert.That(text.TrimEnd(), Does.EndWith("%%EOF"));
            // 720 × 480 layout pixels at 1/96 inch are 540 × 360 points.
            Assert.That(text, Does.Contain("/MediaBox [0 0 540 360]"));
        });
    }

    [TestCase("figure.PNG", new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' })]
    [TestCase("figure.svg", new byte[] { (byte)'<', (byte)'?', (byte)'x', (byte)'m' })]
    [TestCase("figure.pdf", new byte[] { (byte)'%', (byte)'P', (byte)'D', (byte)'F' })]
    public void Save_ChoosesTheFormatByTheFileExtension(string name, byte[] signature)
    {
        string path = Path.Combine(Folder, name);
        FigureExporter.Save(PlotTestKit.Survival(), path, 400, 300);

        Assert.That(File.ReadAllBytes(path).Take(signature.Length), Is.EqualTo(signature));
    }

    [Test]
    public void Save_WithOptions_WritesThePngAtLayoutSizeTimesDpiOver96()
    {
        string path = Path.Combine(Folder, "options.png");
        FigureExporter.Save(PlotTestKit.Survival(), path, new FigureOptions { Width = 400, Height = 300, Dpi = 192 });

        using var bitmap = PlotTestKit.DecodePng(path);
        Assert.That((bitmap.Width, bitmap.Height), Is.EqualTo((800, 600)));
    }

    [Test]
    public void Save_UnknownExtension_ThrowsNamingTheSupportedOnes()
    {
        var ex = Assert.Throws<ArgumentException>(() => FigureExporter.Save(PlotTestKit.Survival(), Path.Combine(Folder, "figure.jpg"), 400, 300));
        Assert.That(ex!.Message, Does.Contain(".png").And.Contain(".svg").And.Contain(".pdf"));
    }

    [TestCase(0, 300, 96)]
    [TestCase(400, -1, 96)]
    [TestCase(400, 300, 0)]
    [TestCase(400, 300, double.NaN)]
    public void Save_NonPositiveSizeOrDpi_Throws(int width, int height, double dpi) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => FigureExporter.SavePng(PlotTestKit.Survival(), Path.Combine(Folder, "x.png"), width, height, dpi));

    [Test]
    public void Save_LeavesOnlyTheTargetFilesInTheFolder()
    {
        var model = PlotTestKit.HeatMap();
        foreach (string name in new[] { "a.png", "a.svg", "a.pdf" })
        {
            FigureExporter.Save(model, Path.Combine(Folder, name), 500, 300);
        }

        Assert.That(Directory.GetFiles(Folder).Select(Path.GetFileName), Is.EquivalentTo(new[] { "a.png", "a.svg", "a.pdf" }));
    }

    [Test]
    public void Save_CreatesAMissingFolder()
    {
        string path = Path.Combine(Folder, "new", "sub", "figure.png");
        FigureExporter.Save(PlotTestKit.Survival(), path, 300, 200);

        Assert.That(File.Exists(path), Is.True);
    }

    [Test]
    public void AtomicWrite_ThatFailsHalfway_LeavesTheOldFileWholeAndNoTemporaryFile()
    {
        string path = Path.Combine(Folder, "figure.png");
        File.WriteAllText(path, "previous figure");

        Assert.Throws<IOException>(() => AtomicFile.Write(path, stream =>
        {
            stream.Write(new byte[1000]);
            throw new IOException("disk full");
        }));

        Assert.Multiple(() =>
        {
            Assert.That(File.ReadAllText(path), Is.EqualTo("previous figure"));
            Assert.That(Directory.GetFiles(Folder), Has.Length.EqualTo(1));
        });
    }

    [Test]
    public void AtomicWrite_ThatFailsForANewFile_LeavesNothing()
    {
        string path = Path.Combine(Folder, "figure.svg");

        Assert.Throws<InvalidOperationException>(() => AtomicFile.Write(path, stream =>
        {
            stream.Write(new byte[10]);
            throw new InvalidOperationException("renderer failed");
        }));

        Assert.That(Directory.GetFiles(Folder), Is.Empty);
    }

    [TestCase("broken.png")]
    [TestCase("broken.svg")]
    [TestCase("broken.pdf")]
    public void Save_OfAPlotThatFailsToRender_ThrowsAndWritesNothing(string name)
    {
        // OxyPlot catches the series' exception and would draw its message into the figure.
        var model = PlotTestKit.TimeCourse();
        model.Series.Add(new FailingSeries());

        var ex = Assert.Throws<InvalidOperationException>(() => FigureExporter.Save(model, Path.Combine(Folder, name), 400, 300));
        Assert.Multiple(() =>
        {
            Assert.That(ex!.Message, Does.Contain("series exploded"));
            Assert.That(Directory.GetFiles(Folder), Is.Empty);
        });
    }

    [Test]
    public void Save_OverAnExistingFile_ReplacesItWhole()
    {
        string path = Path.Combine(Folder, "figure.png");
        File.WriteAllBytes(path, new byte[5_000_000]);

        FigureExporter.Save(PlotTestKit.Survival(), path, 300, 200);

        using var bitmap = PlotTestKit.DecodePng(path);
        Assert.Multiple(() =>
        {
            Assert.That(bitmap.Width, Is.EqualTo(300));
            Assert.That(new FileInfo(path).Length, Is.LessThan(1_000_000));
        });
    }

    private sealed class FailingSeries : OxyPlot.Series.LineSeries
    {
        public override void Render(OxyPlot.IRenderContext rc) => throw new InvalidOperationException("series exploded");
    }
}
