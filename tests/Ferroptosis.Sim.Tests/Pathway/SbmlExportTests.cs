using Ferroptosis.Sim.Formats.Sbml;
using Ferroptosis.Sim.Modeling.Compilation;
using Ferroptosis.Sim.Modeling.Networks;
using Ferroptosis.Sim.Modeling.Simulation;
using Ferroptosis.Sim.Ode;
using Ferroptosis.Sim.Pathway;
using Ferroptosis.Sim.Tests.Formats.Antimony;

namespace Ferroptosis.Sim.Tests.Pathway;

/// <summary>The SBML Level 3 exports of each model version, in its folder <c>models/ferroptosis/vN/</c>, are current and re-import to the same trajectories.</summary>
/// <remarks>
/// <c>ferroptosis.xml</c> is the version's base model (the reference osteoblast), <c>ferroptosis-&lt;cell&gt;.xml</c> the
/// same model with the parameter set of each other cell type of the version (<see cref="FerroptosisModel.CellTypes"/>;
/// model id <c>ferroptosis_vN_&lt;cell&gt;</c>), so each opens as it is in COPASI or Tellurium. Regenerate every version's
/// exports with <c>dotnet test tests/Ferroptosis.Sim.Tests -c Release --filter Name=RegenerateSbmlExports</c>.
/// </remarks>
[Parallelizable(ParallelScope.All)]
public sealed class SbmlExportTests
{
    private static IEnumerable<TestCaseData> Exports()
    {
        foreach (var model in FerroptosisModel.All)
        {
            yield return new TestCaseData(model, "ferroptosis.xml", model.Network, BoneCell.Osteoblast).SetArgDisplayNames($"{model.Folder}/ferroptosis.xml");
            foreach (var cell in model.CellTypes.Where(c => c != BoneCell.Osteoblast))
            {
                yield return new TestCaseData(model, $"ferroptosis-{cell.Name}.xml", model.NetworkFor(cell), cell).SetArgDisplayNames($"{model.Folder}/ferroptosis-{cell.Name}.xml");
            }
        }
    }

    [TestCaseSource(nameof(Exports))]
    public void Export_is_current(FerroptosisModel model, string file, ReactionNetwork network, BoneCell cell)
    {
        // Regenerating from today's model files gives the committed file byte for byte.
        byte[] committed = File.ReadAllBytes(PathOf(model, file));
        Assert.That(Xml(network), Is.EqualTo(committed), $"{model.Folder}/{file} is out of date with models/ferroptosis/{model.Folder}/*.ant ({cell}); regenerate it (see the class remarks)");
    }

    [Test]
    public void Each_version_folder_holds_exactly_its_exports()
    {
        // A cell type added to a version gets an export, and an export of a cell type the version lacks is not left behind.
        foreach (var model in FerroptosisModel.All)
        {
            var expected = Exports().Where(d => ReferenceEquals(d.Arguments[0], model)).Select(d => (string)d.Arguments[1]!).Order(StringComparer.Ordinal);
            var files = Directory.GetFiles(RepositoryFiles.PathOf(Path.Combine("models", "ferroptosis", model.Folder)), "*.xml").Select(Path.GetFileName).Order(StringComparer.Ordinal);
            Assert.That(files, Is.EqualTo(expected), model.Folder);
        }
    }

    [TestCaseSource(nameof(Exports))]
    public void Export_reimports_to_the_same_trajectories(FerroptosisModel model, string file, ReactionNetwork network, BoneCell cell)
    {
        // The committed SBML, read back, simulates like the model the pathway API uses: from the cell's resting state,
        // erastin 10 µM for 48 h, at rtol 1e-10. Same equations, so the same numbers up to the order in which the
        // compiled expressions round; 1e-9 (mixed) is far below the solver tolerance's effect and far above round-off.
        var document = SbmlReader.ReadFile(PathOf(model, file));
        Assert.That(document.Level, Is.EqualTo(3));
        Assert.That(document.Network.Species.Select(s => s.Id), Is.EqualTo(network.Species.Select(s => s.Id)));
        Assert.That(document.Network.Reactions.Select(r => r.Id), Is.EqualTo(network.Reactions.Select(r => r.Id)));

        var rest = model.RestingState(new Dictionary<string, double>(cell.ParametersIn(model)));
        var api = model.Compiled;
        var settings = new SimulationSettings
        {
            EndTime = 48,
            OutputPoints = 97,
            Solver = OdeSolvers.Rodas5P,
            RelativeTolerance = 1e-10,
            AbsoluteTolerance = 1e-12,
            MaxStep = 0.25,
            InitialValues = api.StateIds.Select((id, k) => (id, k)).ToDictionary(x => x.id, x => rest[x.k]),
            Parameters = new Dictionary<string, double> { ["erastin"] = 10 },
        };
        var reread = Simulator.Simulate(ModelCompiler.Compile(document.Network), settings);
        var original = Simulator.Simulate(api, settings with { Parameters = new Dictionary<string, double>(cell.ParametersIn(model)) { ["erastin"] = 10 } });
        Assert.That(reread.IsSuccess && original.IsSuccess, Is.True, reread.Message ?? original.Message);

        double worst = 0;
        foreach (string id in api.StateIds)
        {
            var a = original.GetColumn(id);
            var b = reread.GetColumn(id);
            worst = Math.Max(worst, a.Zip(b, (x, y) => Math.Abs(x - y) / Math.Max(1, Math.Abs(x))).Max());
        }

        Assay.Report($"{model.Folder}/{file}: largest difference of the re-imported model {worst:E2}; S(24) {reread[48, "S"]:F4}");
        Assert.That(worst, Is.LessThanOrEqualTo(1e-9));
    }

    [Test]
    [Explicit("Rewrites the SBML exports in models/ferroptosis/vN/ of every version; run after changing a model file.")]
    public void RegenerateSbmlExports()
    {
        foreach (var data in Exports())
        {
            File.WriteAllBytes(PathOf((FerroptosisModel)data.Arguments[0]!, (string)data.Arguments[1]!), Xml((ReactionNetwork)data.Arguments[2]!));
        }
    }

    private static byte[] Xml(ReactionNetwork network)
    {
        using var stream = new MemoryStream();
        SbmlWriter.Write(network, stream);
        return stream.ToArray();
    }

    private static string PathOf(FerroptosisModel model, string file) => RepositoryFiles.PathOf(Path.Combine("models", "ferroptosis", model.Folder, file));
}
