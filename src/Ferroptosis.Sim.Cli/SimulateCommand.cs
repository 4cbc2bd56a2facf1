using System.CommandLine;
using System.Globalization;
using Ferroptosis.Sim.Modeling;
using Ferroptosis.Sim.Modeling.Compilation;
using Ferroptosis.Sim.Modeling.Simulation;
using Ferroptosis.Sim.Ode;
using Ferroptosis.Sim.Pathway;
using Ferroptosis.Sim.Plotting;

namespace Ferroptosis.Sim.Cli;

/// <summary>The <c>simulate</c> command: runs the built-in ferroptosis model for chosen cell types, drugs and scenario, or any Antimony/SBML file, and writes CSV files and figures.</summary>
/// <remarks>
/// Built-in model (version <c>--model-version</c>, default 2): one CSV per cell type (<c>CELL.csv</c>: a comment line
/// <c># Ferroptosis.Sim ferroptosis model vN (files FINGERPRINT)</c>, then time_h, every model quantity, surviving_fraction),
/// <c>survival.EXT</c> (trajectories with t50) and <c>overview.EXT</c> (survival, lipid peroxides, GSH, labile
/// iron, HO-1, GPX4), and a table of t50 and survival. Model file: <c>NAME.csv</c> and <c>NAME.EXT</c> (species
/// time courses). All runs finish before the first file is written, so a failure or Ctrl+C leaves no output.
/// </remarks>
internal static class SimulateCommand
{
    /// <summary>Most species drawn in a file model's figure; the CSV has all of them.</summary>
    private const int MaxPlottedSpecies = 12;

    /// <summary>Creates the command.</summary>
    /// <param name="context">Where to write.</param>
    /// <returns>The command.</returns>
    public static Command Create(CliContext context)
    {
        var model = CommonOptions.Model();
        var modelVersion = CommonOptions.ModelVersion();
        var cells = CommonOptions.Cells();
        var perturb = CommonOptions.Perturb();
        var scenario = CommonOptions.Scenario();
        var chronic = CommonOptions.Chronic();
        var tEnd = new Option<string?>("--t-end", "-t") { HelpName = "TIME", Description = "Length of the run with a unit, e.g. 48h, 30min, 2d (default 48h); for a model file a plain number in its time unit (default 10)." };
        var interval = new Option<string?>("--interval") { HelpName = "TIME", Description = "Spacing of the reported times, e.g. 15min (default); for a model file a plain number (default t-end/200)." };
        var solver = CommonOptions.Solver();
        var rtol = CommonOptions.RelativeTolerance();
        var atol = CommonOptions.AbsoluteTolerance();
        var output = CommonOptions.Out();
        var plot = CommonOptions.Plot();
        var force = CommonOptions.Force();
        var command = new Command("simulate", "Simulate a model and write its time courses (CSV) and figures.")
        {
            model, modelVersion, cells, perturb, scenario, chronic, tEnd, interval, solver, rtol, atol, output, plot, force,
        };
        command.SetAction((parse, cancellationToken) => context.GuardAsync(() =>
        {
            string? versionName = parse.GetValue(modelVersion);
            var request = new Request(
                ModelFile.Resolve(parse.GetValue(model), CommonOptions.ResolveModelVersion(versionName), context.Error),
                versionName,
                parse.GetValue(cells) ?? [],
                parse.GetValue(perturb) ?? [],
                parse.GetValue(scenario),
                parse.GetValue(chronic),
                parse.GetValue(tEnd),
                parse.GetValue(interval),
                CommonOptions.ResolveSolver(parse.GetValue(solver)),
                CommonOptions.CheckTolerance(parse.GetValue(rtol), "--rtol"),
                CommonOptions.CheckTolerance(parse.GetValue(atol), "--atol"),
                parse.GetValue(output)!,
                OutputFiles.ParseFormats(parse.GetValue(plot)!),
                parse.GetValue(force));
            return request.Model.IsBuiltIn ? RunBuiltIn(context, request, cancellationToken) : RunFile(context, request, cancellationToken);
        }));
        return command;
    }

