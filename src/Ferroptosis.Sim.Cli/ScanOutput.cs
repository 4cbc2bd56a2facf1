using System.Globalization;
using Ferroptosis.Sim.Analysis;
using Ferroptosis.Sim.Plotting;
using OxyPlot;

namespace Ferroptosis.Sim.Cli;

/// <summary>Reports a finished scan: a summary table (with a four-parameter logistic fit for 1-D scans), <c>scan.csv</c> (one row per point; for the built-in model after a comment line naming its version) and <c>scan.EXT</c> (dose–response curves for 1-D, a heat map for 2-D).</summary>
/// <remarks>
/// 1-D scans are analysed per series with <see cref="DoseResponse.Fit(IReadOnlyList{double}, IReadOnlyList{double}, DoseResponseOptions?)"/>:
/// a monotonic curve gets its 4PL IC50/EC50 with a 95 % interval and Hill slope (the fitted curve is drawn),
/// a bell- or U-shaped one is reported as such with the dose of its extremum (no sigmoid is forced on it),
/// and a flat one as flat. For survival read-outs the table also gives the dose at which survival falls
/// through 0.5, interpolated in log dose between grid points (the model specification's IC50).
/// </remarks>
internal static class ScanOutput
{
    /// <summary>Most rows or columns of a heat map that still get their values printed in the cells.</summary>
    private const int MaxLabelledCells = 12;

    /// <summary>Writes the outputs of a scan.</summary>
    /// <param name="context">Where to print.</param>
    /// <param name="plan">The scan.</param>
    /// <param name="result">Its result.</param>
    /// <param name="output">The output folder, checked writable.</param>
    /// <param name="formats">Figure formats.</param>
    /// <param name="cancellationToken">Cancels before files appear.</param>
    /// <returns>The exit code.</returns>
    public static int Write(CliContext context, ScanPlan plan, ScanResult result, OutputFolder output, IReadOnlyList<string> formats, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        string folder = output.Path;
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(result);
        if (result.FailureCount > 0)
        {
            int first = Enumerable.Range(0, result.Count).First(p => result.Failures[p] is not null);
            var (series, at) = plan.Coordinates(result, first);
            string where = string.Join(", ", plan.Axes.Select((a, i) => $"{a.Name} = {ScanAxisSpec.Format(at[i])}"));
            context.Error.WriteLine($"warning: {result.FailureCount} of {result.Count} simulations failed (NaN in the CSV); the first, {plan.Series[series]} at {where}: {result.Failures[first]}");
            if (result.FailureCount == result.Count)
            {
                throw new CliException("Every simulation of the scan failed; nothing was written.", ExitCodes.SimulationFailed);
            }
        }

        var values = result.GetOutput(plan.Readout.Header);
        var slices = Enumerable.Range(0, plan.Series.Count).Select(s => values.AsSpan(s * plan.PointsPerSeries, plan.PointsPerSeries).ToArray()).ToList();
        var fits = plan.Axes.Count == 1 ? slices.Select(slice => FitOrNull(plan.Axes[0], slice)).ToList() : null;
        PrintSummary(context, plan, slices, fits);
        string csv = Path.Combine(folder, "scan.csv");
        OutputFiles.Write(csv, writer => WriteCsv(writer, plan, result, values), cancellationToken);
        var written = new List<string> { csv };
        if (formats.Count > 0)
        {
            var figure = fits is null ? HeatMap(plan, slices[0]) : Curves(plan, slices, fits);
            figure.Subtitle = plan.BuiltIn?.ToString();
            written.AddRange(OutputFiles.SaveFigure(figure, folder, "scan", formats));
        }

        written.Add(output.Complete(written, cancellationToken));
        context.ReportFiles(written);
        return ExitCodes.Success;
    }

