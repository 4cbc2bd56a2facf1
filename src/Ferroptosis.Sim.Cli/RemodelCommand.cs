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
/// (docs/remodelling.md). With an intervention the untreated scenario is run too, for comparison; the summary and the
/// figure also show the scenario without ferroptotic death (δ = 0, its fα1 kept). Every run finishes before the first
/// file is written.
/// </remarks>
internal static class RemodelCommand
{
    /// <summary>Creates the command.</summary>
    /// <param name="context">Where to write.</param>
    /// <returns>The command.</returns>
    public static Command Create(CliContext context)
    {
        var scenario = new Option<string>("--scenario", "-s")
        {
            Description = "Chronic disease: glucocorticoid (GC), high-glucose (HG, diabetic), iron-overload (IO), estrogen-deficiency (EST, OVX), another scenario of 'ferrosim list scenarios', or healthy.",
            HelpName = "NAME",
            Required = true,
        };
        scenario.CompletionSources.Add([.. BoneRemodelling.Scenarios.Select(s => s.Name), "healthy"]);
        var months = new Option<double>("--months") { Description = "Duration in months (a month is 365/12 days).", HelpName = "NUMBER", DefaultValueFactory = _ => 12 };
        var intervention = new Option<string?>("--intervention", "-i")
        {
            Description = "Anti-ferroptotic drug acting in the cells: ferrostatin-1 (fer-1, 1 µM), deferoxamine (dfo, 100 µM), sulforaphane (sfn, 5 µM), or NAME=DOSE, e.g. fer-1=10nM.",
            HelpName = "NAME[=DOSE]",
        };
        intervention.CompletionSources.Add([.. BoneInterventions.All.Select(p => p.Name)]);
        var coupling = new Option<string>("--coupling") { Description = "How cell death reaches bone: quasi-steady (day-7 hazard, the specification's rule) or multi-rate (cell models over the whole period, δ renewed daily).", HelpName = "SCHEME", DefaultValueFactory = _ => "quasi-steady" };
        coupling.AcceptOnlyFromAmong("quasi-steady", "multi-rate");
        var kappa = new Option<double>("--kappa") { Description = "κ, the in-vitro-to-in-vivo attenuation of the hazard, 0 to 1 (plausible 0.02–0.05, not identifiable from data).", HelpName = "NUMBER", DefaultValueFactory = _ => 0.02 };
        var output = CommonOptions.Out();
        var plot = CommonOptions.Plot();
        var command = new Command("remodel", "Bone mass (% of baseline) over months under a chronic disease, from the ferroptotic death of bone cells; CSV and a figure.")
        {
            scenario, months, intervention, coupling, kappa, output, plot,
        };
        command.SetAction((parse, cancellationToken) => context.GuardAsync(() => Run(
            context,
            new Request(
                parse.GetValue(scenario)!,
                parse.GetValue(months),
                parse.GetValue(intervention),
                parse.GetValue(coupling) == "multi-rate" ? DeathRateCoupling.MultiRate : DeathRateCoupling.QuasiSteady,
                parse.GetValue(kappa),
                parse.GetValue(output)!,
                OutputFiles.ParseFormats(parse.GetValue(plot)!)),
            cancellationToken)));
        return command;
    }

