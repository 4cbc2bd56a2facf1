using OxyPlot;
using OxyPlot.Axes;

namespace Ferroptosis.Sim.Plotting;

/// <summary>Builds time-course plots: any set of quantities against time, one line per quantity.</summary>
/// <remarks>
/// Use it for simulated concentrations (Nrf2, HO-1, heme, labile Fe²⁺, GSH, lipid peroxides) or any other
/// output that shares one time axis. All series share the y axis, so plot quantities of one unit together and
/// put different units in separate panels (<see cref="MultiPanelFigure"/>). A value ≤ 0 on a logarithmic axis is
/// refused (it would vanish without a word); NaN breaks a line on purpose. Lines that lie on top of each other
/// (within <see cref="CoincidenceFraction"/> of the y range at every sample) are named in the subtitle
/// ("lines coincide: …"). The returned model is new and owned by the caller, who
/// may change it before export. Methods are thread-safe; the models they return are not.
/// </remarks>
public static class TimeCourseChart
{
    /// <summary>How close two lines must be at every sample, as a fraction of the y range of the chart, to be named as coinciding in the subtitle: about a line's width.</summary>
    public const double CoincidenceFraction = 0.005;

    /// <summary>Creates a time-course plot.</summary>
    /// <param name="series">The quantities, each with x = time; at least one.</param>
    /// <param name="yAxis">The quantity axis, e.g. <c>new AxisSpec("Concentration", "µM")</c> or its <see cref="AxisSpec.Log"/>.</param>
    /// <param name="timeAxis">The time axis; <see langword="null"/> for <see cref="AxisSpec.TimeInHours"/>.</param>
    /// <param name="options">Look and size; <see langword="null"/> for <see cref="FigureOptions.Default"/>.</param>
    /// <returns>The plot model.</returns>
    /// <exception cref="ArgumentException">No series, an axis is invalid, or a series has a value ≤ 0 on a logarithmic axis (it would vanish without a word; use NaN to break a line on purpose).</exception>
    public static PlotModel Create(IEnumerable<Series> series, AxisSpec yAxis, AxisSpec? timeAxis = null, FigureOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(series);
        var list = series.ToList();
        if (list.Count == 0)
        {
            throw new ArgumentException("Give at least one series to plot.", nameof(series));
        }

        options ??= FigureOptions.Default;
        var model = PlotStyler.CreateModel(options);
        model.Axes.Add(PlotStyler.CreateAxis(timeAxis ?? AxisSpec.TimeInHours, AxisPosition.Bottom, options, nameof(timeAxis)));
        model.Axes.Add(PlotStyler.CreateAxis(yAxis, AxisPosition.Left, options, nameof(yAxis)));
        for (int i = 0; i < list.Count; i++)
        {
            ArgumentNullException.ThrowIfNull(list[i], nameof(series));
            PlotStyler.RequireShowable(list[i], timeAxis ?? AxisSpec.TimeInHours, yAxis, nameof(series));
            model.Series.Add(PlotStyler.CreateLine(list[i], i, options));
        }

        // Lines that lie on top of each other are named, so a hidden one is never silently lost.
        var values = list.SelectMany(s => s.Y).Where(double.IsFinite).DefaultIfEmpty(0).ToList();
        double tolerance = Math.Max(CoincidenceFraction * (values.Max() - values.Min()), 1e-12);
        if (SurvivalChart.CoincidenceNote(list, tolerance) is { } note)
        {
            model.Subtitle = note;
        }

        return model;
    }

    /// <summary>Creates a time-course plot from a shared time column and named value columns.</summary>
    /// <param name="timeHours">Times in hours, one per row.</param>
    /// <param name="columns">Column name → values, one value per time; plotted in enumeration order.</param>
    /// <param name="yAxis">The quantity axis.</param>
    /// <param name="options">Look and size; <see langword="null"/> for the defaults.</param>
    /// <returns>The plot model.</returns>
    /// <exception cref="ArgumentException">A column's length differs from the time column's.</exception>
    public static PlotModel Create(
        IReadOnlyList<double> timeHours,
        IEnumerable<KeyValuePair<string, IReadOnlyList<double>>> columns,
        AxisSpec yAxis,
        FigureOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(columns);
        return Create(columns.Select(c => new Series(c.Key, timeHours, c.Value)), yAxis, null, options);
    }
}
