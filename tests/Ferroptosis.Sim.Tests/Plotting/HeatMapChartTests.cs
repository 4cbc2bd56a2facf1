using Ferroptosis.Sim.Plotting;
using OxyPlot;
using OxyPlot.Annotations;
using OxyPlot.Axes;
using OxyPlot.Series;
using SkiaSharp;

namespace Ferroptosis.Sim.Tests.Plotting;

/// <summary>Heat maps: one cell per value at its category, values printed legibly, a colour bar.</summary>
public sealed class HeatMapChartTests
{
    private static readonly string[] Cells = ["Osteoblast", "Osteoclast"];
    private static readonly string[] Drugs = ["Erastin", "RSL3", "Fer-1"];
    private static readonly double[,] Survival = { { 0.1, 0.2, 0.9 }, { 0.3, 0.05, 0.95 } };

    [Test]
    public void EveryValue_GetsOneCellCentredOnItsCategoriesAndOnePrintedLabel()
    {
        var model = HeatMapChart.Create(new HeatMapData(Cells, Drugs, Survival));

        var items = model.Series.OfType<RectangleSeries>().Single().Items;
        var labels = model.Annotations.OfType<TextAnnotation>().ToList();
        Assert.That(items, Has.Count.EqualTo(6));
        Assert.That(labels, Has.Count.EqualTo(6));
        for (int i = 0; i < 2; i++)
        {
            for (int j = 0; j < 3; j++)
            {
                // Row 0 is drawn at the top: y = rows − 1 − i.
                double y = 1 - i;
                var cell = items.Single(r => r.A.X == j - 0.5 && r.A.Y == y - 0.5);
                Assert.That((cell.B.X, cell.B.Y, cell.Value), Is.EqualTo((j + 0.5, y + 0.5, Survival[i, j])));
                Assert.That(labels.Single(l => l.TextPosition.Equals(new DataPoint(j, y))).Text, Is.EqualTo(Survival[i, j].ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)));
            }
        }
    }

    [Test]
    public void CategoryNames_AreTheTickLabels()
    {
        var model = HeatMapChart.Create(new HeatMapData(Cells, Drugs, Survival));

        var columns = model.Axes.Single(a => a.Position == AxisPosition.Bottom);
        var rows = model.Axes.Single(a => a.Position == AxisPosition.Left);
        Assert.Multiple(() =>
        {
            Assert.That(Enumerable.Range(0, 3).Select(j => columns.LabelFormatter(j)), Is.EqualTo(Drugs));
            Assert.That(rows.LabelFormatter(1), Is.EqualTo("Osteoblast"), "the first row is at the top");
            Assert.That(rows.LabelFormatter(0), Is.EqualTo("Osteoclast"));
            Assert.That(columns.LabelFormatter(0.5), Is.Empty);
        });
    }

    [Test]
    public void ColourBar_UsesTheSequentialPaletteOverTheRequestedRange()
    {
        var model = HeatMapChart.Create(new HeatMapData(Cells, Drugs, Survival) { Minimum = 0, Maximum = 1, ValueTitle = "Survival at 24 h" });

        var bar = (LinearColorAxis)model.GetAxis(HeatMapChart.ColorAxisKey);
        Assert.Multiple(() =>
        {
            Assert.That((bar.Minimum, bar.Maximum), Is.EqualTo((0.0, 1.0)));
            Assert.That(bar.Palette.Colors, Is.EqualTo(OxyPalettes.Viridis(256).Colors));
            Assert.That(bar.Title, Is.EqualTo("Survival at 24 h"));
        });
    }

    [Test]
    public void Labels_AreWhiteOnDarkCellsAndDarkOnLightCells()
    {
        var model = HeatMapChart.Create(new HeatMapData(Cells, Drugs, Survival) { Minimum = 0, Maximum = 1 });

        var labels = model.Annotations.OfType<TextAnnotation>().ToDictionary(l => l.Text ?? string.Empty, l => l.TextColor);
        Assert.Multiple(() =>
        {
            Assert.That(labels["0.05"], Is.EqualTo(OxyColors.White), "viridis is dark purple at 0.05");
            Assert.That(labels["0.95"], Is.Not.EqualTo(OxyColors.White), "viridis is yellow at 0.95");
        });
    }

    [Test]
    public void MissingValue_IsGreyWithADash()
    {
        var model = HeatMapChart.Create(new HeatMapData(["Osteocyte"], ["DFO", "Fer-1"], new double[,] { { double.NaN, 0.9 } }));

        Assert.That(model.Annotations.OfType<TextAnnotation>().Select(l => l.Text), Is.EqualTo(new[] { "–", "0.90" }));
    }

    [Test]
    public void SingleCell_RendersAColouredCell()
    {
        var model = HeatMapChart.Create(new HeatMapData(["Osteoblast"], ["Erastin"], new double[,] { { 0.4 } }));
        using var bitmap = PlotTestKit.Render(model, 400, 300);

        var plot = model.PlotArea;
        var inside = new SKRectI((int)plot.Left + 5, (int)plot.Top + 5, (int)plot.Right - 5, (int)plot.Bottom - 5);
        int area = inside.Width * inside.Height;
        Assert.That(PlotTestKit.CountInk(bitmap, inside), Is.GreaterThan(area * 9 / 10), "the single cell does not fill the plot area");
    }

    [Test]
    public void ValuesOfTheWrongShape_Throw()
    {
        var ex = Assert.Throws<ArgumentException>(() => _ = new HeatMapData(Cells, Drugs, new double[3, 2]));
        Assert.That(ex!.Message, Does.Contain("[row, column]"));
    }

    [Test]
    public void FromRows_MatchesTheTwoDimensionalConstructor()
    {
        var fromRows = HeatMapData.FromRows(Cells, Drugs, [[0.1, 0.2, 0.9], [0.3, 0.05, 0.95]]);

        Assert.That(fromRows, Is.EqualTo(new HeatMapData(Cells, Drugs, Survival)));
    }
}
