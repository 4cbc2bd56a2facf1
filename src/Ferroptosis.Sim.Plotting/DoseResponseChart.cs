using OxyPlot;
using OxyPlot.Annotations;
using OxyPlot.Axes;
using OxyPlot.Series;

namespace Ferroptosis.Sim.Plotting;

/// <summary>Builds dose–response plots: readout against dose on a logarithmic dose axis, points plus optional fits and IC50/EC50 marks.</summary>
/// <remarks>
/// <para>
/// Each <see cref="DoseResponseCurve"/> (e.g. one per cell type) gets one palette colour for its points, error
/// bars, fitted line and half-maximal mark. The fit is evaluated at <see cref="FitSamples"/> log-spaced doses
/// across the plotted dose range. A half-maximal dose is marked by a dashed vertical line from the dose axis up
/// to the curve (the fit's value there, else the log-linear interpolation of the points, else the full height),
/// and its value is added to the legend entry ("Osteoclast (IC50 = 0.25 µM)"; also along the line when
/// <see cref="FigureOptions.LabelMarksOnPlot"/> is set). Nothing is fitted or forced, so
/// non-monotonic data keep their shape.
/// </para>
/// <para>
/// A zero dose (a vehicle or knockout control) has no place on a logarithmic axis, so it is never dropped in
/// silence: it is drawn as its curve's marker, not joined to the line, at a position left of an axis break
/// (<see cref="ZeroDosePosition"/>), where the tick reads "0" and a dotted vertical line marks the break.
/// Negative or non-finite doses are refused. Curves that lie on top of each other (within 0.5 % of the response
/// range at every dose) are named in the subtitle ("lines coincide: …"). The returned model is new and owned by the caller. Methods are
/// thread-safe; the models they return are not.
/// </para>
/// </remarks>
public static class DoseResponseChart
{
    /// <summary>Number of doses at which a fit is drawn: smooth at print resolution for any sigmoid.</summary>
    public const int FitSamples = 200;

    /// <summary>Creates a dose–response plot.</summary>
    /// <param name="curves">The data sets; at least one.</param>
    /// <param name="doseAxis">The dose axis, e.g. <c>new AxisSpec("Erastin", "µM")</c>; drawn logarithmic whatever its <see cref="AxisSpec.Scale"/>.</param>
    /// <param name="responseAxis">The readout axis, e.g. <c>new AxisSpec("Viability", "%")</c>.</param>
    /// <param name="options">Look and size; <see langword="null"/> for <see cref="FigureOptions.Default"/>.</param>
    /// <returns>The plot model.</returns>
    /// <exception cref="ArgumentException">No curves, no positive dose in any curve, a negative or non-finite dose, a fixed dose axis that leaves no room for the zero dose, or an axis is invalid.</exception>
    public static PlotModel Create(
        IEnumerable<DoseResponseCurve> curves,
        AxisSpec doseAxis,
        AxisSpec responseAxis,
        FigureOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(curves);
        ArgumentNullException.ThrowIfNull(doseAxis);
        var list = curves.ToList();
        if (list.Count == 0)
        {
            throw new ArgumentException("Give at least one dose–response curve to plot.", nameof(curves));
        }

        options ??= FigureOptions.Default;
        doseAxis = doseAxis.Log();
        var (low, high) = DoseRange(list, doseAxis);
        double? zero = list.Exists(c => c.Doses.Contains(0)) ? ZeroDosePosition(list.Min(c => c.Doses.Where(d => d > 0).DefaultIfEmpty(double.PositiveInfinity).Min())) : null;
        if (zero is double z)
        {
            if (doseAxis.Minimum is double min && min >= z)
            {
                throw new ArgumentException($"The dose axis starts at {min}, which leaves no room for the zero-dose control drawn at {z}; leave the minimum unset or below {z}.", nameof(doseAxis));
            }

            doseAxis = doseAxis with { Minimum = doseAxis.Minimum ?? z / 1.6 };
        }

        var model = PlotStyler.CreateModel(options);
        var bottom = PlotStyler.CreateAxis(doseAxis, AxisPosition.Bottom, options, nameof(doseAxis));
        model.Axes.Add(bottom);
        if (zero is double at)
        {
            MarkZeroDose(model, bottom, at, low, options);
        }

        model.Axes.Add(PlotStyler.CreateAxis(responseAxis, AxisPosition.Left, options, nameof(responseAxis)));

        for (int i = 0; i < list.Count; i++)
        {
            var curve = list[i];
            ArgumentNullException.ThrowIfNull(curve, nameof(curves));
            if (curve.HalfMaximalDose is double half && (!(half > 0) || !double.IsFinite(half)))
            {
                throw new ArgumentException($"Curve '{curve.Name}' has {curve.HalfMaximalLabel} = {half}; a dose on a log axis must be positive and finite.", nameof(curves));
            }

            var color = curve.Style?.Color ?? options.Palette[i];
            AddCurve(model, curve, color, low, high, doseAxis.Unit, zero, options);
        }

        // Curves that lie on top of each other are named, so a hidden one is never silently lost.
        var asSeries = list.Select(c => new Series(c.Name, [.. c.Doses], [.. c.Responses])).ToList();
        if (SurvivalChart.CoincidenceNote(asSeries, CoincidenceTolerance(list)) is { } note)
        {
            model.Subtitle = note;
        }

        return model;
    }

