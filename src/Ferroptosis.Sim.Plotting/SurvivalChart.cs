using OxyPlot;
using OxyPlot.Axes;

namespace Ferroptosis.Sim.Plotting;

/// <summary>Builds cell-death trajectories: surviving fraction against time, one line per cell type or scenario.</summary>
/// <remarks>
/// Curves take y as a surviving fraction from 0 to 1, whatever <see cref="SurvivalScale"/> the axis shows.
/// A dashed grey line marks 50 % survival. Where a curve first falls through 0.5, the time to 50 % death (t50)
/// is marked with a point on the curve and a dashed line down to the time axis in the curve's colour, and its value,
/// always with one decimal, is added to the curve's legend entry ("Osteoblast (t50 = 12.3 h)"; also along the line
/// when <see cref="FigureOptions.LabelMarksOnPlot"/> is set). Each crossing curve's point has its own shape (circle,
/// square, diamond, triangle…), shown on its legend entry too, and marks closer than <see cref="CrowdedMarks"/> of
/// the time span to another are labelled directly, stacked below the 50 % line, so marks that coincide stay apart; curves that never cross get "t50 &gt; last time". t50 is found by
/// linear interpolation between the two samples that bracket the crossing, so its accuracy is that of the
/// sampling: sample densely (e.g. the solver's dense output) where survival falls. Curves that lie on top of each
/// other throughout (within <see cref="CoincidenceTolerance"/>) are named in the subtitle ("lines coincide: …"), so
/// a hidden curve is never silently lost; give them different line styles as well. The returned model is new and
/// owned by the caller. Methods are thread-safe; the models they return are not.
/// </remarks>
public static class SurvivalChart
{
    /// <summary>The surviving fraction whose crossing defines t50.</summary>
    public const double HalfSurvival = 0.5;

    /// <summary>How close (in surviving fraction, at every sample) two curves must be to be reported as coinciding: about a line's width on a panel.</summary>
    public const double CoincidenceTolerance = 0.01;

    /// <summary>The longest line of a subtitle note, in characters: fits a panel of a four-column figure.</summary>
    private const int NoteWidth = 64;

    /// <summary>How close two t50 marks may be, as a fraction of the time span, before each gets a direct label: about a marker's width on a panel.</summary>
    public const double CrowdedMarks = 0.03;

    /// <summary>The shapes of the t50 marks, by the curve's position in the chart (so the same line order gives the same shapes in every panel), so marks that fall together stay apart; the legend entry shows its curve's shape.</summary>
    private static readonly MarkerType[] T50Shapes = [MarkerType.Circle, MarkerType.Square, MarkerType.Diamond, MarkerType.Triangle, MarkerType.Cross, MarkerType.Star, MarkerType.Plus];

