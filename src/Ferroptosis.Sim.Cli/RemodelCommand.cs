using System.CommandLine;
using System.Globalization;
using Ferroptosis.Sim.Pathway;
using Ferroptosis.Sim.Pathway.Remodelling;

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
        var kappa = new Option<double?>("--kappa") { Description = "κ, the in-vitro-to-in-vivo attenuation of the hazard, 0 to 1 (default: the bone model's calibrated value, 0.139 bounded, 0.02 balanced; not identifiable from data, hence the band).", HelpName = "NUMBER" };
        var boneModel = new Option<string>("--bone-model") { Description = "Bone population model: bounded (surface-limited, mechanostat, disease effects with onset; cell model v2) or balanced (the first release's Komarova form on cell model v1).", HelpName = "MODEL", DefaultValueFactory = _ => "bounded" };
        boneModel.AcceptOnlyFromAmong("bounded", "balanced");
        var diseaseEnds = new Option<double?>("--disease-ends") { Description = "Month at which the disease ends (e.g. glucocorticoids withdrawn); its effects then wane. Bounded model only.", HelpName = "MONTH" };
        var treatmentStarts = new Option<double>("--treatment-starts") { Description = "Month at which the intervention starts (0: from the start of the disease). Bounded model only.", HelpName = "MONTH", DefaultValueFactory = _ => 0 };
        var band = new Option<bool>("--no-band") { Description = "Skip the uncertainty band (κ ×0.5–2 and each cell type's death rate ×0.67–1.5; 16 extra bone-model runs, no extra cell-model runs)." };
        var output = CommonOptions.Out();
        var plot = CommonOptions.Plot();
        var command = new Command("remodel", "Bone mass (% of baseline) over months under a chronic disease, from the ferroptotic death of bone cells; CSV and a figure.")
        {
            scenario, months, intervention, coupling, kappa, boneModel, diseaseEnds, treatmentStarts, band, output, plot,
        };
        command.SetAction((parse, cancellationToken) => context.GuardAsync(() => Run(
            context,
            new Request(
                parse.GetValue(scenario)!,
                parse.GetValue(months),
                parse.GetValue(intervention),
                parse.GetValue(coupling) == "multi-rate" ? DeathRateCoupling.MultiRate : DeathRateCoupling.QuasiSteady,
                parse.GetValue(kappa),
                parse.GetValue(boneModel) == "balanced" ? BoneModelKind.Balanced : BoneModelKind.Bounded,
                parse.GetValue(diseaseEnds),
                parse.GetValue(treatmentStarts),
                !parse.GetValue(band),
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

        var options = Options(context, request);
        var folder = OutputFolder.Prepare(context, request.Out);
        var duration = BoneRemodelling.Months(request.Months);
        var bands = new List<RemodellingBand>();
        foreach (var drugs in drug is null ? new[] { Array.Empty<Perturbation>() } : [[], [drug]])
        {
            var run = request.Band
                ? BoneRemodelling.RunWithBand(scenario, drugs, duration, options, null, cancellationToken)
                : new RemodellingBand(BoneRemodelling.Run(scenario, drugs, duration, options, cancellationToken), RemodellingUncertainty.Default, [], [], [], [], 1);
            if (!run.Central.IsSuccess || (request.Band && !run.IsSuccess))
            {
                throw new CliException($"The remodelling run failed: {run.Central.Status}: {run.Message ?? run.Central.Message}", ExitCodes.SimulationFailed);
            }

            bands.Add(run);
        }

        var runs = bands.Select(b => b.Central).ToList();
        var reference = BoneRemodelling.Run(scenario, [], duration, options with { DeathRateMultipliers = DeathRates.None, InterventionStartDays = 0 }, cancellationToken);
        if (!reference.IsSuccess)
        {
            throw new CliException($"The remodelling run failed: {reference.Status}: {reference.Message}", ExitCodes.SimulationFailed);
        }

        cancellationToken.ThrowIfCancellationRequested();
        PrintSummary(context, bands, reference, request, options);

        string name = "remodel-" + (scenario?.Name ?? "healthy") + (drug is null ? "" : "-" + drug.Name);
        string csv = Path.Combine(request.Out, name + ".csv");
        OutputFiles.Write(csv, runs[^1].WriteCsv, cancellationToken);
        var written = new List<string> { csv };
        if (request.Band)
        {
            string bandCsv = Path.Combine(request.Out, name + "-band.csv");
            OutputFiles.Write(bandCsv, writer => RemodelFigure.WriteBands(writer, bands), cancellationToken);
            written.Add(bandCsv);
        }
        if (request.Formats.Count > 0)
        {
            written.AddRange(OutputFiles.SaveFigure(RemodelFigure.Create(bands, reference, scenario?.Name ?? "healthy", request.Band), request.Out, name, request.Formats));
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

    /// <summary>Builds the options from the request, refusing out-of-range values and warning about unusual ones.</summary>
    private static RemodellingOptions Options(CliContext context, Request request)
    {
        var c = CultureInfo.InvariantCulture;
        var defaults = request.BoneModel == BoneModelKind.Balanced ? RemodellingOptions.Version1 : RemodellingOptions.Default;
        double kappa = request.Kappa ?? defaults.Kappa;
        if (!(kappa >= 0) || !(kappa <= 1))
        {
            throw new CliException(string.Create(c, $"--kappa is the attenuation of the in-vitro hazard in vivo, a number from 0 to 1 such as {defaults.Kappa:G3} (got {kappa:G4})."));
        }

        double low = request.BoneModel == BoneModelKind.Balanced ? 0.02 : defaults.Kappa / 2, high = request.BoneModel == BoneModelKind.Balanced ? 0.05 : defaults.Kappa * 2;
        if (kappa > 0 && (kappa < low || kappa > high))
        {
            context.Error.WriteLine(string.Create(c, $"warning: --kappa {kappa:G4} is outside the plausible range {low:G3}–{high:G3} of the {(request.BoneModel == BoneModelKind.Balanced ? "balanced" : "bounded")} model (docs/remodelling.md); bone loss scales with it."));
        }

        if (request.BoneModel == BoneModelKind.Balanced && (request.DiseaseEnds is not null || request.TreatmentStarts != 0))
        {
            throw new CliException("--disease-ends and --treatment-starts need the bounded bone model (--bone-model bounded).");
        }

        if (request.DiseaseEnds is { } end && (!(end >= 0) || end > request.Months))
        {
            throw new CliException(string.Create(c, $"--disease-ends must be a month from 0 to --months ({request.Months:G4}); got {end:G4}."));
        }

        if (!(request.TreatmentStarts >= 0) || request.TreatmentStarts > request.Months)
        {
            throw new CliException(string.Create(c, $"--treatment-starts must be a month from 0 to --months ({request.Months:G4}); got {request.TreatmentStarts:G4}."));
        }

        if (request.TreatmentStarts > 0 && request.Intervention is null)
        {
            context.Error.WriteLine("warning: --treatment-starts has no effect without --intervention.");
        }

        if (request.TreatmentStarts > 0 && request.Coupling == DeathRateCoupling.MultiRate)
        {
            throw new CliException("--treatment-starts needs the quasi-steady coupling.");
        }

        return defaults with
        {
            Coupling = request.Coupling,
            Kappa = kappa,
            ScenarioEndDays = request.DiseaseEnds * 365.0 / 12.0,
            InterventionStartDays = request.TreatmentStarts * 365.0 / 12.0,
        };
    }

    private static void PrintSummary(CliContext context, List<RemodellingBand> bands, RemodellingResult reference, Request request, RemodellingOptions options)
    {
        var c = CultureInfo.InvariantCulture;
        var first = bands[0].Central;
        string scheme = request.Coupling == DeathRateCoupling.MultiRate ? "multi-rate" : "quasi-steady";
        string model = options.BoneModel == BoneModelKind.Bounded ? "bounded bone model" : "balanced Komarova model";
        context.WriteLine(string.Create(c, $"Bone remodelling: {first.Scenario?.Name ?? "healthy"}, {request.Months:G4} months, {model}, {scheme} death rates, κ = {options.Kappa:G3}, osteoclast recruitment ×{first.OsteoclastRecruitment:G3}"));
        if (options.ScenarioEndDays is not null)
        {
            context.WriteLine(string.Create(c, $"The disease ends at month {request.DiseaseEnds:G4}."));
        }

        if (request.Intervention is not null && request.TreatmentStarts > 0)
        {
            context.WriteLine(string.Create(c, $"The intervention starts at month {request.TreatmentStarts:G4}."));
        }

        context.WriteLine(request.Band
            ? "Extra death rates δ and bone mass (% of baseline; band: κ ×0.5–2 and each cell type's δ ×0.67–1.5) at each quarter of the run:"
            : "Extra death rates δ and bone mass (% of baseline) at each quarter of the run:");

        // Bone mass at each quarter of the run, for the untreated and treated scenario and the scenario without ferroptosis.
        double[] marks = [.. Enumerable.Range(1, 4).Select(q => request.Months * q / 4)];
        var table = CliContext.CreateTable([
            "condition", "δOB (1/d) ", "δOC (1/d) ", "δOCY (1/d) ", .. marks.Select(m => string.Create(c, $"{m:G4} mo ")),
        ]);
        foreach (var (run, band) in bands.Select(b => (b.Central, (RemodellingBand?)b)).Append((reference, null)))
        {
            var d = run.DeathRates;
            string label = band is null ? "no ferroptotic death" : Label(run);
            CliContext.AddRow(table, [
                label, d.Osteoblast.ToString("E2", c), d.Osteoclast.ToString("E2", c), d.Osteocyte.ToString("E2", c),
                .. marks.Select(m => Cell(run, band, Math.Min(m * 365.0 / 12.0, run.TimesDays[^1]))),
            ]);
        }

        context.Write(table);
        var hazards = CliContext.CreateTable("condition", "cell type", "h̄ healthy (1/h) ", "h̄ condition (1/h) ");
        foreach (var run in bands.Select(b => b.Central))
        {
            foreach (var h in run.DeathRates.Hazards)
            {
                CliContext.AddRow(hazards, Label(run), h.Cell.Name, h.Healthy.ToString("E2", c), h.Condition.ToString("E2", c));
            }
        }

        context.Write(hazards);

        string Cell(RemodellingResult run, RemodellingBand? band, double days)
        {
            string central = run.BoneMassAtDays(days).ToString("F2", c);
            if (band is null || band.BoneMassLower.Count == 0)
            {
                return central;
            }

            int k = run.TimesDays.BinarySearch(days);
            k = k >= 0 ? k : Math.Min(~k, run.TimesDays.Length - 1);
            return string.Create(c, $"{central} ({band.BoneMassLower[k]:F1}–{band.BoneMassUpper[k]:F1})");
        }
    }

    internal static string Label(RemodellingResult run) => run.Interventions.Count == 0 ? "untreated" : "+ " + string.Join(" + ", run.Interventions);

    private sealed record Request(string Scenario, double Months, string? Intervention, DeathRateCoupling Coupling, double? Kappa, BoneModelKind BoneModel, double? DiseaseEnds, double TreatmentStarts, bool Band, string Out, IReadOnlyList<string> Formats);
}