    /// <summary>Gets where a zero dose is drawn on a logarithmic dose axis whose lowest positive dose is <paramref name="lowestPositiveDose"/>.</summary>
    /// <param name="lowestPositiveDose">The smallest positive dose of the chart.</param>
    /// <returns>The power of ten at or below that dose that lies at least a factor 1.9 below it, so there is room for the axis break between the control and the first dose.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The dose is not positive and finite.</exception>
    public static double ZeroDosePosition(double lowestPositiveDose)
    {
        if (!(lowestPositiveDose > 0) || !double.IsFinite(lowestPositiveDose))
        {
            throw new ArgumentOutOfRangeException(nameof(lowestPositiveDose), lowestPositiveDose, "The lowest positive dose must be positive and finite.");
        }

        double decade = Math.Pow(10, Math.Floor(Math.Log10(lowestPositiveDose) + 1e-12));
        return decade <= lowestPositiveDose / 1.9 ? decade : decade / 10;
    }

    /// <summary>How close two curves must be at every dose to be named as coinciding: 0.5 % of the responses' range (0.005 for a surviving fraction from 0 to 1), about a line's width.</summary>
    private static double CoincidenceTolerance(List<DoseResponseCurve> curves)
    {
        var values = curves.SelectMany(c => c.Responses).Where(double.IsFinite).DefaultIfEmpty(0).ToList();
        return Math.Max(0.005 * (values.Max() - values.Min()), 1e-12);
    }

    /// <summary>Labels the tick at the zero-dose position "0", blanks the ticks left of the break, and draws the break as a dotted vertical line.</summary>
    private static void MarkZeroDose(PlotModel model, Axis axis, double zero, double lowestDose, FigureOptions options)
    {
        double gap = Math.Sqrt(zero * lowestDose);
        var ticks = axis.LabelFormatter ?? NumberText.LogTick;
        axis.LabelFormatter = x => Math.Abs(Math.Log10(x / zero)) < 1e-6 ? "0" : x < gap ? string.Empty : ticks(x);
        model.Annotations.Add(new LineAnnotation
        {
            Type = LineAnnotationType.Vertical,
            X = gap,
            Color = PlotStyler.Ink,
            StrokeThickness = 1,
            LineStyle = LineStyle.Dot,
            Text = "axis break: 0 = control",
            TextColor = PlotStyler.Ink,
            FontSize = options.FontSize * 0.75,
            TextOrientation = AnnotationTextOrientation.AlongLine,
            TextHorizontalAlignment = HorizontalAlignment.Right,
            TextVerticalAlignment = VerticalAlignment.Bottom,
        });
    }

