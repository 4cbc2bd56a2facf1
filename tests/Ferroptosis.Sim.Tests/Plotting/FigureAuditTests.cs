using Ferroptosis.Sim.Pathway;
using Ferroptosis.Sim.Plotting;
using OxyPlot;
using LineSeries = OxyPlot.Series.LineSeries;

namespace Ferroptosis.Sim.Tests.Plotting;

/// <summary>The figure style guide on the library's own figures, and the audit that enforces it catching what it should.</summary>
public sealed class FigureAuditTests
{
    [Test]
    public void Audit_CatchesLinesThatLookAlike_AxesWithoutUnits_AndSeriesMissingFromTheLegend()
    {
        double[] x = [0, 1, 2];
        var look = new SeriesStyle { Color = OxyColors.Red, LineStyle = LineStyle.Solid };
        var model = TimeCourseChart.Create([new Series("a", x, x, look), new Series("b", x, [1, 2, 3], look)], new AxisSpec("Level"));
        model.Series[1].Title = null;

        var problems = FigureAudit.Problems(model);

        Assert.Multiple(() =>
        {
            Assert.That(problems, Has.Some.Contains("share colour"));
            Assert.That(problems, Has.Some.Contains("'Level' has no unit"));
            Assert.That(problems, Has.Some.Contains("missing from the legend"));
        });
    }

    [Test]
    public void Audit_CatchesALineHiddenUnderAnother_WithoutANote_AndTimeCoursesWriteThatNote()
    {
        double[] x = [0, 1, 2];
        var model = TimeCourseChart.Create(
            [new Series("untreated", x, [3, 3, 3], new SeriesStyle { LineStyle = LineStyle.Dash }), new Series("+ Fer-1", x, [3, 3.001, 3]), new Series("erastin", x, [3, 1, 0.5])],
            new AxisSpec("GSH", "mM"));

        Assert.Multiple(() =>
        {
            Assert.That(model.Subtitle, Is.EqualTo("lines coincide: untreated, + Fer-1"));
            Assert.That(FigureAudit.Problems(model), Is.Empty);
            model.Subtitle = null;
            Assert.That(FigureAudit.Problems(model), Has.Some.Contains("lie on top of each other and no note says so"));
        });
    }

    [Test]
    public void Audit_AsksAHeatMapToNameItsRowsAndColumns_AndToGiveItsColourBarAUnit_ButNoLegend()
    {
        var values = new double[,] { { 1, 0.5 }, { 0.2, 0 } };
        var bare = HeatMapChart.Create(new HeatMapData(["untreated", "erastin 10 µM"], ["Osteoblast", "Osteocyte"], values) { ValueTitle = "Surviving fraction" });
        var named = HeatMapChart.Create(new HeatMapData(["untreated", "erastin 10 µM"], ["Osteoblast", "Osteocyte"], values)
        {
            RowTitle = "Condition",
            ColumnTitle = "Cell type",
            ValueTitle = "Surviving fraction",
            ValueUnit = "0–1",
        });

        Assert.Multiple(() =>
        {
            Assert.That(FigureAudit.Problems(bare), Is.EquivalentTo(new[] { "the Bottom axis has no title", "the Left axis has no title", "the Right axis 'Surviving fraction' has no unit" }));
            Assert.That(FigureAudit.Problems(named), Is.Empty);
        });
    }

