using System.Xml.Linq;
using Ferroptosis.Sim.Pathway;
using Ferroptosis.Sim.Plotting;
using OxyPlot.Annotations;
using SkiaSharp;
using LineSeries = OxyPlot.Series.LineSeries;

namespace Ferroptosis.Sim.Tests.Plotting;

/// <summary>The adapters from pathway results to figures: lines, labels, units and t50 marks come from the simulations; rendered files decode and show them.</summary>
public sealed class CellDeathFigureTests : TempFolderTests
{
    private static readonly TimeSpan Day = TimeSpan.FromHours(24);
    [Test]
    public void Survival_DrawsOneLinePerResult_WithTheSimulatedValuesAndT50InTheLegend()
    {
        var erastin = Run(BoneCell.Osteoblast, Perturbation.Erastin(10));
        var rescued = Run(BoneCell.Osteoblast, Perturbation.Erastin(10), Perturbation.Ferrostatin1(1));

        var model = CellDeathFigure.Survival([erastin, rescued]);
        var lines = model.Series.OfType<LineSeries>().ToList();

        Assert.Multiple(() =>
        {
            Assert.That(lines, Has.Count.EqualTo(2));
            Assert.That(lines[0].Points.Select(p => p.Y), Is.EqualTo(erastin.SurvivingFraction).Within(1e-12));
            Assert.That(lines[0].Points.Select(p => p.X), Is.EqualTo(erastin.TimesHours.ToArray()));

            // One cell type: lines are named by condition and the chart by the cell type. The chart's t50 (chord of
            // the 0.25-h samples) agrees with the simulation's root-found t50 to well under the sampling interval.
            Assert.That(model.Title, Is.EqualTo("Osteoblast"));
            Assert.That(lines[0].Title, Does.StartWith("erastin 10 µM (t50 = "));
            Assert.That(SurvivalChart.HalfSurvivalTime(lines[0].Points.Select(p => p.X).ToList(), erastin.SurvivingFraction), Is.EqualTo(erastin.TimeTo50PercentDeathHours!.Value).Within(0.05));
            Assert.That(lines[1].Title, Is.EqualTo("erastin 10 µM + ferrostatin-1 1 µM (t50 > 24 h)"));
            Assert.That(model.Annotations.OfType<PointAnnotation>().Count(), Is.EqualTo(1));
        });
    }

    [Test]
    public void TimeCourseWhileAlive_EndsEachLineOnceItsCultureIsMoreThan90PercentDead_AndSaysSo()
    {
        var erastin = Run(BoneCell.Osteoblast, Perturbation.Erastin(10));
        var rescued = Run(BoneCell.Osteoblast, Perturbation.Erastin(10), Perturbation.Ferrostatin1(1));

        var model = CellDeathFigure.TimeCourseWhileAlive([erastin, rescued], "GSH", deadBelow: 0.1);
        var lines = model.Series.OfType<LineSeries>().ToList();
        int firstDead = Array.FindIndex(erastin.SurvivingFraction, s => s < 0.1);
        Assert.Multiple(() =>
        {
            Assert.That(firstDead, Is.GreaterThan(0), "erastin 10 µM kills the osteoblasts within 24 h");
            Assert.That(lines[0].Points.Take(firstDead + 1).All(p => double.IsFinite(p.Y)), Is.True);
            Assert.That(lines[0].Points.Skip(firstDead + 1).All(p => double.IsNaN(p.Y)), Is.True, "no GSH of a culture that is > 90 % dead");
            Assert.That(lines[1].Points.All(p => double.IsFinite(p.Y)), Is.True, "the rescued culture lives: its line runs to the end");
            Assert.That(model.Subtitle, Does.Contain("more than 90 % dead (S < 0.1)"));
        });
    }

    [TestCase(0.0)]
    [TestCase(1.5)]
    public void TimeCourseWhileAlive_RefusesAThresholdOutsideZeroToOne(double threshold) =>
        Assert.Throws<ArgumentException>(() => CellDeathFigure.TimeCourseWhileAlive([Run(BoneCell.Osteoblast)], "GSH", threshold));

