using System.Globalization;
using OxyPlot;
using OxyPlot.Annotations;
using OxyPlot.Axes;
using OxyPlot.Series;

namespace Ferroptosis.Sim.Plotting;

/// <summary>Builds heat maps: a rows × columns grid of categories coloured by value, with a colour bar and the value printed in each cell.</summary>
/// <remarks>
/// Each cell is one <see cref="RectangleItem"/> of a <see cref="RectangleSeries"/> centred on integer
/// coordinates (column j at x = j, the top row at the largest y), so any grid from 1 × 1 up works; OxyPlot's
/// <see cref="HeatMapSeries"/> divides by (n − 1) and breaks for a single row or column. Category names are the
/// tick labels. Values are printed by one <see cref="TextAnnotation"/> per cell in black or white, whichever
/// contrasts more with the cell colour (WCAG 2 relative luminance), at a size that fits the cell. The colour
/// map is a perceptually uniform sequential map (<see cref="SequentialPalette"/>); values outside the colour
/// range take the nearest end colour. <see cref="FigureOptions.Legend"/> is ignored: the colour bar is the key.
/// Methods are thread-safe; the models they return are not.
/// </remarks>
public static class HeatMapChart
{
    /// <summary>Key of the colour axis, for callers who want to adjust it (e.g. <c>model.GetAxis(HeatMapChart.ColorAxisKey)</c>).</summary>
    public const string ColorAxisKey = "value";

    /// <summary>Space between the image's left edge and the row labels (or their title), in device-independent pixels.</summary>
    private const double RowLabelMargin = 28;

    /// <summary>Colour of missing (NaN) cells.</summary>
    private static readonly OxyColor MissingColor = OxyColor.FromRgb(0xD9, 0xD9, 0xD9);

    /// <summary>Creates a heat map.</summary>
    /// <param name="data">The table.</param>
    /// <param name="options">Look and size; <see langword="null"/> for <see cref="FigureOptions.Default"/>.</param>
    /// <returns>The plot model.</returns>
    /// <exception cref="ArgumentException">The colour range is empty.</exception>
    public static PlotModel Create(HeatMapData data, FigureOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        options = (options ?? FigureOptions.Default) with { Legend = LegendLocation.None };
        var (dataMin, dataMax) = data.FiniteRange();
        double min = data.Minimum ?? dataMin, max = data.Maximum ?? dataMax;
        if (max < min || !double.IsFinite(min) || !double.IsFinite(max))
        {
            throw new ArgumentException($"Colour range [{min}, {max}] is empty or not finite; set Minimum < Maximum.", nameof(data));
        }

        if (max == min)
        {
            // A constant table still needs a colour range: centre it on the single value.
            (min, max) = (min - 0.5, max + 0.5);
        }

        var model = PlotStyler.CreateModel(options);
        model.PlotAreaBorderThickness = new OxyThickness(0);

        // Row labels are right-aligned against the grid and can be long: a margin keeps the longest off the image's edge.
        model.Padding = new OxyThickness(RowLabelMargin, model.Padding.Top, model.Padding.Right, model.Padding.Bottom);
        model.Axes.Add(CategoryAxis(data.ColumnLabels, data.ColumnTitle, AxisPosition.Bottom, reverse: false, options));
        model.Axes.Add(CategoryAxis(data.RowLabels, data.RowTitle, AxisPosition.Left, reverse: true, options));
        var palette = SequentialPalettes.Create(data.Palette, data.ReversePalette);
        var colorAxis = new LinearColorAxis
        {
            Key = ColorAxisKey,
            Position = AxisPosition.Right,
            Palette = palette,
            Minimum = min,
            Maximum = max,
            InvalidNumberColor = MissingColor,
            Title = data.ValueTitle,
            Unit = data.ValueUnit,
            // The colour bar is MajorTickSize − 2 wide (OxyPlot's ColorAxisRenderer) and the tick lines would
            // cross it, so the ticks are made long and invisible: a 16 px bar with labels beside it.
            TickStyle = TickStyle.Outside,
            MajorTickSize = 18,
            MinorTickSize = 0,
            TicklineColor = OxyColors.Undefined,
            AxislineStyle = LineStyle.None,
            AxisDistance = 12,

            // The bar is drawn as one rectangle per palette step; anti-aliased edges would show as faint bands between them.
            EdgeRenderingMode = EdgeRenderingMode.PreferSpeed,
        };
        PlotStyler.StyleText(colorAxis, options);
        model.Axes.Add(colorAxis);

        AddCellSeparators(model, data.Rows, data.Columns);
        var cells = new RectangleSeries { ColorAxisKey = ColorAxisKey, LabelFormatString = null, LabelFontSize = 0 };
        double fontSize = CellFontSize(data, options);
        for (int i = 0; i < data.Rows; i++)
        {
            double y = data.Rows - 1 - i;
            for (int j = 0; j < data.Columns; j++)
            {
                double value = data[i, j];
                cells.Items.Add(new RectangleItem(j - 0.5, j + 0.5, y - 0.5, y + 0.5, value));
                if (data.ShowValues)
                {
                    var fill = double.IsFinite(value) ? ColorAt(palette, value, min, max) : MissingColor;
                    model.Annotations.Add(new TextAnnotation
                    {
                        Text = double.IsFinite(value) ? value.ToString(data.ValueFormat, CultureInfo.InvariantCulture) : "–",
                        TextPosition = new DataPoint(j, y),
                        TextHorizontalAlignment = HorizontalAlignment.Center,
                        TextVerticalAlignment = VerticalAlignment.Middle,
                        TextColor = RelativeLuminance(fill) > 0.4 ? PlotStyler.Ink : OxyColors.White,
                        FontSize = fontSize,
                        Stroke = OxyColors.Undefined,
                        StrokeThickness = 0,
                        Padding = new OxyThickness(0),
                        Background = OxyColors.Undefined,
                    });
                }
            }
        }

        model.Series.Add(cells);
        return model;
    }

