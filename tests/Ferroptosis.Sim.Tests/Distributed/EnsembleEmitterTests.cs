using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Ferroptosis.Sim.Analysis;
using Ferroptosis.Sim.Distributed;
using Ferroptosis.Sim.Tests.Cli;

namespace Ferroptosis.Sim.Tests.Distributed;

/// <summary>The Kubernetes, AWS Batch and HTCondor emitters: the files equal the reviewed ones in tests/data/ensemble-emit, parse as what they claim to be, give every shard index exactly once, and hand a task a command line that, run, writes the shard's in-process bytes.</summary>
public sealed class EnsembleEmitterTests : Plotting.TempFolderTests
{
    private static readonly string Tool = Path.Combine(AppContext.BaseDirectory, "ferrosim.dll");

    /// <summary>The plan of the golden files: the decay model, 350 runs in 7 shards of 50.</summary>
    private EnsemblePlan GoldenPlan() => EnsembleTestKit.DecayPlan(Path.Combine(Folder, "plan"), runs: 350, runsPerShard: 50);

    internal static EmitterOptions GoldenOptions(EmitTarget target) => target switch
    {
        EmitTarget.Kubernetes => new EmitterOptions
        {
            PlanPath = "/data/ensembles/pop/plan.json",
            ShardFolder = "/data/ensembles/pop/shards",
            Image = "registry.example.org/ferrosim:1.0",
            Namespace = "science",
            SharedVolume = "ensemble-data",
            CpusPerTask = 2,
            MemoryMiB = 1024,
            Throttle = 4,
        },
        EmitTarget.AwsBatch => new EmitterOptions
        {
            PlanPath = "/data/ensembles/pop/plan.json",
            ShardFolder = "/data/ensembles/pop/shards",
            Image = "registry.example.org/ferrosim:1.0",
            Queue = "ferrosim-spot",
            SharedVolume = "fs-0123456789abcdef0",
            MaxArraySize = 3,
        },
        _ => new EmitterOptions
        {
            PlanPath = "/shared/ensembles/my pop/plan.json",
            ShardFolder = "/shared/ensembles/my pop/shards",
            ShardCommand = ["/opt/ferrosim/ferrosim"],
            CpusPerTask = 2,
            MemoryMiB = 1024,
            Throttle = 4,
        },
    };

    [TestCase(EmitTarget.Kubernetes, "k8s.yaml")]
    [TestCase(EmitTarget.AwsBatch, "aws-batch.json")]
    [TestCase(EmitTarget.HTCondor, "htcondor.sub")]
    public void Output_EqualsTheGoldenFile(EmitTarget target, string file)
    {
        string text = EnsembleEmitter.Emit(target, GoldenPlan(), GoldenOptions(target));

        Assert.That(text, Is.EqualTo(File.ReadAllText(Path.Combine(DataFolder(), file))), $"tests/data/ensemble-emit/{file}");
    }

    [Test]
    public void Kubernetes_IsAnIndexedJob_WhosePodsRunTheShardOfTheirCompletionIndex()
    {
        var plan = GoldenPlan();
        using var job = YamlAsJson(EnsembleEmitter.Emit(EmitTarget.Kubernetes, plan, GoldenOptions(EmitTarget.Kubernetes)));
        var spec = job.RootElement.GetProperty("spec");
        var container = spec.GetProperty("template").GetProperty("spec").GetProperty("containers")[0];
        string[] args = [.. container.GetProperty("args").EnumerateArray().Select(a => a.GetString()!)];

        Assert.Multiple(() =>
        {
            Assert.That(job.RootElement.GetProperty("apiVersion").GetString(), Is.EqualTo("batch/v1"));
            Assert.That(job.RootElement.GetProperty("kind").GetString(), Is.EqualTo("Job"));
            Assert.That(spec.GetProperty("completionMode").GetString(), Is.EqualTo("Indexed"));
            Assert.That(spec.GetProperty("completions").GetInt32(), Is.EqualTo(plan.ShardCount));
            Assert.That(spec.GetProperty("parallelism").GetInt32(), Is.EqualTo(4), "--throttle");
            Assert.That(spec.GetProperty("backoffLimitPerIndex").GetInt32(), Is.EqualTo(2), "3 attempts per shard");
            Assert.That(spec.GetProperty("template").GetProperty("spec").GetProperty("restartPolicy").GetString(), Is.EqualTo("Never"));
            Assert.That(container.GetProperty("command").EnumerateArray().Select(a => a.GetString()), Is.EqualTo(new[] { "ferrosim" }));
            Assert.That(args, Is.EqualTo(new[] { "ensemble", "shard", "--plan", "/data/ensembles/pop/plan.json", "--index", "$(JOB_COMPLETION_INDEX)", "--out", "/data/ensembles/pop/shards", "--threads", "2" }));
            Assert.That(container.GetProperty("resources").GetProperty("requests").GetProperty("cpu").GetString(), Is.EqualTo("2"), "a string, not a number");
            Assert.That(container.GetProperty("volumeMounts")[0].GetProperty("mountPath").GetString(), Is.EqualTo("/data"));
        });
    }

