using System.Globalization;
using OxyPlot;
using OxyPlot.Annotations;
using OxyPlot.Axes;
using OxyPlot.Legends;
using LineSeries = OxyPlot.Series.LineSeries;

namespace Ferroptosis.Sim.Plotting;

/// <summary>The shared look of every chart: fonts, axes, legend, lines and reference marks.</summary>
/// <remarks>
/// Follows common journal guidance (Rougier, Droettboom &amp; Bourne 2014, "Ten simple rules for better
/// figures", PLoS Comput Biol 10:e1003833; Tufte's data-ink ratio): left and bottom axis lines only, ticks
/// outside, no box, no background fill, grid lines only on request, units in parentheses after axis titles,
/// a white background so figures paste onto any slide or page, and the invariant culture so decimals are
/// points in every locale.
/// </remarks>
internal static class PlotStyler
{
    /// <summary>Near-black for text and axes: full black looks heavy next to coloured data lines.</summary>
    public static readonly OxyColor Ink = OxyColor.FromRgb(0x22, 0x22, 0x22);

    /// <summary>Mid-grey for reference lines (e.g. 50 % survival), so they recede behind data.</summary>
    public static readonly OxyColor ReferenceGrey = OxyColor.FromRgb(0x88, 0x88, 0x88);

    /// <summary>Dash pattern of reference and marker lines, in line widths.</summary>
    public static readonly double[] Dashes = [4, 3];

    /// <summary>Creates an empty model with the theme applied and, unless hidden, a legend.</summary>
    public static PlotModel CreateModel(FigureOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        string font = FontResolver.Choose(options.FontFamily);
        var model = new PlotModel
        {
            Title = options.Title,
            DefaultFont = font,
            DefaultFontSize = options.FontSize,
            TitleFont = font,
            TitleFontSize = options.FontSize * 1.2,
            TitleFontWeight = FontWeights.Bold,
            TitleColor = Ink,
            TextColor = Ink,
            Background = OxyColors.White,
            PlotAreaBorderThickness = new OxyThickness(0),
            Padding = new OxyThickness(8, 8, 16, 8),
            Culture = CultureInfo.InvariantCulture,
            IsLegendVisible = options.Legend != LegendLocation.None,
        };
        if (options.Legend != LegendLocation.None)
        {
            model.Legends.Add(CreateLegend(options));
        }

        return model;
    }

    /// <summary>Creates an axis from its spec at a position.</summary>
    public static Axis CreateAxis(AxisSpec spec, AxisPosition position, FigureOptions options, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(spec, parameterName);
        spec.Validate(parameterName);
        Axis axis = spec.Scale == AxisScale.Logarithmic
            // Decades closer than OxyPlot's 60 px default still get a label, so narrow panels keep every decade.
            ? new LogarithmicAxis { LabelFormatter = NumberText.LogTick, IntervalLength = 40 }
            : new LinearAxis();
        axis.Position = position;
        axis.Title = spec.Title;
        axis.Unit = spec.Unit;
        StyleText(axis, options);
        axis.AxislineStyle = LineStyle.Solid;
        axis.AxislineThickness = 1;
        axis.AxislineColor = Ink;
        axis.TicklineColor = Ink;
        axis.MinorTicklineColor = Ink;
        axis.TickStyle = TickStyle.Outside;
        axis.MajorTickSize = 5;
        axis.MinorTickSize = 3;
        if (spec.LabelFormat is not null)
        {
            axis.StringFormat = spec.LabelFormat;
        }

        // Keep data off the axis lines: 4 % of the range on each side unless the range is fixed.
        axis.MinimumPadding = 0.04;
        axis.MaximumPadding = 0.04;
        if (spec.Minimum is double min)
        {
            axis.Minimum = min;
        }

        if (spec.Maximum is double max)
        {
            axis.Maximum = max;
        }

        if (options.ShowGrid)
        {
            axis.MajorGridlineStyle = LineStyle.Solid;
            axis.MajorGridlineColor = OxyColor.FromRgb(0xE3, 0xE3, 0xE3);
            axis.MajorGridlineThickness = 1;
        }

        return axis;
    }

    /// <summary>Sets what every axis shares: title "Name (unit)", font sizes, title spacing, and no panning or zooming.</summary>
    public static void StyleText(Axis axis, FigureOptions options)
    {
        axis.TitleFormatString = "{0} ({1})";
        axis.TitleFontSize = options.FontSize;
        axis.FontSize = options.FontSize * 0.9;
        axis.AxisTitleDistance = 6;
        axis.IsPanEnabled = false;
        axis.IsZoomEnabled = false;
    }

    /// <summary>Gives a series its colour: its own style's, else the palette's for its index.</summary>
    public static OxyColor ColorOf(Series series, int index, FigureOptions options) =>
        series.Style?.Color ?? options.Palette[index];

    /// <summary>Refuses a series with a finite value ≤ 0 on a logarithmic axis, which OxyPlot would drop without a word; NaN (a break in the line) is allowed.</summary>
    /// <exception cref="ArgumentException">A value cannot be shown on its logarithmic axis.</exception>
    public static void RequireShowable(Series series, AxisSpec xAxis, AxisSpec yAxis, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(series, parameterName);
        Check(series.X, xAxis, "x");
        Check(series.Y, yAxis, "y");

        void Check(IReadOnlyList<double> values, AxisSpec axis, string which)
        {
            if (axis.Scale != AxisScale.Logarithmic)
            {
                return;
            }

            for (int k = 0; k < values.Count; k++)
            {
                if (values[k] <= 0)
                {
                    throw new ArgumentException(
                        $"Series '{series.Name}' has {which} = {values[k]} at point {k}, which the logarithmic axis '{axis.Title}' cannot show. Plot it on a linear axis, show zero controls apart (as DoseResponseChart does), or set the value to NaN to break the line there on purpose.",
                        parameterName);
                }
            }
        }
    }

