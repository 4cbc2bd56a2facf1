using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Ferroptosis.Sim.Analysis;
using Ferroptosis.Sim.Modeling.Spatial;
using Ferroptosis.Sim.Ode;
using Ferroptosis.Sim.Pathway;

namespace Ferroptosis.Sim.Cli;

/// <summary>The <c>wave</c> command: a ferroptotic trigger-wave simulation of a sheet of bone cells described by a JSON file; writes the front position and the fraction dead over time as CSV and prints the front speed.</summary>
/// <remarks>
/// The tissue is <see cref="TriggerWaveModel"/> on a rows × columns lattice, pre-treated with erastin (and any other
/// drugs of the file) for <c>primingHours</c>, then seeded by the cells within <c>seedRadius</c> µm of the corner cell
/// (lipid peroxidation set to 60) and integrated with BDF and the sparse LU. The front is measured along the first
/// row.
/// </remarks>
internal static class WaveCommand
{
    private static readonly string[] Keys = ["rows", "columns", "spacing", "hours", "erastin", "primingHours", "seedRadius", "cellType", "drugs", "outputEvery", "variation"];

    /// <summary>Creates the command.</summary>
    /// <param name="context">Where to write.</param>
    /// <returns>The command.</returns>
    public static Command Create(CliContext context)
    {
        var file = new Argument<string>("FILE") { Description = "JSON file describing the tissue and the run (docs/cli.md, wave)." };
        var output = CommonOptions.Out();
        var command = new Command("wave", "Ferroptotic trigger wave in a sheet of bone cells described by a JSON file; front position and fraction dead as CSV.")
        {
            file, output,
        };
        command.SetAction((parse, cancellationToken) => context.GuardAsync(() => Run(context, parse.GetValue(file)!, parse.GetValue(output)!, cancellationToken)));
        return command;
    }