    [Test]
    public void AwsBatch_SplitsIntoArraysOfAtMostTheLimit_EveryShardOnce_ARemainderOfOneIsASingleJob()
    {
        var plan = GoldenPlan();
        using var document = JsonDocument.Parse(EnsembleEmitter.Emit(EmitTarget.AwsBatch, plan, GoldenOptions(EmitTarget.AwsBatch)));
        var root = document.RootElement;
        var covered = new List<int>();
        var sizes = new List<int>();
        foreach (var job in root.GetProperty("jobs").EnumerateArray())
        {
            int size = job.TryGetProperty("arrayProperties", out var array) ? array.GetProperty("size").GetInt32() : 1;
            var variable = job.GetProperty("containerOverrides").GetProperty("environment").EnumerateArray().Single(e => e.GetProperty("name").GetString() == EnsembleEmitter.OffsetVariable);
            int offset = int.Parse(variable.GetProperty("value").GetString()!, CultureInfo.InvariantCulture);
            Assert.That(job.GetProperty("jobDefinition").GetString(), Is.EqualTo(root.GetProperty("jobDefinition").GetProperty("jobDefinitionName").GetString()));
            sizes.Add(size);
            covered.AddRange(Enumerable.Range(offset, size));
        }

        Assert.Multiple(() =>
        {
            Assert.That(sizes, Is.EqualTo(new[] { 3, 3, 1 }), "7 shards, arrays of at most 3");
            Assert.That(covered, Is.EqualTo(Enumerable.Range(0, plan.ShardCount)), "every shard index exactly once, in order");
            Assert.That(root.GetProperty("jobDefinition").GetProperty("containerProperties").GetProperty("command")[2].GetString(), Does.Contain("AWS_BATCH_JOB_ARRAY_INDEX"));
            Assert.That(root.GetProperty("jobDefinition").GetProperty("retryStrategy").GetProperty("attempts").GetInt32(), Is.EqualTo(3));
        });
    }

    [Test]
    public void AwsBatch_AtTheRealLimit_10001ShardsAreAnArrayOf10000AndOneJob()
    {
        var plan = EnsembleTestKit.DecayPlan(Path.Combine(Folder, "plan"), runs: 10_001, runsPerShard: 1);
        using var document = JsonDocument.Parse(EnsembleEmitter.Emit(EmitTarget.AwsBatch, plan, GoldenOptions(EmitTarget.AwsBatch) with { MaxArraySize = 10_000 }));
        var jobs = document.RootElement.GetProperty("jobs").EnumerateArray().ToArray();

        Assert.Multiple(() =>
        {
            Assert.That(EnsembleEmitter.SplitArrays(20_001, 10_000), Is.EqualTo(new[] { (0, 10_000), (10_000, 10_000), (20_000, 1) }));
            Assert.That(jobs, Has.Length.EqualTo(2));
            Assert.That(jobs[0].GetProperty("arrayProperties").GetProperty("size").GetInt32(), Is.EqualTo(10_000));
            Assert.That(jobs[1].TryGetProperty("arrayProperties", out _), Is.False, "AWS Batch arrays hold at least 2 jobs");
            Assert.That(jobs[1].GetProperty("containerOverrides").GetProperty("environment")[0].GetProperty("value").GetString(), Is.EqualTo("10000"));
        });
    }

    [Test]
    public void HTCondor_QueuesOneJobPerShard_WithTheProcessNumberAsIndex()
    {
        var plan = GoldenPlan();
        var submit = SubmitFile(EnsembleEmitter.Emit(EmitTarget.HTCondor, plan, GoldenOptions(EmitTarget.HTCondor)));

        Assert.Multiple(() =>
        {
            Assert.That(submit["queue"], Is.EqualTo(plan.ShardCount.ToString(CultureInfo.InvariantCulture)));
            Assert.That(submit["executable"], Is.EqualTo("/opt/ferrosim/ferrosim"));
            Assert.That(CondorArguments(submit["arguments"]), Is.EqualTo(new[] { "ensemble", "shard", "--plan", "/shared/ensembles/my pop/plan.json", "--index", "$(Process)", "--out", "/shared/ensembles/my pop/shards", "--threads", "2" }));
            Assert.That(submit["request_cpus"], Is.EqualTo("2"));
            Assert.That(submit["max_materialize"], Is.EqualTo("4"));
        });
    }