    private static int Run(CliContext context, Request request, CancellationToken cancellationToken)
    {
        var scenario = request.Scenario.Equals("healthy", StringComparison.OrdinalIgnoreCase) ? null : CommonOptions.ResolveScenario(request.Scenario);
        var drug = request.Intervention is null ? null : ParseIntervention(request.Intervention);
        if (!(request.Months > 0) || request.Months > 1200)
        {
            throw new CliException(string.Create(CultureInfo.InvariantCulture, $"--months must be more than 0 and at most 1200 (got {request.Months})."));
        }

        if (!(request.Kappa >= 0) || !(request.Kappa <= 1))
        {
            throw new CliException(string.Create(CultureInfo.InvariantCulture, $"--kappa is the attenuation of the in-vitro hazard in vivo, a number from 0 to 1 such as 0.02 (got {request.Kappa:G4})."));
        }

        if (request.Kappa > 0 && (request.Kappa < 0.02 || request.Kappa > 0.05))
        {
            context.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"warning: --kappa {request.Kappa:G4} is outside the plausible range 0.02–0.05 (docs/remodelling.md); bone loss scales with it."));
        }

        var folder = OutputFolder.Prepare(context, request.Out);
        var options = new RemodellingOptions { Coupling = request.Coupling, Kappa = request.Kappa };
        var duration = BoneRemodelling.Months(request.Months);
        var runs = new List<RemodellingResult> { BoneRemodelling.Run(scenario, [], duration, options, cancellationToken) };
        if (drug is not null)
        {
            runs.Add(BoneRemodelling.Run(scenario, [drug], duration, options, cancellationToken));
        }

        if (runs.FirstOrDefault(r => !r.IsSuccess) is { } failed)
        {
            throw new CliException($"The remodelling run failed: {failed.Status}: {failed.Message}", ExitCodes.SimulationFailed);
        }

        var reference = BoneRemodelling.RunPopulation(DeathRates.None, duration, options with { OsteoclastRecruitment = runs[0].OsteoclastRecruitment });
        cancellationToken.ThrowIfCancellationRequested();
        PrintSummary(context, runs, reference, request);

        string name = "remodel-" + (scenario?.Name ?? "healthy") + (drug is null ? "" : "-" + drug.Name);
        string csv = Path.Combine(request.Out, name + ".csv");
        OutputFiles.Write(csv, runs[^1].WriteCsv, cancellationToken);
        var written = new List<string> { csv };
        if (request.Formats.Count > 0)
        {
            written.AddRange(OutputFiles.SaveFigure(Figure(runs, reference, scenario?.Name ?? "healthy"), request.Out, name, request.Formats));
        }

        written.Add(folder.Complete(written, cancellationToken));
        context.ReportFiles(written);
        return ExitCodes.Success;
    }

    /// <summary>Parses <c>--intervention</c>: a name at its standard dose, or NAME=DOSE with a concentration unit.</summary>
    private static Perturbation ParseIntervention(string text)
    {
        int equals = text.IndexOf('=', StringComparison.Ordinal);
        string name = equals < 0 ? text : text[..equals].Trim();
        Perturbation standard;
        try
        {
            standard = BoneInterventions.FromName(name);
        }
        catch (ArgumentException ex)
        {
            throw CliException.From(ex, "--intervention: ");
        }

        return equals < 0 ? standard : Perturbation.Drug(standard.Name, Units.ParseConcentration(text[(equals + 1)..].Trim(), $"--intervention {standard.Name}"));
    }

    private static void PrintSummary(CliContext context, List<RemodellingResult> runs, RemodellingResult reference, Request request)
    {
        var c = CultureInfo.InvariantCulture;
        var first = runs[0];
        string scheme = request.Coupling == DeathRateCoupling.MultiRate ? "multi-rate" : "quasi-steady";
        context.WriteLine(string.Create(c, $"Bone remodelling: {first.Scenario?.Name ?? "healthy"}, {request.Months:G4} months, {scheme} death rates, κ = {request.Kappa:G3}, fα1 = {first.OsteoclastRecruitment:G3}"));
        context.WriteLine("Extra death rates δ and bone mass (% of baseline) at each quarter of the run:");

        // Bone mass at each quarter of the run, for the untreated and treated scenario and the scenario without ferroptosis.
        double[] marks = [.. Enumerable.Range(1, 4).Select(q => request.Months * q / 4)];
        var table = CliContext.CreateTable([
            "condition", "δOB (1/d) ", "δOC (1/d) ", "δOCY (1/d) ", .. marks.Select(m => string.Create(c, $"{m:G4} mo ")),
        ]);
        foreach (var run in runs.Append(reference))
        {
            var d = run.DeathRates;
            string label = ReferenceEquals(run, reference) ? "no ferroptotic death" : Label(run);
            CliContext.AddRow(table, [
                label, d.Osteoblast.ToString("E2", c), d.Osteoclast.ToString("E2", c), d.Osteocyte.ToString("E2", c),
                .. marks.Select(m => run.BoneMassAt(Math.Min(m * 365.0 / 12.0, run.TimesDays[^1])).ToString("F2", c)),
            ]);
        }

        context.Write(table);
        var hazards = CliContext.CreateTable("condition", "cell type", "h̄ healthy (1/h) ", "h̄ condition (1/h) ");
        foreach (var run in runs)
        {
            foreach (var h in run.DeathRates.Hazards)
            {
                CliContext.AddRow(hazards, Label(run), h.Cell.Name, h.Healthy.ToString("E2", c), h.Condition.ToString("E2", c));
            }
        }

        context.Write(hazards);
    }

    private static PlotModel Figure(List<RemodellingResult> runs, RemodellingResult reference, string title)
    {
        const double DaysPerMonth = 365.0 / 12.0;
        Series Line(RemodellingResult run, string label, SeriesStyle? style = null) =>
            new(label, [.. run.TimesDays.ToArray().Select(d => d / DaysPerMonth)], run.BoneMass, style);

        var series = runs.Select(r => Line(r, Label(r))).Append(Line(reference, "no ferroptotic death", new SeriesStyle { LineStyle = LineStyle.Dash, Color = OxyColors.Gray }));
        var model = TimeCourseChart.Create(series, new AxisSpec("Bone mass", "% of baseline"), new AxisSpec("Time", "months"), new FigureOptions { Legend = LegendLocation.Below });
        model.Title = title;
        return model;
    }

    private static string Label(RemodellingResult run) => run.Interventions.Count == 0 ? "untreated" : "+ " + string.Join(" + ", run.Interventions);

    private sealed record Request(string Scenario, double Months, string? Intervention, DeathRateCoupling Coupling, double Kappa, string Out, IReadOnlyList<string> Formats);
}
