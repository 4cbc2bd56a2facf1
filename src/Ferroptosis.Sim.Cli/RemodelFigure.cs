using System.Globalization;
using Ferroptosis.Sim.Pathway.Remodelling;
using Ferroptosis.Sim.Plotting;
using OxyPlot;
using AreaSeries = OxyPlot.Series.AreaSeries;
using LineSeries = OxyPlot.Series.LineSeries;
using Series = Ferroptosis.Sim.Plotting.Series;

namespace Ferroptosis.Sim.Cli;

/// <summary>The figure and band table of the <c>remodel</c> command: bone mass over months, each condition with its uncertainty band, and the scenario without ferroptotic death.</summary>
internal static class RemodelFigure
{
    private const double DaysPerMonth = 365.0 / 12.0;

    /// <summary>Creates the figure.</summary>
    /// <param name="bands">The untreated (and treated) runs with their bands.</param>
    /// <param name="reference">The scenario without ferroptotic death.</param>
    /// <param name="title">The title.</param>
    /// <param name="drawBands">Whether to shade the bands.</param>
    /// <returns>The plot.</returns>
    public static PlotModel Create(IReadOnlyList<RemodellingBand> bands, RemodellingResult reference, string title, bool drawBands)
    {
        static double[] Months(RemodellingResult run) => [.. run.TimesDays.ToArray().Select(d => d / DaysPerMonth)];
        var series = bands.Select(b => new Series(RemodelCommand.Label(b.Central), Months(b.Central), b.Central.BoneMass))
            .Append(new Series("no ferroptotic death", Months(reference), reference.BoneMass, new SeriesStyle { LineStyle = LineStyle.Dash, Color = OxyColors.Gray }));
        var model = TimeCourseChart.Create(series, new AxisSpec("Bone mass", "% of baseline"), new AxisSpec("Time", "months"), new FigureOptions { Legend = LegendLocation.Below });
        model.Title = title;
        if (drawBands)
        {
            for (int i = 0; i < bands.Count; i++)
            {
                var band = bands[i];
                if (band.BoneMassLower.Count == 0 || model.Series[i] is not LineSeries line)
                {
                    continue;
                }

                var months = Months(band.Central);
                var area = new AreaSeries
                {
                    Title = i == 0 ? "band: κ ×0.5–2, δ per cell type ×0.67–1.5" : null,
                    Color = OxyColors.Transparent,
                    Fill = OxyColor.FromAColor(50, line.ActualColor.IsAutomatic() ? line.Color : line.ActualColor),
                    StrokeThickness = 0,
                    RenderInLegend = i == 0,
                };
                for (int k = 0; k < months.Length; k++)
                {
                    area.Points.Add(new DataPoint(months[k], band.BoneMassUpper[k]));
                    area.Points2.Add(new DataPoint(months[k], band.BoneMassLower[k]));
                }

                model.Series.Insert(0, area);
            }
        }

        return model;
    }

    /// <summary>Writes the bands as CSV: month, then central, lower and upper bone mass per condition.</summary>
    /// <param name="writer">Where to write.</param>
    /// <param name="bands">The bands (same output times).</param>
    public static void WriteBands(TextWriter writer, IReadOnlyList<RemodellingBand> bands)
    {
        var c = CultureInfo.InvariantCulture;
        static string Name(RemodellingBand b) => RemodelCommand.Label(b.Central).Replace(' ', '_').Replace("+_", "", StringComparison.Ordinal);
        writer.WriteLine("time_months," + string.Join(',', bands.Select(b => $"bone_mass_{Name(b)},lower_{Name(b)},upper_{Name(b)}")));
        var times = bands[0].Central.TimesDays.ToArray();
        for (int k = 0; k < times.Length; k++)
        {
            writer.Write((times[k] / DaysPerMonth).ToString("R", c));
            foreach (var b in bands)
            {
                writer.Write(string.Create(c, $",{b.Central.BoneMass[k]:R},{b.BoneMassLower[k]:R},{b.BoneMassUpper[k]:R}"));
            }

            writer.WriteLine();
        }
    }
}
