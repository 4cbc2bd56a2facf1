using System.Globalization;
using Ferroptosis.Sim.Pathway;
using OxyPlot;
using OxyPlot.Axes;

namespace Ferroptosis.Sim.Plotting;

/// <summary>Figures of ferroptosis simulations: survival trajectories, time courses, survival heat maps and the overview figure, straight from <see cref="CellSimulationResult"/>s.</summary>
/// <remarks>
/// <para>
/// These adapters only turn results into the plain data of the chart builders (<see cref="SurvivalChart"/>,
/// <see cref="TimeCourseChart"/>, <see cref="HeatMapChart"/>, <see cref="MultiPanelFigure"/>), so everything said
/// there about look, t50 marks and export holds. Each result is one line. By default a line is named by what
/// tells it apart (<see cref="DefaultLabeller"/>): its condition when all lines are one cell type (which then
/// becomes the title, unless the options set one), its cell type when all share the condition, else both
/// (<see cref="Label"/>). A line whose label names a registered condition, drug, scenario or cell type is drawn in
/// that condition's colour and line style (<see cref="ConditionStyles"/>), so a condition looks the same in every
/// figure; other lines take the palette's colours. Axes carry the units of the model README (<see cref="PathwayQuantity"/>). A chart with a
/// title names the model version that produced its results in the subtitle (e.g. "ferroptosis model v2"). A run that
/// failed is drawn as far as it got.
/// </para>
/// <para>Methods are thread-safe; the models they return are new and owned by the caller.</para>
/// </remarks>
/// <example>
/// <code>
/// var results = BoneCell.All.Select(c => FerroptosisSimulation.Run(c, [Perturbation.Erastin(10)], TimeSpan.FromHours(48))).ToList();
/// FigureExporter.Save(CellDeathFigure.Survival(results, r => CellDeathFigure.CellName(r.Cell)), "survival.png", 720, 480);
/// FigureExporter.Save(CellDeathFigure.Overview(results), "overview.svg", 1440, 900);
/// </code>
/// </example>
public static class CellDeathFigure
{
    /// <summary>The surviving fraction below which a culture counts as dead: <see cref="LipidPeroxides"/> ends its lines there.</summary>
    public const double DeadCulture = 0.01;

    /// <summary>Gets the cell type's name with a capital letter, e.g. "Osteoblast".</summary>
    /// <param name="cell">The cell type.</param>
    /// <returns>The name.</returns>
    public static string CellName(BoneCell cell)
    {
        ArgumentNullException.ThrowIfNull(cell);
        return string.Concat(cell.Name[..1].ToUpperInvariant(), cell.Name.AsSpan(1));
    }

    /// <summary>Describes what a culture was exposed to: the scenario, the perturbations and any parameter set directly (<c>ros_x = 1.2</c>) joined by " + ", or "untreated".</summary>
    /// <param name="result">The result.</param>
    /// <returns>E.g. "erastin 10 µM + ferrostatin-1 1 µM".</returns>
    public static string Condition(CellSimulationResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var parts = new List<string>();
        if (result.Scenario is { } scenario)
        {
            parts.Add(scenario.Name);
        }

        parts.AddRange(result.Perturbations.Select(p => p.ToString()));
        parts.AddRange(result.ParameterValues.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Key} = {p.Value:G4}")));
        return parts.Count == 0 ? "untreated" : string.Join(" + ", parts);
    }

    /// <summary>Gets the default line label: cell type and condition, e.g. "Osteoblast: erastin 10 µM".</summary>
    /// <param name="result">The result.</param>
    /// <returns>The label.</returns>
    public static string Label(CellSimulationResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return $"{CellName(result.Cell)}: {Condition(result)}";
    }

    /// <summary>Chooses line names for a set of results: the condition when all are one cell type, the cell type when all share the condition, otherwise both.</summary>
    /// <param name="results">The results that will share a chart.</param>
    /// <returns>The labeller.</returns>
    public static Func<CellSimulationResult, string> DefaultLabeller(IReadOnlyCollection<CellSimulationResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        if (results.Count > 1 && results.Select(r => r.Cell).Distinct().Count() == 1)
        {
            return Condition;
        }

        return results.Count > 1 && results.Select(Condition).Distinct().Count() == 1 ? r => CellName(r.Cell) : Label;
    }