    [Test]
    public async Task EveryTargetsCommandLine_RunAsTheSchedulerWould_WritesTheInProcessShardBytes()
    {
        if (OperatingSystem.IsWindows())
        {
            Assert.Ignore("The AWS Batch command runs through a POSIX shell.");
        }

        string planFolder = Path.Combine(Folder, "my plan");
        var plan = EnsembleTestKit.DecayPlan(planFolder, runs: 350, runsPerShard: 50);
        string planPath = EnsembleTestKit.Save(plan, planFolder);
        var reference = new ShardFolder(Path.Combine(Folder, "reference"));
        var workload = EnsembleWorkload.Load(plan, planFolder);
        var emitted = new ShardFolder(Path.Combine(Folder, "emitted shards"));
        Directory.CreateDirectory(emitted.Path);
        var options = new EmitterOptions { PlanPath = planPath, ShardFolder = emitted.Path, Image = "unused", Queue = "unused", MaxArraySize = 3 };

        // Kubernetes: the API server expands $(JOB_COMPLETION_INDEX) in args from the variable the Job controller sets (pod 1).
        using var job = YamlAsJson(EnsembleEmitter.Emit(EmitTarget.Kubernetes, plan, options));
        string[] k8s = [.. job.RootElement.GetProperty("spec").GetProperty("template").GetProperty("spec").GetProperty("containers")[0].GetProperty("args").EnumerateArray()
            .Select(a => a.GetString()!.Replace("$(JOB_COMPLETION_INDEX)", "1", StringComparison.Ordinal))];
        var run = CliTestKit.Run(k8s);
        Assert.That(run.ExitCode, Is.Zero, run.ToString());

        // HTCondor: $(Process) is the job's number in the cluster (job 2).
        var submit = SubmitFile(EnsembleEmitter.Emit(EmitTarget.HTCondor, plan, options));
        string[] condor = [.. CondorArguments(submit["arguments"]).Skip(1).Select(a => a.Replace("$(Process)", "2", StringComparison.Ordinal))];
        Assert.That(submit["executable"], Is.EqualTo("/usr/bin/env"), "ferrosim is found on the PATH");
        run = CliTestKit.Run(condor);
        Assert.That(run.ExitCode, Is.Zero, run.ToString());

        // AWS Batch: the second array (offset 3), child 1, through a real shell and a real ferrosim process: shard 4.
        using var document = JsonDocument.Parse(EnsembleEmitter.Emit(EmitTarget.AwsBatch, plan, options with { ShardCommand = ["dotnet", Tool] }));
        var command = document.RootElement.GetProperty("jobDefinition").GetProperty("containerProperties").GetProperty("command").EnumerateArray().Select(c => c.GetString()!).ToArray();
        var shell = new ProcessStartInfo(command[0]) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string part in command.Skip(1))
        {
            shell.ArgumentList.Add(part);
        }

        shell.Environment["AWS_BATCH_JOB_ARRAY_INDEX"] = "1";
        shell.Environment[EnsembleEmitter.OffsetVariable] = document.RootElement.GetProperty("jobs")[1].GetProperty("containerOverrides").GetProperty("environment")[0].GetProperty("value").GetString();
        using (var process = Process.Start(shell)!)
        {
            var output = process.StandardOutput.ReadToEndAsync();
            string error = await process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            Assert.That(process.ExitCode, Is.Zero, $"{string.Join(' ', command)}\n{await output}\n{error}");
        }

