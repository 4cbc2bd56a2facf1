using System.CommandLine;
using System.Globalization;
using Ferroptosis.Sim.Analysis;
using Ferroptosis.Sim.Distributed;

namespace Ferroptosis.Sim.Cli;

/// <summary>The <c>ensemble emit</c> subcommand: writes a Kubernetes Indexed Job, AWS Batch array jobs or an HTCondor submit file that runs every shard of a plan.</summary>
internal static partial class EnsembleCommand
{
    private static readonly Dictionary<string, EmitTarget> Targets = new(StringComparer.Ordinal)
    {
        ["k8s"] = EmitTarget.Kubernetes,
        ["aws-batch"] = EmitTarget.AwsBatch,
        ["htcondor"] = EmitTarget.HTCondor,
    };

    private static Command CreateEmit(CliContext context)
    {
        var target = new Option<string>("--target") { Required = true, HelpName = "k8s|aws-batch|htcondor", Description = "The scheduler: k8s (an Indexed Job, YAML), aws-batch (a job definition and array jobs, JSON) or htcondor (a submit file)." };
        target.AcceptOnlyFromAmong([.. Targets.Keys]);
        var plan = PlanOption();
        var folder = new Option<string>("--out", "-o") { Required = true, HelpName = "DIR", Description = "The shard folder as the tasks see it (on shared storage); written as given, not created here." };
        var taskPlan = new Option<string?>("--task-plan") { HelpName = "PATH", Description = "The plan file as the tasks see it (default: the full path of --plan)." };
        var file = new Option<string?>("--file", "-f") { HelpName = "FILE", Description = "Write the job file here (default: standard output)." };
        var image = new Option<string?>("--image") { HelpName = "IMAGE", Description = "A container image with ferrosim in it: required for k8s and aws-batch; for htcondor it selects the container universe." };
        var queue = new Option<string?>("--queue") { HelpName = "QUEUE", Description = "aws-batch: the job queue (required)." };
        var threads = new Option<int>("--threads") { HelpName = "N", Description = "CPUs per task, also the shard's --threads (default 1).", DefaultValueFactory = _ => 1 };
        var memory = new Option<int>("--memory") { HelpName = "MIB", Description = "Memory per task in MiB (default 2048).", DefaultValueFactory = _ => 2048 };
        var throttle = new Option<int>("--throttle") { HelpName = "T", Description = "At most T tasks at once (k8s parallelism, htcondor max_materialize); 0: k8s runs all shards at once (at most 10000), htcondor has no limit." };
        var attempts = new Option<int>("--attempts") { HelpName = "N", Description = "Starts per shard before it counts as failed (default 3).", DefaultValueFactory = _ => 3 };
        var maxArray = new Option<int>("--max-array-size") { HelpName = "N", Description = "aws-batch: the largest array, 2 to 10000 (default 10000); larger plans become several array jobs.", DefaultValueFactory = _ => 10_000 };
        var jobName = new Option<string>("--job-name") { HelpName = "NAME", Description = "The job's name: lower-case letters, digits and '-' (default ferrosim-ensemble).", DefaultValueFactory = _ => "ferrosim-ensemble" };
        var space = new Option<string?>("--namespace") { HelpName = "NAMESPACE", Description = "k8s: the namespace (default: kubectl's)." };
        var volume = new Option<string?>("--volume") { HelpName = "NAME", Description = "Shared storage mounted at --mount: a persistent volume claim (k8s) or an EFS file system id (aws-batch)." };
        var mount = new Option<string>("--mount") { HelpName = "PATH", Description = "Where --volume is mounted in the container (default /data).", DefaultValueFactory = _ => "/data" };
        var shardCommand = new Option<string?>("--shard-command") { HelpName = "COMMAND", Description = "How a task runs ferrosim, e.g. 'ferrosim' (the default, found on the PATH) or 'dotnet /opt/ferrosim/ferrosim.dll'." };
        var command = new Command("emit", "Write the job file that runs every shard of a plan on Kubernetes, AWS Batch or HTCondor (nothing is submitted).")
        {
            target, plan, folder, taskPlan, file, image, queue, threads, memory, throttle, attempts, maxArray, jobName, space, volume, mount, shardCommand,
        };
        command.SetAction(parse => context.Guard(() =>
        {
            string name = parse.GetValue(target)!;
            var kind = Targets[name];
            var (planFile, loaded) = LoadPlan(parse.GetValue(plan)!);
            Load(planFile, loaded);
            if (kind is EmitTarget.Kubernetes or EmitTarget.AwsBatch && string.IsNullOrWhiteSpace(parse.GetValue(image)))
            {
                throw new CliException($"--target {name} needs --image, a container image with ferrosim in it.");
            }

            if (kind == EmitTarget.AwsBatch && string.IsNullOrWhiteSpace(parse.GetValue(queue)))
            {
                throw new CliException("--target aws-batch needs --queue, the AWS Batch job queue.");
            }

            if (kind == EmitTarget.AwsBatch && parse.GetValue(maxArray) is < 2 or > 10_000)
            {
                throw new CliException(string.Create(CultureInfo.InvariantCulture, $"--max-array-size {parse.GetValue(maxArray)}: AWS Batch arrays hold 2 to 10000 jobs."));
            }

            string[] tool = (parse.GetValue(shardCommand) ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var options = new EmitterOptions
            {
                PlanPath = parse.GetValue(taskPlan) ?? planFile,
                ShardFolder = parse.GetValue(folder)!,
                ShardCommand = tool.Length > 0 ? tool : ["ferrosim"],
                Image = parse.GetValue(image),
                Queue = parse.GetValue(queue),
                CpusPerTask = parse.GetValue(threads),
                MemoryMiB = parse.GetValue(memory),
                Throttle = parse.GetValue(throttle),
                MaxAttempts = parse.GetValue(attempts),
                MaxArraySize = parse.GetValue(maxArray),
                JobName = parse.GetValue(jobName)!,
                Namespace = parse.GetValue(space),
                SharedVolume = parse.GetValue(volume),
                MountPath = parse.GetValue(mount)!,
            };
            string text = EnsembleEmitter.Emit(kind, loaded, options);
            if (parse.GetValue(file) is not { } path)
            {
                // Raw text: the console would wrap long lines, which breaks YAML and submit files.
                context.Console.Profile.Out.Writer.Write(text);
                return ExitCodes.Success;
            }

            OutputFiles.WriteText(path, text);
            context.WriteLine(Summary(name, loaded, options));
            context.ReportFiles([path]);
            return ExitCodes.Success;
        }));
        return command;
    }

    private static string Summary(string target, EnsemblePlan plan, EmitterOptions options)
    {
        string head = string.Create(CultureInfo.InvariantCulture, $"{target}: plan {plan.ComputeHash()[..12]}, {plan.ShardCount} shards");
        if (target != "aws-batch")
        {
            return head + (target == "k8s" ? " (one pod per completion index)" : " (queue " + plan.ShardCount.ToString(CultureInfo.InvariantCulture) + ")");
        }

        var arrays = EnsembleEmitter.SplitArrays(plan.ShardCount, options.MaxArraySize);
        return head + string.Create(CultureInfo.InvariantCulture, $" in {arrays.Count} job(s) of {string.Join(" + ", arrays.Select(a => a.Size))}");
    }
}
