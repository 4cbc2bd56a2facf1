using System.Globalization;
using Ferroptosis.Sim.Plotting;
using OxyPlot;

namespace Ferroptosis.Sim.Cli;

/// <summary>Reports a finished scan: a summary table, <c>scan.csv</c> (one row per point) and <c>scan.EXT</c> (dose–response curves for 1-D, a heat map for 2-D).</summary>
internal static class ScanOutput
{
    /// <summary>Most rows or columns of a heat map that still get their values printed in the cells.</summary>
    private const int MaxLabelledCells = 12;

    /// <summary>Writes the outputs of a scan.</summary>
    /// <param name="context">Where to print.</param>
    /// <param name="plan">The scan.</param>
    /// <param name="values">The read-out of every point.</param>
    /// <param name="folder">The output folder.</param>
    /// <param name="formats">Figure formats.</param>
    /// <param name="cancellationToken">Cancels before files appear.</param>
    /// <returns>The exit code.</returns>
    public static int Write(CliContext context, ScanPlan plan, double[] values, string folder, IReadOnlyList<string> formats, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(values);
        if (plan.Failures > 0)
        {
            context.Error.WriteLine($"warning: {plan.Failures} of {plan.PointCount} simulations failed (NaN in the CSV); the first: {plan.FirstFailure}");
            if (plan.Failures == plan.PointCount)
            {
                throw new CliException("Every simulation of the scan failed; nothing was written.", ExitCodes.SimulationFailed);
            }
        }

        PrintSummary(context, plan, values);
        string csv = Path.Combine(folder, "scan.csv");
        OutputFiles.Write(csv, writer => WriteCsv(writer, plan, values), cancellationToken);
        var written = new List<string> { csv };
        if (formats.Count > 0)
        {
            written.AddRange(OutputFiles.SaveFigure(Figure(plan, values), folder, "scan", formats));
        }

        context.ReportFiles(written);
        return ExitCodes.Success;
    }

    private static void WriteCsv(TextWriter writer, ScanPlan plan, double[] values)
    {
        var c = CultureInfo.InvariantCulture;
        var header = new List<string>();
        if (plan.IsBuiltIn)
        {
            header.Add("cell_type");
        }

        header.AddRange(plan.Axes.Select(a => a.Header));
        header.Add(plan.Readout.Header);
        writer.WriteLine(string.Join(',', header));
        for (int point = 0; point < plan.PointCount; point++)
        {
            var (series, coordinates) = plan.Coordinates(point);
            var cells = new List<string>();
            if (plan.IsBuiltIn)
            {
                cells.Add(plan.Series[series]);
            }

            cells.AddRange(coordinates.Select(x => x.ToString("R", c)));
            cells.Add(values[point].ToString("R", c));
            writer.WriteLine(string.Join(',', cells));
        }
    }

    private static void PrintSummary(CliContext context, ScanPlan plan, double[] values)
    {
        var axis = plan.Axes[0];
        bool survival = IsSurvival(plan.Readout);
        var table = CliContext.CreateTable(
            [plan.IsBuiltIn ? "cell type" : "model", "points ", $"{plan.Readout.Text} min ", $"{plan.Readout.Text} max ", .. plan.Axes.Count == 1 && survival ? new[] { $"50 % at {axis.Name} " } : []]);
        for (int s = 0; s < plan.Series.Count; s++)
        {
            var slice = values.AsSpan(s * plan.PointsPerSeries, plan.PointsPerSeries).ToArray();
            var finite = slice.Where(double.IsFinite).ToList();
            var row = new List<string>
            {
                plan.Series[s],
                plan.PointsPerSeries.ToString(CultureInfo.InvariantCulture),
                finite.Count > 0 ? Number(finite.Min()) : "–",
                finite.Count > 0 ? Number(finite.Max()) : "–",
            };
            if (plan.Axes.Count == 1 && survival)
            {
                row.Add(HalfCrossing(axis, slice) is double dose ? $"{Number(dose)}{(axis.Unit is null ? "" : " " + axis.Unit)}" : "not crossed");
            }

            CliContext.AddRow(table, [.. row]);
        }

        context.Write(table);
    }

