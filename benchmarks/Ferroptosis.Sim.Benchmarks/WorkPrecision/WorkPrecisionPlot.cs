using Ferroptosis.Sim.Plotting;
using OxyPlot;
using OxyPlot.Axes;

namespace Ferroptosis.Sim.Benchmarks.WorkPrecision;

/// <summary>Draws work–precision diagrams: accuracy reached (scd) against the median time of a solve, one panel per problem, one line per solver.</summary>
/// <remarks>
/// Time is on a logarithmic axis; scd is already a logarithm of the error, so the axis is linear in it.
/// A solver's points are joined from its loosest to its tightest tolerance; failed solves (NA) are left
/// out. A solver keeps its colour and marker in every panel; lines of other tools (overlays, e.g. CVODE)
/// are dashed and black. Better is up and to the left. The accuracy axis starts at −1 at the lowest: solves with
/// wrong answers (scd below −1) fall below it.
/// </remarks>
public static class WorkPrecisionPlot
{
    private static readonly MarkerType[] Markers = [MarkerType.Circle, MarkerType.Square, MarkerType.Diamond, MarkerType.Triangle];

    /// <summary>Writes <c>workprecision.png</c> and <c>workprecision.svg</c> into a folder.</summary>
    /// <param name="ours">Our points.</param>
    /// <param name="overlays">Points of other tools for the same problems (drawn dashed); those of other problems are ignored.</param>
    /// <param name="directory">The folder (created if missing).</param>
    /// <returns>The paths written.</returns>
    public static IReadOnlyList<string> Save(IReadOnlyList<WorkPrecisionPoint> ours, IReadOnlyList<WorkPrecisionPoint> overlays, string directory)
    {
        var problems = ours.Select(p => p.Problem).Distinct(StringComparer.Ordinal).ToList();
        var all = ours.Concat(overlays.Where(p => problems.Contains(p.Problem))).ToList();
        var solvers = all.Select(p => p.Solver).Distinct(StringComparer.Ordinal).ToList();
        var overlaySolvers = overlays.Select(p => p.Solver).ToHashSet(StringComparer.Ordinal);
        var options = new FigureOptions { Legend = LegendLocation.OutsideRight, FontSize = 12, ShowGrid = true };
        var panels = new List<PlotModel>();
        foreach (string problem in problems)
        {
            var series = new List<Series>();
            foreach (string solver in solvers)
            {
                var points = all.Where(p => p.Problem == problem && p.Solver == solver && p.IsComplete).OrderByDescending(p => p.RelativeTolerance).ToList();
                if (points.Count == 0)
                {
                    continue;
                }

                int index = solvers.IndexOf(solver);
                bool overlay = overlaySolvers.Contains(solver) && !ours.Any(p => p.Solver == solver);
                var style = new SeriesStyle
                {
                    Color = overlay ? OxyColors.Black : ColorPalette.TolMuted[index],
                    Marker = Markers[index % Markers.Length],
                    LineStyle = overlay ? LineStyle.Dash : LineStyle.Solid,
                    Thickness = 1.5,
                };
                series.Add(new Series(solver, [.. points.Select(p => p.MedianSeconds)], [.. points.Select(p => p.Scd)], style));
            }

            if (series.Count > 0)
            {
                var panel = TimeCourseChart.Create(series, new AxisSpec("Accuracy", "scd"), new AxisSpec("Median time of a solve", "s").Log(), options with { Title = problem });

                // Label decades and a few steps between them only, so labels do not collide within a decade.
                panel.Axes.Single(a => a.Position == AxisPosition.Bottom).IntervalLength = 90;
                // Wrong answers (scd far below 0, e.g. CVODE's on ROBER at rtol 1e-4) would squash the scale; they fall below the axis.
                if (series.Min(x => x.Y.Min()) < -1)
                {
                    panel.Axes.Single(a => a.Position == AxisPosition.Left).Minimum = -1;
                }
                panels.Add(panel);
            }
        }

        Directory.CreateDirectory(directory);
        int columns = panels.Count == 1 ? 1 : 2;
        int rows = (panels.Count + columns - 1) / columns;
        var figure = new MultiPanelFigure(panels, columns);
        string png = Path.Combine(directory, "workprecision.png");
        string svg = Path.Combine(directory, "workprecision.svg");
        int width = 760 * columns;
        int height = 420 * Math.Max(1, rows);
        FigureExporter.Save(figure, png, width * 3 / 2, height * 3 / 2, dpi: 144);
        FigureExporter.Save(figure, svg, width, height);
        return [png, svg];
    }
}
