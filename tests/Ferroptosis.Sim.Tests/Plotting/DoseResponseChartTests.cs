using Ferroptosis.Sim.Plotting;
using OxyPlot.Annotations;
using OxyPlot.Axes;
using OxyPlot.Series;

namespace Ferroptosis.Sim.Tests.Plotting;

/// <summary>Dose–response plots: log dose axis, points and fits as given, IC50/EC50 marked at the given dose.</summary>
public sealed class DoseResponseChartTests
{
    private static readonly double[] Doses = [0, 0.01, 0.03, 0.1, 0.3, 1, 3, 10, 30, 100];
    private static readonly AxisSpec Dose = new("Erastin", "µM");
    private static readonly AxisSpec Viability = new("Viability", "%");

    private static DoseResponseCurve Osteoblast() =>
        new("Osteoblast", Doses, [.. Doses.Select(d => PlotTestKit.Hill(d, 1.2, 1.3))])
        {
            Fit = d => PlotTestKit.Hill(d, 1.2, 1.3),
            HalfMaximalDose = 1.2,
        };

    [Test]
    public void DoseAxis_IsLogarithmicWithItsUnit()
    {
        var model = DoseResponseChart.Create([Osteoblast()], Dose, Viability);

        var axis = model.Axes.Single(a => a.Position == AxisPosition.Bottom);
        Assert.Multiple(() =>
        {
            Assert.That(axis, Is.InstanceOf<LogarithmicAxis>());
            Assert.That((axis.Title, axis.Unit), Is.EqualTo(("Erastin", "µM")));
        });
    }

    [Test]
    public void HalfMaximalDose_IsMarkedByAVerticalLineAtThatDoseUpToTheFit()
    {
        var model = DoseResponseChart.Create([Osteoblast()], Dose, Viability);

        var mark = model.Annotations.OfType<LineAnnotation>().Single(a => a.Text?.Contains("axis break", StringComparison.Ordinal) != true);
        Assert.Multiple(() =>
        {
            Assert.That(mark.Type, Is.EqualTo(LineAnnotationType.Vertical));
            Assert.That(mark.X, Is.EqualTo(1.2));
            Assert.That(mark.MaximumY, Is.EqualTo(PlotTestKit.Hill(1.2, 1.2, 1.3)).Within(1e-12));
            Assert.That(model.Series.Single(s => s.Title is not null).Title, Is.EqualTo("Osteoblast (IC50 = 1.2 µM)"));
        });
    }

    [Test]
    public void HalfMaximalDose_WithoutAFit_ReachesTheLogLinearInterpolationOfThePoints()
    {
        // Between (1, 40) and (10, 20) in log10 dose, √10 ≈ 3.162 lies halfway: 30.
        var curve = new DoseResponseCurve("Osteocyte", [0.1, 1, 10], [60, 40, 20]) { HalfMaximalDose = Math.Sqrt(10), HalfMaximalLabel = "EC50" };
        var model = DoseResponseChart.Create([curve], Dose, Viability);

        var mark = model.Annotations.OfType<LineAnnotation>().Single();
        Assert.Multiple(() =>
        {
            Assert.That(mark.MaximumY, Is.EqualTo(30).Within(1e-9));
            Assert.That(model.Series.Single().Title, Does.Contain("EC50 = 3.16 µM"));
        });
    }

    [Test]
    public void Fit_IsDrawnAtLogSpacedDosesAcrossThePlottedRange()
    {
        var model = DoseResponseChart.Create([Osteoblast()], Dose, Viability);

        var fit = model.Series.OfType<LineSeries>().Single(s => s.Title is null);
        var x = fit.Points.Select(p => p.X).ToArray();
        double ratio = x[1] / x[0];
        Assert.Multiple(() =>
        {
            Assert.That(x, Has.Length.EqualTo(DoseResponseChart.FitSamples));
            Assert.That(x[0], Is.LessThan(0.01));
            Assert.That(x[^1], Is.GreaterThan(100));
            Assert.That(x.Zip(x.Skip(1), (a, b) => b / a), Has.All.EqualTo(ratio).Within(1e-9));
            Assert.That(fit.Points.All(p => p.Y == PlotTestKit.Hill(p.X, 1.2, 1.3)), Is.True);
        });
    }