    private static void WriteCsv(TextWriter writer, ScanPlan plan, ScanResult result, double[] values)
    {
        var c = CultureInfo.InvariantCulture;
        var header = new List<string>();
        if (plan.BuiltIn is { } version)
        {
            // As CellSimulationResult.WriteCsv: the model version and files that produced the numbers, as a comment line.
            writer.WriteLine($"# Ferroptosis.Sim {version} (files {version.Fingerprint})");
        }

        if (plan.IsBuiltIn)
        {
            header.Add(ScanPlan.CellAxis);
        }

        header.AddRange(plan.Axes.Select(a => a.Header));
        header.Add(plan.Readout.Header);
        writer.WriteLine(string.Join(',', header));
        for (int point = 0; point < result.Count; point++)
        {
            var (series, coordinates) = plan.Coordinates(result, point);
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

    private static void PrintSummary(CliContext context, ScanPlan plan, List<double[]> slices, List<DoseResponseFit?>? fits)
    {
        var axis = plan.Axes[0];
        bool crossing = fits is not null && IsSurvival(plan.Readout);
        string over = string.Join(" × ", plan.Axes.Select(a => a.Unit is null ? a.Name : $"{a.Name} ({a.Unit})"));
        context.WriteLine($"{plan.Readout.Text} over {over}:");
        var headers = new List<string> { plan.IsBuiltIn ? "cell type" : "model", "points ", "min ", "max " };
        if (crossing)
        {
            headers.Add("50 % at ");
        }

        if (fits is not null)
        {
            headers.AddRange(["shape", "IC50/EC50 [95 % CI] ", "Hill "]);
        }

        var table = CliContext.CreateTable([.. headers]);
        for (int s = 0; s < plan.Series.Count; s++)
        {
            var finite = slices[s].Where(double.IsFinite).ToList();
            var row = new List<string>
            {
                plan.Series[s],
                plan.PointsPerSeries.ToString(CultureInfo.InvariantCulture),
                finite.Count > 0 ? Number(finite.Min()) : "–",
                finite.Count > 0 ? Number(finite.Max()) : "–",
            };
            if (crossing)
            {
                row.Add(HalfCrossing(axis, slices[s]) is double dose ? WithUnit(dose, axis) : "not crossed");
            }

            if (fits is not null)
            {
                row.AddRange(Describe(fits[s], axis));
            }

            CliContext.AddRow(table, [.. row]);
        }

        context.Write(table);
    }

    private static string[] Describe(DoseResponseFit? fit, ScanAxisSpec axis)
    {
        if (fit is null)
        {
            return ["too few points for a fit", "–", "–"];
        }

        string extremum = fit.ExtremumDose is double at ? $" at {WithUnit(at, axis)}" : string.Empty;
        return fit.Shape switch
        {
            DoseResponseShape.Sigmoidal when fit.EC50 is { } ec50 && fit.HillSlope is { } hill =>
            [
                "sigmoidal",
                $"{(hill.Value < 0 ? "IC50" : "EC50")} {WithUnit(ec50.Value, axis)} [{Number(ec50.Lower)}, {Number(ec50.Upper)}]",
                Number(hill.Value),
            ],
            DoseResponseShape.NonMonotonic => [$"{(IsPeak(fit) ? "bell-shaped, peak" : "U-shaped, trough")}{extremum}", "–", "–"],
            DoseResponseShape.Flat => ["flat", "–", "–"],
            _ => ["fit failed", "–", "–"],
        };
    }

    private static PlotModel Curves(ScanPlan plan, List<double[]> slices, List<DoseResponseFit?> fits)
    {
        var axis = plan.Axes[0];
        var options = new FigureOptions { Title = $"{plan.ModelName}: {plan.Readout.Text}" };
        var doseAxis = new AxisSpec(axis.Name, axis.Unit);
        var responseAxis = IsSurvival(plan.Readout) ? plan.Readout.Axis.WithRange(0, 1.02) : plan.Readout.Axis;
        if (!axis.IsLogarithmic || !axis.Values.All(v => v > 0))
        {
            return TimeCourseChart.Create(slices.Select((slice, s) => new Series(SeriesLabel(plan, s), axis.Values, slice)), responseAxis, doseAxis, options);
        }

        var curves = slices.Select((slice, s) =>
        {
            var curve = fits[s] is { Shape: DoseResponseShape.Sigmoidal, Curve: { } fitted, HillSlope: { } hill }
                ? new DoseResponseCurve(SeriesLabel(plan, s), axis.Values, slice) { Fit = fitted.Evaluate, HalfMaximalDose = fitted.EC50, HalfMaximalLabel = hill.Value < 0 ? "IC50" : "EC50" }
                : new DoseResponseCurve(SeriesLabel(plan, s), axis.Values, slice) { ConnectPoints = true };
            return IsSurvival(plan.Readout) && curve.Fit is null ? curve with { HalfMaximalDose = HalfCrossing(axis, slice), HalfMaximalLabel = "50 %" } : curve;
        });
        return DoseResponseChart.Create(curves, doseAxis, responseAxis, options);
    }

    private static PlotModel HeatMap(ScanPlan plan, double[] values)
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
            ValueTitle = plan.Readout.Axis.Title,
            ValueUnit = plan.Readout.Axis.Unit,
            Minimum = survival ? 0 : null,
            Maximum = survival ? 1 : null,
            ShowValues = rows.Values.Count <= MaxLabelledCells && columns.Values.Count <= MaxLabelledCells,
        };
        return HeatMapChart.Create(data, new FigureOptions { Title = $"{SeriesLabel(plan, 0)}: {plan.Readout.Text}" });
    }