    /// <summary>Creates a cell-death trajectory plot.</summary>
    /// <param name="curves">Surviving fraction (0–1) against time, one series per cell type or scenario; at least one.</param>
    /// <param name="scale">Show fractions (0–1) or percent (0–100) on the y axis.</param>
    /// <param name="timeAxis">The time axis; <see langword="null"/> for <see cref="AxisSpec.TimeInHours"/>.</param>
    /// <param name="options">Look and size; <see langword="null"/> for <see cref="FigureOptions.Default"/>.</param>
    /// <returns>The plot model.</returns>
    /// <exception cref="ArgumentException">No curves, or the time axis is invalid.</exception>
    public static PlotModel Create(
        IEnumerable<Series> curves,
        SurvivalScale scale = SurvivalScale.Fraction,
        AxisSpec? timeAxis = null,
        FigureOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(curves);
        var list = curves.ToList();
        if (list.Count == 0)
        {
            throw new ArgumentException("Give at least one survival curve to plot.", nameof(curves));
        }

        options ??= FigureOptions.Default;
        timeAxis ??= AxisSpec.TimeInHours;
        double factor = scale == SurvivalScale.Percent ? 100 : 1;
        var yAxis = scale == SurvivalScale.Percent ? new AxisSpec("Surviving cells", "%") : new AxisSpec("Surviving fraction", "0–1");

        var model = PlotStyler.CreateModel(options);
        model.Axes.Add(PlotStyler.CreateAxis(timeAxis, AxisPosition.Bottom, options, nameof(timeAxis)));
        var y = PlotStyler.CreateAxis(yAxis.WithRange(-0.02 * factor, 1.05 * factor), AxisPosition.Left, options, nameof(scale));
        y.MajorStep = 0.2 * factor;
        y.MinorStep = 0.1 * factor;
        model.Axes.Add(y);
        model.Annotations.Add(PlotStyler.CreateHorizontalReference(HalfSurvival * factor, options));

        var marks = new List<(double T50, string Name, OxyColor Color, int Index)>();
        string unit = UnitSuffix(timeAxis.Unit);
        for (int i = 0; i < list.Count; i++)
        {
            var curve = list[i];
            ArgumentNullException.ThrowIfNull(curve, nameof(curves));
            PlotStyler.RequireShowable(curve, timeAxis, yAxis, nameof(curves));
            var line = (LegendMarkLineSeries)PlotStyler.CreateLine(curve.ScaleY(factor), i, options);
            if (HalfSurvivalTime(curve.X, curve.Y) is double t50)
            {
                string label = $"t50 = {T50Text(t50)}{unit}";
                var shape = T50Shapes[i % T50Shapes.Length];
                line.Title = $"{curve.Name} ({label})";
                line.LegendMark = shape;
                model.Annotations.Add(PlotStyler.CreateVerticalMark(t50, HalfSurvival * factor, label, line.Color, options));
                model.Annotations.Add(PlotStyler.CreatePointMark(t50, HalfSurvival * factor, line.Color, shape));
                marks.Add((t50, curve.Name, line.Color, i));
            }
            else if (curve.Count > 0)
            {
                line.Title = $"{curve.Name} (t50 > {NumberText.Significant(curve.X[^1])}{unit})";
            }

            model.Series.Add(line);
        }

        LabelCrowdedMarks(model, marks, list, unit, factor, options);
        if (CoincidenceNote(list) is { } note)
        {
            model.Subtitle = note;
        }

        return model;
    }