    /// <summary>Creates a line for a series: palette colour, chart line width, breaks at non-finite points.</summary>
    public static LineSeries CreateLine(Series series, int index, FigureOptions options, MarkerType defaultMarker = MarkerType.None)
    {
        var color = ColorOf(series, index, options);
        var line = new LegendMarkLineSeries
        {
            Title = series.Name,
            Color = color,
            StrokeThickness = series.Style?.Thickness ?? options.LineThickness,
            LineStyle = series.Style?.LineStyle ?? LineStyle.Solid,
            MarkerType = series.Style?.Marker ?? defaultMarker,
            MarkerFill = color,
            MarkerStroke = color,
            MarkerSize = 3.5,
            LineJoin = LineJoin.Round,
            CanTrackerInterpolatePoints = false,
        };
        for (int i = 0; i < series.Count; i++)
        {
            line.Points.Add(new DataPoint(series.X[i], series.Y[i]));
        }

        return line;
    }

    /// <summary>The rim of a filled marker: white, so that overlapping points stay apart; the series colour for the line-only markers (cross, plus, star), which have no fill and would otherwise not show.</summary>
    public static OxyColor MarkerRim(MarkerType marker, OxyColor color) =>
        marker is MarkerType.Cross or MarkerType.Plus or MarkerType.Star ? color : OxyColors.White;

    /// <summary>Creates a dashed vertical mark from the bottom of the plot up to <paramref name="top"/>, labelled along it if the options ask.</summary>
    public static LineAnnotation CreateVerticalMark(double x, double top, string label, OxyColor color, FigureOptions options) => new()
    {
        Type = LineAnnotationType.Vertical,
        X = x,
        MaximumY = top,
        Color = color,
        StrokeThickness = Math.Max(1, options.LineThickness * 0.6),
        LineStyle = LineStyle.Dash,
        Text = options.LabelMarksOnPlot ? label : null,
        TextColor = color,
        FontSize = options.FontSize * 0.8,
        TextOrientation = AnnotationTextOrientation.AlongLine,
        TextLinePosition = 0,
        TextHorizontalAlignment = HorizontalAlignment.Left,
        TextVerticalAlignment = VerticalAlignment.Bottom,
        TextMargin = 4,
        Layer = AnnotationLayer.BelowSeries,
    };

    /// <summary>Creates a dashed grey horizontal reference line across the plot.</summary>
    public static LineAnnotation CreateHorizontalReference(double y, FigureOptions options) => new()
    {
        Type = LineAnnotationType.Horizontal,
        Y = y,
        Color = ReferenceGrey,
        StrokeThickness = 1,
        LineStyle = LineStyle.Dash,
        Layer = AnnotationLayer.BelowSeries,
        FontSize = options.FontSize * 0.8,
    };

    /// <summary>Creates a filled marker (a circle unless another shape is given) with a white rim at a data point.</summary>
    public static PointAnnotation CreatePointMark(double x, double y, OxyColor color, MarkerType shape = MarkerType.Circle) => new()
    {
        X = x,
        Y = y,
        Shape = shape,
        Size = 5,
        Fill = color,
        Stroke = MarkerRim(shape, color),
        StrokeThickness = 1.5,
        Layer = AnnotationLayer.AboveSeries,
    };

    private static Legend CreateLegend(FigureOptions options)
    {
        var legend = new Legend
        {
            LegendFontSize = options.FontSize * 0.9,
            LegendTextColor = Ink,
            LegendBorderThickness = 0,
            LegendBackground = OxyColors.Undefined,
            LegendSymbolLength = 24,
            LegendItemSpacing = 16,
            LegendPadding = 4,
            LegendMargin = 8,
        };
        (legend.LegendPlacement, legend.LegendPosition, legend.LegendOrientation) = options.Legend switch
        {
            LegendLocation.Below => (LegendPlacement.Outside, LegendPosition.BottomCenter, LegendOrientation.Horizontal),
            LegendLocation.InsideTopRight => (LegendPlacement.Inside, LegendPosition.RightTop, LegendOrientation.Vertical),
            LegendLocation.InsideTopLeft => (LegendPlacement.Inside, LegendPosition.LeftTop, LegendOrientation.Vertical),
            LegendLocation.InsideBottomLeft => (LegendPlacement.Inside, LegendPosition.LeftBottom, LegendOrientation.Vertical),
            LegendLocation.InsideBottomRight => (LegendPlacement.Inside, LegendPosition.RightBottom, LegendOrientation.Vertical),
            _ => (LegendPlacement.Outside, LegendPosition.RightTop, LegendOrientation.Vertical),
        };
        if (legend.LegendPlacement == LegendPlacement.Inside)
        {
            // A translucent white box keeps the legend readable where it meets a curve.
            legend.LegendBackground = OxyColor.FromAColor(220, OxyColors.White);
        }

        return legend;
    }
}
