using Ferroptosis.Sim.Plotting;
using OxyPlot;
using OxyPlot.Annotations;
using OxyPlot.Axes;
using LineSeries = OxyPlot.Series.LineSeries;
using SkiaSharp;

namespace Ferroptosis.Sim.Tests.Plotting;

/// <summary>Cell-death trajectories: t50 is found where the curve crosses 0.5 and marked there.</summary>
public sealed class SurvivalChartTests
{
    [Test]
    public void HalfSurvivalTime_OfAPiecewiseLinearCurve_IsTheExactCrossing()
    {
        // S(t) = 1 − t/20 crosses 0.5 at t = 10; irregular samples bracket it at 7 and 13, and linear
        // interpolation of a linear function is exact.
        double[] t = [0, 3, 7, 13, 19];
        double[] s = [.. t.Select(x => 1 - (x / 20))];

        Assert.That(SurvivalChart.HalfSurvivalTime(t, s), Is.EqualTo(10).Within(1e-12));
    }

    [Test]
    public void HalfSurvivalTime_OfALogistic_IsItsMidpoint()
    {
        // S'' = 0 at the midpoint of a logistic, so the chord's error there is O(h³): ≪ 1e-3 h for h = 0.5 h, k = 2 h.
        Assert.That(SurvivalChart.HalfSurvivalTime(PlotTestKit.Hours, PlotTestKit.Logistic(12.3, 2)), Is.EqualTo(12.3).Within(1e-3));
    }

    [Test]
    public void HalfSurvivalTime_WhenASampleIsExactlyHalf_IsThatSampleTime() =>
        Assert.That(SurvivalChart.HalfSurvivalTime([0, 1, 2, 3], [1, 0.8, 0.5, 0.2]), Is.EqualTo(2));

    [TestCase(new[] { 1.0, 0.9, 0.8, 0.7 }, TestName = "stays above half")]
    [TestCase(new[] { 0.4, 0.3, 0.2, 0.1 }, TestName = "starts below half")]
    [TestCase(new[] { 0.2, 0.4, 0.6, 0.8 }, TestName = "rises through half")]
    public void HalfSurvivalTime_WithoutADownwardCrossing_IsNull(double[] survival) =>
        Assert.That(SurvivalChart.HalfSurvivalTime([0, 1, 2, 3], survival), Is.Null);

    [Test]
    public void HalfSurvivalTime_SkipsPairsWithNaN() =>
        Assert.That(SurvivalChart.HalfSurvivalTime([0, 1, 2, 3, 4], [1, double.NaN, 0.9, 0.7, 0.3]), Is.EqualTo(3.5).Within(1e-12));

    [Test]
    public void HalfSurvivalTime_LengthMismatch_Throws() =>
        Assert.Throws<ArgumentException>(() => SurvivalChart.HalfSurvivalTime([0, 1], [1]));

    [Test]
    public void Create_MarksT50WithADashedLineAndADotAtTheCrossingAndNamesItInTheLegend()
    {
        var model = SurvivalChart.Create([new Series("Osteoblast", [0, 3, 7, 13, 19], [1, 0.85, 0.65, 0.35, 0.05])]);

        var line = model.Annotations.OfType<LineAnnotation>().Single(a => a.Type == LineAnnotationType.Vertical);
        var dot = model.Annotations.OfType<PointAnnotation>().Single();
        var reference = model.Annotations.OfType<LineAnnotation>().Single(a => a.Type == LineAnnotationType.Horizontal);
        Assert.Multiple(() =>
        {
            Assert.That(line.X, Is.EqualTo(10).Within(1e-12));
            Assert.That(line.MaximumY, Is.EqualTo(0.5));
            Assert.That(line.LineStyle, Is.EqualTo(LineStyle.Dash));
            Assert.That((dot.X, dot.Y), Is.EqualTo((10.0, 0.5)));
            Assert.That(reference.Y, Is.EqualTo(0.5));
            Assert.That(model.Series.Single().Title, Is.EqualTo("Osteoblast (t50 = 10.0 h)"));
        });
    }

    [Test]
    public void Create_CurveThatNeverCrosses_HasNoMarkAndSaysSoInTheLegend()
    {
        var model = SurvivalChart.Create([new Series("Osteocyte", PlotTestKit.Hours, [.. PlotTestKit.Hours.Select(t => 1 - (t / 200))])]);

        Assert.Multiple(() =>
        {
            Assert.That(model.Annotations.OfType<PointAnnotation>(), Is.Empty);
            Assert.That(model.Series.Single().Title, Is.EqualTo("Osteocyte (t50 > 48 h)"));
        });
    }

