using System.Xml.Linq;
using Ferroptosis.Sim.Plotting;
using SkiaSharp;

namespace Ferroptosis.Sim.Tests.Plotting;

/// <summary>Multi-panel figures: one image of the requested size, each panel in its own grid cell, lettered A, B, C….</summary>
public sealed class MultiPanelFigureTests : TempFolderTests
{
    [Test]
    public void Png_HasTheRequestedSizeAndContentInEveryPanelAndNoneInTheEmptyCell()
    {
        // Three panels in two columns: the fourth cell (bottom right) must stay white.
        var figure = new MultiPanelFigure([PlotTestKit.TimeCourse(), PlotTestKit.Survival(), PlotTestKit.HeatMap()], columns: 2);
        string path = Path.Combine(Folder, "figure.png");
        FigureExporter.Save(figure, path, 1000, 700);

        using var bitmap = PlotTestKit.DecodePng(path);
        Assert.That((bitmap.Width, bitmap.Height), Is.EqualTo((1000, 700)));
        for (int i = 0; i < 4; i++)
        {
            var cell = new SKRectI((i % 2) * 500, (i / 2) * 350, ((i % 2) + 1) * 500, ((i / 2) + 1) * 350);
            int ink = PlotTestKit.CountInk(bitmap, cell);
            if (i < 3)
            {
                Assert.That(ink, Is.GreaterThan(1500), $"panel {MultiPanelFigure.PanelLetter(i)} is blank");
            }
            else
            {
                Assert.That(ink, Is.Zero, "the empty fourth cell has ink");
            }
        }
    }

    [Test]
    public void PanelLetters_AreDrawnInEachCellsTopLeftCorner()
    {
        var models = new[] { PlotTestKit.Survival(), PlotTestKit.Survival() };
        using var lettered = Render(new MultiPanelFigure(models, 2));
        using var plain = Render(new MultiPanelFigure(models, 2) { ShowPanelLetters = false });

        foreach (int left in new[] { 0, 400 })
        {
            var corner = new SKRectI(left, 0, left + 30, 26);
            Assert.That(PlotTestKit.CountInk(lettered, corner), Is.GreaterThan(40), $"no letter at x = {left}");
            Assert.That(PlotTestKit.CountInk(plain, corner), Is.LessThan(PlotTestKit.CountInk(lettered, corner) / 4));
        }
    }

    [Test]
    public void Svg_HasOneTranslatedGroupPerPanelWithUniqueIdsAndResolvableReferences()
    {
        var figure = new MultiPanelFigure([PlotTestKit.TimeCourse(), PlotTestKit.Survival(), PlotTestKit.HeatMap(), PlotTestKit.TimeCourse()], 2);
        string path = Path.Combine(Folder, "figure.svg");
        FigureExporter.Save(figure, path, 1200, 800);

        var svg = XDocument.Parse(File.ReadAllText(path));
        var groups = svg.Root!.Elements().Where(e => e.Name.LocalName == "g").ToList();
        var ids = svg.Descendants().Attributes("id").Select(a => a.Value).ToList();
        var references = svg.Descendants().Attributes()
            .SelectMany(a => System.Text.RegularExpressions.Regex.Matches(a.Value, @"url\(#([^)]+)\)").Select(m => m.Groups[1].Value))
            .ToList();
        var letters = svg.Root.Elements().Where(e => e.Name.LocalName == "text").Select(e => e.Value);
        Assert.Multiple(() =>
        {
            Assert.That((svg.Root.Attribute("width")!.Value, svg.Root.Attribute("height")!.Value), Is.EqualTo(("1200", "800")));
            Assert.That(groups, Has.Count.EqualTo(4));
            Assert.That(groups[3].Attribute("transform")!.Value, Does.StartWith("translate(600,"));
            Assert.That(ids, Is.Unique);
            Assert.That(references, Is.Not.Empty);
            Assert.That(references, Is.SubsetOf(ids));
            Assert.That(letters, Is.EqualTo(new[] { "A", "B", "C", "D" }));
        });
    }

    [Test]
    public void Pdf_IsWritten()
    {
        string path = Path.Combine(Folder, "figure.pdf");
        FigureExporter.Save(new MultiPanelFigure([PlotTestKit.TimeCourse(), PlotTestKit.Survival()], 2), path, 1200, 400);

        Assert.That(System.Text.Encoding.Latin1.GetString(File.ReadAllBytes(path)), Does.StartWith("%PDF-").And.Contain("/MediaBox [0 0 900 300]"));
    }

    [TestCase(0, "A")]
    [TestCase(1, "B")]
    [TestCase(25, "Z")]
    [TestCase(26, "AA")]
    [TestCase(27, "AB")]
    public void PanelLetter_CountsLikeSpreadsheetColumns(int index, string letter) =>
        Assert.That(MultiPanelFigure.PanelLetter(index), Is.EqualTo(letter));

    [Test]
    public void Grid_HasEnoughRowsForAllPanels()
    {
        var figure = new MultiPanelFigure(Enumerable.Range(0, 5).Select(_ => PlotTestKit.Survival()), 2);

        Assert.That((figure.Columns, figure.Rows), Is.EqualTo((2, 3)));
    }

    [Test]
    public void NoPanels_Throws() =>
        Assert.Throws<ArgumentException>(() => _ = new MultiPanelFigure([], 2));

    private static SKBitmap Render(MultiPanelFigure figure)
    {
        using var stream = new MemoryStream();
        FigureExporter.Write(figure, stream, FigureFormat.Png, 800, 300);
        return SKBitmap.Decode(stream.ToArray());
    }
}