    [Test]
    public void BellShapedData_ArePlottedAsGivenWithoutFitOrMark()
    {
        double[] doses = [0.01, 0.1, 1, 10, 100];
        double[] responses = [100, 125, 140, 90, 30];
        var model = DoseResponseChart.Create([new DoseResponseCurve("Osteocyte", doses, responses) { ConnectPoints = true }], Dose, Viability);

        var points = (LineSeries)model.Series.Single();
        Assert.Multiple(() =>
        {
            Assert.That(points.Points.Select(p => (p.X, p.Y)), Is.EqualTo(doses.Zip(responses)));
            Assert.That(points.LineStyle, Is.Not.EqualTo(OxyPlot.LineStyle.None));
            Assert.That(model.Annotations, Is.Empty);
        });
    }

    [Test]
    public void ZeroDose_IsShownLeftOfAnAxisBreak_NotJoinedToTheLine_AndItsTickReadsZero()
    {
        var model = DoseResponseChart.Create([Osteoblast()], Dose, Viability);

        var points = model.Series.OfType<LineSeries>().Single(s => s.Title is not null);
        var axis = (LogarithmicAxis)model.Axes.Single(a => a.Position == AxisPosition.Bottom);
        var brk = model.Annotations.OfType<LineAnnotation>().Single(a => a.Type == LineAnnotationType.Vertical && a.Text?.Contains("axis break", StringComparison.Ordinal) == true);
        double zero = DoseResponseChart.ZeroDosePosition(0.01);
        Assert.Multiple(() =>
        {
            // The control, then a gap (an undefined point breaks the line), then the positive doses.
            Assert.That(points.Points[0].X, Is.EqualTo(zero));
            Assert.That(points.Points[0].Y, Is.EqualTo(PlotTestKit.Hill(0, 1.2, 1.3)));
            Assert.That(points.Points[1].IsDefined(), Is.False);
            Assert.That(points.Points.Skip(2).Select(p => p.X), Is.EqualTo(Doses.Skip(1)));
            Assert.That(brk.X, Is.GreaterThan(zero).And.LessThan(0.01));
            Assert.That(axis.Minimum, Is.LessThan(zero));
            Assert.That(axis.LabelFormatter!(zero), Is.EqualTo("0"));
            Assert.That(axis.LabelFormatter!(zero * 1.5), Is.Empty, "no dose tick left of the break");
            Assert.That(axis.LabelFormatter!(1), Is.EqualTo("1"));
        });
    }

    [Test]
    public void ChartWithZeroDoseControls_PassesTheFigureAudit_NoExtraLegendEntries()
    {
        var a = new DoseResponseCurve("osteoblast", [0, 0.25, 1, 5, 50], [0.42, 0.45, 0.5, 0.57, 0.14]) { ConnectPoints = true };
        var b = new DoseResponseCurve("osteocyte", [0, 0.25, 1, 5, 50], [0.40, 0.44, 0.5, 0.55, 0.12]) { ConnectPoints = true, Style = new SeriesStyle { LineStyle = OxyPlot.LineStyle.Dash } };
        var model = DoseResponseChart.Create([a, b], new AxisSpec("HO-1 level", "× wild type"), new AxisSpec("Surviving fraction", "0–1"), new FigureOptions { Legend = LegendLocation.Below });

        Assert.That(FigureAudit.Problems(model), Is.Empty);
    }

    [TestCase(0.25, 0.1)]
    [TestCase(0.1, 0.01)]
    [TestCase(0.15, 0.01)]
    [TestCase(1, 0.1)]
    [TestCase(3, 1)]
    public void ZeroDosePosition_IsAPowerOfTenAtLeastAFactor1Point9BelowTheLowestDose(double lowest, double expected) =>
        Assert.That(DoseResponseChart.ZeroDosePosition(lowest), Is.EqualTo(expected).Within(1e-12));

