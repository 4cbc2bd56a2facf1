using System.CommandLine;
using System.Globalization;
using Ferroptosis.Sim.Analysis;
using Ferroptosis.Sim.Formats.Antimony;
using Ferroptosis.Sim.Pathway;

namespace Ferroptosis.Sim.Cli;

/// <summary>The <c>ensemble plan</c> subcommand: writes a plan and puts its model file beside it.</summary>
internal static partial class EnsembleCommand
{
    private static Command CreatePlan(CliContext context)
    {
        var model = new Argument<string>("MODEL") { Description = "A model file (.ant/.txt Antimony, .xml/.sbml SBML), or 'ferroptosis' for the built-in model v2 as written in its Antimony file." };
        var output = new Option<string>("--out", "-o") { Required = true, HelpName = "PLAN.json", Description = "The plan file to write; the model file is copied beside it." };
        var runs = new Option<long?>("--runs", "-n") { HelpName = "N", Description = "Number of runs (population; for a grid it is the number of grid points)." };
        var perShard = new Option<int>("--runs-per-shard") { HelpName = "N", Description = "Runs per shard (default 1000).", DefaultValueFactory = _ => 1000 };
        var seed = new Option<ulong>("--seed") { HelpName = "S", Description = "Seed of the counter-based random stream (default 1).", DefaultValueFactory = _ => 1 };
        var vary = new Option<string[]>("--vary") { HelpName = "[fold:|initial:]ID=DIST", Description = "An input drawn per run: ID=lognormal(0.5,0.3) sets parameter ID, fold:ID=... multiplies it, initial:ID=... sets an initial value. DIST: uniform(a,b), loguniform(a,b), normal(m,sd), lognormal(median,sigma), lognormal-mean(mean,cv), fixed(x)." };
        var grid = new Option<string[]>("--grid") { HelpName = "[fold:|initial:]ID=RANGE", Description = "A grid axis (instead of --vary): ID=0.1:10:log5, ID=1:5:5 or ID=1,2,5; the last axis varies fastest." };
        var sobol = new Option<long?>("--sobol") { HelpName = "N", Description = "A Saltelli design for Sobol indices over the --vary inputs, N base samples: N·(k + 2) runs (k inputs); runs per shard are rounded down to a multiple of k + 2." };
        var morris = new Option<int?>("--morris") { HelpName = "R", Description = "A Morris design over the --vary inputs (bounded: uniform or loguniform), R trajectories: R·(k + 1) runs; runs per shard are rounded down to a multiple of k + 1." };
        var levels = new Option<int>("--levels") { HelpName = "P", Description = "Morris grid levels (even, default 4).", DefaultValueFactory = _ => 4 };
        var readouts = new Option<string[]>("--readout", "-r") { Required = true, HelpName = "READOUT", Description = "A read-out per run: NAME@T, NAME:max, NAME:min, NAME<L or NAME>L (first time below/above L); repeat for several." };
        var set = new Option<string[]>("--set") { HelpName = "ID=VALUE", Description = "A parameter value every run starts from (repeat for several)." };
        var tStart = new Option<double>("--t-start") { HelpName = "T", Description = "Start time in the model's time unit (default 0)." };
        var tEnd = new Option<double>("--t-end", "-t") { Required = true, HelpName = "T", Description = "End time in the model's time unit." };
        var solver = new Option<string>("--solver") { HelpName = "NAME", Description = "Solver (default Rodas5P).", DefaultValueFactory = _ => "Rodas5P" };
        var rtol = new Option<double>("--rtol") { HelpName = "R", Description = "Relative tolerance (default 1e-6).", DefaultValueFactory = _ => 1e-6 };
        var atol = new Option<double>("--atol") { HelpName = "A", Description = "Absolute tolerance (default 1e-10).", DefaultValueFactory = _ => 1e-10 };
        var maxSteps = new Option<long>("--max-steps") { HelpName = "N", Description = "Solver steps per run before it counts as failed (default 100000).", DefaultValueFactory = _ => 100_000 };
        var precision = new Option<string>("--precision") { HelpName = "float32|float64", Description = "Stored precision of read-outs (default float32).", DefaultValueFactory = _ => "float32" };
        precision.AcceptOnlyFromAmong("float32", "float64");
        var command = new Command("plan", "Write an ensemble plan (versioned JSON) with its model file beside it.") { model, output, runs, perShard, seed, vary, grid, sobol, morris, levels, readouts, set, tStart, tEnd, solver, rtol, atol, maxSteps, precision };
        command.SetAction(parse => context.Guard(() =>
        {
            string planPath = Path.GetFullPath(parse.GetValue(output)!);
            string folder = Path.GetDirectoryName(planPath)!;
            string[] varied = parse.GetValue(vary) ?? [], axes = parse.GetValue(grid) ?? [];
            if (varied.Length > 0 && axes.Length > 0)
            {
                throw new CliException("Give --vary (a population) or --grid (a grid), not both.");
            }

            long? baseSamples = parse.GetValue(sobol);
            if (baseSamples is not null && (axes.Length > 0 || varied.Length == 0 || parse.GetValue(runs) is not null || baseSamples < 2))
            {
                throw new CliException("--sobol N (N ≥ 2 base samples) goes with --vary inputs, without --grid or --runs.");
            }

            int? trajectories = parse.GetValue(morris);
            if (trajectories is not null && (axes.Length > 0 || varied.Length == 0 || parse.GetValue(runs) is not null || baseSamples is not null || trajectories < 2))
            {
                throw new CliException("--morris R (R ≥ 2 trajectories) goes with --vary inputs, without --grid, --sobol or --runs.");
            }

            var inputs = axes.Length > 0 ? axes.Select(a => Input(a, "--grid", isGrid: true)).ToList() : varied.Select(v => Input(v, "--vary", isGrid: false)).ToList();
            string kind = axes.Length > 0 ? EnsembleSampleSource.Grid
                : baseSamples is not null ? EnsembleSampleSource.Saltelli
                : trajectories is not null ? EnsembleSampleSource.Morris
                : EnsembleSampleSource.Population;
            var samples = new EnsembleSampleSource { Kind = kind, Inputs = inputs, Levels = trajectories is null ? null : parse.GetValue(levels) };
            int block = inputs.Count + (trajectories is null ? 2 : 1);
            long count = (baseSamples ?? trajectories) * block ?? parse.GetValue(runs) ?? samples.GridPoints() ?? throw new CliException("--runs is required for a population plan.");
            int runsPerShard = baseSamples is null && trajectories is null ? parse.GetValue(perShard) : Math.Max(block, parse.GetValue(perShard) / block * block);
            if (samples.GridPoints() is { } points && count != points)
            {
                throw new CliException(string.Create(CultureInfo.InvariantCulture, $"--runs {count} differs from the grid's {points} points; leave --runs out for a grid."));
            }

            Directory.CreateDirectory(folder);
            string modelName = PlaceModel(parse.GetValue(model)!, folder, context.Error);
            var plan = new EnsemblePlan
            {
                ModelFile = modelName,
                ModelSha256 = EnsemblePlan.HashFile(Path.Combine(folder, modelName)),
                Protocol = new EnsembleProtocol
                {
                    StartTime = parse.GetValue(tStart),
                    EndTime = parse.GetValue(tEnd),
                    Solver = parse.GetValue(solver)!,
                    RelativeTolerance = parse.GetValue(rtol),
                    AbsoluteTolerance = parse.GetValue(atol),
                    MaxSteps = parse.GetValue(maxSteps),
                    Parameters = Settings(parse.GetValue(set) ?? []),
                    Readouts = parse.GetValue(readouts) ?? [],
                },
                Samples = samples,
                Runs = count,
                RunsPerShard = runsPerShard,
                Seed = parse.GetValue(seed),
                Precision = parse.GetValue(precision)!,
            };
            try
            {
                plan.Validate();
                EnsembleWorkload.Load(plan, folder);
            }
            catch (FormatException ex)
            {
                throw new CliException(ex.Message, ex);
            }

            OutputFiles.WriteText(planPath, plan.ToJson());
            context.WriteLine(string.Create(CultureInfo.InvariantCulture, $"plan {plan.ComputeHash()[..12]}: {plan.Runs} runs ({samples.Kind}, {inputs.Count} inputs, {plan.Protocol.Readouts.Count} read-outs) in {plan.ShardCount} shards of {plan.RunsPerShard}"));
            context.ReportFiles([planPath, Path.Combine(folder, modelName)]);
            return ExitCodes.Success;
        }));
        return command;
    }

