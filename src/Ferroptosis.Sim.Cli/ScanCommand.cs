using System.CommandLine;
using Ferroptosis.Sim.Analysis;
using Spectre.Console;

namespace Ferroptosis.Sim.Cli;

/// <summary>The <c>scan</c> command: one read-out over a 1-D or 2-D grid of an input (drug dose, exposure, parameter), in parallel, with a progress bar; writes <c>scan.csv</c> and a dose–response figure or heat map.</summary>
/// <remarks>
/// Every grid point is an independent simulation from the same resting state, run on all cores (or
/// <c>--parallel N</c>). Ctrl+C stops the scan between points and writes nothing. A point whose simulation fails
/// is reported and left as NaN in the CSV. 1-D scans of the built-in model may run several cell types (one
/// curve each); 2-D scans run one.
/// </remarks>
internal static class ScanCommand
{
    /// <summary>Creates the command.</summary>
    /// <param name="context">Where to write.</param>
    /// <returns>The command.</returns>
    public static Command Create(CliContext context)
    {
        var model = CommonOptions.Model();
        var modelVersion = CommonOptions.ModelVersion();
        var param = new Option<string[]>("--param") { HelpName = "NAME", Description = "The scanned input: a drug (dose), oxidative-stress, ho1-induction, knockdown-GENE, or a parameter id; give it twice (with two --range) for a 2-D scan.", Required = true };
        param.CompletionSources.Add([.. PerturbationTarget.CompletionNames]);
        var range = new Option<string[]>("--range") { HelpName = "RANGE", Description = "Values of each --param, in order: from:to:logN (e.g. 0.01:100:log25), from:to:N, or v1,v2,…; drug doses in µM or with units (10nM:100uM:log25).", Required = true };
        var readout = new Option<string>("--readout", "-r") { HelpName = "READOUT", Description = "What to read from each run: survival@24h, t50, NAME@T (LPO@12h), NAME:max, NAME:min (ferrosim list readouts).", DefaultValueFactory = _ => "survival@24h" };
        var cells = CommonOptions.Cells();
        var perturb = CommonOptions.Perturb();
        var scenario = CommonOptions.Scenario();
        var chronic = CommonOptions.Chronic();
        var tEnd = new Option<string?>("--t-end", "-t") { HelpName = "TIME", Description = "Length of each run (default: the read-out time, or 48h for t50 and max/min); for a file a plain number." };
        var solver = CommonOptions.Solver();
        var rtol = CommonOptions.RelativeTolerance();
        var atol = CommonOptions.AbsoluteTolerance();
        var output = CommonOptions.Out();
        var plot = CommonOptions.Plot();
        var parallel = new Option<int>("--parallel") { HelpName = "N", Description = "Simulations run at once (the default shown is this machine's number of cores).", DefaultValueFactory = _ => Environment.ProcessorCount };
        var force = CommonOptions.Force();
        var command = new Command("scan", "Scan one read-out over a grid of one or two inputs; write scan.csv and a dose–response figure or heat map.")
        {
            model, modelVersion, param, range, readout, cells, perturb, scenario, chronic, tEnd, solver, rtol, atol, output, plot, parallel, force,
        };
        command.SetAction((parse, cancellationToken) => context.GuardAsync(() =>
        {
            string? versionName = parse.GetValue(modelVersion);
            var source = ModelFile.Resolve(parse.GetValue(model), CommonOptions.ResolveModelVersion(versionName), context.Error);
            string[] names = parse.GetValue(param) ?? [], ranges = parse.GetValue(range) ?? [];
            if (names.Length is < 1 or > 2 || names.Length != ranges.Length)
            {
                throw new CliException($"Give one --param with one --range (1-D) or two of each (2-D); got {names.Length} --param and {ranges.Length} --range.");
            }

            int workers = parse.GetValue(parallel);
            if (workers < 1)
            {
                throw new CliException("--parallel must be at least 1.");
            }

            var settings = new ScanSettings(
                parse.GetValue(perturb) ?? [],
                parse.GetValue(tEnd),
                CommonOptions.ResolveSolver(parse.GetValue(solver)),
                CommonOptions.CheckTolerance(parse.GetValue(rtol), "--rtol"),
                CommonOptions.CheckTolerance(parse.GetValue(atol), "--atol"));
            CommonOptions.WarnLargeTolerance(settings.AbsoluteTolerance, context.Error);
            string[] cellNames = parse.GetValue(cells) ?? [];
            string? scenarioName = parse.GetValue(scenario);
            ScanPlan plan;
            if (source.IsBuiltIn)
            {
                var version = source.BuiltIn!;
                var axes = names.Select((n, i) => ScanAxisSpec.ForBuiltIn(n, ranges[i], version)).ToList();
                var scenarioValue = CommonOptions.ResolveScenario(scenarioName);
                plan = ScanPlan.ForBuiltIn(version, axes, parse.GetValue(readout)!, CommonOptions.ResolveCells(cellNames, version), scenarioValue, parse.GetValue(chronic), settings);
            }
            else
            {
                CommonOptions.RequireBuiltInFor(source, cellNames, scenarioName, versionName);
                ModelFile.RequireDynamics(source);
                var axes = names.Select((n, i) => ScanAxisSpec.ForFile(n, ranges[i], source.Network)).ToList();
                plan = ScanPlan.ForFile(source, axes, parse.GetValue(readout)!, settings);
            }

            var formats = OutputFiles.ParseFormats(parse.GetValue(plot)!);
            RunSize.CheckScan(plan.EstimatedPoints, parse.GetValue(force), context.Error);
            var folder = OutputFolder.Prepare(context, parse.GetValue(output)!);
            var result = Evaluate(context, plan, workers, cancellationToken);
            return ScanOutput.Write(context, plan, result, folder, formats, cancellationToken);
        }));
        return command;
    }

    /// <summary>Runs every point with <see cref="ParameterScan"/> (in parallel) under a progress bar with elapsed time and ETA; cancellation stops between points.</summary>
    private static ScanResult Evaluate(CliContext context, ScanPlan plan, int workers, CancellationToken cancellationToken)
    {
        ScanResult? result = null;
        context.Console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
            .Start(progress =>
            {
                var task = progress.AddTask($"{plan.PointCount} simulations", maxValue: plan.PointCount);
                var execution = new ExecutionOptions { MaxDegreeOfParallelism = workers, Progress = new ProgressBar(task) };
                result = ParameterScan.Run(plan.Model, plan.Grid, execution, cancellationToken);
                task.Value = plan.PointCount;
            });
        return result!;
    }

    /// <summary>Moves the bar as the scan's reports arrive (from worker threads, possibly out of order).</summary>
    private sealed class ProgressBar(ProgressTask task) : IProgress<AnalysisProgress>
    {
        public void Report(AnalysisProgress value)
        {
            lock (task)
            {
                task.Value = Math.Max(task.Value, value.Completed);
            }
        }
    }
}