    /// <summary>Creates cell-death trajectories: surviving fraction against time, one line per result, t50 marked.</summary>
    /// <param name="results">The simulations; at least one.</param>
    /// <param name="label">Names each line; <see langword="null"/> for <see cref="Label"/>.</param>
    /// <param name="scale">Fraction (0–1) or percent on the y axis.</param>
    /// <param name="options">Look and size; <see langword="null"/> for the defaults.</param>
    /// <returns>The plot model.</returns>
    /// <exception cref="ArgumentException">No results.</exception>
    public static PlotModel Survival(
        IEnumerable<CellSimulationResult> results,
        Func<CellSimulationResult, string>? label = null,
        SurvivalScale scale = SurvivalScale.Fraction,
        FigureOptions? options = null)
    {
        var list = Require(results);
        var name = label ?? DefaultLabeller(list);
        var model = WithTimeTicks(SurvivalChart.Create(Styled(list, name, r => r.SurvivingFraction), scale, AxisSpec.TimeInHours, options), list);
        return WithModelVersion(label is null ? WithSharedTitle(model, list, options) : model, list);
    }

    /// <summary>Creates the time course of one model quantity, one line per result.</summary>
    /// <param name="results">The simulations; at least one.</param>
    /// <param name="quantity">The model id, e.g. "LPO", "GSH", "LIP", "HO1" (see <see cref="PathwayQuantity"/>).</param>
    /// <param name="label">Names each line; <see langword="null"/> for <see cref="Label"/>.</param>
    /// <param name="options">Look and size; <see langword="null"/> for the defaults.</param>
    /// <param name="logarithmic">Whether the y axis is logarithmic (useful for lipid peroxides, which rise by orders of magnitude).</param>
    /// <returns>The plot model.</returns>
    /// <exception cref="ArgumentException">No results, or a result has no such quantity.</exception>
    public static PlotModel TimeCourse(
        IEnumerable<CellSimulationResult> results,
        string quantity,
        Func<CellSimulationResult, string>? label = null,
        FigureOptions? options = null,
        bool logarithmic = false)
    {
        var list = Require(results);
        var description = PathwayQuantity.Describe(quantity);
        var axis = logarithmic ? description.Axis.Log() : description.Axis;
        var name = label ?? DefaultLabeller(list);
        var model = WithTimeTicks(TimeCourseChart.Create(Styled(list, name, r => Column(r, quantity)), axis, AxisSpec.TimeInHours, options), list);
        return WithModelVersion(label is null ? WithSharedTitle(model, list, options) : model, list);
    }

    /// <summary>Creates the time course of one model quantity, one line per result, each line ending where its culture has lost most of its cells.</summary>
    /// <param name="results">The simulations; at least one.</param>
    /// <param name="quantity">The model id, e.g. "GSH" (see <see cref="PathwayQuantity"/>).</param>
    /// <param name="deadBelow">The surviving fraction below which a line ends, e.g. 0.1 (more than 90 % dead); in (0, 1].</param>
    /// <param name="label">Names each line; <see langword="null"/> for <see cref="DefaultLabeller"/>.</param>
    /// <param name="options">Look and size; <see langword="null"/> for the defaults.</param>
    /// <returns>The plot model; its subtitle says where lines end.</returns>
    /// <exception cref="ArgumentException">No results, a result has no such quantity, or the threshold is outside (0, 1].</exception>
    /// <remarks>The state of the few cells left in a culture that is mostly dead is not a read-out of the culture: a line stops at the first sample below <paramref name="deadBelow"/>.</remarks>
    public static PlotModel TimeCourseWhileAlive(
        IEnumerable<CellSimulationResult> results,
        string quantity,
        double deadBelow = 0.1,
        Func<CellSimulationResult, string>? label = null,
        FigureOptions? options = null)
    {
        if (!(deadBelow > 0 && deadBelow <= 1))
        {
            throw new ArgumentException($"The survival threshold must lie in (0, 1]; got {deadBelow}.", nameof(deadBelow));
        }

        var list = Require(results);
        var name = label ?? DefaultLabeller(list);
        var model = WithTimeTicks(TimeCourseChart.Create(Styled(list, name, r => UntilDead(r, Column(r, quantity), deadBelow)), PathwayQuantity.Describe(quantity).Axis, AxisSpec.TimeInHours, options), list);
        model.Subtitle = WithNote(string.Create(CultureInfo.InvariantCulture, $"lines end when the culture is more than {NumberText.Significant(100 * (1 - deadBelow))} % dead (S < {NumberText.Significant(deadBelow)})"), model.Subtitle);
        return WithModelVersion(label is null ? WithSharedTitle(model, list, options) : model, list);
    }