    [Test]
    public void Audit_AsksALogAxisToDropNoPoint_AndToSetAZeroControlApartByABreak_NotJoinedToTheLine()
    {
        PlotModel Chart() => DoseResponseChart.Create(
            [new DoseResponseCurve("erastin", [0, 1, 10], [1, 0.8, 0.2]) { ConnectPoints = true }],
            new AxisSpec("Erastin", "µM"),
            new AxisSpec("Surviving fraction", "0–1"));
        static LineSeries Curve(PlotModel model) => model.Series.OfType<LineSeries>().Single(s => s.Title == "erastin");

        var unbroken = Chart();
        unbroken.Annotations.Clear();
        var joined = Chart();
        Curve(joined).Points.RemoveAt(1); // the undefined point that cuts the control off from the line
        var dropped = Chart();
        Curve(dropped).Points.Add(new DataPoint(0, 1));

        Assert.Multiple(() =>
        {
            Assert.That(FigureAudit.Problems(Chart()), Is.Empty);
            Assert.That(FigureAudit.Problems(unbroken), Is.EqualTo(new[] { "the zero control on the logarithmic Bottom axis is not set apart by an axis break" }));
            Assert.That(FigureAudit.Problems(joined), Is.EqualTo(new[] { "the zero control of 'erastin' is joined to its line across the axis break" }));
            Assert.That(FigureAudit.Problems(dropped), Has.Some.Contains("'erastin' has a value ≤ 0 on the logarithmic Bottom axis"));
        });
    }

    [Test]
    public void Audit_AsksMarksOfDifferentLinesOnTheSameSpot_ForDifferentShapesOrLabels()
    {
        // Both curves cross 50 % at t = 1 h: their t50 marks fall on one spot.
        double[] t = [0, 1, 2];
        PlotModel Chart() => SurvivalChart.Create([new Series("healthy", t, [1, 0.5, 0.2]), new Series("iron overload", t, [1, 0.5, 0.3])]);
        var marks = Chart().Annotations.OfType<OxyPlot.Annotations.PointAnnotation>().ToList();

        var sameShape = Chart();
        foreach (var mark in sameShape.Annotations.OfType<OxyPlot.Annotations.PointAnnotation>())
        {
            mark.Shape = MarkerType.Circle;
        }

        var sameShapeUnlabelled = Chart();
        foreach (var mark in sameShapeUnlabelled.Annotations.OfType<OxyPlot.Annotations.PointAnnotation>())
        {
            mark.Shape = MarkerType.Circle;
        }

        foreach (var label in sameShapeUnlabelled.Annotations.OfType<OxyPlot.Annotations.TextAnnotation>().ToList())
        {
            sameShapeUnlabelled.Annotations.Remove(label);
        }

        Assert.Multiple(() =>
        {
            Assert.That(marks, Has.Count.EqualTo(2));
            Assert.That(marks.Select(m => m.Shape).Distinct().Count(), Is.EqualTo(2), "the chart gives the marks different shapes");
            Assert.That(FigureAudit.Problems(Chart()), Is.Empty);
            Assert.That(FigureAudit.Problems(sameShape), Is.Empty, "labelled marks are told apart by their labels");
            Assert.That(FigureAudit.Problems(sameShapeUnlabelled), Is.EqualTo(new[] { "marks of 'healthy (t50 = 1.0 h)' and 'iron overload (t50 = 1.0 h)' land on the same spot with the same shape (Circle) and no label" }));
        });
    }

    [Test]
    public void OverviewAndSurvivalFigures_OfConditionsAndOfCellTypes_PassTheAudit()
    {
        var hours = TimeSpan.FromHours(12);
        Perturbation[][] arms = [[], [Perturbation.Erastin(10)], [Perturbation.Erastin(10), Perturbation.Ferrostatin1(1)], [Perturbation.Erastin(10), Perturbation.Deferoxamine(100)], [Perturbation.Erastin(10), Perturbation.ZincProtoporphyrin(10)]];
        var conditions = arms.Select(a => FerroptosisSimulation.Run(BoneCell.Osteoblast, a, hours)).ToList();
        var cells = BoneCell.All.Select(c => FerroptosisSimulation.Run(c, [Perturbation.Erastin(10)], hours)).ToList();

        PlotModel[] figures =
        [
            CellDeathFigure.Survival(conditions),
            CellDeathFigure.Survival(cells),
            CellDeathFigure.TimeCourse(conditions, "GSH"),
            CellDeathFigure.LipidPeroxides(cells),
            .. CellDeathFigure.Overview(conditions).Panels.Take(1),
        ];

        Assert.That(FigureAudit.Problems(figures), Is.Empty);
    }
}
