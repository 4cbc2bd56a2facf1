using Ferroptosis.Sim.Formats.Antimony;
using Ferroptosis.Sim.Modeling.Compilation;
using Ferroptosis.Sim.Modeling.Networks;
using Ferroptosis.Sim.Modeling.Simulation;
using Ferroptosis.Sim.Tests.Modeling.Compilation;

namespace Ferroptosis.Sim.Tests.Formats.Antimony;

/// <summary>Writing a network and reading the text back gives an identical network and identical trajectories.</summary>
public sealed class RoundTripTests
{
    /// <summary>A file that uses every construct of the subset.</summary>
    public const string EveryConstruct = """
        // every construct of the supported subset
        function hill(x, K, n)
          x^n / (K^n + x^n)
        end

        model *everything()
          unit mM = 1e-3 mole / litre
          compartment cell = 2, nucleus = 0.5
          var compartment vesicle = 0.1
          species S in cell = 1 mM, P in cell, $E in cell = 0.2
          substanceOnly species N in nucleus = 4
          species R = 0.5
          const species B in nucleus = 3
          k1 = 0.5; k2 = 1.5e-1
          var kout = 0.2
          const Vmax = 2
          total := S + P
          ratio := S / total
          growth = 1
          growth' = 0.01 * growth * hill(S, 1, 2)
          scale = 2 * k1
          R = k2 + 1
          J1: S + 2 E -> P + E; Vmax * hill(S, k1, 2) * E
          J2: P => ; kout * P
          -> N; k2 * nucleus
          J3: N => 1.5 R + $B; 0.1 * N * time
          vesicle' = -0.01 * vesicle
          E1: at (time > 10): S = S + 5, kout = 0.3;
          at total < 0.5, priority = k1 + 1, t0 = false, persistent = false, fromTrigger = false:
            k1 = 1,
            S = 2
          S is "substrate"
        end
        """;

    /// <summary>The representable networks of the compiler tests, with the modifiers the reader derives (species in the rate law that the reaction does not change).</summary>
    private static IEnumerable<TestCaseData> CodeNetworks() =>
        TestNetworks.All()
            .Where(c => AntimonyWriter.FindUnsupported((ReactionNetwork)c.Arguments[0]!).Count == 0)
            .Select(c => new TestCaseData(WithDerivedModifiers((ReactionNetwork)c.Arguments[0]!)).SetArgDisplayNames(c.TestName ?? ((ReactionNetwork)c.Arguments[0]!).Id));

    /// <summary>Replaces every reaction's modifiers by the species of its rate law that it does not change, in order of appearance.</summary>
    internal static ReactionNetwork WithDerivedModifiers(ReactionNetwork n) => new(
        n.Id,
        n.Compartments,
        n.Species,
        n.Parameters,
        n.Reactions.Select(r => new Reaction(
            r.Id,
            r.Reactants,
            r.Products,
            r.KineticLaw,
            r.KineticLaw.Symbols.Where(s => n.KindOf(s) == SymbolKind.Species && !r.Reactants.Concat(r.Products).Any(p => p.Species == s)),
            r.LocalParameters,
            r.IsReversible)),
        n.AssignmentRules,
        n.RateRules,
        n.InitialAssignments,
        n.Functions,
        n.Events,
        n.ConversionFactor);

    [Test]
    public void Ferroptosis_model_and_its_cell_types_round_trip()
    {
        var network = AntimonyReader.ReadFile(RepositoryFiles.PathOf("models/ferroptosis/v1/ferroptosis.ant"));
        foreach (string cell in new[] { "osteoblast", "osteoclast", "osteocyte" })
        {
            var variant = AntimonyReader.ApplyParameterSet(network, File.ReadAllText(RepositoryFiles.PathOf($"models/ferroptosis/v1/{cell}.ant")));
            string text = AntimonyWriter.Write(variant);
            NetworkComparer.AssertIdentical(variant, AntimonyReader.Read(text), cell);
        }
    }

    [Test]
    public void Every_construct_round_trips_and_the_written_text_is_a_fixed_point()
    {
        var network = AntimonyReader.Read(EveryConstruct);
        string text = AntimonyWriter.Write(network);
        var again = AntimonyReader.Read(text);

        NetworkComparer.AssertIdentical(network, again, text);
        Assert.That(AntimonyWriter.Write(again), Is.EqualTo(text));
    }

    [TestCaseSource(nameof(CodeNetworks))]
    public void Networks_built_in_code_round_trip(ReactionNetwork network)
    {
        string text = AntimonyWriter.Write(network);
        NetworkComparer.AssertIdentical(network, AntimonyReader.Read(text), text);
    }

    [Test]
    public void Random_networks_round_trip()
    {
        var generator = new RandomNetworks(2024);
        for (int i = 0; i < 300; i++)
        {
            var network = generator.Next();
            string text = AntimonyWriter.Write(network);
            NetworkComparer.AssertIdentical(network, AntimonyReader.Read(text), $"network {i}:\n{text}");
        }
    }

    [Test]
    public void Round_tripped_ferroptosis_model_gives_an_identical_trajectory()
    {
        var network = AntimonyReader.ApplyParameterSet(
            AntimonyReader.ReadFile(RepositoryFiles.PathOf("models/ferroptosis/v1/ferroptosis.ant")),
            "erastin = 5; rsl3 = 0.05");
        AssertSameTrajectories(network, new SimulationSettings { EndTime = 48, OutputPoints = 49 });
    }

    [TestCaseSource(nameof(CodeNetworks))]
    public void Round_tripped_code_networks_give_identical_trajectories(ReactionNetwork network) =>
        AssertSameTrajectories(network, new SimulationSettings { EndTime = 10, OutputPoints = 21 });

    [Test]
    public void Round_tripped_every_construct_model_gives_an_identical_trajectory() =>
        AssertSameTrajectories(AntimonyReader.Read(EveryConstruct), new SimulationSettings { EndTime = 30, OutputPoints = 31 });

    private static void AssertSameTrajectories(ReactionNetwork network, SimulationSettings settings)
    {
        var original = Simulator.Simulate(ModelCompiler.Compile(network), settings);
        var reread = Simulator.Simulate(ModelCompiler.Compile(AntimonyReader.Read(AntimonyWriter.Write(network))), settings);

        Assert.That(original.IsSuccess, Is.True, original.Message);
        Assert.That(reread.Names, Is.EqualTo(original.Names));
        Assert.That(reread.Times.ToArray(), Is.EqualTo(original.Times.ToArray()));
        foreach (string name in original.Names)
        {
            Assert.That(reread.GetColumn(name), Is.EqualTo(original.GetColumn(name)), name);
        }
    }
}