    /// <summary>Creates the lipid-peroxide time course of cultures on a log axis, each line ending where its culture is dead, with the death threshold of the model.</summary>
    /// <param name="results">The simulations; at least one.</param>
    /// <param name="label">Names each line; <see langword="null"/> for <see cref="DefaultLabeller"/>.</param>
    /// <param name="options">Look and size; <see langword="null"/> for the defaults.</param>
    /// <returns>The plot model.</returns>
    /// <exception cref="ArgumentException">No results, or a result has no lipid peroxides (LPO).</exception>
    /// <remarks>
    /// A line stops at the first sample where the surviving fraction is below <see cref="DeadCulture"/>: the
    /// peroxides of a culture that is gone are not a read-out. The dashed line is <c>LPO_th</c>, the level at which
    /// the death hazard is half-maximal, one line per distinct value of the cell types shown. The y axis says what
    /// "n.u." means here (1 = the resting reference osteoblast, so resting osteoclasts start near 2).
    /// </remarks>
    public static PlotModel LipidPeroxides(IEnumerable<CellSimulationResult> results, Func<CellSimulationResult, string>? label = null, FigureOptions? options = null)
    {
        var list = Require(results);
        var name = label ?? DefaultLabeller(list);
        options ??= FigureOptions.Default;
        var axis = new AxisSpec("Lipid peroxides", PathwayQuantity.NormalisedUnit + ", 1 = resting reference osteoblast").Log();
        var model = WithTimeTicks(TimeCourseChart.Create(Styled(list, name, r => UntilDead(r, Column(r, "LPO"), DeadCulture)), axis, AxisSpec.TimeInHours, options), list);
        foreach (double threshold in list.Select(DeathThreshold).OfType<double>().Distinct().Order())
        {
            var line = PlotStyler.CreateHorizontalReference(threshold, options);
            line.Color = PlotStyler.Ink;
            line.Text = string.Create(CultureInfo.InvariantCulture, $"death threshold (half-maximal hazard), {NumberText.Significant(threshold)} n.u.");
            line.TextColor = PlotStyler.Ink;
            line.TextHorizontalAlignment = HorizontalAlignment.Right;
            line.TextVerticalAlignment = VerticalAlignment.Top;
            model.Annotations.Add(line);
        }

        if (options.Title is null && list.Count > 1 && list.Select(Condition).Distinct().Count() == 1)
        {
            model.Title = $"{Condition(list[0])}: lipid peroxides";
        }

        model.Subtitle = WithNote(string.Create(CultureInfo.InvariantCulture, $"lines end when the culture is dead (S < {DeadCulture})"), model.Subtitle);
        return WithModelVersion(model, list);
    }

    /// <summary>Creates the time courses of several quantities of one simulation, which must share a unit (put other units in other panels).</summary>
    /// <param name="result">The simulation.</param>
    /// <param name="quantities">Model ids with one unit, e.g. ["HO1", "GPX4", "NRF2"] (all n.u.).</param>
    /// <param name="options">Look and size; <see langword="null"/> for the defaults.</param>
    /// <returns>The plot model.</returns>
    /// <exception cref="ArgumentException">No quantities, an unknown one, or quantities of different units.</exception>
    public static PlotModel TimeCourse(CellSimulationResult result, IEnumerable<string> quantities, FigureOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(quantities);
        var described = quantities.Select(PathwayQuantity.Describe).ToList();
        if (described.Count == 0)
        {
            throw new ArgumentException("Name at least one quantity to plot.", nameof(quantities));
        }

        var units = described.Select(q => q.Unit).Distinct().ToList();
        if (units.Count > 1)
        {
            throw new ArgumentException(
                $"{string.Join(", ", described.Select(q => q.LabelWithUnit))} have different units; plot each unit in its own panel (one TimeCourse per unit).",
                nameof(quantities));
        }

        var axis = described.Count == 1 ? described[0].Axis : new AxisSpec(units[0] == PathwayQuantity.NormalisedUnit ? "Level" : "Concentration", units[0]);
        return WithModelVersion(TimeCourseChart.Create(described.Select(q => new Series(q.Label, result.TimesHours.ToArray(), Column(result, q.Id))), axis, AxisSpec.TimeInHours, options), [result]);
    }