    /// <summary>Copies the model file beside the plan (or writes the built-in model's Antimony text there) and returns its file name.</summary>
    private static string PlaceModel(string model, string folder, TextWriter warnings)
    {
        if (string.Equals(model, ModelFile.BuiltInName, StringComparison.OrdinalIgnoreCase))
        {
            var version = FerroptosisModel.Default;
            string name = $"ferroptosis-v{version.Version}.ant";
            string text = AntimonyWriter.Write(version.Network);
            string target = Path.Combine(folder, name);
            if (!File.Exists(target) || File.ReadAllText(target) != text)
            {
                OutputFiles.WriteText(target, text);
            }

            return name;
        }

        if (!File.Exists(model))
        {
            throw new CliException($"{model}: no such model file.");
        }

        ModelFile.Read(model, warnings);
        string fileName = Path.GetFileName(model);
        string destination = Path.Combine(folder, fileName);
        if (!string.Equals(Path.GetFullPath(model), destination, StringComparison.Ordinal))
        {
            if (File.Exists(destination) && !File.ReadAllBytes(destination).AsSpan().SequenceEqual(File.ReadAllBytes(model)))
            {
                throw new CliException($"{destination} exists and differs from {model}; remove it or write the plan elsewhere.");
            }

            File.Copy(model, destination, overwrite: true);
        }

        return fileName;
    }

