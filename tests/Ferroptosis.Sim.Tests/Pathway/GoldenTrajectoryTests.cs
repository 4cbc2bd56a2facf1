using System.Globalization;
using System.Text;
using Ferroptosis.Sim.Ode;
using Ferroptosis.Sim.Pathway;

namespace Ferroptosis.Sim.Tests.Pathway;

/// <summary>Today's simulations of every model version reproduce its golden trajectories (<c>models/ferroptosis/vN/golden/</c>); an explicit test regenerates them.</summary>
/// <remarks>
/// Regenerate (after a deliberate change of the model) with
/// <c>dotnet test tests/Ferroptosis.Sim.Tests -c Release --filter Name=RegenerateGoldenTrajectories</c>.
/// </remarks>
[Parallelizable(ParallelScope.All)]
public sealed class GoldenTrajectoryTests
{
    /// <summary>
    /// The comparison bound. The files were accepted only where Rodas5P and BDF agreed to 1e-8 (mixed), so each is within
    /// about 1e-8 of the exact trajectory; a correct run today at the same tolerance is as close, so two correct results
    /// differ by at most 2e-8. A change of the model moves them far more (one of k_b, k_gout, k_rel, V_gpx changed in
    /// its third digit: 3e-3 to 1e-2).
    /// </summary>
    private const double Bound = 2 * GoldenTrajectories.Agreement;

    private static IEnumerable<TestCaseData> Cases() =>
        GoldenTrajectories.Models.SelectMany(m => GoldenTrajectories.Cases(m).SelectMany(c => new[] { OdeSolvers.Rodas5P, OdeSolvers.Bdf }
            .Select(s => new TestCaseData(m, c.File, c.Cell, c.Perturbations, s).SetArgDisplayNames($"v{m.Version}", c.File, s.Name))));

    private static IEnumerable<TestCaseData> Versions() =>
        GoldenTrajectories.Models.Select(m => new TestCaseData(m).SetArgDisplayNames($"v{m.Version}"));

    [TestCaseSource(nameof(Cases))]
    public void Todays_simulation_matches_the_golden_trajectory(FerroptosisModel model, string file, BoneCell cell, Perturbation[] perturbations, IOdeSolver solver)
    {
        string golden = File.ReadAllText(GoldenTrajectories.PathOf(model, file));
        Assert.That(golden, Does.StartWith(GoldenTrajectories.VersionLine(model) + "\n"), "the file names the model version it belongs to");
        var (difference, where) = GoldenTrajectories.Compare(golden, GoldenTrajectories.Csv(GoldenTrajectories.Run(model, cell, perturbations, solver)));
        Assay.Report($"{file}, {solver.Name}: largest difference {difference:E2} ({where})");

        Assert.That(difference, Is.LessThanOrEqualTo(Bound), where);
    }

    [TestCaseSource(nameof(Versions))]
    public void The_golden_files_are_the_documented_set(FerroptosisModel model)
    {
        var files = Directory.GetFiles(GoldenTrajectories.PathOf(model, ""), "*.csv").Select(Path.GetFileName).Order(StringComparer.Ordinal);
        Assert.That(files, Is.EqualTo(GoldenTrajectories.Cases(model).Select(c => c.File).Append("resting-states.csv").Order(StringComparer.Ordinal)));
    }

    [TestCaseSource(nameof(Versions))]
    public void Resting_states_file_holds_the_resting_state_of_every_cell_type(FerroptosisModel model)
    {
        // The drug-free steady states (spec §9), computed at rtol 1e-10: the initial values for reproducing the golden
        // trajectories with the SBML export in another simulator.
        var lines = File.ReadAllLines(GoldenTrajectories.PathOf(model, "resting-states.csv"));
        Assert.That(lines[0], Is.EqualTo("species," + string.Join(',', model.CellTypes.Select(c => c.Name))));
        var compiled = model.Compiled;
        Assert.That(lines.Skip(1).Select(l => l.Split(',')[0]), Is.EqualTo(compiled.StateIds));
        var cells = model.CellTypes.Select(c => model.RestingState(new Dictionary<string, double>(c.ParametersIn(model)))).ToArray();
        Assert.Multiple(() =>
        {
            for (int k = 0; k < compiled.StateIds.Count; k++)
            {
                var values = lines[k + 1].Split(',').Skip(1).Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();
                for (int c = 0; c < cells.Length; c++)
                {
                    Assert.That(values[c], Is.EqualTo(cells[c][k]).Within(1e-8 * Math.Max(1, Math.Abs(cells[c][k]))), $"{compiled.StateIds[k]}, {model.CellTypes[c]}");
                }
            }
        });
    }

    [TestCaseSource(nameof(Versions))]
    [Explicit("Rewrites models/ferroptosis/vN/golden/; run after a deliberate change of a model version.")]
    public void RegenerateGoldenTrajectories(FerroptosisModel model)
    {
        Directory.CreateDirectory(GoldenTrajectories.PathOf(model, ""));
        foreach (var (file, cell, perturbations) in GoldenTrajectories.Cases(model))
        {
            string reference = GoldenTrajectories.Csv(GoldenTrajectories.Run(model, cell, perturbations, OdeSolvers.Rodas5P));
            string confirmation = GoldenTrajectories.Csv(GoldenTrajectories.Run(model, cell, perturbations, OdeSolvers.Bdf));
            var (difference, where) = GoldenTrajectories.Compare(reference, confirmation);
            Assay.Report($"{file}: Rodas5P vs BDF at rtol 1e-10: largest difference {difference:E2} ({where})");
            Assert.That(difference, Is.LessThanOrEqualTo(GoldenTrajectories.Agreement), $"{file}: the two solvers disagree at {where}; not written");
            File.WriteAllText(GoldenTrajectories.PathOf(model, file), reference, new UTF8Encoding(false));
        }

        var compiled = model.Compiled;
        var rest = model.CellTypes.Select(c => model.RestingState(new Dictionary<string, double>(c.ParametersIn(model)))).ToArray();
        var text = new StringBuilder("species," + string.Join(',', model.CellTypes.Select(c => c.Name)) + "\n");
        for (int k = 0; k < compiled.StateIds.Count; k++)
        {
            text.Append(compiled.StateIds[k]).Append(',').AppendJoin(',', rest.Select(r => r[k].ToString("R", CultureInfo.InvariantCulture))).Append('\n');
        }

        File.WriteAllText(GoldenTrajectories.PathOf(model, "resting-states.csv"), text.ToString(), new UTF8Encoding(false));
    }
}