    private static int RunBuiltIn(CliContext context, Request request, CancellationToken cancellationToken)
    {
        var version = request.Model.BuiltIn!;
        var cells = CommonOptions.ResolveCells(request.Cells, version);
        var perturbations = PerturbationSpec.ParseBuiltIn(request.Perturb, version);
        var extreme = PerturbationSpec.Extreme(perturbations.Parameters);
        PerturbationSpec.WarnExtreme(extreme, context.Error);
        CommonOptions.WarnLargeTolerance(request.AbsoluteTolerance, context.Error);
        double hours = request.TEnd is null ? 48 : Units.ParseHours(request.TEnd, "--t-end");
        double spacing = request.Interval is null ? 0.25 : Units.ParseHours(request.Interval, "--interval");
        if (!(hours > 0) || !(spacing > 0))
        {
            throw new CliException("--t-end and --interval must be longer than zero.");
        }

        var duration = Units.ToTimeSpan(hours, "--t-end");
        PerturbationSpec.RequireWithinRun(perturbations.Perturbations, hours);
        var defaults = CellSimulationOptions.Default;
        var options = defaults with
        {
            Model = version,
            Scenario = CommonOptions.ResolveScenario(request.Scenario),
            ChronicScenario = request.Chronic,
            Solver = request.Solver,
            RelativeTolerance = request.RelativeTolerance ?? defaults.RelativeTolerance,
            AbsoluteTolerance = request.AbsoluteTolerance ?? defaults.AbsoluteTolerance,
            OutputIntervalHours = spacing,
            Parameters = perturbations.Parameters.Count > 0 ? perturbations.Parameters : null,
            MaxOutputPoints = long.MaxValue,
        };

        // Columns: time, every model quantity, surviving_fraction.
        int columns = OutputProgram.DefaultIds(version.Network).Count + 2;
        RunSize.CheckSimulation(FerroptosisSimulation.EstimateOutputPoints(perturbations.Perturbations, duration, options), columns, cells.Count, request.Force, context.Error);
        var folder = OutputFolder.Prepare(context, request.Out);
        var results = new List<CellSimulationResult>();
        foreach (var cell in cells)
        {
            cancellationToken.ThrowIfCancellationRequested();
            // Every quantity is written: record the states during the run rather than run again when the CSV is written.
            var result = FerroptosisSimulation.Run(cell, perturbations.Perturbations, duration, options, recorded: null, cancellationToken);
            if (!result.IsSuccess)
            {
                throw new CliException(PerturbationSpec.Failure($"the {cell.Name}", result.Status, result.Message, extreme), ExitCodes.SimulationFailed);
            }

            results.Add(result);
        }

        cancellationToken.ThrowIfCancellationRequested();
        PrintSummary(context, results, hours);
        var written = new List<string>();
        foreach (var result in results)
        {
            string path = Path.Combine(request.Out, $"{result.Cell.Name}.csv");
            OutputFiles.Write(path, result.WriteCsv, cancellationToken);
            written.Add(path);
        }

        if (request.Formats.Count > 0)
        {
            // Every run shares the condition, so it titles the figures and the lines are named by cell type.
            var titled = new FigureOptions { Title = CellDeathFigure.Condition(results[0]) };
            written.AddRange(OutputFiles.SaveFigure(CellDeathFigure.Survival(results, options: titled), request.Out, "survival", request.Formats));
            written.AddRange(OutputFiles.SaveFigure(CellDeathFigure.Overview(results, options: titled), request.Out, "overview", request.Formats, 1440, 900));
        }

        written.Add(folder.Complete(written, cancellationToken));
        context.ReportFiles(written);
        return ExitCodes.Success;
    }