    /// <summary>Creates a heat map of survival at one time: rows × columns of conditions (e.g. cell type × drug).</summary>
    /// <param name="rowLabels">Row names, top to bottom.</param>
    /// <param name="columnLabels">Column names, left to right.</param>
    /// <param name="results">The simulation of each cell, indexed [row, column]; a failed or too short run is shown as missing.</param>
    /// <param name="time">The time of the read-out after the start of the exposure, e.g. <c>TimeSpan.FromHours(24)</c>.</param>
    /// <param name="options">Look and size; <see langword="null"/> for the defaults.</param>
    /// <returns>The plot model, coloured from 0 (dead) to 1 (all alive).</returns>
    /// <exception cref="ArgumentException">The table and the labels differ in size.</exception>
    public static PlotModel SurvivalHeatMap(IReadOnlyList<string> rowLabels, IReadOnlyList<string> columnLabels, CellSimulationResult[,] results, TimeSpan time, FigureOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(results);
        double hours = time.TotalHours;
        var values = new double[results.GetLength(0), results.GetLength(1)];
        for (int i = 0; i < values.GetLength(0); i++)
        {
            for (int j = 0; j < values.GetLength(1); j++)
            {
                var r = results[i, j];
                bool covered = r is not null && r.IsSuccess && r.TimesHours.Length > 0 && hours >= r.TimesHours[0] && hours <= r.TimesHours[^1];
                values[i, j] = covered ? r!.SurvivalAtHours(hours) : double.NaN;
            }
        }

        var data = new HeatMapData(rowLabels, columnLabels, values)
        {
            ValueTitle = string.Create(CultureInfo.InvariantCulture, $"Surviving fraction at {NumberText.Significant(hours)} h"),
            ValueUnit = "0–1",
            Minimum = 0,
            Maximum = 1,
        };
        return WithModelVersion(HeatMapChart.Create(data, options), results.Cast<CellSimulationResult?>().OfType<CellSimulationResult>());
    }

    /// <summary>Creates the overview figure: survival trajectories (panel A, with the legend) and one time-course panel per quantity, lines in the same colours.</summary>
    /// <param name="results">The simulations; at least one.</param>
    /// <param name="label">Names each line; <see langword="null"/> for <see cref="Label"/>.</param>
    /// <param name="quantities">The quantities after panel A; <see langword="null"/> for <see cref="PathwayQuantity.OverviewIds"/>.</param>
    /// <param name="options">Look of each panel; its size is ignored (the figure is sized on export).</param>
    /// <param name="columns">Panels per row.</param>
    /// <returns>The figure; export it with <see cref="FigureExporter"/>, e.g. at 1440 × 900.</returns>
    /// <exception cref="ArgumentException">No results, or a result lacks a quantity.</exception>
    public static MultiPanelFigure Overview(
        IEnumerable<CellSimulationResult> results,
        Func<CellSimulationResult, string>? label = null,
        IEnumerable<string>? quantities = null,
        FigureOptions? options = null,
        int columns = 3)
    {
        var list = Require(results);
        options ??= FigureOptions.Default;
        var survival = Survival(list, label, SurvivalScale.Fraction, options with { Legend = LegendLocation.Below });
        var panels = new List<PlotModel> { survival };
        var quiet = options with { Legend = LegendLocation.None, Title = null };
        label ??= DefaultLabeller(list);
        foreach (string quantity in quantities ?? PathwayQuantity.OverviewIds)
        {
            panels.Add(TimeCourse(list, quantity, label, quiet, logarithmic: quantity == "LPO"));
        }

        return new MultiPanelFigure(panels, columns);
    }

    /// <summary>Titles a chart of one cell type with that cell type's name, when the lines are named by condition only and no title was asked for.</summary>
    private static PlotModel WithSharedTitle(PlotModel model, List<CellSimulationResult> list, FigureOptions? options)
    {
        if (options?.Title is null && list.Count > 1 && list.Select(r => r.Cell).Distinct().Count() == 1)
        {
            model.Title = CellName(list[0].Cell);
        }

        return model;
    }

