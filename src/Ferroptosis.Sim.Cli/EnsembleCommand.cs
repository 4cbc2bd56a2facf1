using System.CommandLine;
using System.Globalization;
using Ferroptosis.Sim.Analysis;
using Ferroptosis.Sim.Distributed;

namespace Ferroptosis.Sim.Cli;

/// <summary>The <c>ensemble</c> command: <c>plan</c> writes an index-addressable ensemble plan; <c>run</c> runs it in-process or on a Slurm job array; <c>shard</c> runs one shard; <c>reduce</c> merges the shards' partials; <c>status</c> lists complete and missing shards; <c>resubmit</c> submits the missing shards to Slurm; <c>emit</c> writes a Kubernetes, AWS Batch or HTCondor job file.</summary>
/// <remarks>Every backend writes the same shard files and the same <c>result.json</c>, byte for byte (docs/distributed.md).</remarks>
internal static partial class EnsembleCommand
{
    /// <summary>Creates the command.</summary>
    /// <param name="context">Where to write.</param>
    /// <returns>The command.</returns>
    public static Command Create(CliContext context)
    {
        var command = new Command("ensemble", "Ensembles by plan: write a plan, run it in-process or on Slurm, run or reduce shards, show status, write Kubernetes/AWS Batch/HTCondor job files.");
        command.Subcommands.Add(CreatePlan(context));
        command.Subcommands.Add(CreateRun(context));
        command.Subcommands.Add(CreateShard(context));
        command.Subcommands.Add(CreateReduce(context));
        command.Subcommands.Add(CreateStatus(context));
        command.Subcommands.Add(CreateResubmit(context));
        command.Subcommands.Add(CreateEmit(context));
        return command;
    }

    private static Option<string> PlanOption() => new("--plan") { Required = true, HelpName = "PLAN.json", Description = "The plan file (its model file beside it)." };

    private static Option<string> FolderOption() => new("--out", "-o") { Required = true, HelpName = "DIR", Description = "The shard folder (shard-NNNNNN.parquet, shard-NNNNNN.partial.json, result.json)." };

    private static Option<int> ThreadsOption() => new("--threads") { HelpName = "N", Description = "Threads per shard (default: every core).", DefaultValueFactory = _ => -1 };

