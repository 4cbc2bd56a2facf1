using System.Globalization;
using System.Text;
using Ferroptosis.Sim.Ode;
using Ferroptosis.Sim.Pathway;

namespace Ferroptosis.Sim.Tests.Pathway;

/// <summary>Today's simulations of model v1 reproduce its golden trajectories (<c>models/ferroptosis/v1/golden/</c>); an explicit test regenerates them.</summary>
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
        GoldenTrajectories.Cases().SelectMany(c => new[] { OdeSolvers.Rodas5P, OdeSolvers.Bdf }
            .Select(s => new TestCaseData(c.File, c.Cell, c.Perturbations, s).SetArgDisplayNames(c.File, s.Name)));

    [TestCaseSource(nameof(Cases))]
    public void Todays_simulation_matches_the_golden_trajectory(string file, BoneCell cell, Perturbation[] perturbations, IOdeSolver solver)
    {
        string golden = File.ReadAllText(GoldenTrajectories.PathOf(file));
        Assert.That(golden, Does.StartWith(GoldenTrajectories.VersionLine + "\n"), "the file names the model version it belongs to");
        var (difference, where) = GoldenTrajectories.Compare(golden, GoldenTrajectories.Csv(GoldenTrajectories.Run(cell, perturbations, solver)));
        Assay.Report($"{file}, {solver.Name}: largest difference {difference:E2} ({where})");

        Assert.That(difference, Is.LessThanOrEqualTo(Bound), where);
    }

    [Test]
    public void The_golden_files_are_the_documented_set()
    {
        var files = Directory.GetFiles(GoldenTrajectories.PathOf(""), "*.csv").Select(Path.GetFileName).Order(StringComparer.Ordinal);
        Assert.That(files, Is.EqualTo(GoldenTrajectories.Cases().Select(c => c.File).Append("resting-states.csv").Order(StringComparer.Ordinal)));
    }

    [Test]
    public void Resting_states_file_holds_the_resting_state_of_every_cell_type()
    {
        // The drug-free steady states (spec §9), computed at rtol 1e-10: the initial values for reproducing the golden
        // trajectories with the SBML export in another simulator.
        var lines = File.ReadAllLines(GoldenTrajectories.PathOf("resting-states.csv"));
        Assert.That(lines[0], Is.EqualTo("species," + string.Join(',', BoneCell.All.Select(c => c.Name))));
        var model = Assay.Model.Compiled;
        Assert.That(lines.Skip(1).Select(l => l.Split(',')[0]), Is.EqualTo(model.StateIds));
        var cells = BoneCell.All.Select(c => Assay.Model.RestingState(new Dictionary<string, double>(Assay.ParametersOf(c)))).ToArray();
        Assert.Multiple(() =>
        {
            for (int k = 0; k < model.StateIds.Count; k++)
            {
                var values = lines[k + 1].Split(',').Skip(1).Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();
                for (int c = 0; c < cells.Length; c++)
                {
                    Assert.That(values[c], Is.EqualTo(cells[c][k]).Within(1e-8 * Math.Max(1, Math.Abs(cells[c][k]))), $"{model.StateIds[k]}, {BoneCell.All[c]}");
                }
            }
        });
    }

    [Test]
    [Explicit("Rewrites models/ferroptosis/v1/golden/; run after a deliberate change of model v1.")]
    public void RegenerateGoldenTrajectories()
    {
        Directory.CreateDirectory(GoldenTrajectories.PathOf(""));
        foreach (var (file, cell, perturbations) in GoldenTrajectories.Cases())
        {
            string reference = GoldenTrajectories.Csv(GoldenTrajectories.Run(cell, perturbations, OdeSolvers.Rodas5P));
            string confirmation = GoldenTrajectories.Csv(GoldenTrajectories.Run(cell, perturbations, OdeSolvers.Bdf));
            var (difference, where) = GoldenTrajectories.Compare(reference, confirmation);
            Assay.Report($"{file}: Rodas5P vs BDF at rtol 1e-10: largest difference {difference:E2} ({where})");
            Assert.That(difference, Is.LessThanOrEqualTo(GoldenTrajectories.Agreement), $"{file}: the two solvers disagree at {where}; not written");
            File.WriteAllText(GoldenTrajectories.PathOf(file), reference, new UTF8Encoding(false));
        }

        var model = Assay.Model.Compiled;
        var rest = BoneCell.All.Select(c => Assay.Model.RestingState(new Dictionary<string, double>(Assay.ParametersOf(c)))).ToArray();
        var text = new StringBuilder("species," + string.Join(',', BoneCell.All.Select(c => c.Name)) + "\n");
        for (int k = 0; k < model.StateIds.Count; k++)
        {
            text.Append(model.StateIds[k]).Append(',').AppendJoin(',', rest.Select(r => r[k].ToString("R", CultureInfo.InvariantCulture))).Append('\n');
        }

        File.WriteAllText(GoldenTrajectories.PathOf("resting-states.csv"), text.ToString(), new UTF8Encoding(false));
    }
}
