using Ferroptosis.Sim.Ode;
using Ferroptosis.Sim.Plotting;
using OxyPlot;
using SkiaSharp;

namespace Ferroptosis.Sim.Tests.Plotting;

/// <summary>Package boundaries, fonts, palettes and number labels.</summary>
public sealed class PlottingPackageTests
{
    [Test]
    public void CoreLibrary_ReferencesNeitherOxyPlotNorSkiaSharp()
    {
        var references = typeof(IOdeSystem).Assembly.GetReferencedAssemblies().Select(a => a.Name ?? string.Empty);

        Assert.That(references.Where(n => n.StartsWith("OxyPlot", StringComparison.Ordinal) || n.StartsWith("SkiaSharp", StringComparison.Ordinal)), Is.Empty);
    }

    [Test]
    public void ChosenFont_IsInstalledAndHasTheCharactersLabelsUse()
    {
        using var typeface = SKFontManager.Default.MatchFamily(FontResolver.SansSerif);

        Assert.That(typeface, Is.Not.Null, $"'{FontResolver.SansSerif}' is not installed");
        Assert.That(typeface!.ContainsGlyphs(FontResolver.RequiredCharacters), Is.True, $"'{typeface.FamilyName}' lacks some of {FontResolver.RequiredCharacters}");
    }

    [Test]
    public void TextRendersAsGlyphs()
    {
        // Same layout twice, the title once drawn and once invisible: the title band differs only by its glyphs.
        var region = new SKRectI(0, 0, 400, 30);
        using var drawn = PlotTestKit.Render(Titled(PlotStyler.Ink), 400, 200);
        using var invisible = PlotTestKit.Render(Titled(OxyColors.Transparent), 400, 200);

        Assert.That(PlotTestKit.CountInk(drawn, region) - PlotTestKit.CountInk(invisible, region), Is.GreaterThan(200));
    }

    [Test]
    public void Palettes_HaveDistinctColoursAndWrapAround()
    {
        foreach (var palette in new[] { ColorPalette.OkabeIto, ColorPalette.TolBright, ColorPalette.TolMuted })
        {
            Assert.That(palette.Colors, Is.Unique, palette.Name);
            Assert.That(palette[palette.Colors.Count], Is.EqualTo(palette[0]), palette.Name);
        }

        Assert.That(ColorPalette.OkabeIto.Colors, Has.Count.EqualTo(8));
    }

    [TestCase(12.3456, "12.3")]
    [TestCase(0.04567, "0.0457")]
    [TestCase(1234.5, "1235")]
    [TestCase(20.0, "20")]
    [TestCase(0.25, "0.25")]
    [TestCase(2.5e-7, "2.5×10⁻⁷")]
    [TestCase(1e7, "10⁷")]
    public void Significant_GivesThreeDigitsWithoutExponentsInTheUsualRange(double value, string text) =>
        Assert.That(NumberText.Significant(value), Is.EqualTo(text));

    [TestCase(0.001, "0.001")]
    [TestCase(100.0, "100")]
    [TestCase(1e-5, "10⁻⁵")]
    [TestCase(1e6, "10⁶")]
    public void LogTick_UsesDecimalsOrPowersOfTen(double value, string text) =>
        Assert.That(NumberText.LogTick(value), Is.EqualTo(text));

    [Test]
    public void Options_WithNonPositiveSize_Throw() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => TimeCourseChart.Create([new Series("A", [0.0], [1.0])], new AxisSpec("A"), options: new FigureOptions { FontSize = 0 }));

    private static PlotModel Titled(OxyColor color)
    {
        var model = TimeCourseChart.Create([new Series("A", [0.0, 1], [0.0, 1])], new AxisSpec("A"), options: new FigureOptions { Title = "Ferroptosis in osteoblasts", Legend = LegendLocation.None });
        model.TitleColor = color;
        return model;
    }
}