    /// <summary>The colour the colour axis will give a value (same linear palette lookup, clamped to the ends).</summary>
    internal static OxyColor ColorAt(OxyPalette palette, double value, double min, double max)
    {
        int n = palette.Colors.Count;
        int index = (int)((value - min) / (max - min) * n);
        return palette.Colors[Math.Clamp(index, 0, n - 1)];
    }

    /// <summary>WCAG 2 relative luminance: sRGB channels linearised, weighted 0.2126 R + 0.7152 G + 0.0722 B.</summary>
    internal static double RelativeLuminance(OxyColor color)
    {
        static double Linear(byte channel)
        {
            double c = channel / 255.0;
            return c <= 0.04045 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
        }

        return (0.2126 * Linear(color.R)) + (0.7152 * Linear(color.G)) + (0.0722 * Linear(color.B));
    }

    /// <summary>Thin white lines between cells, so neighbours of similar colour stay distinct.</summary>
    private static void AddCellSeparators(PlotModel model, int rows, int columns)
    {
        for (int j = 1; j < columns; j++)
        {
            model.Annotations.Add(new LineAnnotation { Type = LineAnnotationType.Vertical, X = j - 0.5, Color = OxyColors.White, StrokeThickness = 1.5, LineStyle = LineStyle.Solid });
        }

        for (int i = 1; i < rows; i++)
        {
            model.Annotations.Add(new LineAnnotation { Type = LineAnnotationType.Horizontal, Y = i - 0.5, Color = OxyColors.White, StrokeThickness = 1.5, LineStyle = LineStyle.Solid });
        }
    }

    private static LinearAxis CategoryAxis(IReadOnlyList<string> labels, string? title, AxisPosition position, bool reverse, FigureOptions options)
    {
        int n = labels.Count;
        var axis = new LinearAxis
        {
            Position = position,
            Title = title,
            Minimum = -0.5,
            Maximum = n - 0.5,
            MajorStep = 1,
            MinorStep = 1,
            TickStyle = TickStyle.None,
            AxislineStyle = LineStyle.None,
            AxisTickToLabelDistance = 8,
            LabelFormatter = v =>
            {
                int k = (int)Math.Round(v);
                if (Math.Abs(v - k) > 1e-6 || k < 0 || k >= n)
                {
                    return string.Empty;
                }

                return labels[reverse ? n - 1 - k : k];
            },
        };
        PlotStyler.StyleText(axis, options);
        if (position == AxisPosition.Bottom && ColumnLabelsCrowded(labels, options))
        {
            axis.Angle = -40;
        }

        return axis;
    }

    /// <summary>True when column names would overlap if written horizontally (average glyph ≈ 0.55 em).</summary>
    private static bool ColumnLabelsCrowded(IReadOnlyList<string> labels, FigureOptions options)
    {
        double columnWidth = PlotAreaWidth(options) / labels.Count;
        double widest = labels.Max(l => l.Length) * 0.55 * options.FontSize * 0.9;
        return widest > columnWidth * 0.9;
    }

    /// <summary>The cell font size: the base size, shrunk so the widest number fits a cell of the expected size.</summary>
    private static double CellFontSize(HeatMapData data, FigureOptions options)
    {
        double columnWidth = PlotAreaWidth(options) / data.Columns;
        double rowHeight = options.Height * 0.75 / data.Rows;
        int chars = 1;
        for (int i = 0; i < data.Rows; i++)
        {
            for (int j = 0; j < data.Columns; j++)
            {
                chars = Math.Max(chars, data[i, j].ToString(data.ValueFormat, CultureInfo.InvariantCulture).Length);
            }
        }

        double fits = Math.Min(columnWidth * 0.85 / (chars * 0.6), rowHeight * 0.6);
        return Math.Clamp(fits, options.FontSize * 0.5, options.FontSize * 0.9);
    }

    /// <summary>Rough plot-area width: the figure less the row labels and the colour bar.</summary>
    private static double PlotAreaWidth(FigureOptions options) => Math.Max(options.Width - 240, options.Width * 0.4);
}
