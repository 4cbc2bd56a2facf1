using OxyPlot;
using OxyPlot.Axes;
using OxyPlot.Series;

namespace Ferroptosis.Sim.Plotting;

/// <summary>Builds dose–response plots: readout against dose on a logarithmic dose axis, points plus optional fits and IC50/EC50 marks.</summary>
/// <remarks>
/// Each <see cref="DoseResponseCurve"/> (e.g. one per cell type) gets one palette colour for its points, error
/// bars, fitted line and half-maximal mark. The fit is evaluated at <see cref="FitSamples"/> log-spaced doses
/// across the plotted dose range. A half-maximal dose is marked by a dashed vertical line from the dose axis up
/// to the curve (the fit's value there, else the log-linear interpolation of the points, else the full height),
/// and its value is added to the legend entry ("Osteoclast (IC50 = 0.25 µM)"; also along the line when
/// <see cref="FigureOptions.LabelMarksOnPlot"/> is set). Nothing is fitted or forced, so
/// non-monotonic data keep their shape. The returned model is new and owned by the caller. Methods are
/// thread-safe; the models they return are not.
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
    /// <exception cref="ArgumentException">No curves, no positive dose in any curve, or an axis is invalid.</exception>
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
        var model = PlotStyler.CreateModel(options);
        model.Axes.Add(PlotStyler.CreateAxis(doseAxis, AxisPosition.Bottom, options, nameof(doseAxis)));
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
            AddCurve(model, curve, color, low, high, doseAxis.Unit, options);
        }

        return model;
    }

    private static void AddCurve(PlotModel model, DoseResponseCurve curve, OxyColor color, double low, double high, string? unit, FigureOptions options)
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
                if (curve.Doses[k] > 0 && double.IsFinite(errors[k]))
                {
                    bars.Points.Add(new ScatterErrorPoint(curve.Doses[k], curve.Responses[k], 0, errors[k]));
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
                if (dose > 0 && double.IsFinite(dose))
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
