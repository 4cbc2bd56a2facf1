using Ferroptosis.Sim.Formats.Antimony;
using Ferroptosis.Sim.Formats.Sbml;
using Ferroptosis.Sim.Modeling.Compilation;
using Ferroptosis.Sim.Modeling.Networks;
using Ferroptosis.Sim.Modeling.Simulation;
using Ferroptosis.Sim.Ode;
using Ferroptosis.Sim.Pathway.Remodelling;
using Ferroptosis.Sim.Tests.Formats.Antimony;

namespace Ferroptosis.Sim.Tests.Pathway.Remodelling;

/// <summary>
/// The model files of <c>models/bone-remodelling/</c>: the library embeds them unchanged, their SBML Level 3 exports are
/// current and re-import to the same trajectories, and the coupled model's healthy state is balanced.
/// </summary>
/// <remarks>
/// Regenerate the exports after changing a model file with
/// <c>dotnet test tests/Ferroptosis.Sim.Tests -c Release --filter Name=RegenerateRemodellingSbmlExports</c>.
/// </remarks>
[Parallelizable(ParallelScope.All)]
public sealed class RemodellingModelFileTests
{
    private static readonly string[] Files = [BoneRemodellingModel.PublishedFile, BoneRemodellingModel.CoupledFile, BoneRemodellingModel.BoundedFile];

    private static IEnumerable<TestCaseData> Models()
    {
        yield return new TestCaseData(BoneRemodellingModel.PublishedFile, new Dictionary<string, double>()).SetArgDisplayNames("published");

        // The coupled model with every coupling term active, so that each rate law is exercised.
        var coupling = new Dictionary<string, double> { ["delta_OB"] = 0.002, ["delta_OC"] = 0.01, ["delta_OCY"] = 0.0005, ["f_alpha1"] = 1.2 };
        yield return new TestCaseData(BoneRemodellingModel.CoupledFile, coupling).SetArgDisplayNames("coupled");

        // The bounded model with a disease (slow onset) and every factor away from 1.
        var bounded = new Dictionary<string, double>
        {
            ["E_on"] = 1, ["k_on"] = 1.0 / 300, ["k_onR"] = 0.5, ["delta_OB"] = 0.002, ["delta_OC"] = 0.01, ["delta_OCY"] = 0.0005,
            ["f_R"] = 1.2, ["f_L"] = 0.8, ["f_F"] = 0.95, ["s_m"] = 0.5, ["f_load"] = 1.05,
        };
        yield return new TestCaseData(BoneRemodellingModel.BoundedFile, bounded).SetArgDisplayNames("bounded");
    }

    [TestCaseSource(nameof(Files))]
    public void EmbeddedFile_IsTheRepositoryFile(string file)
    {
        Assert.That(BoneRemodellingModel.ReadFile(file), Is.EqualTo(File.ReadAllText(PathOf(file))));
        Assert.That(BoneRemodellingModel.Files, Does.Contain(file));
    }

    [TestCaseSource(nameof(Files))]
    public void SbmlExport_IsCurrent(string file)
    {
        string xml = Path.ChangeExtension(file, ".xml");
        Assert.That(Xml(Network(file)), Is.EqualTo(File.ReadAllBytes(PathOf(xml))), $"{xml} is out of date with {file}; regenerate it (see the class remarks)");
    }

    [TestCaseSource(nameof(Models))]
    public void SbmlExport_ReimportsToTheSameTrajectories(string file, Dictionary<string, double> parameters)
    {
        // Same equations, so the same numbers up to the order in which compiled expressions round: 1e-9 (mixed) is far
        // below the solver tolerance's effect and far above round-off.
        var document = SbmlReader.ReadFile(PathOf(Path.ChangeExtension(file, ".xml")));
        var network = Network(file);
        Assert.That(document.Level, Is.EqualTo(3));
        Assert.That(document.Network.Species.Select(s => s.Id), Is.EqualTo(network.Species.Select(s => s.Id)));
        Assert.That(document.Network.Reactions.Select(r => r.Id), Is.EqualTo(network.Reactions.Select(r => r.Id)));

        var settings = new SimulationSettings
        {
            EndTime = 400,
            OutputPoints = 401,
            Solver = OdeSolvers.Rodas5P,
            RelativeTolerance = 1e-10,
            AbsoluteTolerance = 1e-10,
            Parameters = parameters,
        };
        var original = Simulator.Simulate(ModelCompiler.Compile(network), settings);
        var reread = Simulator.Simulate(ModelCompiler.Compile(document.Network), settings);
        Assert.That(original.IsSuccess && reread.IsSuccess, Is.True, original.Message ?? reread.Message);

        double worst = 0;
        foreach (var species in network.Species)
        {
            var a = original.GetColumn(species.Id);
            var b = reread.GetColumn(species.Id);
            worst = Math.Max(worst, a.Zip(b, (x, y) => Math.Abs(x - y) / Math.Max(1, Math.Abs(x))).Max());
        }

        TestContext.Out.WriteLine($"{file}: largest difference of the re-imported model {worst:E2}; z(400) {reread[400, "z"]:F4}");
        Assert.That(worst, Is.LessThanOrEqualTo(1e-9));
    }

    [Test]
    public void CoupledModel_AtHealthyValues_StaysAtTheHealthySteadyState()
    {
        // The balanced bone equation: with no extra death and fα1 = 1 nothing moves (k2b·x̄2 = k1·x̄1).
        var run = Simulator.Simulate(BoneRemodellingModel.CoupledCompiled, new SimulationSettings { EndTime = 5 * 365, OutputPoints = 6, Solver = OdeSolvers.Rodas5P, Outputs = ["x1", "x2", "z", "V", "k2b"] });
        var (x1, x2) = BoneRemodellingModel.SteadyState();
        Assert.Multiple(() =>
        {
            Assert.That(run[0, "k2b"], Is.EqualTo(0.24 * x1 / x2).Within(1e-15));
            Assert.That(run[0, "k2b"], Is.EqualTo(0.0012).Within(5e-7));
            Assert.That(run.GetColumn("x1"), Is.All.EqualTo(x1).Within(1e-9));
            Assert.That(run.GetColumn("x2"), Is.All.EqualTo(x2).Within(1e-7));
            Assert.That(run.GetColumn("z"), Is.All.EqualTo(100).Within(1e-9));
            Assert.That(run.GetColumn("V"), Is.All.EqualTo(1).Within(1e-12));
        });
    }

    [Test]
    [Explicit("Rewrites the SBML exports in models/bone-remodelling/; run after changing a model file.")]
    public void RegenerateRemodellingSbmlExports()
    {
        foreach (string file in Files)
        {
            File.WriteAllBytes(PathOf(Path.ChangeExtension(file, ".xml")), Xml(Network(file)));
        }
    }

    private static ReactionNetwork Network(string file) => AntimonyReader.ReadFile(PathOf(file));

    private static byte[] Xml(ReactionNetwork network)
    {
        using var stream = new MemoryStream();
        SbmlWriter.Write(network, stream);
        return stream.ToArray();
    }

    private static string PathOf(string file) => RepositoryFiles.PathOf(Path.Combine("models", "bone-remodelling", file));
}