    private static void AddCurve(PlotModel model, DoseResponseCurve curve, OxyColor color, double low, double high, string? unit, double? zero, FigureOptions options)
    {
        double thickness = curve.Style?.Thickness ?? options.LineThickness;
        if (curve.Fit is not null)
        {
            var fit = new LineSeries { Color = color, StrokeThickness = thickness, LineStyle = curve.Style?.LineStyle ?? LineStyle.Solid, LineJoin = LineJoin.Round };
            double step = Math.Log(high / low) / (FitSamples - 1);
            for (int k = 0; k < FitSamples; k++)
            {
                double dose = low * Math.Exp(k * step);
                fit.Points.Add(new DataPoint(dose, curve.Fit(dose)));
            }

            model.Series.Add(fit);
        }

        if (curve.Errors is { } errors)
        {
            var bars = new ScatterErrorSeries { MarkerType = MarkerType.None, ErrorBarColor = color, ErrorBarStrokeThickness = 1.2, ErrorBarStopWidth = 3 };
            for (int k = 0; k < curve.Doses.Count; k++)
            {
                if (double.IsFinite(errors[k]))
                {
                    bars.Points.Add(new ScatterErrorPoint(curve.Doses[k] > 0 ? curve.Doses[k] : zero!.Value, curve.Responses[k], 0, errors[k]));
                }
            }

            model.Series.Add(bars);
        }

        var points = new PointsWithFitSeries
        {
            Title = curve.Name,
            Color = color,
            MarkerType = curve.Style?.Marker ?? MarkerType.Circle,
            MarkerFill = color,
            MarkerStroke = PlotStyler.MarkerRim(curve.Style?.Marker ?? MarkerType.Circle, color),
            MarkerStrokeThickness = curve.Style?.Marker is MarkerType.Cross or MarkerType.Plus or MarkerType.Star ? 1.5 : 1,
            MarkerSize = 4.5,
            StrokeThickness = thickness,
            FitThickness = curve.Fit is null ? 0 : thickness,
            LineStyle = curve.ConnectPoints ? curve.Style?.LineStyle ?? LineStyle.Solid : LineStyle.None,
        };
        // The zero-dose control first, at its place left of the axis break, cut off from the line by an invalid point.
        foreach (int k in Enumerable.Range(0, curve.Doses.Count).Where(k => curve.Doses[k] == 0))
        {
            points.Points.Add(new DataPoint(zero!.Value, curve.Responses[k]));
            points.Points.Add(DataPoint.Undefined);
        }

        foreach (int k in PositiveDoseOrder(curve))
        {
            points.Points.Add(new DataPoint(curve.Doses[k], curve.Responses[k]));
        }

        model.Series.Add(points);

        if (curve.HalfMaximalDose is double half)
        {
            double top = curve.Fit?.Invoke(half) ?? InterpolateLogLinear(curve, half);
            string label = $"{curve.HalfMaximalLabel} = {NumberText.Significant(half)}{(string.IsNullOrEmpty(unit) ? string.Empty : " " + unit)}";
            points.Title = $"{curve.Name} ({label})";
            model.Annotations.Add(PlotStyler.CreateVerticalMark(half, double.IsFinite(top) ? top : double.MaxValue, label, color, options));
        }
    }

    /// <summary>The dose range to draw fits over: the axis's fixed range, else the data's positive doses widened by 1.5× each way.</summary>
    private static (double Low, double High) DoseRange(List<DoseResponseCurve> curves, AxisSpec doseAxis)
    {
        double low = double.PositiveInfinity, high = double.NegativeInfinity;
        foreach (var curve in curves)
        {
            foreach (double dose in curve?.Doses ?? [])
            {
                if (dose < 0 || !double.IsFinite(dose))
                {
                    throw new ArgumentException($"Curve '{curve!.Name}' has the dose {dose}; doses must be zero (a control, drawn left of an axis break) or positive and finite.", nameof(curves));
                }

                if (dose > 0)
                {
                    low = Math.Min(low, dose);
                    high = Math.Max(high, dose);
                }
            }

            if (curve?.HalfMaximalDose is double half && half > 0 && double.IsFinite(half))
            {
                low = Math.Min(low, half);
                high = Math.Max(high, half);
            }
        }

        if (!double.IsFinite(low))
        {
            throw new ArgumentException("No curve has a positive dose; a logarithmic dose axis needs at least one.", nameof(curves));
        }

        if (low == high)
        {
            (low, high) = (low / 10, high * 10);
        }

        return (doseAxis.Minimum ?? low / 1.5, doseAxis.Maximum ?? high * 1.5);
    }

    /// <summary>Indices of positive, finite doses sorted by dose, so joined points run left to right.</summary>
    private static int[] PositiveDoseOrder(DoseResponseCurve curve) =>
        [.. Enumerable.Range(0, curve.Doses.Count)
            .Where(k => curve.Doses[k] > 0 && double.IsFinite(curve.Doses[k]))
            .OrderBy(k => curve.Doses[k])];

    /// <summary>The response at a dose by linear interpolation in log-dose between the bracketing points; NaN outside them.</summary>
    private static double InterpolateLogLinear(DoseResponseCurve curve, double dose)
    {
        var order = PositiveDoseOrder(curve);
        for (int j = 0; j + 1 < order.Length; j++)
        {
            double d0 = curve.Doses[order[j]], d1 = curve.Doses[order[j + 1]];
            if (dose >= d0 && dose <= d1 && d1 > d0)
            {
                double w = Math.Log(dose / d0) / Math.Log(d1 / d0);
                return curve.Responses[order[j]] + (w * (curve.Responses[order[j + 1]] - curve.Responses[order[j]]));
            }
        }

        return double.NaN;
    }
}