    private static int Run(CliContext context, string path, string outFolder, CancellationToken cancellationToken)
    {
        var spec = Read(path);
        var folder = OutputFolder.Prepare(context, outFolder);
        var topology = CellTopology.Lattice(spec.Rows, spec.Columns, spec.Spacing);
        var tissue = TriggerWaveModel.CreateTissue(topology, spec.CellType);
        TriggerWaveModel.SetEverywhere(tissue, "erastin", spec.Erastin);
        foreach (var (id, dose) in spec.Drugs)
        {
            TriggerWaveModel.SetEverywhere(tissue, id, dose);
        }

        if (spec.Variation is { } variation)
        {
            TissueVariation.Apply(tissue, [.. variation.Constants.Select(id => new CellVariation(new ParameterFoldChangeInput(id), InputDistribution.LogNormalFromMean(1, variation.Cv)))], variation.Seed);
        }

        var y = TriggerWaveModel.PrimedState(tissue, spec.Erastin, TimeSpan.FromHours(spec.PrimingHours), spec.CellType);
        if (spec.Variation is { } varied)
        {
            int deadAfterPriming = Enumerable.Range(0, tissue.CellCount).Count(cell => y[tissue.IndexOf(cell, "S")] < 0.5);
            context.WriteLine(string.Create(CultureInfo.InvariantCulture, $"cells varied: {varied.Constants.Count} constants, lognormal with mean 1 and CV {varied.Cv}, seed {varied.Seed}; {deadAfterPriming} of {tissue.CellCount} cells dead after the priming{(deadAfterPriming > 0 ? " (each starts waves of its own, so the front position and speed below do not describe one front; read the fraction dead)" : "")}"));
        }

        int seeded = 0;
        for (int cell = 0; cell < tissue.CellCount; cell++)
        {
            if (double.Hypot(topology.X[cell], topology.Y[cell]) <= spec.SeedRadius)
            {
                y[tissue.IndexOf(cell, "LPO")] = 60;
                seeded++;
            }
        }

        int points = (int)Math.Ceiling(spec.Hours / spec.OutputEvery);
        double[] times = [.. Enumerable.Range(0, points + 1).Select(k => Math.Min(k * spec.OutputEvery, spec.Hours))];
        var options = new OdeSolverOptions { RelativeTolerance = 1e-6, AbsoluteTolerance = 1e-8, LinearSolver = LinearSolverChoice.Sparse };
        var watch = Stopwatch.StartNew();
        var result = tissue.Simulate(y, times, options: options, cancellationToken: cancellationToken);
        watch.Stop();
        if (!result.IsSuccess)
        {
            throw new CliException($"The tissue simulation failed: {result.Solution.Message}", ExitCodes.SimulationFailed);
        }

        var front = TravellingFront.Measure(result, "LPO", 10, [.. Enumerable.Range(0, spec.Columns)], fitFrom: Math.Min(1, spec.Hours / 4));
        var dead = result.FractionBelow("S", 0.5);
        var c = CultureInfo.InvariantCulture;
        context.WriteLine(string.Create(c, $"{spec.Rows} x {spec.Columns} {(spec.CellType ?? BoneCell.Osteoblast).Name}s {spec.Spacing} µm apart ({tissue.Dimension} states), erastin {spec.Erastin} µM for {spec.PrimingHours} h, {seeded} cells seeded, {spec.Hours} h in {watch.Elapsed.TotalSeconds:F1} s"));
        double reached = front.Positions.Where(p => !double.IsNaN(p)).DefaultIfEmpty(0).Max();
        context.WriteLine(string.Create(c, $"front along the first row: reached {reached:F0} µm, speed {front.Speed / 60:F2} µm/min ({front.FittedPoints} points); fraction dead at the end {dead[^1]:P1}"));

        string csv = Path.Combine(outFolder, "wave.csv");
        OutputFiles.Write(
            csv,
            writer =>
            {
                // As the other commands' CSV files: the model that produced the numbers, as a comment line.
                writer.WriteLine($"# Ferroptosis.Sim {FerroptosisModel.Version2} (files {FerroptosisModel.Version2.Fingerprint}) with its tissue extension {TriggerWaveModel.ExtensionFile}");
                writer.WriteLine("time_h,front_um,fraction_dead");
                for (int p = 0; p < result.Count; p++)
                {
                    writer.WriteLine(string.Create(c, $"{result.Times[p]:R},{front.Positions[p]:R},{dead[p]:R}"));
                }
            },
            cancellationToken);
        string[] written = [csv];
        context.ReportFiles([.. written, folder.Complete(written, cancellationToken)]);
        return ExitCodes.Success;
    }