    [Test]
    public void Create_InPercent_ScalesCurvesReferenceAndMarksBy100()
    {
        var model = SurvivalChart.Create([new Series("Osteoclast", PlotTestKit.Hours, PlotTestKit.Logistic(20, 3))], SurvivalScale.Percent);

        var series = (LineSeries)model.Series.Single();
        var yAxis = model.Axes.Single(a => a.Position == AxisPosition.Left);
        Assert.Multiple(() =>
        {
            Assert.That(series.Points[0].Y, Is.EqualTo(100 * PlotTestKit.Logistic(20, 3)[0]).Within(1e-12));
            Assert.That(model.Annotations.OfType<PointAnnotation>().Single().Y, Is.EqualTo(50));
            Assert.That(model.Annotations.OfType<LineAnnotation>().Single(a => a.Type == LineAnnotationType.Horizontal).Y, Is.EqualTo(50));
            Assert.That((yAxis.Title, yAxis.Unit), Is.EqualTo(("Surviving cells", "%")));
        });
    }

    [Test]
    public void RenderedMark_SitsInThePixelColumnOfT50()
    {
        const double T50 = 12.3;
        var model = SurvivalChart.Create([new Series("Osteoblast", PlotTestKit.Hours, PlotTestKit.Logistic(T50, 2))]);
        using var bitmap = PlotTestKit.Render(model, 600, 400);

        // After rendering, the axes map data to the pixels just drawn (96 dpi: one layout unit = one pixel).
        var time = model.Axes.Single(a => a.Position == AxisPosition.Bottom);
        var fraction = model.Axes.Single(a => a.Position == AxisPosition.Left);
        int x = (int)Math.Round(time.Transform(T50));
        int top = (int)fraction.Transform(0.5) + 10, bottom = (int)fraction.Transform(0.05);
        var color = ((LineSeries)model.Series[0]).Color;

        int onMark = PlotTestKit.CountColor(bitmap, new SKRectI(x - 1, top, x + 2, bottom), color);
        int besideMark = PlotTestKit.CountColor(bitmap, new SKRectI(x - 40, top, x - 37, bottom), color);
        Assert.Multiple(() =>
        {
            // A dashed line (4 on, 3 off) covers over half of the column between the dot and the axis.
            Assert.That(onMark, Is.GreaterThan((bottom - top) / 2), "no dashed line in the t50 column");
            Assert.That(besideMark, Is.LessThan(onMark / 4), "the column 40 px left of t50 is as coloured as the mark");
            Assert.That(PlotTestKit.CountColor(bitmap, new SKRectI(x - 3, top - 14, x + 4, top - 6), color), Is.GreaterThan(10), "no dot at (t50, 0.5)");
        });
    }

    [Test]
    public void Create_WithoutCurves_Throws() =>
        Assert.Throws<ArgumentException>(() => SurvivalChart.Create([]));

    [Test]
    public void CoincidingT50Marks_HaveDifferentShapes_MatchingLegendMarks_AndDirectLabels()
    {
        // Two curves that cross 0.5 at the same time, and one that crosses far away.
        double[] t = [0, 10, 20, 30, 40, 48];
        var model = SurvivalChart.Create(
        [
            new Series("glucocorticoid", t, [1, 0.9, 0.7, 0.5, 0.3, 0.2]),
            new Series("estrogen loss", t, [1, 0.95, 0.75, 0.5, 0.2, 0.1]),
            new Series("iron overload", t, [1, 0.2, 0.1, 0.05, 0.02, 0.01]),
        ]);

        var points = model.Annotations.OfType<PointAnnotation>().ToList();
        var legendMarks = model.Series.Cast<LineSeries>().Select(l => ((LegendMarkLineSeries)l).LegendMark).ToList();
        var labels = model.Annotations.OfType<TextAnnotation>().Select(a => a.Text).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(points.Select(p => p.Shape).Distinct().Count(), Is.EqualTo(3), "one shape per mark");
            Assert.That(legendMarks, Is.EqualTo(points.Select(p => p.Shape)), "the legend shows each curve's mark");
            Assert.That(labels, Is.EquivalentTo(new[] { "glucocorticoid: 30.0 h", "estrogen loss: 30.0 h" }), "only the crowded marks are labelled");
            Assert.That(model.Annotations.OfType<TextAnnotation>().Select(a => a.TextPosition.Y).Distinct().Count(), Is.EqualTo(2), "labels stacked, not on top of each other");
        });
    }

    [Test]
    public void T50_HasOneDecimalInEveryLegend()
    {
        double[] t = [0, 2, 4, 20, 40];
        var model = SurvivalChart.Create([new Series("fast", t, [1, 0.8, 0.3, 0.1, 0]), new Series("slow", t, [1, 1, 0.9, 0.6, 0.2])]);
        Assert.That(model.Series.Select(s => s.Title), Is.EqualTo(new[] { "fast (t50 = 3.2 h)", "slow (t50 = 25.0 h)" }));
    }

    [TestCase(0.0)]
    [TestCase(-2.0)]
    public void LogTimeAxis_RefusesTimesItCannotShow(double first)
    {
        var ex = Assert.Throws<ArgumentException>(() => SurvivalChart.Create([new Series("Osteoblast", [first, 1, 10], [1, 0.6, 0.2])], timeAxis: AxisSpec.TimeInHours.Log()));
        Assert.That(ex!.Message, Does.Contain("Osteoblast").And.Contain("logarithmic"));
    }
}