    private static Command CreateRun(CliContext context)
    {
        var plan = PlanOption();
        var folder = FolderOption();
        var threads = ThreadsOption();
        var backend = new Option<string>("--backend") { HelpName = "inprocess|slurm", Description = "Where the shards run: inprocess (this process, all cores) or slurm (a job array); for an Orleans cluster, the ferrosim-orleans tool.", DefaultValueFactory = _ => "inprocess" };
        backend.AcceptOnlyFromAmong("inprocess", "slurm");
        var resume = new Option<bool>("--resume") { Description = "Keep shards that are already complete in the folder (in-process; Slurm always does)." };
        var maxArray = new Option<int>("--max-array-size") { HelpName = "N", Description = "Slurm's MaxArraySize (default 1001); larger plans are split into several arrays.", DefaultValueFactory = _ => 1001 };
        var throttle = new Option<int>("--throttle") { HelpName = "T", Description = "Slurm: at most T array tasks at once (--array=a-b%T); 0 for no limit." };
        var attempts = new Option<int>("--attempts") { HelpName = "N", Description = "Slurm: submissions per shard before giving up (default 3).", DefaultValueFactory = _ => 3 };
        var sbatch = new Option<string[]>("--sbatch") { HelpName = "OPTION", Description = "Slurm: an extra #SBATCH option, e.g. --sbatch=--partition=short (repeat for several)." };
        var shardCommand = new Option<string?>("--shard-command") { HelpName = "COMMAND", Description = "Slurm: how compute nodes run ferrosim, e.g. 'ferrosim' or 'dotnet /opt/ferrosim/ferrosim.dll' (default: this tool)." };
        var showProgress = new Option<bool>("--progress") { Description = "Print a progress line to stderr as shards complete (the default when stderr is a terminal)." };
        var command = new Command("run", "Run every shard of a plan (in-process or as a Slurm job array) and reduce.") { plan, folder, backend, threads, resume, maxArray, throttle, attempts, sbatch, shardCommand, showProgress };
        command.SetAction((parse, cancellationToken) => context.GuardAsync(() =>
        {
            var (planFile, loaded) = LoadPlan(parse.GetValue(plan)!);
            var shards = new ShardFolder(parse.GetValue(folder)!);
            Writable(shards);
            var progress = parse.GetValue(showProgress) || context.ErrorIsTerminal ? new EnsembleProgressLine(context.Error) : null;
            EnsembleReduction result;
            if (parse.GetValue(backend) == "slurm")
            {
                var options = new SlurmOptions
                {
                    MaxArraySize = parse.GetValue(maxArray),
                    Throttle = parse.GetValue(throttle),
                    MaxAttempts = parse.GetValue(attempts),
                    SbatchOptions = parse.GetValue(sbatch) ?? [],
                    ShardCommand = (parse.GetValue(shardCommand) ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
                    CpusPerTask = Math.Max(1, parse.GetValue(threads)),
                };
                EnsembleWorkload.Load(loaded, Path.GetDirectoryName(planFile)!);
                var driver = new SlurmEnsemble(planFile, shards, options);
                result = Missing(() => driver.RunAsync(loaded, progress, cancellationToken).GetAwaiter().GetResult());
                foreach (var s in driver.Submissions)
                {
                    context.WriteLine($"sbatch job {s.JobId}: --array={s.ArraySpec} (shards {MissingShardsException.Describe(s.Shards)}, attempt {s.Attempt})");
                }
            }
            else
            {
                var workload = Load(planFile, loaded);
                result = EnsembleShards.RunInProcessAsync(workload, shards, parse.GetValue(resume), Execution(parse.GetValue(threads)), progress, cancellationToken).GetAwaiter().GetResult();
            }

            return Report(context, result, shards);
        }));
        return command;
    }

    private static Command CreateResubmit(CliContext context)
    {
        var plan = PlanOption();
        var folder = FolderOption();
        var threads = ThreadsOption();
        var maxArray = new Option<int>("--max-array-size") { HelpName = "N", Description = "Slurm's MaxArraySize (default 1001).", DefaultValueFactory = _ => 1001 };
        var throttle = new Option<int>("--throttle") { HelpName = "T", Description = "At most T array tasks at once; 0 for no limit." };
        var sbatch = new Option<string[]>("--sbatch") { HelpName = "OPTION", Description = "An extra #SBATCH option (repeat for several)." };
        var shardCommand = new Option<string?>("--shard-command") { HelpName = "COMMAND", Description = "How compute nodes run ferrosim (default: this tool)." };
        var command = new Command("resubmit", "Submit only the missing shards of a plan as a Slurm job array and return (no waiting, no reduce); 'run --backend slurm' does the same and waits.") { plan, folder, threads, maxArray, throttle, sbatch, shardCommand };
        command.SetAction((parse, cancellationToken) => context.GuardAsync(() =>
        {
            var (planFile, loaded) = LoadPlan(parse.GetValue(plan)!);
            var shards = new ShardFolder(parse.GetValue(folder)!);
            Writable(shards);
            Load(planFile, loaded);
            var missing = shards.MissingShards(loaded);
            if (missing.Count == 0)
            {
                context.WriteLine($"All {loaded.ShardCount} shards are complete; nothing to submit.");
                return ExitCodes.Success;
            }

            var options = new SlurmOptions
            {
                MaxArraySize = parse.GetValue(maxArray),
                Throttle = parse.GetValue(throttle),
                SbatchOptions = parse.GetValue(sbatch) ?? [],
                ShardCommand = (parse.GetValue(shardCommand) ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
                CpusPerTask = Math.Max(1, parse.GetValue(threads)),
            };
            var driver = new SlurmEnsemble(planFile, shards, options);
            driver.WriteScript();
            foreach (var s in driver.SubmitAsync(missing, cancellationToken: cancellationToken).GetAwaiter().GetResult())
            {
                context.WriteLine($"sbatch job {s.JobId}: --array={s.ArraySpec} (shards {MissingShardsException.Describe(s.Shards)})");
            }

            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command CreateShard(CliContext context)
    {
        var plan = PlanOption();
        var folder = FolderOption();
        var threads = ThreadsOption();
        var index = new Option<int>("--index") { Required = true, HelpName = "N", Description = "The shard index, 0 to shards − 1 (on Slurm: $SLURM_ARRAY_TASK_ID)." };
        var command = new Command("shard", "Run one shard of a plan: writes shard-N.parquet and shard-N.partial.json.") { plan, index, folder, threads };
        command.SetAction((parse, cancellationToken) => context.GuardAsync(() =>
        {
            var (planFile, loaded) = LoadPlan(parse.GetValue(plan)!);
            int shard = parse.GetValue(index);
            if (shard < 0 || shard >= loaded.ShardCount)
            {
                throw new CliException($"--index {shard}: the plan has {loaded.ShardCount} shards (0 to {loaded.ShardCount - 1}).");
            }

            var shards = new ShardFolder(parse.GetValue(folder)!);
            Writable(shards);
            var workload = Load(planFile, loaded);
            var (partial, runTime, restTime) = EnsembleShards.RunShardTimedAsync(workload, shard, shards, Execution(parse.GetValue(threads)), cancellationToken).GetAwaiter().GetResult();
            long failed = partial.Failures.Values.Sum();
            context.WriteLine(string.Create(CultureInfo.InvariantCulture, $"shard {shard}: runs {partial.FirstRun} to {partial.FirstRun + partial.Runs - 1}, {failed} failed{Failures(partial.Failures)}"));
            context.WriteLine(string.Create(CultureInfo.InvariantCulture, $"time: runs {runTime.TotalSeconds:F3} s ({runTime.TotalMilliseconds / partial.Runs:G4} ms per run, wall), summary and files {restTime.TotalSeconds:F3} s ({restTime.TotalMilliseconds / partial.Runs:G3} ms per run)"));
            context.ReportFiles([shards.ParquetPath(shard), shards.PartialPath(shard)]);
            return failed == partial.Runs ? ExitCodes.SimulationFailed : ExitCodes.Success;
        }));
        return command;
    }

    private static Command CreateReduce(CliContext context)
    {
        var plan = PlanOption();
        var folder = FolderOption();
        var command = new Command("reduce", "Merge the shards' partials in shard order into result.json; lists missing shards by index.") { plan, folder };
        command.SetAction((parse, cancellationToken) => context.GuardAsync(() =>
        {
            var (_, loaded) = LoadPlan(parse.GetValue(plan)!);
            var shards = new ShardFolder(parse.GetValue(folder)!);
            var result = Missing(() => EnsembleShards.ReduceAsync(loaded, shards, cancellationToken).GetAwaiter().GetResult());
            return Report(context, result, shards);
        }));
        return command;
    }

    private static Command CreateStatus(CliContext context)
    {
        var plan = PlanOption();
        var folder = FolderOption();
        var command = new Command("status", "Show how many shards of a plan are complete and list the missing ones by index.") { plan, folder };
        command.SetAction(parse => context.Guard(() =>
        {
            var (_, loaded) = LoadPlan(parse.GetValue(plan)!);
            var shards = new ShardFolder(parse.GetValue(folder)!);
            var missing = shards.MissingShards(loaded);
            context.WriteLine(string.Create(CultureInfo.InvariantCulture, $"plan {loaded.ComputeHash()[..12]}: {loaded.Runs} runs in {loaded.ShardCount} shards of {loaded.RunsPerShard}; {loaded.ShardCount - missing.Count} complete, {missing.Count} missing{(missing.Count > 0 ? ": " + MissingShardsException.Describe(missing) : "")}"));
            context.WriteLine(File.Exists(shards.ResultPath) ? $"reduced: {Path.GetFullPath(shards.ResultPath)}" : "not reduced yet");
            return ExitCodes.Success;
        }));
        return command;
    }

    private static (string Path, EnsemblePlan Plan) LoadPlan(string path)
    {
        if (!File.Exists(path))
        {
            throw new CliException($"{path}: no such plan file.");
        }

        try
        {
            return (Path.GetFullPath(path), EnsemblePlan.Load(path));
        }
        catch (FormatException ex)
        {
            throw new CliException(ex.Message, ex);
        }
    }

    private static EnsembleWorkload Load(string planFile, EnsemblePlan plan)
    {
        try
        {
            return EnsembleWorkload.Load(plan, Path.GetDirectoryName(planFile)!);
        }
        catch (FileNotFoundException ex)
        {
            throw new CliException(ex.Message, ex);
        }
        catch (InvalidOperationException ex)
        {
            throw new CliException($"{planFile}: {ex.Message}", ex);
        }
    }

    private static void Writable(ShardFolder folder)
    {
        try
        {
            folder.EnsureWritable();
        }
        catch (IOException ex)
        {
            throw new CliException(ex.Message, ex);
        }
    }

    private static EnsembleReduction Missing(Func<EnsembleReduction> body)
    {
        try
        {
            return body();
        }
        catch (MissingShardsException ex)
        {
            throw new CliException(ex.Message, ex);
        }
    }

    private static ExecutionOptions Execution(int threads) => new() { MaxDegreeOfParallelism = threads < 1 ? -1 : threads };

    private static string Failures(IReadOnlyDictionary<string, long> failures) =>
        failures.Count == 0 ? "" : " (" + string.Join(", ", failures.Select(f => string.Create(CultureInfo.InvariantCulture, $"{f.Key} {f.Value}"))) + ")";

    private static int Report(CliContext context, EnsembleReduction result, ShardFolder folder)
    {
        long failed = result.Failures.Values.Sum();
        context.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{result.Runs} runs, {failed} failed{Failures(result.Failures)}; plan {result.PlanHash[..12]}, {result.Solver}"));
        var table = CliContext.CreateTable("read-out", "count ", "mean ", "sd ", "min ", "5 % ", "median ", "95 % ", "max ");
        foreach (var o in result.Outputs)
        {
            CliContext.AddRow(table, o.Name, o.Count.ToString(CultureInfo.InvariantCulture), G(o.Mean), G(o.StandardDeviation), G(o.Minimum), G(o.Quantile(0.05)), G(o.Quantile(0.5)), G(o.Quantile(0.95)), G(o.Maximum));
        }

        context.Write(table);
        if (result.HasSobolIndices)
        {
            var sobol = CliContext.CreateTable("read-out", "factor", "first order ", "total ");
            foreach (var o in result.Outputs)
            {
                foreach (var index in result.SobolIndices(o.Name))
                {
                    CliContext.AddRow(sobol, o.Name, index.Factor, index.FirstOrder.ToString("F4", CultureInfo.InvariantCulture), index.Total.ToString("F4", CultureInfo.InvariantCulture));
                }
            }

            context.WriteLine("Sobol indices (Saltelli 2010 first order, Jansen total; point estimates):");
            context.Write(sobol);
        }

        if (result.HasMorrisIndices)
        {
            var screening = CliContext.CreateTable("read-out", "factor", "mu ", "mu* ", "sigma ", "effects ");
            foreach (var o in result.Outputs)
            {
                foreach (var index in result.MorrisIndices(o.Name))
                {
                    CliContext.AddRow(screening, o.Name, index.Factor, G(index.Mu), G(index.MuStar), G(index.Sigma), index.Effects.ToString(CultureInfo.InvariantCulture));
                }
            }

            context.WriteLine("Morris elementary effects (unit-cube units):");
            context.Write(screening);
        }

        if (failed > 0)
        {
            context.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"warning: {failed} of {result.Runs} runs failed{Failures(result.Failures)}; first failed runs: {string.Join(", ", result.FailedRuns.Take(10))}."));
        }

        context.ReportFiles([folder.ResultPath]);
        return failed == result.Runs ? ExitCodes.SimulationFailed : ExitCodes.Success;
    }

    private static string G(double value) => value.ToString("G5", CultureInfo.InvariantCulture);
}