    [Test]
    public void DefaultLabeller_NamesLinesByWhatTellsThemApart()
    {
        var ob = Run(BoneCell.Osteoblast, Perturbation.Erastin(10));
        var oc = Run(BoneCell.Osteoclast, Perturbation.Erastin(10));
        var obRescued = Run(BoneCell.Osteoblast, Perturbation.Erastin(10), Perturbation.Deferoxamine(100));

        Assert.Multiple(() =>
        {
            Assert.That(CellDeathFigure.DefaultLabeller([ob, oc])(oc), Is.EqualTo("Osteoclast"));
            Assert.That(CellDeathFigure.DefaultLabeller([ob, obRescued])(obRescued), Is.EqualTo("erastin 10 µM + deferoxamine 100 µM"));
            Assert.That(CellDeathFigure.DefaultLabeller([oc, obRescued])(oc), Is.EqualTo("Osteoclast: erastin 10 µM"));
        });
    }

    [Test]
    public void TimeCourse_TakesTheLabelAndUnitOfTheQuantityFromTheModelReadme()
    {
        var result = Run(BoneCell.Osteocyte, Perturbation.Erastin(10));

        var model = CellDeathFigure.TimeCourse([result], "GSH");
        var y = model.Axes.Single(a => a.Position == OxyPlot.Axes.AxisPosition.Left);

        Assert.Multiple(() =>
        {
            Assert.That((y.Title, y.Unit), Is.EqualTo(("GSH", "mM")));
            Assert.That(model.Series.OfType<LineSeries>().Single().Points.Select(p => p.Y), Is.EqualTo(result.Quantity("GSH")));
            Assert.That(PathwayQuantity.Describe("LIP").LabelWithUnit, Is.EqualTo("Labile Fe²⁺ (µM)"));
            Assert.That(PathwayQuantity.Describe("HO1").Unit, Is.EqualTo(PathwayQuantity.NormalisedUnit));
            Assert.That(PathwayQuantity.Describe("C_clear"), Is.EqualTo(new PathwayQuantity("C_clear", "C_clear", null)));
        });
    }

    [Test]
    public void TimeCourse_OfQuantitiesWithDifferentUnits_Throws_AndAnUnknownQuantityListsTheKnownOnes()
    {
        var result = Run(BoneCell.Osteoblast);

        var mixed = Assert.Throws<ArgumentException>(() => CellDeathFigure.TimeCourse(result, ["GSH", "LIP"]));
        var unknown = Assert.Throws<ArgumentException>(() => CellDeathFigure.TimeCourse([result], "LPX"));

        Assert.That(mixed!.Message, Does.Contain("GSH (mM)").And.Contain("Labile Fe²⁺ (µM)"));
        Assert.That(unknown!.Message, Does.Contain("'LPX'").And.Contain("LPO"));
        Assert.That(CellDeathFigure.TimeCourse(result, ["HO1", "GPX4", "NRF2"]).Series, Has.Count.EqualTo(3));
    }

