using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using OxyPlot;
using OxyPlot.SkiaSharp;

namespace Ferroptosis.Sim.Plotting;

/// <summary>Builds one SVG document from the OxyPlot SVG of each panel, placed by translated groups.</summary>
/// <remarks>
/// Each panel is exported by OxyPlot's own <see cref="OxyPlot.SvgExporter"/> at its cell's size, with SkiaSharp measuring
/// text so the layout matches the PNG. The panel's elements move into a <c>&lt;g transform="translate(x,y)"&gt;</c>;
/// every id gets a per-panel prefix and every <c>url(#…)</c> and <c>href="#…"</c> reference follows it, because
/// OxyPlot numbers its clip paths from 1 in every export and duplicate ids would make panels clip each other.
/// Font families gain generic fallbacks so viewers without the chosen font still show sans-serif text. Text is
/// placed with OxyPlot's vertical-alignment workaround (baseline offsets computed from font metrics) instead of
/// <c>dominant-baseline</c>, which librsvg, and with it many converters and editors, ignores.
/// </remarks>
internal static partial class SvgFigureComposer
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";
    private static readonly XNamespace XLink = "http://www.w3.org/1999/xlink";

    /// <summary>Composes the figure as an SVG document of <paramref name="width"/> × <paramref name="height"/> layout units.</summary>
    public static XDocument Compose(MultiPanelFigure figure, double width, double height)
    {
        var root = new XElement(
            Svg + "svg",
            new XAttribute("version", "1.1"),
            new XAttribute("width", Number(width)),
            new XAttribute("height", Number(height)),
            new XAttribute("viewBox", $"0 0 {Number(width)} {Number(height)}"),
            new XAttribute(XNamespace.Xmlns + "xlink", XLink.NamespaceName),
            new XElement(Svg + "rect", new XAttribute("width", "100%"), new XAttribute("height", "100%"), new XAttribute("fill", "white")));

        using var measurer = new SkiaRenderContext();
        for (int i = 0; i < figure.Panels.Count; i++)
        {
            var bounds = figure.PlotBounds(i, width, height);
            string svg = OxyPlot.SvgExporter.ExportToString(figure.Panels[i], bounds.Width, bounds.Height, false, measurer, true);
            RenderFailure.ThrowIfFailed(figure.Panels[i], i);
            var panel = XElement.Parse(svg);
            string prefix = $"panel{i + 1}-";
            RenameIds(panel, prefix);
            AddFontFallbacks(panel);
            root.Add(new XElement(
                Svg + "g",
                new XAttribute("id", $"panel{i + 1}"),
                new XAttribute("transform", $"translate({Number(bounds.Left)},{Number(bounds.Top)})"),
                panel.Elements()));
        }

        if (figure.ShowPanelLetters)
        {
            string font = $"{FontResolver.Choose(figure.LetterFontFamily)}, {FontResolver.SvgFallbacks}";
            for (int i = 0; i < figure.Panels.Count; i++)
            {
                var at = figure.LetterPosition(i, width, height);
                root.Add(new XElement(
                    Svg + "text",
                    new XAttribute("x", Number(at.X)),
                    new XAttribute("y", Number(at.Y + figure.LetterFontSize)),
                    new XAttribute("font-family", font),
                    new XAttribute("font-size", Number(figure.LetterFontSize)),
                    new XAttribute("font-weight", "bold"),
                    new XAttribute("fill", Hex(PlotStyler.Ink)),
                    MultiPanelFigure.PanelLetter(i)));
            }
        }

        return new XDocument(new XDeclaration("1.0", "utf-8", "no"), root);
    }

    private static void RenameIds(XElement panel, string prefix)
    {
        foreach (var element in panel.DescendantsAndSelf())
        {
            foreach (var attribute in element.Attributes().ToList())
            {
                if (attribute.Name.LocalName == "id")
                {
                    attribute.Value = prefix + attribute.Value;
                }
                else if (attribute.Name.LocalName == "href" && attribute.Value.StartsWith('#'))
                {
                    attribute.Value = "#" + prefix + attribute.Value[1..];
                }
                else if (attribute.Value.Contains("url(#", StringComparison.Ordinal))
                {
                    attribute.Value = UrlReference().Replace(attribute.Value, m => $"url(#{prefix}{m.Groups[1].Value})");
                }
            }
        }
    }

    private static void AddFontFallbacks(XElement panel)
    {
        foreach (var attribute in panel.Descendants().Attributes("font-family"))
        {
            if (!attribute.Value.Contains(',', StringComparison.Ordinal))
            {
                attribute.Value = $"{attribute.Value}, {FontResolver.SvgFallbacks}";
            }
        }
    }

    private static string Hex(OxyColor color) => $"#{color.R:X2}{color.G:X2}{color.B:X2}";

    private static string Number(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);

    [GeneratedRegex(@"url\(#([^)]+)\)")]
    private static partial Regex UrlReference();
}