    private static EnsembleInput Input(string text, string option, bool isGrid)
    {
        int equals = text.IndexOf('=', StringComparison.Ordinal);
        if (equals <= 0)
        {
            throw new CliException($"{option} '{text}': write {(isGrid ? "ID=RANGE, e.g. k1=0.1:10:log5" : "ID=DIST, e.g. k1=lognormal(0.5,0.3)")}.");
        }

        string target = EnsembleInput.ParameterTarget, id = text[..equals].Trim(), value = text[(equals + 1)..].Trim();
        int colon = id.IndexOf(':', StringComparison.Ordinal);
        if (colon > 0)
        {
            target = id[..colon].ToLowerInvariant() switch
            {
                "fold" => EnsembleInput.FoldTarget,
                "initial" => EnsembleInput.InitialTarget,
                "parameter" => EnsembleInput.ParameterTarget,
                var other => throw new CliException($"{option} '{text}': unknown target '{other}'; use fold:ID, initial:ID or ID (a parameter)."),
            };
            id = id[(colon + 1)..];
        }

        try
        {
            if (isGrid)
            {
                return new EnsembleInput { Target = target, Id = id, Values = ScanRange.Parse(value) };
            }

            EnsembleInput.ParseDistribution(value);
            return new EnsembleInput { Target = target, Id = id, Distribution = value };
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException)
        {
            throw new CliException($"{option} '{text}': {ex.Message}", ex);
        }
    }

    private static Dictionary<string, double>? Settings(string[] values)
    {
        if (values.Length == 0)
        {
            return null;
        }

        var result = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (string text in values)
        {
            int equals = text.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0 || !double.TryParse(text[(equals + 1)..], NumberStyles.Float, CultureInfo.InvariantCulture, out double value))
            {
                throw new CliException($"--set '{text}': write ID=VALUE with a plain number, e.g. k2=0.3.");
            }

            result[text[..equals].Trim()] = value;
        }

        return result;
    }
}