    [TestCase(-1.0)]
    [TestCase(double.NaN)]
    [TestCase(double.PositiveInfinity)]
    public void NegativeOrNonFiniteDoses_AreRefused_NotDroppedInSilence(double dose)
    {
        var curve = new DoseResponseCurve("Osteoblast", [dose, 1, 10], [90.0, 50, 10]);
        var ex = Assert.Throws<ArgumentException>(() => DoseResponseChart.Create([curve], Dose, Viability));
        Assert.That(ex!.Message, Does.Contain("Osteoblast"));
    }

    [Test]
    public void FixedDoseAxis_ThatLeavesNoRoomForTheZeroDose_Throws() =>
        Assert.Throws<ArgumentException>(() => DoseResponseChart.Create([Osteoblast()], Dose.WithRange(0.01, 100), Viability));

    [Test]
    public void WithoutAZeroDose_ThereIsNoAxisBreak()
    {
        var curve = new DoseResponseCurve("Osteoblast", [0.1, 1, 10], [90.0, 50, 10]);
        var model = DoseResponseChart.Create([curve], Dose, Viability);
        Assert.That(model.Annotations.OfType<LineAnnotation>().Where(a => a.Text?.Contains("axis break", StringComparison.Ordinal) == true), Is.Empty);
    }

    [Test]
    public void CurvesOnTopOfEachOther_AreNamedInTheSubtitle()
    {
        var a = new DoseResponseCurve("osteoblast + DFO", [0, 1, 10], [1.0, 1, 1]);
        var b = a with { Name = "osteocyte + DFO" };
        var c = new DoseResponseCurve("osteoblast", [0, 1, 10], [0.5, 0.4, 0.1]);
        var model = DoseResponseChart.Create([a, b, c], Dose, new AxisSpec("Surviving fraction", "0–1"));
        Assert.That(model.Subtitle, Is.EqualTo("lines coincide: osteoblast + DFO, osteocyte + DFO"));
    }

    [Test]
    public void ErrorBars_HaveOnePerDose_TheZeroDoseAtItsPlaceLeftOfTheBreak()
    {
        var curve = new DoseResponseCurve("Osteoblast", Doses, [.. Doses.Select(d => PlotTestKit.Hill(d, 1.2, 1.3))], [.. Doses.Select(_ => 4.0)]);
        var model = DoseResponseChart.Create([curve], Dose, Viability);

        var bars = model.Series.OfType<ScatterErrorSeries>().Single();
        Assert.Multiple(() =>
        {
            Assert.That(bars.Points.Select(p => p.ErrorY), Is.EqualTo(Enumerable.Repeat(4.0, Doses.Length)));
            Assert.That(bars.Points[0].X, Is.EqualTo(DoseResponseChart.ZeroDosePosition(Doses[1])));
        });
    }

    [Test]
    public void SeveralCurves_GetDistinctColours()
    {
        var second = Osteoblast() with { Name = "Osteoclast", HalfMaximalDose = 0.25 };
        var model = DoseResponseChart.Create([Osteoblast(), second], Dose, Viability);

        var colors = model.Series.OfType<LineSeries>().Where(s => s.Title is not null).Select(s => s.Color).ToList();
        Assert.That(colors, Is.EqualTo(new[] { ColorPalette.OkabeIto[0], ColorPalette.OkabeIto[1] }));
    }

    [TestCase(0.0)]
    [TestCase(-1.0)]
    [TestCase(double.NaN)]
    public void HalfMaximalDoseThatCannotSitOnALogAxis_Throws(double dose)
    {
        var ex = Assert.Throws<ArgumentException>(() => DoseResponseChart.Create([Osteoblast() with { HalfMaximalDose = dose }], Dose, Viability));
        Assert.That(ex!.Message, Does.Contain("IC50"));
    }

    [Test]
    public void NoPositiveDose_Throws() =>
        Assert.Throws<ArgumentException>(() => DoseResponseChart.Create([new DoseResponseCurve("Vehicle", [0.0], [100.0])], Dose, Viability));

    [Test]
    public void MismatchedLengths_Throw() =>
        Assert.Throws<ArgumentException>(() => _ = new DoseResponseCurve("Osteoblast", [1.0, 2.0], [100.0]));
}