    /// <summary>Fits the finite points of one series, or null when there are too few (the fit needs 5 points at 4 doses ≥ 0).</summary>
    private static DoseResponseFit? FitOrNull(ScanAxisSpec axis, double[] slice)
    {
        var points = axis.Values.Zip(slice).Where(p => double.IsFinite(p.Second)).ToList();
        if (points.Count < 5 || points.Select(p => p.First).Distinct().Count() < 4 || points.Exists(p => p.First < 0))
        {
            return null;
        }

        return DoseResponse.Fit([.. points.Select(p => p.First)], [.. points.Select(p => p.Second)]);
    }

    /// <summary>The input value at which the read-out first falls through 0.5, interpolated linearly (in log10 of the input for a log axis).</summary>
    private static double? HalfCrossing(ScanAxisSpec axis, double[] slice)
    {
        bool log = axis.IsLogarithmic && axis.Values.All(v => v > 0);
        var x = log ? axis.Values.Select(Math.Log10).ToList() : [.. axis.Values];
        var crossing = SurvivalChart.HalfSurvivalTime(x, slice);
        return crossing is double at && log ? Math.Pow(10, at) : crossing;
    }

    // The fit names the kind of extremum in its message ("Non-monotonic (bell-shaped): …" or "(U-shaped)").
    private static bool IsPeak(DoseResponseFit fit) => fit.Message.Contains("bell-shaped", StringComparison.Ordinal);

    /// <summary>Names a series in figures: the cell type as in other figures ("Osteoblast"), or the model name.</summary>
    private static string SeriesLabel(ScanPlan plan, int series) =>
        plan.IsBuiltIn ? CellDeathFigure.CellName(Pathway.BoneCell.FromName(plan.Series[series])) : plan.Series[series];

    private static bool IsSurvival(ScanReadout readout) => readout.Quantity == "S" && readout.Kind == ScanReadout.ReadoutKind.At;

    private static string Title(ScanAxisSpec axis) => axis.Unit is null ? axis.Name : $"{axis.Name} ({axis.Unit})";

    private static string WithUnit(double value, ScanAxisSpec axis) => axis.Unit is null ? Number(value) : $"{Number(value)} {axis.Unit}";

    private static string Number(double value) => value.ToString("G4", CultureInfo.InvariantCulture);
}
