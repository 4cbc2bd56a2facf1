using System.Globalization;
using Ferroptosis.Sim.Pathway;
using Ferroptosis.Sim.Pathway.Remodelling;
using Ferroptosis.Sim.Plotting;
using OxyPlot;
using OxyPlot.Series;
using Series = Ferroptosis.Sim.Plotting.Series;

/// <summary>The sample's arms and its figure: bone mass per disease (lines = interventions, with the untreated κ band) and the cell counts that drive it.</summary>
/// <remarks>Kept apart from the console output so that the tests can check the figure model the sample exports.</remarks>
internal static class BoneLossFigure
{
    private const double DaysPerMonth = 365.0 / 12;

    /// <summary>Gets the arms of every disease: untreated (<see langword="null"/>) first, then each intervention of <see cref="BoneInterventions.All"/>.</summary>
    public static Perturbation?[] Treatments { get; } = [null, .. BoneInterventions.All];

    /// <summary>Runs every disease of <see cref="BoneRemodelling.Scenarios"/> under every arm.</summary>
    /// <param name="duration">How long (the sample: 60 months).</param>
    /// <returns>The runs, indexed [scenario, treatment] as <see cref="BoneRemodelling.Scenarios"/> and <see cref="Treatments"/>.</returns>
    public static RemodellingResult[,] Run(TimeSpan duration)
    {
        var scenarios = BoneRemodelling.Scenarios;
        var runs = new RemodellingResult[scenarios.Count, Treatments.Length];
        Parallel.For(0, runs.Length, k =>
        {
            int s = k / Treatments.Length, t = k % Treatments.Length;
            runs[s, t] = BoneRemodelling.Run(scenarios[s], Treatments[t] is { } drug ? [drug] : [], duration);
        });
        return runs;
    }

    /// <summary>Runs the untreated band of every disease (κ ×0.5–2, each cell type's death rate ×2/3–1.5; RemodellingUncertainty).</summary>
    /// <param name="duration">How long (the sample: 60 months).</param>
    /// <returns>One band per disease of <see cref="BoneRemodelling.Scenarios"/>.</returns>
    public static RemodellingBand[] Bands(TimeSpan duration)
    {
        var scenarios = BoneRemodelling.Scenarios;
        var band = new RemodellingBand[scenarios.Count];
        Parallel.For(0, band.Length, s => band[s] = BoneRemodelling.RunWithBand(scenarios[s], [], duration));
        return band;
    }

    /// <summary>Builds the figure.</summary>
    /// <param name="runs">The runs of <see cref="Run"/>, all successful.</param>
    /// <param name="band">The bands of <see cref="Bands"/>, all successful.</param>
    /// <returns>A–D, one per disease: bone mass over months; E–G: osteoclasts, osteoblasts and viable osteocytes, untreated.</returns>
    public static MultiPanelFigure Create(RemodellingResult[,] runs, IReadOnlyList<RemodellingBand> band)
    {
        var c = CultureInfo.InvariantCulture;
        var scenarios = BoneRemodelling.Scenarios;
        int treatments = runs.GetLength(1);
        double floor = Math.Floor(band.Min(b => b.BoneMassLower.Min())) - 1;
        double ceiling = Math.Ceiling(Math.Max(100, runs.Cast<RemodellingResult>().Max(r => r.BoneMass.Max()))) + 0.5;
        var below = new FigureOptions { Legend = LegendLocation.Below };
        var panels = Enumerable.Range(0, scenarios.Count).Select(s =>
        {
            // Each intervention in its registered style (ConditionStyles), the same as in the other samples' figures.
            var series = ConditionStyles.Apply(Enumerable.Range(0, treatments).Select(t => new Series(Label(runs[s, t]), Months(runs[s, t]), runs[s, t].BoneMass)));
            var model = TimeCourseChart.Create(series, new AxisSpec("Bone mass", "% of baseline") { Minimum = floor, Maximum = ceiling }, new AxisSpec("Time", "months"), below);
            var area = new AreaSeries
            {
                Title = "untreated: band (κ ×0.5–2, δ ×2/3–1.5)",
                Color = OxyColors.Undefined,
                Fill = OxyColor.FromAColor(45, OxyColors.Black),
                StrokeThickness = 0,
            };
            area.Points.AddRange(Months(band[s].Central).Zip(band[s].BoneMassUpper, (x, y) => new DataPoint(x, y)));
            area.Points2.AddRange(Months(band[s].Central).Zip(band[s].BoneMassLower, (x, y) => new DataPoint(x, y)));
            model.Series.Insert(0, area);
            model.Title = Title(scenarios[s]);
            string coincide = Enumerable.Range(2, treatments - 2).All(t => runs[s, t].BoneMass.Zip(runs[s, 1].BoneMass).All(p => Math.Abs(p.First - p.Second) < 0.05))
                ? "the three interventions coincide; " : string.Empty;
            // The chart names its own lines that lie on top of each other; the band is named too when it is no wider than a line.
            string lines = model.Subtitle is { Length: > 0 } note ? note + "\n" : string.Empty;
            var values = Enumerable.Range(0, treatments).SelectMany(t => runs[s, t].BoneMass).Concat(band[s].BoneMassUpper).Concat(band[s].BoneMassLower).ToList();
            double width = 0.005 * (values.Max() - values.Min());
            bool onLine = band[s].BoneMassUpper.Zip(band[s].Central.BoneMass).All(p => Math.Abs(p.First - p.Second) <= width);
            string bandNote = onLine ? "untreated: band's upper edge on its line; " : string.Empty;
            model.Subtitle = string.Create(c, $"{coincide}{lines}{bandNote}y axis {floor:F0}–{ceiling:F1} %");
            return model;
        }).ToList();

        // E–G: the cells that drive bone mass, untreated, in % of their day-0 value, one line per disease.
        foreach (var (title, read) in new (string, Func<RemodellingResult, double[]>)[] { ("Osteoclasts", r => r.Osteoclasts), ("Osteoblasts", r => r.Osteoblasts), ("Viable osteocytes", r => r.ViableOsteocytes) })
        {
            var lines = Enumerable.Range(0, scenarios.Count).Select(s => runs[s, 0]).Select(r => new Series(Title(r.Scenario!), Months(r), [.. read(r).Select(x => 100 * x / read(r)[0])]));
            var model = TimeCourseChart.Create(ConditionStyles.Apply(lines), new AxisSpec(title, "% of day 0"), new AxisSpec("Time", "months"), below);
            model.Title = $"{title}, untreated (κ = {RemodellingOptions.Default.Kappa.ToString(c)})";
            panels.Add(model);
        }

        return new MultiPanelFigure(panels, columns: 4);
    }

    /// <summary>Names a disease in the figure.</summary>
    /// <param name="scenario">The disease.</param>
    /// <returns>E.g. "iron overload".</returns>
    public static string Title(DiseaseScenario scenario) => scenario.Name.Replace('-', ' ');

    /// <summary>Names the arm of a run.</summary>
    /// <param name="run">A run of <see cref="Run"/>.</param>
    /// <returns>"untreated" or "+ " and the interventions.</returns>
    public static string Label(RemodellingResult run) => run.Interventions.Count == 0 ? "untreated" : "+ " + string.Join(" + ", run.Interventions);

    private static double[] Months(RemodellingResult run) => [.. run.TimesDays.ToArray().Select(d => d / DaysPerMonth)];
}