        Assert.Multiple(async () =>
        {
            Assert.That(Directory.GetFiles(emitted.Path, "*.partial.json").Select(Path.GetFileName), Is.EquivalentTo(new[] { "shard-000001.partial.json", "shard-000002.partial.json", "shard-000004.partial.json" }));
            foreach (int shard in new[] { 1, 2, 4 })
            {
                await EnsembleShards.RunShardAsync(workload, shard, reference);
                Assert.That(File.ReadAllBytes(emitted.ParquetPath(shard)), Is.EqualTo(File.ReadAllBytes(reference.ParquetPath(shard))), $"shard {shard} parquet");
                Assert.That(File.ReadAllBytes(emitted.PartialPath(shard)), Is.EqualTo(File.ReadAllBytes(reference.PartialPath(shard))), $"shard {shard} partial");
            }
        });
    }

    [Test]
    public void OptionsThatDoNotSuitTheTarget_AreRefusedWithTheOptionNamed()
    {
        var plan = GoldenPlan();
        var aws = GoldenOptions(EmitTarget.AwsBatch);

        Assert.Multiple(() =>
        {
            Assert.That(() => EnsembleEmitter.Emit(EmitTarget.AwsBatch, plan, aws with { Queue = null }), Throws.ArgumentException.With.Message.Contains("Queue"));
            Assert.That(() => EnsembleEmitter.Emit(EmitTarget.AwsBatch, plan, aws with { MaxArraySize = 10_001 }), Throws.ArgumentException.With.Message.Contains("2 to 10000"));
            Assert.That(() => EnsembleEmitter.Emit(EmitTarget.Kubernetes, plan, aws with { Image = null }), Throws.ArgumentException.With.Message.Contains("Image"));
            Assert.That(() => EnsembleEmitter.Emit(EmitTarget.Kubernetes, plan, aws with { JobName = "Ferrosim_Run" }), Throws.ArgumentException.With.Message.Contains("JobName"));
            Assert.That(() => EnsembleEmitter.Emit(EmitTarget.HTCondor, plan, aws with { PlanPath = "/a/$(x)/plan.json" }), Throws.ArgumentException.With.Message.Contains("macro"));
            Assert.That(() => EnsembleEmitter.Emit(EmitTarget.HTCondor, plan, aws with { ShardFolder = "/a\nqueue 1" }), Throws.ArgumentException.With.Message.Contains("control characters"));
        });
    }

    /// <summary>tests/data/ensemble-emit, found above the test binaries.</summary>
    internal static string DataFolder()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            string candidate = Path.Combine(directory.FullName, "tests", "data", "ensemble-emit");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("tests/data/ensemble-emit was not found above the test binaries.");
    }

    /// <summary>Parses YAML with an independent parser (PyYAML's safe loader) and returns it as JSON.</summary>
    private static JsonDocument YamlAsJson(string yaml)
    {
        // Debian's python3-yaml installs into the system interpreter, which may not be the first python3 on PATH.
        foreach (string python in new[] { "/usr/bin/python3", "python3" })
        {
            var start = new ProcessStartInfo(python) { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
            start.ArgumentList.Add("-c");
            start.ArgumentList.Add("import json, sys, yaml; json.dump(yaml.safe_load(sys.stdin), sys.stdout)");
            Process process;
            try
            {
                process = Process.Start(start)!;
            }
            catch (System.ComponentModel.Win32Exception)
            {
                continue;
            }

            using (process)
            {
                process.StandardInput.Write(yaml);
                process.StandardInput.Close();
                var output = process.StandardOutput.ReadToEndAsync();
                string error = process.StandardError.ReadToEnd();
                process.WaitForExit();
                if (process.ExitCode != 0 && error.Contains("No module named 'yaml'", StringComparison.Ordinal))
                {
                    continue;
                }

                Assert.That(process.ExitCode, Is.Zero, $"PyYAML cannot read the Job:\n{error}");
                return JsonDocument.Parse(output.Result);
            }
        }

        return Unavailable("python3 with PyYAML (python3-yaml) is not installed");
    }

    private static JsonDocument Unavailable(string problem)
    {
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Fail(problem + "; CI must install it (.ci/run installs python3-yaml).");
        }

        Assert.Ignore(problem + ": the YAML is checked by PyYAML.");
        return null!;
    }

    /// <summary>Reads a submit file's <c>key = value</c> lines (comments skipped) and its <c>queue N</c> line as key "queue".</summary>
    private static Dictionary<string, string> SubmitFile(string text)
    {
        var entries = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => !l.StartsWith('#')))
        {
            int equals = line.IndexOf('=', StringComparison.Ordinal);
            var (key, value) = line.StartsWith("queue ", StringComparison.Ordinal) ? ("queue", line[6..]) : (line[..equals].Trim(), line[(equals + 1)..].Trim());
            Assert.That(entries.TryAdd(key, value), Is.True, $"'{key}' is set twice");
        }

        return entries;
    }

    /// <summary>Splits HTCondor's quoted argument syntax: the list in double quotes, arguments apart by spaces, single quotes group, a doubled quote is one.</summary>
    private static List<string> CondorArguments(string value)
    {
        Assert.That(value, Does.StartWith("\"").And.EndWith("\""), "the new (quoted) argument syntax");
        string body = value[1..^1].Replace("\"\"", "\"", StringComparison.Ordinal);
        var arguments = new List<string>();
        var current = new System.Text.StringBuilder();
        bool quoted = false, any = false;
        for (int i = 0; i < body.Length; i++)
        {
            char c = body[i];
            if (c == '\'' && quoted && i + 1 < body.Length && body[i + 1] == '\'')
            {
                current.Append('\'');
                i++;
            }
            else if (c == '\'')
            {
                quoted = !quoted;
                any = true;
            }
            else if (c == ' ' && !quoted)
            {
                if (any || current.Length > 0)
                {
                    arguments.Add(current.ToString());
                }

                current.Clear();
                any = false;
            }
            else
            {
                current.Append(c);
            }
        }

        if (any || current.Length > 0)
        {
            arguments.Add(current.ToString());
        }

        return arguments;
    }
}
