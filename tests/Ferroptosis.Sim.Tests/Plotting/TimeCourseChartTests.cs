using Ferroptosis.Sim.Plotting;
using OxyPlot;
using OxyPlot.Axes;
using LineSeries = OxyPlot.Series.LineSeries;

namespace Ferroptosis.Sim.Tests.Plotting;

/// <summary>Time courses: one line per quantity, titled axes with units, linear or log y.</summary>
public sealed class TimeCourseChartTests
{
    [Test]
    public void EachQuantity_GetsOneLineWithItsNameAndValues()
    {
        var model = PlotTestKit.TimeCourse();

        var lines = model.Series.Cast<LineSeries>().ToList();
        Assert.Multiple(() =>
        {
            Assert.That(lines.Select(l => l.Title), Is.EqualTo(new[] { "Labile Fe²⁺", "GSH" }));
            Assert.That(lines[1].Points.Select(p => p.Y), Is.EqualTo(PlotTestKit.Hours.Select(t => Math.Exp(-t / 20))));
            Assert.That(lines.Select(l => l.Color), Is.EqualTo(new[] { ColorPalette.OkabeIto[0], ColorPalette.OkabeIto[1] }));
        });
    }

    [Test]
    public void Axes_CarryTitlesAndUnits_TimeInHoursByDefault()
    {
        var model = PlotTestKit.TimeCourse();

        var x = model.Axes.Single(a => a.Position == AxisPosition.Bottom);
        var y = model.Axes.Single(a => a.Position == AxisPosition.Left);
        Assert.Multiple(() =>
        {
            Assert.That((x.Title, x.Unit), Is.EqualTo(("Time", "h")));
            Assert.That((y.Title, y.Unit), Is.EqualTo(("Concentration", "µM")));
            Assert.That(y.TitleFormatString, Is.EqualTo("{0} ({1})"));
        });
    }

    [Test]
    public void LogScale_GivesALogarithmicYAxis()
    {
        var model = TimeCourseChart.Create([new Series("Lipid peroxides", [0.0, 1, 2], [1e-3, 1e-2, 1e-1])], new AxisSpec("Concentration", "µM").Log());

        Assert.That(model.Axes.Single(a => a.Position == AxisPosition.Left), Is.InstanceOf<LogarithmicAxis>());
    }

    [Test]
    public void StyleColour_OverridesThePalette()
    {
        var model = TimeCourseChart.Create(
            [new Series("Nrf2", [0.0, 1], [1.0, 2], SeriesStyle.WithColor("#123456"))],
            new AxisSpec("Concentration", "µM"));

        Assert.That(((LineSeries)model.Series[0]).Color, Is.EqualTo(OxyColor.FromRgb(0x12, 0x34, 0x56)));
    }

    [Test]
    public void FixedRange_IsApplied()
    {
        var model = TimeCourseChart.Create([new Series("HO-1", [0.0, 1], [1.0, 2])], new AxisSpec("HO-1", "µM").WithRange(0, 5));

        var y = model.Axes.Single(a => a.Position == AxisPosition.Left);
        Assert.That((y.Minimum, y.Maximum), Is.EqualTo((0.0, 5.0)));
    }

    [Test]
    public void FromColumns_SplitsARowMajorTableIntoNamedSeries()
    {
        // Two rows (t = 0, 1 h) × three columns, laid out like an ODE solution's States.
        double[] states = [1, 2, 3, 4, 5, 6];
        var series = Series.FromColumns([0.0, 1.0], ["Nrf2", "HO-1", "Fe2+"], states);

        Assert.Multiple(() =>
        {
            Assert.That(series.Select(s => s.Name), Is.EqualTo(new[] { "Nrf2", "HO-1", "Fe2+" }));
            Assert.That(series[1].Y, Is.EqualTo(new[] { 2.0, 5.0 }));
            Assert.That(series[2].X, Is.EqualTo(new[] { 0.0, 1.0 }));
        });
    }

    [Test]
    public void ColumnDictionary_GivesOneLinePerColumn()
    {
        var columns = new Dictionary<string, IReadOnlyList<double>> { ["Nrf2"] = [1.0, 2.0], ["GSH"] = [3.0, 1.0] };
        var model = TimeCourseChart.Create([0.0, 1.0], columns, new AxisSpec("Concentration", "µM"));

        Assert.That(model.Series.Select(s => s.Title), Is.EqualTo(new[] { "Nrf2", "GSH" }));
    }

    [Test]
    public void Series_IsACopyOfTheCallersArrays()
    {
        double[] y = [1, 2, 3];
        var series = new Series("Nrf2", [0.0, 1, 2], y);
        y[0] = 99;

        Assert.That(series.Y[0], Is.EqualTo(1));
    }

    [Test]
    public void Series_WithDifferentLengths_ThrowsNamingTheSeries()
    {
        var ex = Assert.Throws<ArgumentException>(() => _ = new Series("GSH", [0.0, 1], [1.0]));
        Assert.That(ex!.Message, Does.Contain("GSH"));
    }

    [Test]
    public void NoSeries_Throws() =>
        Assert.Throws<ArgumentException>(() => TimeCourseChart.Create([], new AxisSpec("Concentration", "µM")));

    [Test]
    public void LogAxisWithNonPositiveRange_Throws() =>
        Assert.Throws<ArgumentException>(() => TimeCourseChart.Create([new Series("A", [0.0], [1.0])], new AxisSpec("A", "µM").Log() with { Minimum = 0 }));

    [TestCase(0.0)]
    [TestCase(-1e-9)]
    public void LogAxis_NeverDropsANonPositiveValueInSilence_ItThrows(double value)
    {
        var series = new Series("LPO", [0, 1, 2], [1, value, 3]);
        var ex = Assert.Throws<ArgumentException>(() => TimeCourseChart.Create([series], new AxisSpec("Lipid peroxides", "n.u.").Log()));
        Assert.That(ex!.Message, Does.Contain("'LPO'").And.Contain("point 1"));
    }

    [Test]
    public void LogTimeAxis_WithTimeZero_Throws() =>
        Assert.Throws<ArgumentException>(() => TimeCourseChart.Create([new Series("GSH", [0, 1, 2], [3, 2, 1])], new AxisSpec("GSH", "mM"), AxisSpec.TimeInHours.Log()));

    [Test]
    public void LogAxis_AcceptsNaN_AsAnIntendedBreakInTheLine()
    {
        var model = TimeCourseChart.Create([new Series("LPO", [0, 1, 2], [1, double.NaN, 3])], new AxisSpec("Lipid peroxides", "n.u.").Log());
        Assert.That(model.Series, Has.Count.EqualTo(1));
    }
}