    [Test]
    public void SurvivalHeatMap_PngHasTheRequestedSize_AndTheSvgPrintsTheSimulatedSurvival()
    {
        var runs = new CellSimulationResult[2, 2];
        runs[0, 0] = Run(BoneCell.Osteoblast, Perturbation.Erastin(10));
        runs[0, 1] = Run(BoneCell.Osteoblast, Perturbation.Erastin(10), Perturbation.Ferrostatin1(1));
        runs[1, 0] = Run(BoneCell.Osteoclast, Perturbation.Erastin(10));
        runs[1, 1] = Run(BoneCell.Osteoclast, Perturbation.Erastin(10), Perturbation.Ferrostatin1(1));
        var model = CellDeathFigure.SurvivalHeatMap(["Osteoblast", "Osteoclast"], ["erastin", "+ Fer-1"], runs, TimeSpan.FromHours(24));
        string png = Path.Combine(Folder, "heat.png"), svg = Path.Combine(Folder, "heat.svg");

        FigureExporter.Save(model, png, 800, 500);
        FigureExporter.Save(model, svg, 800, 500);
        using var bitmap = PlotTestKit.DecodePng(png);
        var texts = XDocument.Load(svg).Descendants().Where(e => e.Name.LocalName == "text").Select(e => e.Value).ToList();

        Assert.Multiple(() =>
        {
            Assert.That((bitmap.Width, bitmap.Height), Is.EqualTo((800, 500)));
            Assert.That(PlotTestKit.CountInk(bitmap, new SKRectI(0, 0, 800, 500)), Is.GreaterThan(20_000));
            Assert.That(texts, Does.Contain(runs[0, 0].SurvivalAtHours(24).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)));
            Assert.That(texts, Does.Contain("Osteoclast").And.Contain("+ Fer-1").And.Contain("Surviving fraction at 24 h (0–1)"));
        });
    }

    [Test]
    public void Overview_HasASurvivalPanelWithTheLegend_ThenOneQuietPanelPerQuantity_AndRendersEveryPanel()
    {
        var results = BoneCell.All.Select(c => Run(c, Perturbation.Erastin(10))).ToList();

        var figure = CellDeathFigure.Overview(results, options: new FigureOptions { Title = "erastin 10 µM" });
        string png = Path.Combine(Folder, "overview.png");
        FigureExporter.Save(figure, png, 1440, 900);
        using var bitmap = PlotTestKit.DecodePng(png);

        Assert.Multiple(() =>
        {
            Assert.That(figure.Panels, Has.Count.EqualTo(1 + PathwayQuantity.OverviewIds.Count));
            Assert.That(figure.Panels[0].IsLegendVisible, Is.True);
            Assert.That(figure.Panels[0].Title, Is.EqualTo("erastin 10 µM"));
            Assert.That(figure.Panels.Skip(1).Select(p => p.IsLegendVisible), Is.All.False);
            Assert.That(figure.Panels.Skip(1).Select(p => p.Title), Is.All.Null);
            Assert.That(figure.Panels[0].Series.Select(s => s.Title.Split(' ')[0]), Is.EqualTo(new[] { "Osteoblast", "Osteoclast", "Osteocyte" }));

            // Each of the 3 × 2 cells has drawn lines in it.
            for (int i = 0; i < figure.Panels.Count; i++)
            {
                var cell = new SKRectI((i % 3) * 480, (i / 3) * 450, ((i % 3) + 1) * 480, ((i / 3) + 1) * 450);
                Assert.That(PlotTestKit.CountInk(bitmap, cell), Is.GreaterThan(3000), $"panel {MultiPanelFigure.PanelLetter(i)}");
            }
        });
    }

    [Test]
    public void A_titled_chart_names_the_model_version_in_its_subtitle()
    {
        var v1 = new CellSimulationOptions { Model = FerroptosisModel.Version1 };
        var old = FerroptosisSimulation.Run(BoneCell.Osteoblast, [Perturbation.Erastin(10)], Day, v1);
        var current = Run(BoneCell.Osteoblast, Perturbation.Erastin(10));
        var rescued = FerroptosisSimulation.Run(BoneCell.Osteoblast, [Perturbation.Erastin(10), Perturbation.Ferrostatin1(1)], Day, v1);

        Assert.Multiple(() =>
        {
            Assert.That(CellDeathFigure.Survival([old, rescued]).Subtitle, Is.EqualTo("ferroptosis model v1"), "titled by the shared cell type");
            Assert.That(CellDeathFigure.Survival([current], options: new FigureOptions { Title = "erastin" }).Subtitle, Is.EqualTo("ferroptosis model v2"));
            Assert.That(CellDeathFigure.Survival([old, current], options: new FigureOptions { Title = "both" }).Subtitle, Is.EqualTo("ferroptosis models v1, v2"));
            Assert.That(CellDeathFigure.Survival([current]).Subtitle, Is.Null.Or.Empty, "no title, no subtitle: the caption is the author's");
            Assert.That(CellDeathFigure.TimeCourse(current, ["HO1", "GPX4"], new FigureOptions { Title = "HO-1" }).Subtitle, Is.EqualTo("ferroptosis model v2"));
        });
    }

    private static CellSimulationResult Run(BoneCell cell, params Perturbation[] perturbations) => FerroptosisSimulation.Run(cell, perturbations, Day);
}
