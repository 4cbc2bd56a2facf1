using OxyPlot;
using OxyPlot.Axes;
using OxyPlot.Series;

namespace Ferroptosis.Sim.Tests.Plotting;

/// <summary>Checks a figure model (not its pixels) against the figure style guide: lines told apart, axes with quantity and unit (heat-map categories with a name), a legend that matches the series.</summary>
internal static class FigureAudit
{
    /// <summary>Lists what is wrong with every panel of a figure; empty when nothing is.</summary>
    public static List<string> Problems(IEnumerable<PlotModel> panels) => [.. panels.SelectMany((p, i) => Problems(p).Select(problem => $"panel {i + 1} ({p.Title}): {problem}"))];

    /// <summary>Lists what is wrong with one plot; empty when nothing is.</summary>
    public static List<string> Problems(PlotModel model)
    {
        var problems = new List<string>();
        var lines = model.Series.OfType<LineSeries>().Where(s => s.IsVisible).ToList();

        // No two lines share colour and dash pattern: a reader could not tell them apart.
        foreach (var clash in lines.GroupBy(l => (l.ActualColor, Dashes: l.LineStyle == LineStyle.Automatic ? LineStyle.Solid : l.LineStyle)).Where(g => g.Count() > 1))
        {
            problems.Add($"lines {string.Join(", ", clash.Select(l => $"'{l.Title}'"))} share colour {clash.Key.ActualColor} and line style {clash.Key.Dashes}");
        }

        // No line is fully hidden by another without a note: lines that lie on top of each other (same x, y within
        // 0.5 % of the plot's y range at every point) are named in the subtitle.
        string subtitle = (model.Subtitle ?? string.Empty).Replace("\n", " ", StringComparison.Ordinal);
        var ys = lines.SelectMany(l => l.Points).Select(p => p.Y).Where(double.IsFinite).DefaultIfEmpty(0).ToList();
        double tolerance = Math.Max(0.005 * (ys.Max() - ys.Min()), 1e-12);
        for (int i = 0; i < lines.Count; i++)
        {
            for (int j = i + 1; j < lines.Count; j++)
            {
                if (Coincide(lines[i], lines[j], tolerance) && !(subtitle.Contains(Name(lines[i]), StringComparison.Ordinal) && subtitle.Contains(Name(lines[j]), StringComparison.Ordinal)))
                {
                    problems.Add($"lines '{lines[i].Title}' and '{lines[j].Title}' lie on top of each other and no note says so");
                }
            }
        }

        // Every axis that carries data names its quantity and its unit. The rows and columns of a heat map are categories
        // (conditions, cell types): they name what they list, and have no unit; its colour bar is a quantity like any other.
        bool grid = model.Series.Any(s => s is RectangleSeries or HeatMapSeries);
        foreach (var axis in model.Axes.Where(a => a is LinearAxis or LogarithmicAxis && a.IsAxisVisible))
        {
            bool categories = axis is CategoryAxis || (grid && axis is not LinearColorAxis);
            if (string.IsNullOrWhiteSpace(axis.Title))
            {
                problems.Add($"the {axis.Position} axis has no title");
            }
            else if (!categories && string.IsNullOrWhiteSpace(axis.Unit))
            {
                problems.Add($"the {axis.Position} axis '{axis.Title}' has no unit");
            }
        }

        // The legend lists every series once, by a name of its own, and only the series. A heat map's cells are keyed by
        // their colour bar (checked above), not by a legend entry.
        var shown = model.Series.Where(s => s.IsVisible && s is not (RectangleSeries or HeatMapSeries)).ToList();
        var titled = shown.Where(s => !string.IsNullOrWhiteSpace(s.Title) && s.RenderInLegend).ToList();
        if (titled.Count != shown.Count)
        {
            problems.Add($"{shown.Count - titled.Count} series are missing from the legend");
        }

        if (titled.Select(s => s.Title).Distinct(StringComparer.Ordinal).Count() != titled.Count)
        {
            problems.Add("two legend entries have the same text");
        }

        if (shown.Count > 1 && !(model.IsLegendVisible && model.Legends.Count > 0))
        {
            problems.Add($"{shown.Count} series but no legend");
        }

        return problems;
    }

    /// <summary>The name a note uses for a line: its legend text without the t50 or IC50 suffix in parentheses.</summary>
    private static string Name(LineSeries line)
    {
        string title = line.Title ?? string.Empty;
        int suffix = title.LastIndexOf(" (", StringComparison.Ordinal);
        return suffix > 0 && title.EndsWith(')') ? title[..suffix] : title;
    }

    private static bool Coincide(LineSeries a, LineSeries b, double tolerance)
    {
        var (p, q) = (a.Points.Where(d => d.IsDefined()).ToList(), b.Points.Where(d => d.IsDefined()).ToList());
        if (p.Count == 0 || p.Count != q.Count)
        {
            return false;
        }

        for (int k = 0; k < p.Count; k++)
        {
            if (p[k].X != q[k].X || !(Math.Abs(p[k].Y - q[k].Y) <= tolerance))
            {
                return false;
            }
        }

        return true;
    }
}
