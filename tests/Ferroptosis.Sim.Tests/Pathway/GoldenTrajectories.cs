using System.Globalization;
using Ferroptosis.Sim.Ode;
using Ferroptosis.Sim.Pathway;
using Ferroptosis.Sim.Tests.Formats.Antimony;

namespace Ferroptosis.Sim.Tests.Pathway;

/// <summary>The golden trajectories of each model version, <c>models/ferroptosis/vN/golden/</c>: which runs, at which tolerance, with which columns, and how two solvers confirm them.</summary>
/// <remarks>
/// Each cell type at baseline (no drug) and under the standard challenge (erastin 10 µM), 48 h from its resting state,
/// Rodas5P at rtol 1e-10, atol 1e-12, steps ≤ 0.25 h, reported every 0.5 h. A file is written only if BDF at the same
/// tolerance agrees with Rodas5P to <see cref="Agreement"/> on every number: two methods of different families (one-step
/// Rosenbrock, variable-order multistep) that agree this closely leave each other's global error as the only doubt.
/// Each version's cell types are run (v2 adds the osteoclast precursor); each file starts with the comment line of
/// <see cref="CellSimulationResult.WriteCsv(TextWriter)"/> that names the version.
/// </remarks>
internal static class GoldenTrajectories
{
    /// <summary>The agreement required between the two solvers, mixed: |a − b| ≤ Agreement·max(1, |a|).</summary>
    public const double Agreement = 1e-8;

    /// <summary>The model versions with golden trajectories.</summary>
    public static readonly FerroptosisModel[] Models = [FerroptosisModel.Version1, FerroptosisModel.Version2];

    /// <summary>The folder of a version's files, relative to the repository root.</summary>
    public static string Folder(FerroptosisModel model) => $"models/ferroptosis/{model.Folder}/golden";

    /// <summary>The comment line every golden file of a version starts with.</summary>
    public static string VersionLine(FerroptosisModel model) => $"# Ferroptosis.Sim ferroptosis model v{model.Version}";

    /// <summary>The reported columns after <c>time_h</c>: the species (S is the surviving fraction), the peroxide tone and the death hazard.</summary>
    public static string[] Columns(FerroptosisModel model) => [.. model.Compiled.StateIds.Where(id => model.Network.Species.Any(s => s.Id == id)), "ROS", "h"];

    /// <summary>The standard challenge.</summary>
    public static readonly (string Name, Perturbation[] Perturbations)[] Protocols = [("baseline", []), ("erastin-10uM", [Perturbation.Erastin(10)])];

    /// <summary>The length of every run in hours.</summary>
    public const double Hours = 48;

    /// <summary>Gets every golden case: file name, cell type, perturbations.</summary>
    public static IEnumerable<(string File, BoneCell Cell, Perturbation[] Perturbations)> Cases(FerroptosisModel model) =>
        model.CellTypes.SelectMany(c => Protocols.Select(p => ($"{c.Name}-{p.Name}.csv", c, p.Perturbations)));

    /// <summary>Runs one case with a solver at the golden tolerance.</summary>
    public static CellSimulationResult Run(FerroptosisModel model, BoneCell cell, Perturbation[] perturbations, IOdeSolver solver) =>
        Assay.Run(cell, Hours, perturbations, new CellSimulationOptions
        {
            Model = model,
            Solver = solver,
            RelativeTolerance = 1e-10,
            AbsoluteTolerance = 1e-12,
            MaxStepHours = 0.25,
            OutputIntervalHours = 0.5,
        });

    /// <summary>The CSV text of a run (time_h and <see cref="Columns"/>).</summary>
    public static string Csv(CellSimulationResult run)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        run.WriteCsv(writer, Columns(run.Model));
        return writer.ToString();
    }

    /// <summary>The largest mixed difference |a − b| / max(1, |a|) between two CSV tables with the same header and times, and where it is.</summary>
    public static (double Difference, string Where) Compare(string expected, string actual)
    {
        var a = Parse(expected);
        var b = Parse(actual);
        Assert.That(b.Header, Is.EqualTo(a.Header), "columns");
        Assert.That(b.Rows, Has.Count.EqualTo(a.Rows.Count), "rows");
        double worst = 0;
        string where = "";
        for (int r = 0; r < a.Rows.Count; r++)
        {
            for (int c = 0; c < a.Header.Length; c++)
            {
                double d = Math.Abs(a.Rows[r][c] - b.Rows[r][c]) / Math.Max(1, Math.Abs(a.Rows[r][c]));
                if (d > worst)
                {
                    worst = d;
                    where = string.Create(CultureInfo.InvariantCulture, $"{a.Header[c]} at {a.Rows[r][0]} h");
                }
            }
        }

        return (worst, where);
    }

    /// <summary>The full path of a golden file.</summary>
    public static string PathOf(FerroptosisModel model, string file) => RepositoryFiles.PathOf(Path.Combine(Folder(model), file));

    private static (string[] Header, List<double[]> Rows) Parse(string csv)
    {
        // Comment lines (the model version) are not data.
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => !l.StartsWith('#')).ToArray();
        var header = lines[0].Split(',');
        var rows = lines.Skip(1).Select(l => l.Split(',').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray()).ToList();
        return (header, rows);
    }
}
