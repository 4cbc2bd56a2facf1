using System.CommandLine;
using System.Globalization;
using Ferroptosis.Sim.Pathway;
using Ferroptosis.Sim.Pathway.Remodelling;
using Ferroptosis.Sim.Plotting;
using OxyPlot;

namespace Ferroptosis.Sim.Cli;

/// <summary>The <c>remodel</c> command: bone mass over months under a chronic disease scenario, optionally with an anti-ferroptotic intervention; writes CSV and a figure and prints a summary.</summary>
/// <remarks>
/// Runs <see cref="BoneRemodelling"/>: the ferroptosis model of osteoblasts, osteoclasts and osteocytes under the scenario's
/// chronic form (and the intervention) gives the extra death rates that drive the coupled Komarova model
/// (docs/remodelling.md). With an intervention the untreated scenario is run too, for comparison; the figure also shows
/// the scenario without ferroptotic death (δ = 0, its fα1 kept).
/// </remarks>
internal static class RemodelCommand
{
    /// <summary>Exit code for a usage error (unknown name, bad value).</summary>
    private const int UsageError = 2;

    public static Command Create(TextWriter output)
    {
        var scenario = new Option<string>("--scenario") { Description = "Disease scenario: glucocorticoid (GC), high-glucose (HG, diabetic), iron-overload (IO), estrogen-deficiency (EST), or healthy.", Required = true };
        var months = new Option<double>("--months") { Description = "Duration in months (a month is 365/12 days).", DefaultValueFactory = _ => 12 };
        var intervention = new Option<string?>("--intervention") { Description = "ferrostatin-1 (fer-1, 1 µM), deferoxamine (dfo, 100 µM), sulforaphane (sfn, 5 µM), or DRUG=DOSE in µM, e.g. ferrostatin-1=0.1." };
        var coupling = new Option<string>("--coupling") { Description = "How cell death reaches bone: quasi-steady (day-7 hazard, the specification's rule) or multi-rate (cell model over the whole period, δ renewed daily).", DefaultValueFactory = _ => "quasi-steady" };
        coupling.AcceptOnlyFromAmong("quasi-steady", "multi-rate");
        var kappa = new Option<double>("--kappa") { Description = "κ, the in-vitro-to-in-vivo attenuation of the hazard (0.02–0.05; not identifiable from data).", DefaultValueFactory = _ => 0.02 };
        var folder = new Option<string>("--output") { Description = "Folder for remodel-<scenario>[-<intervention>].csv/.png/.svg.", DefaultValueFactory = _ => "output" };
        var command = new Command("remodel", "Bone mass (% of baseline) over months under a chronic disease, from the ferroptotic death of bone cells.")
        {
            scenario, months, intervention, coupling, kappa, folder,
        };
        command.SetAction(parse => Run(
            parse.GetValue(scenario)!,
            parse.GetValue(months),
            parse.GetValue(intervention),
            parse.GetValue(coupling) == "multi-rate" ? DeathRateCoupling.MultiRate : DeathRateCoupling.QuasiSteady,
            parse.GetValue(kappa),
            parse.GetValue(folder)!,
            output));
        return command;
    }