    private static int RunFile(CliContext context, Request request, CancellationToken cancellationToken)
    {
        CommonOptions.RequireBuiltInFor(request.Model, request.Cells, request.Scenario, request.ModelVersion);
        if (request.Chronic)
        {
            throw new CliException("--chronic applies to the built-in model's scenarios only.");
        }

        var values = PerturbationSpec.ParseForFile(request.Perturb, request.Model.Network);
        var extreme = PerturbationSpec.Extreme(values.Parameters, values.InitialValues);
        PerturbationSpec.WarnExtreme(extreme, context.Error);
        CommonOptions.WarnLargeTolerance(request.AbsoluteTolerance, context.Error);
        double end = request.TEnd is null ? 10 : Units.ParseNumber(request.TEnd, "--t-end (in the model's time unit)");
        double spacing = request.Interval is null ? end / 200 : Units.ParseNumber(request.Interval, "--interval (in the model's time unit)");
        if (!(end > 0) || !(spacing > 0))
        {
            throw new CliException("--t-end and --interval must be longer than zero.");
        }

        ModelFile.RequireDynamics(request.Model);
        double points = Math.Ceiling((end / spacing) - 1e-9) + 1;
        RunSize.CheckSimulation(points, OutputProgram.DefaultIds(request.Model.Network).Count + 1, 1, request.Force, context.Error);
        var folder = OutputFolder.Prepare(context, request.Out);
        var defaults = new SimulationSettings();
        var settings = defaults with
        {
            EndTime = end,
            OutputPoints = (int)points,
            Solver = request.Solver ?? OdeSolvers.Auto,
            RelativeTolerance = request.RelativeTolerance ?? defaults.RelativeTolerance,
            AbsoluteTolerance = request.AbsoluteTolerance ?? defaults.AbsoluteTolerance,
            Parameters = values.Parameters,
            InitialValues = values.InitialValues,
        };
        SimulationResult result;
        try
        {
            result = Simulator.Simulate(ModelCompiler.Compile(request.Model.Network), settings, cancellationToken);
        }
        catch (ArgumentException ex)
        {
            throw CliException.From(ex, $"{request.Model.Path}: ");
        }
        catch (ModelValidationException ex)
        {
            throw new CliException($"{request.Model.Path}: {ex.Message}", ex);
        }

        // The integrator ends a cancelled run with a status: report it as the interruption it is.
        cancellationToken.ThrowIfCancellationRequested();
        if (!result.IsSuccess)
        {
            throw new CliException(PerturbationSpec.Failure($"'{request.Model.Path}'", result.Status, result.Message, extreme), ExitCodes.SimulationFailed);
        }

        var table = CliContext.CreateTable("model", "solver", "t end ", "points ", "steps ", "rejected ", "f evals ");
        var s = result.Statistics;
        CliContext.AddRow(table, request.Model.Name, result.SolverName, Number(end), Number(result.Count), Number(s.AcceptedSteps), Number(s.RejectedSteps), Number(s.RhsEvaluations));
        context.Write(table);

        string csv = Path.Combine(request.Out, $"{request.Model.Name}.csv");
        OutputFiles.Write(csv, writer => result.WriteCsv(writer), cancellationToken);
        var written = new List<string> { csv };
        var species = request.Model.Network.Species.Select(x => x.Id).Where(result.Names.Contains).Take(MaxPlottedSpecies).ToList();
        if (request.Formats.Count > 0 && species.Count > 0)
        {
            var times = result.Times.ToArray();
            var chart = TimeCourseChart.Create(species.Select(id => new Series(id, times, result.GetColumn(id))), new AxisSpec("Value"), new AxisSpec("Time"));
            written.AddRange(OutputFiles.SaveFigure(chart, request.Out, request.Model.Name, request.Formats));
        }

        written.Add(folder.Complete(written, cancellationToken));
        context.ReportFiles(written);
        return ExitCodes.Success;
    }

    private static void PrintSummary(CliContext context, List<CellSimulationResult> results, double hours)
    {
        // S(24 h) is the usual viability read-out; it is shown whenever the run reaches it.
        bool day = hours >= 24;
        var headers = new List<string> { "cell type", "condition", "t50 (h) " };
        if (day)
        {
            headers.Add("S(24 h) ");
        }

        headers.AddRange([$"S({Units.FormatHours(hours)}) ", "steps "]);
        context.WriteLine($"Built-in {results[0].Model} (--model-version {results[0].ModelVersion})");
        var table = CliContext.CreateTable([.. headers]);
        foreach (var r in results)
        {
            var row = new List<string> { r.Cell.Name, CellDeathFigure.Condition(r), r.TimeTo50PercentDeathHours is double t ? t.ToString("F1", CultureInfo.InvariantCulture) : $"> {Number(hours)}" };
            if (day)
            {
                row.Add(Fraction(r.SurvivalAtHours(24)));
            }

            row.AddRange([Fraction(r.SurvivalAtHours(hours)), Number(r.Result.Statistics.AcceptedSteps)]);
            CliContext.AddRow(table, [.. row]);
        }

        context.Write(table);
    }

    private static string Fraction(double value) => value.ToString("F3", CultureInfo.InvariantCulture);

    private static string Number(double value) => value.ToString("G6", CultureInfo.InvariantCulture);

    private sealed record Request(
        ModelFile Model,
        string? ModelVersion,
        IReadOnlyList<string> Cells,
        IReadOnlyList<string> Perturb,
        string? Scenario,
        bool Chronic,
        string? TEnd,
        string? Interval,
        IOdeSolver? Solver,
        double? RelativeTolerance,
        double? AbsoluteTolerance,
        string Out,
        IReadOnlyList<string> Formats,
        bool Force);
}
