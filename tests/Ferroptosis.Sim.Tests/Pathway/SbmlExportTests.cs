using Ferroptosis.Sim.Formats.Sbml;
using Ferroptosis.Sim.Modeling.Compilation;
using Ferroptosis.Sim.Modeling.Networks;
using Ferroptosis.Sim.Modeling.Simulation;
using Ferroptosis.Sim.Ode;
using Ferroptosis.Sim.Pathway;
using Ferroptosis.Sim.Tests.Formats.Antimony;

namespace Ferroptosis.Sim.Tests.Pathway;

/// <summary>The SBML Level 3 exports of the model in <c>models/ferroptosis/</c> are current and re-import to the same trajectories.</summary>
/// <remarks>
/// <c>ferroptosis.xml</c> is the base model (the reference osteoblast), <c>ferroptosis-osteoclast.xml</c> and
/// <c>ferroptosis-osteocyte.xml</c> the same model with the cell type's parameter set, so each opens as it is in COPASI
/// or Tellurium. Regenerate with
/// <c>dotnet test tests/Ferroptosis.Sim.Tests -c Release --filter Name=RegenerateSbmlExports</c>.
/// </remarks>
[Parallelizable(ParallelScope.All)]
public sealed class SbmlExportTests
{
    private static IEnumerable<TestCaseData> Exports()
    {
        yield return new TestCaseData("ferroptosis.xml", FerroptosisModel.Network, BoneCell.Osteoblast).SetArgDisplayNames("ferroptosis.xml");
        foreach (var cell in new[] { BoneCell.Osteoclast, BoneCell.Osteocyte })
        {
            yield return new TestCaseData($"ferroptosis-{cell.Name}.xml", FerroptosisModel.NetworkFor(cell), cell).SetArgDisplayNames($"ferroptosis-{cell.Name}.xml");
        }
    }

    [TestCaseSource(nameof(Exports))]
    public void Export_is_current(string file, ReactionNetwork network, BoneCell cell)
    {
        // Regenerating from today's model files gives the committed file byte for byte.
        byte[] committed = File.ReadAllBytes(PathOf(file));
        Assert.That(Xml(network), Is.EqualTo(committed), $"{file} is out of date with models/ferroptosis/*.ant ({cell}); regenerate it (see the class remarks)");
    }

    [TestCaseSource(nameof(Exports))]
    public void Export_reimports_to_the_same_trajectories(string file, ReactionNetwork network, BoneCell cell)
    {
        // The committed SBML, read back, simulates like the model the pathway API uses: from the cell's resting state,
        // erastin 10 µM for 48 h, at rtol 1e-10. Same equations, so the same numbers up to the order in which the
        // compiled expressions round; 1e-9 (mixed) is far below the solver tolerance's effect and far above round-off.
        var document = SbmlReader.ReadFile(PathOf(file));
        Assert.That(document.Level, Is.EqualTo(3));
        Assert.That(document.Network.Species.Select(s => s.Id), Is.EqualTo(network.Species.Select(s => s.Id)));
        Assert.That(document.Network.Reactions.Select(r => r.Id), Is.EqualTo(network.Reactions.Select(r => r.Id)));

        var rest = FerroptosisModel.RestingState(new Dictionary<string, double>(cell.Parameters));
        var api = FerroptosisModel.Compiled;
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
        var original = Simulator.Simulate(api, settings with { Parameters = new Dictionary<string, double>(cell.Parameters) { ["erastin"] = 10 } });
        Assert.That(reread.IsSuccess && original.IsSuccess, Is.True, reread.Message ?? original.Message);

        double worst = 0;
        foreach (string id in api.StateIds)
        {
            var a = original.GetColumn(id);
            var b = reread.GetColumn(id);
            worst = Math.Max(worst, a.Zip(b, (x, y) => Math.Abs(x - y) / Math.Max(1, Math.Abs(x))).Max());
        }

        Assay.Report($"{file}: largest difference of the re-imported model {worst:E2}; S(24) {reread[48, "S"]:F4}");
        Assert.That(worst, Is.LessThanOrEqualTo(1e-9));
    }

    [Test]
    [Explicit("Rewrites the SBML exports in models/ferroptosis/; run after changing a model file.")]
    public void RegenerateSbmlExports()
    {
        foreach (var data in Exports())
        {
            File.WriteAllBytes(PathOf((string)data.Arguments[0]!), Xml((ReactionNetwork)data.Arguments[1]!));
        }
    }

    private static byte[] Xml(ReactionNetwork network)
    {
        using var stream = new MemoryStream();
        SbmlWriter.Write(network, stream);
        return stream.ToArray();
    }

    private static string PathOf(string file) => RepositoryFiles.PathOf(Path.Combine("models", "ferroptosis", file));
}
