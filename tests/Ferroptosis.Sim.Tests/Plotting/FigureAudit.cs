using OxyPlot;
using OxyPlot.Annotations;
using OxyPlot.Axes;
using OxyPlot.Series;

namespace Ferroptosis.Sim.Tests.Plotting;

/// <summary>Checks a figure model (not its pixels) against the figure style guide: lines told apart, axes with quantity and unit (heat-map categories with a name), a legend that matches the series, log axes that drop no point and show a zero control behind an axis break.</summary>
internal static class FigureAudit
{
    /// <summary>Lists what is wrong with every panel of a figure; empty when nothing is.</summary>
    public static List<string> Problems(IEnumerable<PlotModel> panels) => [.. panels.SelectMany((p, i) => Problems(p).Select(problem => $"panel {i + 1} ({p.Title}): {problem}"))];

    /// <summary>Lists what is wrong with one plot; empty when nothing is.</summary>
    public static List<string> Problems(PlotModel model)
    {
        // The series' axes (and their actual colours) are known once OxyPlot has laid the model out.
        if (model.Series.OfType<XYAxisSeries>().Any(s => s.XAxis is null || s.YAxis is null))
        {
            ((IPlotModel)model).Update(true);
        }

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

        problems.AddRange(LogAxisProblems(model));
        problems.AddRange(MarkProblems(model));
        return problems;
    }

    /// <summary>How close two marks may lie, as a fraction of each axis's span, before they count as one spot: about a marker's width on a panel (as <see cref="Ferroptosis.Sim.Plotting.SurvivalChart.CrowdedMarks"/>).</summary>
    private const double NearMarks = 0.03;

    /// <summary>
    /// Point marks of different lines (point annotations such as t50 marks) that land on the same spot are told apart: by
    /// a different shape, or by a label of each (the annotation's text, or a text in the mark's colour beside it). Colour
    /// alone is not enough: the mark drawn last covers the other. A line's own point markers are not checked: where two
    /// lines meet, their markers meet as the lines do.
    /// </summary>
    private static List<string> MarkProblems(PlotModel model)
    {
        var lines = model.Series.OfType<LineSeries>().Where(s => s.IsVisible).ToList();
        var texts = model.Annotations.OfType<TextAnnotation>().ToList();
        var marks = new List<(double X, double Y, MarkerType Shape, string Owner, bool Labelled, Axis? XAxis, Axis? YAxis)>();
        foreach (var mark in model.Annotations.OfType<PointAnnotation>())
        {
            string owner = lines.FirstOrDefault(l => l.ActualColor == mark.Fill)?.Title is { } title ? $"'{title}'" : $"the mark in {mark.Fill}";
            double nearX = NearMarks * Span(mark.XAxis);
            bool labelled = !string.IsNullOrWhiteSpace(mark.Text) || texts.Any(t => t.TextColor == mark.Fill && Math.Abs(Scaled(mark.XAxis, t.TextPosition.X) - Scaled(mark.XAxis, mark.X)) <= nearX);
            marks.Add((mark.X, mark.Y, mark.Shape, owner, labelled, mark.XAxis, mark.YAxis));
        }

        var problems = new List<string>();
        for (int i = 0; i < marks.Count; i++)
        {
            for (int j = i + 1; j < marks.Count; j++)
            {
                var (a, b) = (marks[i], marks[j]);
                bool near = Math.Abs(Scaled(a.XAxis, a.X) - Scaled(a.XAxis, b.X)) <= NearMarks * Span(a.XAxis)
                    && Math.Abs(Scaled(a.YAxis, a.Y) - Scaled(a.YAxis, b.Y)) <= NearMarks * Span(a.YAxis);
                if (a.Owner != b.Owner && a.Shape == b.Shape && near && !(a.Labelled && b.Labelled))
                {
                    string problem = $"marks of {a.Owner} and {b.Owner} land on the same spot with the same shape ({a.Shape}) and no label";
                    if (!problems.Contains(problem))
                    {
                        problems.Add(problem);
                    }
                }
            }
        }

        return problems;
    }

    private static double Scaled(Axis? axis, double value) => axis is LogarithmicAxis ? Math.Log10(value) : value;

    private static double Span(Axis? axis) => axis is null ? 0 : Math.Abs(Scaled(axis, axis.ActualMaximum) - Scaled(axis, axis.ActualMinimum));

    /// <summary>
    /// A logarithmic axis has no place for zero or a negative value: OxyPlot drops such a point in silence. A zero-dose
    /// control is drawn instead at a stand-in position whose tick reads "0", left of a vertical axis break that separates
    /// it from every other point, and not joined to its line.
    /// </summary>
    private static List<string> LogAxisProblems(PlotModel model)
    {
        var problems = new List<string>();
        var series = model.Series.OfType<XYAxisSeries>().Where(s => s.IsVisible).Select(s => (Series: s, Points: Points(s))).ToList();
        foreach (var (s, points) in series)
        {
            foreach (var (axis, read) in new (Axis? Axis, Func<DataPoint, double> Read)[] { (s.XAxis, p => p.X), (s.YAxis, p => p.Y) })
            {
                if (axis is LogarithmicAxis && points.Any(p => p.IsDefined() && !(read(p) > 0)))
                {
                    problems.Add($"'{s.Title}' has a value ≤ 0 on the logarithmic {axis.Position} axis, which OxyPlot drops");
                }
            }
        }

        foreach (var axis in model.Axes.OfType<LogarithmicAxis>().Where(a => a.IsHorizontal()))
        {
            var onAxis = series.Where(x => x.Series.XAxis == axis).ToList();
            bool IsZero(DataPoint p) => p.IsDefined() && p.X > 0 && axis.LabelFormatter?.Invoke(p.X) == "0";
            var zeros = onAxis.SelectMany(x => x.Points.Where(IsZero)).ToList();
            if (zeros.Count == 0)
            {
                continue;
            }

            double zero = zeros.Max(p => p.X);
            double first = onAxis.SelectMany(x => x.Points.Where(p => p.IsDefined() && p.X > 0 && !IsZero(p))).Select(p => p.X).DefaultIfEmpty(double.PositiveInfinity).Min();
            if (!model.Annotations.OfType<LineAnnotation>().Any(a => a.Type == LineAnnotationType.Vertical && a.X > zero && a.X < first))
            {
                problems.Add($"the zero control on the logarithmic {axis.Position} axis is not set apart by an axis break");
            }

            foreach (var (s, points) in onAxis.Where(x => x.Series is LineSeries { LineStyle: not LineStyle.None }))
            {
                for (int k = 0; k < points.Count; k++)
                {
                    if (IsZero(points[k]) && ((k > 0 && points[k - 1].IsDefined()) || (k + 1 < points.Count && points[k + 1].IsDefined())))
                    {
                        problems.Add($"the zero control of '{s.Title}' is joined to its line across the axis break");
                    }
                }
            }
        }

        return problems;
    }

    private static List<DataPoint> Points(XYAxisSeries series) => series switch
    {
        LineSeries line => line.Points,
        ScatterSeries scatter => [.. scatter.Points.Select(p => new DataPoint(p.X, p.Y))],
        ScatterErrorSeries bars => [.. bars.Points.Select(p => new DataPoint(p.X, p.Y))],
        _ => [],
    };

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