    private static Spec Read(string path)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(File.ReadAllText(path));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException)
        {
            throw new CliException($"Cannot read the tissue file '{path}': {ex.Message}");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new CliException($"The tissue file '{path}' must hold one JSON object.");
            }

            foreach (var property in root.EnumerateObject().Where(p => !Keys.Contains(p.Name, StringComparer.Ordinal)))
            {
                throw new CliException($"Unknown key '{property.Name}' in '{path}'. Keys: {string.Join(", ", Keys)}.");
            }

            var drugs = new List<(string, double)>();
            if (root.TryGetProperty("drugs", out var drugElement))
            {
                foreach (var drug in drugElement.ValueKind == JsonValueKind.Object ? drugElement.EnumerateObject() : throw new CliException("'drugs' must be an object of parameter ids and doses in µM, e.g. { \"fer1\": 1 }."))
                {
                    if (TriggerWaveModel.Compiled.IndexOfParameter(drug.Name) < 0 || drug.Value.ValueKind != JsonValueKind.Number || !(drug.Value.GetDouble() >= 0))
                    {
                        throw new CliException($"Drug '{drug.Name}' must be an input of the model (e.g. fer1, dfo, rsl3, lip1) with a non-negative dose in µM.");
                    }

                    drugs.Add((drug.Name, drug.Value.GetDouble()));
                }
            }

            BoneCell? cellType = null;
            if (root.TryGetProperty("cellType", out var cellElement))
            {
                try
                {
                    cellType = BoneCell.FromName(cellElement.ValueKind == JsonValueKind.String ? cellElement.GetString()! : throw new CliException("'cellType' must be a name, e.g. \"osteocyte\"."));
                }
                catch (ArgumentException ex)
                {
                    throw CliException.From(ex, "cellType: ");
                }
            }

            var variation = root.TryGetProperty("variation", out var variationElement) ? ReadVariation(variationElement) : null;
            var spec = new Spec(
                (int)Number(root, "rows", 1, 1, 1024),
                (int)Number(root, "columns", 200, 2, 1024),
                Number(root, "spacing", TriggerWaveModel.CellSpacing, 1, 1000),
                Number(root, "hours", 8, 0.1, 240),
                Number(root, "erastin", 1, 0, 1000),
                Number(root, "primingHours", 24, 0, 240),
                Number(root, "seedRadius", 400, 0, 1e6),
                cellType,
                drugs,
                Number(root, "outputEvery", 1, 0.01, 24),
                variation);
            return (long)spec.Rows * spec.Columns > 65_536
                ? throw new CliException($"{spec.Rows} x {spec.Columns} cells is more than this command runs (65 536); use the library (TriggerWaveModel) for larger sheets.", ExitCodes.TooLarge)
                : spec;
        }
    }

    private static double Number(JsonElement root, string key, double fallback, double minimum, double maximum)
    {
        if (!root.TryGetProperty(key, out var element))
        {
            return fallback;
        }

        double value = element.ValueKind == JsonValueKind.Number ? element.GetDouble() : double.NaN;
        return value >= minimum && value <= maximum
            ? value
            : throw new CliException(string.Create(CultureInfo.InvariantCulture, $"'{key}' must be a number from {minimum} to {maximum} (got {element.GetRawText()})."));
    }

    /// <summary>Reads <c>"variation": { "cv": 0.2, "seed": 1, "constants": ["k_G", …] }</c>: each cell's constants (default: every kinetic constant of model v2) multiplied by lognormal factors of mean 1.</summary>
    private static Variation ReadVariation(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new CliException("'variation' must be an object, e.g. { \"cv\": 0.2, \"seed\": 1 } (optional \"constants\": [\"k_G\", \"V_HO1\"]).");
        }

        foreach (var property in element.EnumerateObject().Where(p => p.Name is not ("cv" or "seed" or "constants")))
        {
            throw new CliException($"Unknown key '{property.Name}' in 'variation'. Keys: cv, seed, constants.");
        }

        double cv = Number(element, "cv", 0.2, 1e-6, 2);
        ulong seed = (ulong)Number(element, "seed", 1, 0, 1e15);
        IReadOnlyList<string> constants = FerroptosisModel.Version2.KineticConstants;
        if (element.TryGetProperty("constants", out var list))
        {
            constants = list.ValueKind == JsonValueKind.Array && list.GetArrayLength() > 0
                ? [.. list.EnumerateArray().Select(c => c.ValueKind == JsonValueKind.String ? c.GetString()! : throw new CliException("'variation.constants' must list parameter ids."))]
                : throw new CliException("'variation.constants' must be a non-empty list of parameter ids, e.g. [\"k_G\", \"V_HO1\"].");
            foreach (string id in constants.Where(id => TriggerWaveModel.Compiled.IndexOfParameter(id) < 0))
            {
                throw new CliException($"'{id}' in 'variation.constants' is not a parameter of the model (see ferrosim list parameters).");
            }
        }

        return new Variation(cv, seed, constants);
    }

    private sealed record Variation(double Cv, ulong Seed, IReadOnlyList<string> Constants);

    private sealed record Spec(int Rows, int Columns, double Spacing, double Hours, double Erastin, double PrimingHours, double SeedRadius, BoneCell? CellType, IReadOnlyList<(string Id, double Dose)> Drugs, double OutputEvery, Variation? Variation);
}