    /// <summary>Formats a t50 with one decimal in every chart (3.5 h, 16.8 h), so values compare at a glance.</summary>
    /// <param name="t50">The time to 50 % death.</param>
    /// <returns>The value with one decimal.</returns>
    internal static string T50Text(double t50) => t50.ToString("F1", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Labels t50 marks that lie within <see cref="CrowdedMarks"/> of another directly, stacked below the 50 % line, each in its curve's colour.</summary>
    private static void LabelCrowdedMarks(PlotModel model, List<(double T50, string Name, OxyColor Color, int Index)> marks, List<Series> curves, string unit, double factor, FigureOptions options)
    {
        double start = curves.Where(c => c.Count > 0).Select(c => c.X[0]).DefaultIfEmpty(0).Min();
        double end = curves.Where(c => c.Count > 0).Select(c => c.X[^1]).DefaultIfEmpty(1).Max();
        double near = CrowdedMarks * Math.Max(end - start, double.Epsilon);
        var crowded = marks.Where(m => marks.Any(o => o.Index != m.Index && Math.Abs(o.T50 - m.T50) <= near)).OrderBy(m => m.T50).ToList();
        for (int k = 0; k < crowded.Count; k++)
        {
            var (t50, name, color, _) = crowded[k];
            model.Annotations.Add(new OxyPlot.Annotations.TextAnnotation
            {
                Text = $"{name}: {T50Text(t50)}{unit}",
                TextPosition = new DataPoint(t50 + (near / 2), (HalfSurvival - (0.07 * (k + 1))) * factor),
                TextColor = color,
                TextHorizontalAlignment = HorizontalAlignment.Left,
                TextVerticalAlignment = VerticalAlignment.Middle,
                FontSize = options.FontSize * 0.8,
                Stroke = OxyColors.Undefined,
                StrokeThickness = 0,
                Background = OxyColor.FromAColor(200, OxyColors.White),
                Layer = OxyPlot.Annotations.AnnotationLayer.AboveSeries,
            });
        }
    }

    /// <summary>Names the groups of curves that lie on top of each other (same times, surviving fractions within <see cref="CoincidenceTolerance"/> throughout), e.g. "lines coincide: untreated, + Fer-1 1 µM".</summary>
    /// <param name="curves">The curves of one chart.</param>
    /// <param name="tolerance">How close two curves must be at every sample; <see cref="CoincidenceTolerance"/> by default.</param>
    /// <returns>The note, or <see langword="null"/> when every curve can be seen.</returns>
    internal static string? CoincidenceNote(IReadOnlyList<Series> curves, double tolerance = CoincidenceTolerance)
    {
        var group = Enumerable.Range(0, curves.Count).ToArray();
        for (int i = 0; i < curves.Count; i++)
        {
            for (int j = i + 1; j < curves.Count; j++)
            {
                if (group[j] == j && Coincide(curves[i], curves[j], tolerance))
                {
                    group[j] = group[i];
                }
            }
        }

        var groups = Enumerable.Range(0, curves.Count).GroupBy(i => group[i]).Where(g => g.Count() > 1).Select(g => string.Join(", ", g.Select(i => curves[i].Name))).ToList();
        return groups.Count == 0 ? null : Wrap($"lines coincide: {string.Join("; ", groups)}", NoteWidth);
    }

    /// <summary>Breaks a note into lines of at most <paramref name="width"/> characters after a ", " or "; ", so a long subtitle is not cut off by a narrow panel.</summary>
    /// <param name="text">The note.</param>
    /// <param name="width">The longest line, in characters.</param>
    /// <returns>The note with line breaks.</returns>
    internal static string Wrap(string text, int width)
    {
        var lines = new List<string>();
        var line = new System.Text.StringBuilder();
        foreach (string part in System.Text.RegularExpressions.Regex.Split(text, "(?<=[,;] )"))
        {
            if (line.Length > 0 && line.Length + part.Length > width)
            {
                lines.Add(line.ToString().TrimEnd());
                line.Clear();
            }

            line.Append(part);
        }

        lines.Add(line.ToString());
        return string.Join('\n', lines);
    }

    private static bool Coincide(Series a, Series b, double tolerance)
    {
        if (a.Count != b.Count || a.Count == 0)
        {
            return false;
        }

        for (int k = 0; k < a.Count; k++)
        {
            if (a.X[k] != b.X[k] || !(Math.Abs(a.Y[k] - b.Y[k]) <= tolerance))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Finds the time at which a surviving fraction first falls through 0.5 (t50).</summary>
    /// <param name="time">Sample times in increasing order.</param>
    /// <param name="survivingFraction">Surviving fraction (0–1) at each time.</param>
    /// <returns>
    /// The first time the curve falls from above 0.5 to 0.5 or below, linearly interpolated between the two
    /// bracketing samples (a sample exactly at 0.5 gives its own time); <see langword="null"/> when it never does
    /// (it stays above, or starts at or below 0.5 and never rises above it first). Pairs with a non-finite
    /// value are skipped.
    /// </returns>
    /// <exception cref="ArgumentException">The lengths differ.</exception>
    public static double? HalfSurvivalTime(IReadOnlyList<double> time, IReadOnlyList<double> survivingFraction) =>
        FirstDownwardCrossing(time, survivingFraction, HalfSurvival);

    /// <summary>Finds where a sampled curve first falls from above a level to the level or below.</summary>
    internal static double? FirstDownwardCrossing(IReadOnlyList<double> x, IReadOnlyList<double> y, double level)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.Count != y.Count)
        {
            throw new ArgumentException($"{x.Count} times but {y.Count} values; pass one value per time.", nameof(y));
        }

        for (int i = 0; i + 1 < x.Count; i++)
        {
            double x0 = x[i], x1 = x[i + 1], y0 = y[i], y1 = y[i + 1];
            if (!double.IsFinite(x0) || !double.IsFinite(x1) || !double.IsFinite(y0) || !double.IsFinite(y1))
            {
                continue;
            }

            if (y0 > level && y1 <= level)
            {
                // Linear interpolation between the bracketing samples: y(x*) = level.
                return x0 + ((level - y0) * (x1 - x0) / (y1 - y0));
            }
        }

        return null;
    }

    private static string UnitSuffix(string? unit) => string.IsNullOrEmpty(unit) ? string.Empty : " " + unit;
}
