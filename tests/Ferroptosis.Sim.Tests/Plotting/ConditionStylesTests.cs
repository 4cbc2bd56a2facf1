using Ferroptosis.Sim.Pathway;
using Ferroptosis.Sim.Plotting;
using OxyPlot;
using LineSeries = OxyPlot.Series.LineSeries;

namespace Ferroptosis.Sim.Tests.Plotting;

/// <summary>One condition, one look: the registry names each condition's style once, and the figures take it from there.</summary>
public sealed class ConditionStylesTests
{
    [Test]
    public void NoTwoRegisteredConditions_ShareColourAndLineStyle()
    {
        var styles = ConditionStyles.Names.Select(n => (Name: n, Style: ConditionStyles.Of(n))).ToList();
        var clashes = styles.GroupBy(s => (s.Style.Color, s.Style.LineStyle)).Where(g => g.Count() > 1).Select(g => string.Join(" = ", g.Select(s => s.Name))).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(clashes, Is.Empty);
            Assert.That(styles.Select(s => s.Style.Color), Has.All.Not.Null);
            Assert.That(styles.Select(s => s.Style.LineStyle), Has.All.Not.Null);
            Assert.That(styles.Select(s => s.Style.Marker), Has.All.Not.Null);
        });
    }

    [TestCase("+ Fer-1 1 µM", "ferrostatin-1")]
    [TestCase("erastin 10 µM + ferrostatin-1 1 µM", "ferrostatin-1")]
    [TestCase("+ DFO 100 µM", "deferoxamine")]
    [TestCase("erastin + ZnPP 10 µM", "zinc protoporphyrin")]
    [TestCase("erastin 10 µM", "erastin")]
    [TestCase("erastin 2 µM + ML385 5 µM", "ML385")]
    [TestCase("RSL3 0.1 µM", "RSL3")]
    [TestCase("iron-overload", "iron overload")]
    [TestCase("high-glucose-high-fat", "high glucose + high fat")]
    [TestCase("high-glucose", "high glucose")]
    [TestCase("Osteoclast", "osteoclast")]
    [TestCase("osteoclast-precursor", "osteoclast precursor")]
    [TestCase("healthy", "untreated")]
    [TestCase("untreated", "untreated")]
    public void Find_ReadsTheConditionALabelNames(string label, string condition) =>
        Assert.That(ConditionStyles.Find(label), Is.EqualTo(ConditionStyles.Of(condition)));

    [Test]
    public void Find_ReturnsNull_ForALabelNamingNoCondition_AndOfThrows() =>
        Assert.Multiple(() =>
        {
            Assert.That(ConditionStyles.Find("Labile Fe²⁺"), Is.Null);
            Assert.That(ConditionStyles.Find("deferoxamines-like"), Is.Null, "a key inside a longer word does not match");
            Assert.That(() => ConditionStyles.Of("aspirin"), Throws.ArgumentException.With.Message.Contains("erastin"));
        });

    [Test]
    public void ErastinAndZnpp_DifferInColourAndLineStyle_AndTheArmsThatCoincideAtSurvivalOneDifferInLineStyle()
    {
        var erastin = ConditionStyles.Of("erastin");
        var znpp = ConditionStyles.Of("znpp");
        var coinciding = new[] { "untreated", "Fer-1", "DFO" }.Select(ConditionStyles.Of).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(znpp.Color, Is.Not.EqualTo(erastin.Color));
            Assert.That(znpp.LineStyle, Is.Not.EqualTo(erastin.LineStyle));
            Assert.That(coinciding.Select(s => s.LineStyle).Distinct().Count(), Is.EqualTo(3));
            Assert.That(coinciding.Select(s => s.Color).Distinct().Count(), Is.EqualTo(3));
        });
    }

    [Test]
    public void Apply_StylesNamedSeries_KeepsOwnStyles_AndNeverGivesTwoLinesOneLook()
    {
        double[] x = [0, 1];
        var own = SeriesStyle.WithColor("#123456");
        var styled = ConditionStyles.Apply(
        [
            new Series("erastin 10 µM", x, x),
            new Series("erastin 2 µM", x, x),
            new Series("+ DFO 100 µM", x, x, own),
            new Series("Labile Fe²⁺", x, x),
        ]);

        Assert.Multiple(() =>
        {
            Assert.That(styled[0].Style, Is.EqualTo(ConditionStyles.Of("erastin") with { Marker = null }));
            Assert.That(styled[1].Style, Is.Null, "the second erastin line takes a palette colour");
            Assert.That(styled[2].Style, Is.SameAs(own));
            Assert.That(styled[3].Style, Is.Null);
        });
    }

    [Test]
    public void CellDeathFigure_DrawsAConditionInItsRegisteredStyle_WhateverItsPositionInTheChart()
    {
        var hours = TimeSpan.FromHours(6);
        var erastin = FerroptosisSimulation.Run(BoneCell.Osteoblast, [Perturbation.Erastin(10)], hours);
        var untreated = FerroptosisSimulation.Run(BoneCell.Osteoblast, [], hours);

        var first = CellDeathFigure.Survival([erastin, untreated]).Series.OfType<LineSeries>().ToList();
        var second = CellDeathFigure.Survival([untreated, erastin]).Series.OfType<LineSeries>().ToList();

        Assert.Multiple(() =>
        {
            Assert.That(first[0].Color, Is.EqualTo(ConditionStyles.Of("erastin").Color));
            Assert.That(second[1].Color, Is.EqualTo(first[0].Color));
            Assert.That(second[0].Color, Is.EqualTo(ConditionStyles.Of("untreated").Color));
            Assert.That(second[0].LineStyle, Is.EqualTo(LineStyle.Dash));
            Assert.That(first.Concat(second).Select(l => l.MarkerType), Has.All.EqualTo(MarkerType.None));
        });
    }

    [TestCase(MarkerType.Cross)]
    [TestCase(MarkerType.Plus)]
    [TestCase(MarkerType.Circle)]
    public void RegisteredMarkers_AreDrawnVisibly_OnLinesAndOnDoseResponsePoints(MarkerType marker)
    {
        var style = new SeriesStyle { Color = OxyColors.Teal, Marker = marker };
        double[] x = [1, 2, 3];
        var line = TimeCourseChart.Create([new Series("a", x, x, style)], new AxisSpec("Level", "µM")).Series.OfType<LineSeries>().Single();
        var points = DoseResponseChart.Create([new DoseResponseCurve("a", x, x) { Style = style }], new AxisSpec("Dose", "µM"), new AxisSpec("Response", "%")).Series.OfType<LineSeries>().Last(s => s.MarkerType != MarkerType.None);

        Assert.Multiple(() =>
        {
            Assert.That(line.MarkerStroke, Is.EqualTo(OxyColors.Teal), "a cross or plus has only a stroke");
            Assert.That(points.MarkerType, Is.EqualTo(marker));
            Assert.That(marker is MarkerType.Circle ? points.MarkerFill : points.MarkerStroke, Is.EqualTo(OxyColors.Teal));
        });
    }

    [Test]
    public void Ml385_ShownWithErastin_IsNotAnotherOrange()
    {
        var ml385 = ConditionStyles.Of("ML385").Color!.Value;
        var erastin = ConditionStyles.Of("erastin").Color!.Value;

        // Hue apart by more than 90°: vermillion (~25°) against indigo (~245°), not vermillion against orange (~41°).
        Assert.That(HueDistance(ml385, erastin), Is.GreaterThan(90));
    }

    private static double HueDistance(OxyPlot.OxyColor a, OxyPlot.OxyColor b)
    {
        double d = Math.Abs(Hue(a) - Hue(b));
        return Math.Min(d, 360 - d);
    }

    private static double Hue(OxyPlot.OxyColor c)
    {
        double r = c.R / 255.0, g = c.G / 255.0, b = c.B / 255.0;
        double max = Math.Max(r, Math.Max(g, b)), min = Math.Min(r, Math.Min(g, b)), d = max - min;
        if (d == 0)
        {
            return 0;
        }

        double h = max == r ? ((g - b) / d) % 6 : max == g ? ((b - r) / d) + 2 : ((r - g) / d) + 4;
        return ((h * 60) + 360) % 360;
    }
}