    /// <summary>Names the model version of the results in the subtitle of a titled chart (an untitled one stays bare, its caption being the author's).</summary>
    private static PlotModel WithModelVersion(PlotModel model, IEnumerable<CellSimulationResult> results)
    {
        var versions = results.Select(r => r.Model).Distinct().OrderBy(m => m.Version, StringComparer.Ordinal).ToList();
        if (!string.IsNullOrEmpty(model.Title) && versions.Count > 0)
        {
            // A note the chart made (e.g. "lines coincide: …") follows the version.
            string version = VersionText(versions);
            model.Subtitle = string.IsNullOrEmpty(model.Subtitle) ? version : $"{version}; {model.Subtitle}";
        }

        return model;
    }

    /// <summary>Puts a chart's own note (e.g. "lines coincide: …") on a line after the subtitle text.</summary>
    private static string WithNote(string text, string? note) => string.IsNullOrEmpty(note) ? text : $"{text}\n{note}";

    /// <summary>Makes the time ticks reach the last time (a 48-h run gets 0, 12, 24, 36, 48 rather than ticks ending at 40).</summary>
    private static PlotModel WithTimeTicks(PlotModel model, List<CellSimulationResult> list)
    {
        double start = list.Min(r => r.TimesHours.Length > 0 ? r.TimesHours[0] : 0);
        double end = list.Max(r => r.TimesHours.Length > 0 ? r.TimesHours[^1] : 0);
        double span = end - start;
        double[] steps = [12, 6, 24, 4, 8, 2, 1, 3, 48, 72, 168];
        double step = Array.Find(steps, d => span / d is >= 4 and <= 8 && Math.Abs((span / d) - Math.Round(span / d)) < 1e-9 && Math.Abs((start / d) - Math.Round(start / d)) < 1e-9);
        if (step > 0 && model.Axes.FirstOrDefault(a => a.Position == AxisPosition.Bottom) is { } axis)
        {
            axis.Minimum = start - (0.02 * span);
            axis.Maximum = end + (0.02 * span);
            axis.MajorStep = step;
            axis.MinorStep = step / 2;
        }

        return model;
    }

    /// <summary>The values of a result up to and including the first sample where the culture is dead; NaN (a break in the line) after.</summary>
    private static double[] UntilDead(CellSimulationResult result, double[] values, double deadBelow)
    {
        var survival = result.SurvivingFraction;
        int dead = Array.FindIndex(survival, s => s < deadBelow);
        if (dead >= 0)
        {
            Array.Fill(values, double.NaN, dead + 1, values.Length - dead - 1);
        }

        return values;
    }

    /// <summary>The model's LPO at half-maximal death hazard for the result's cell type, or <see langword="null"/> when the model has no such parameter.</summary>
    private static double? DeathThreshold(CellSimulationResult result) =>
        result.Model.NetworkFor(result.Cell).Parameters.FirstOrDefault(p => p.Id == "LPO_th") is { } threshold ? threshold.Value : null;

    /// <summary>Names the model versions of results: "ferroptosis model v2", or "ferroptosis models v1, v2".</summary>
    private static string VersionText(List<FerroptosisModel> versions) =>
        versions.Count == 1 ? versions[0].ToString() : $"ferroptosis models {string.Join(", ", versions.Select(m => m.Folder))}";

    /// <summary>One series per result, each in the style of the condition its label names (<see cref="ConditionStyles"/>), else the palette's.</summary>
    private static List<Series> Styled(List<CellSimulationResult> list, Func<CellSimulationResult, string> name, Func<CellSimulationResult, double[]> values)
    {
        var labels = list.Select(name).ToList();
        var styles = ConditionStyles.ForLines(labels);
        return [.. list.Select((r, i) => new Series(labels[i], r.TimesHours.ToArray(), values(r), styles[i]))];
    }

    private static List<CellSimulationResult> Require(IEnumerable<CellSimulationResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var list = results.ToList();
        if (list.Count == 0 || list.Exists(r => r is null))
        {
            throw new ArgumentException("Give at least one simulation result, and no null ones.", nameof(results));
        }

        return list;
    }

    private static double[] Column(CellSimulationResult result, string quantity)
    {
        if (!result.Quantities.Contains(quantity))
        {
            throw new ArgumentException($"The simulation has no quantity '{quantity}'. It has: {string.Join(", ", result.Quantities)}.", nameof(quantity));
        }

        return result.Quantity(quantity);
    }
}