    public static int Run(string scenarioName, double months, string? interventionText, DeathRateCoupling coupling, double kappa, string folder, TextWriter output)
    {
        DiseaseScenario? scenario;
        Perturbation? drug;
        try
        {
            scenario = scenarioName.Equals("healthy", StringComparison.OrdinalIgnoreCase) ? null : DiseaseScenario.FromName(scenarioName);
            drug = interventionText is null ? null : ParseIntervention(interventionText);
            if (!(months > 0) || months > 1200 || !(kappa >= 0))
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"--months must be in (0, 1200] and --kappa ≥ 0 (got {months}, {kappa})."));
            }
        }
        catch (ArgumentException ex)
        {
            string message = ex.ParamName is null ? ex.Message : ex.Message.Replace($" (Parameter '{ex.ParamName}')", "", StringComparison.Ordinal);
            output.WriteLine($"error: {message}");
            return UsageError;
        }

        var options = new RemodellingOptions { Coupling = coupling, Kappa = kappa };
        var duration = BoneRemodelling.Months(months);
        var untreated = BoneRemodelling.Run(scenario, duration, options);
        var treated = drug is null ? null : BoneRemodelling.Run(scenario, [drug], duration, options);
        var reference = BoneRemodelling.RunPopulation(DeathRates.None, duration, options with { OsteoclastRecruitment = untreated.OsteoclastRecruitment });
        var runs = new[] { untreated, treated }.OfType<RemodellingResult>().ToList();
        if (runs.FirstOrDefault(r => !r.IsSuccess) is { } failed)
        {
            output.WriteLine($"error: {failed.Status}: {failed.Message}");
            return 1;
        }

        PrintSummary(runs, reference, months, coupling, kappa, output);
        var main = runs[^1];
        string stem = Path.Combine(Path.GetFullPath(folder), "remodel-" + (scenario?.Name ?? "healthy") + (drug is null ? "" : "-" + drug.Name));
        Directory.CreateDirectory(Path.GetDirectoryName(stem)!);
        using (var writer = new StreamWriter(stem + ".csv"))
        {
            main.WriteCsv(writer);
        }

        var figure = Figure(runs, reference, scenario?.Name ?? "healthy");
        FigureExporter.Save(figure, stem + ".png", 1920, 1200, dpi: 192);
        FigureExporter.Save(figure, stem + ".svg", 960, 600);
        output.WriteLine("Wrote:");
        foreach (string extension in new[] { ".csv", ".png", ".svg" })
        {
            output.WriteLine("  " + stem + extension);
        }

        return 0;
    }

    private static Perturbation ParseIntervention(string text)
    {
        int equals = text.IndexOf('=', StringComparison.Ordinal);
        if (equals < 0)
        {
            return BoneInterventions.FromName(text);
        }

        string name = text[..equals].Trim(), dose = text[(equals + 1)..].Trim();
        return double.TryParse(dose, NumberStyles.Float, CultureInfo.InvariantCulture, out double micromolar) && micromolar >= 0
            ? Perturbation.Drug(BoneInterventions.FromName(name).Name, micromolar)
            : throw new ArgumentException($"--intervention {text}: the dose '{dose}' is not a concentration in µM (e.g. ferrostatin-1=0.1).");
    }

    private static void PrintSummary(List<RemodellingResult> runs, RemodellingResult reference, double months, DeathRateCoupling coupling, double kappa, TextWriter output)
    {
        var c = CultureInfo.InvariantCulture;
        var first = runs[0];
        output.WriteLine(string.Create(c, $"Bone remodelling: {first.Scenario?.Name ?? "healthy"}, {months:G4} months, {(coupling == DeathRateCoupling.MultiRate ? "multi-rate" : "quasi-steady")} death rates, κ = {kappa:G3}, fα1 = {first.OsteoclastRecruitment:G3}"));
        output.WriteLine();
        output.WriteLine($"{"condition",-34} {"δOB (1/d)",10} {"δOC (1/d)",10} {"δOCY (1/d)",10} {"bone mass (% of baseline) at months",-40}");
        var marks = Enumerable.Range(1, 4).Select(q => months * q / 4).ToArray();
        output.WriteLine($"{"",-34} {"",10} {"",10} {"",10} {string.Join(" ", marks.Select(m => m.ToString("G4", c).PadLeft(8)))}");
        foreach (var run in runs.Append(reference))
        {
            string label = ReferenceEquals(run, reference) ? "without ferroptotic death (δ = 0)" : Label(run);
            var d = run.DeathRates;
            string masses = string.Join(" ", marks.Select(m => run.BoneMassAt(Math.Min(m * 365.0 / 12.0, run.TimesDays[^1])).ToString("F2", c).PadLeft(8)));
            output.WriteLine(string.Create(c, $"{label,-34} {d.Osteoblast,10:E2} {d.Osteoclast,10:E2} {d.Osteocyte,10:E2} {masses}"));
        }

        output.WriteLine();
        output.WriteLine("Mean hazards of the cell models (1/h), healthy → condition:");
        foreach (var run in runs)
        {
            output.WriteLine($"  {Label(run)}: " + string.Join("; ", run.DeathRates.Hazards.Select(h => string.Create(c, $"{h.Cell} {h.Healthy:E2} → {h.Condition:E2}"))));
        }

        output.WriteLine();
    }

    private static PlotModel Figure(List<RemodellingResult> runs, RemodellingResult reference, string title)
    {
        double daysPerMonth = 365.0 / 12.0;
        Series Line(RemodellingResult run, string label, SeriesStyle? style = null) =>
            new(label, [.. run.TimesDays.ToArray().Select(d => d / daysPerMonth)], run.BoneMass, style);

        var series = runs.Select(r => Line(r, Label(r))).Append(Line(reference, "without ferroptotic death", new SeriesStyle { LineStyle = LineStyle.Dash, Color = OxyColors.Gray }));
        var model = TimeCourseChart.Create(series, new AxisSpec("Bone mass", "% of baseline"), new AxisSpec("Time", "months"), new FigureOptions { Legend = LegendLocation.Below });
        model.Title = title;
        return model;
    }

    private static string Label(RemodellingResult run) => run.Interventions.Count == 0 ? "untreated" : "+ " + string.Join(" + ", run.Interventions);
}