    private static PlotModel Figure(ScanPlan plan, double[] values)
    {
        var readoutAxis = plan.Readout.Axis;
        var options = new FigureOptions { Title = $"{plan.ModelName}: {plan.Readout.Text}" };
        if (plan.Axes.Count == 2)
        {
            return HeatMap(plan, values, readoutAxis, options);
        }

        var axis = plan.Axes[0];
        var doseAxis = new AxisSpec(axis.Name, axis.Unit);
        var responseAxis = IsSurvival(plan.Readout) ? readoutAxis.WithRange(0, 1.02) : readoutAxis;
        var slices = Enumerable.Range(0, plan.Series.Count).Select(s => values.AsSpan(s * plan.PointsPerSeries, plan.PointsPerSeries).ToArray()).ToList();
        if (axis.IsLogarithmic && axis.Values.All(v => v > 0))
        {
            var curves = slices.Select((slice, s) => new DoseResponseCurve(plan.Series[s], axis.Values, slice)
            {
                ConnectPoints = true,
                HalfMaximalDose = IsSurvival(plan.Readout) ? HalfCrossing(axis, slice) : null,
                HalfMaximalLabel = "50 %",
            });
            return DoseResponseChart.Create(curves, doseAxis, responseAxis, options);
        }

        return TimeCourseChart.Create(slices.Select((slice, s) => new Series(plan.Series[s], axis.Values, slice)), responseAxis, doseAxis, options);
    }

    private static PlotModel HeatMap(ScanPlan plan, double[] values, AxisSpec readoutAxis, FigureOptions options)
    {
        var (columns, rows) = (plan.Axes[0], plan.Axes[1]);
        var grid = new double[rows.Values.Count, columns.Values.Count];
        for (int i = 0; i < columns.Values.Count; i++)
        {
            for (int j = 0; j < rows.Values.Count; j++)
            {
                // The largest value of the second input at the top, as on a y axis.
                grid[rows.Values.Count - 1 - j, i] = values[(i * rows.Values.Count) + j];
            }
        }

        bool survival = IsSurvival(plan.Readout);
        var data = new HeatMapData([.. rows.Values.Reverse().Select(ScanAxisSpec.Format)], [.. columns.Values.Select(ScanAxisSpec.Format)], grid)
        {
            RowTitle = Title(rows),
            ColumnTitle = Title(columns),
            ValueTitle = readoutAxis.Title,
            ValueUnit = readoutAxis.Unit,
            Minimum = survival ? 0 : null,
            Maximum = survival ? 1 : null,
            ShowValues = rows.Values.Count <= MaxLabelledCells && columns.Values.Count <= MaxLabelledCells,
        };
        return HeatMapChart.Create(data, options);
    }

    /// <summary>The input value at which the read-out first falls through 0.5, interpolated linearly (in log10 of the input for a log axis).</summary>
    private static double? HalfCrossing(ScanAxisSpec axis, double[] slice)
    {
        var x = axis.IsLogarithmic && axis.Values.All(v => v > 0) ? axis.Values.Select(Math.Log10).ToList() : [.. axis.Values];
        var t = SurvivalChart.HalfSurvivalTime(x, slice);
        return t is double crossing && axis.IsLogarithmic ? Math.Pow(10, crossing) : t;
    }

    private static bool IsSurvival(ScanReadout readout) => readout.Quantity == "S" && readout.Kind == ScanReadout.ReadoutKind.At;

    private static string Title(ScanAxisSpec axis) => axis.Unit is null ? axis.Name : $"{axis.Name} ({axis.Unit})";

    private static string Number(double value) => value.ToString("G4", CultureInfo.InvariantCulture);
}
