using Ferroptosis.Sim.Formats.Antimony;
using Ferroptosis.Sim.Modeling.Compilation;
using Ferroptosis.Sim.Modeling.Expressions;
using Ferroptosis.Sim.Modeling.Networks;
using Ferroptosis.Sim.Modeling.Simulation;

namespace Ferroptosis.Sim.Tests.Formats.Antimony;

/// <summary>The writer's layout, its numbers, what it leaves out on purpose and what it refuses.</summary>
public sealed class WriterTests
{
    private static ReactionNetwork Small() => new ReactionNetworkBuilder("layout")
        .Compartment("cell", 2)
        .Species("S", 1, "cell").Species("P", 0, "cell", isBoundary: true)
        .Parameter("k", 0.5).Parameter("v", 1, isConstant: false).Parameter("total", 0, isConstant: false)
        .Function("sq", ["x"], "x^2")
        .AssignmentRule("total", "S + P")
        .RateRule("v", "-0.1*v")
        .Reaction("J1", "2 S => P", "k*sq(S)")
        .Event("E1", "time >= 5", ("v", "0"))
        .Build();

    [Test]
    public void Layout_has_functions_first_then_one_statement_per_line_in_sections()
    {
        Assert.That(AntimonyWriter.Write(Small()), Is.EqualTo("""
            function sq(x)
              x^2
            end

            model layout

              // Compartments
              compartment cell = 2;

              // Species
              species S in cell = 1;
              species $P in cell = 0;

              // Parameters
              k = 0.5;
              v = 1;
              var total;

              // Assignment rules
              total := S + P;

              // Rate rules
              v' = -0.1 * v;

              // Reactions
              J1: 2 S => P; k * sq(S);

              // Events
              E1: at time >= 5: v = 0;
            end

            """.ReplaceLineEndings("\n")));
    }

    [Test]
    public void Numbers_round_trip_bit_for_bit()
    {
        double[] values = [0.1 + 0.2, 1e-300, double.Epsilon, double.MaxValue, -2.5e-7, 123456789.123, double.NaN, double.PositiveInfinity, double.NegativeInfinity, 1.0 / 3];
        var builder = new ReactionNetworkBuilder("numbers");
        for (int i = 0; i < values.Length; i++)
        {
            builder.Parameter($"p{i}", values[i]);
        }

        var reread = AntimonyReader.Read(AntimonyWriter.Write(builder.Build()));
        Assert.That(reread.Parameters.Select(p => BitConverter.DoubleToInt64Bits(p.Value)), Is.EqualTo(values.Select(BitConverter.DoubleToInt64Bits)));
    }

    [Test]
    public void Parts_without_effect_on_a_simulation_are_left_out()
    {
        // A value under an initial assignment or rule never takes effect; modifiers are derived from the rate law;
        // compartment dimensions are informational. The reader gives back the defaults and derived modifiers.
        var network = new ReactionNetwork(
            "dropped",
            [new Compartment("c", 2, SpatialDimensions: 2)],
            [new Species("S", "c", 9), new Species("E", "c", 1)],
            [new Parameter("a", 7), new Parameter("r", 5, IsConstant: false)],
            [new Reaction("J1", [new SpeciesReference("S")], [], Expr.Parse("a*S"), modifiers: ["E"])],
            [new AssignmentRule("r", Expr.Parse("2*a"))],
            initialAssignments: [new InitialAssignment("S", Expr.Parse("a + 1")), new InitialAssignment("a", Expr.Parse("3*c"))]);
        var reread = AntimonyReader.Read(AntimonyWriter.Write(network));

        Assert.That(reread.FindCompartment("c"), Is.EqualTo(new Compartment("c", 2)));
        Assert.That(reread.FindSpecies("S")!.InitialValue, Is.Zero);
        Assert.That(reread.Parameters, Is.EqualTo(new[] { new Parameter("a", 0), new Parameter("r", 0, IsConstant: false) }));
        Assert.That(reread.FindReaction("J1")!.Modifiers, Is.Empty);
        Assert.That(reread.InitialAssignments, Is.EqualTo(network.InitialAssignments));
    }

    [Test]
    public void An_initial_assignment_that_is_a_number_is_written_as_the_initial_value()
    {
        var network = new ReactionNetworkBuilder("numeric").Species("S", 1).Parameter("k", 0).InitialAssignment("k", "0.25").InitialAssignment("S", "4")
            .Reaction("J1", "S =>", "k*S").Build();
        var reread = AntimonyReader.Read(AntimonyWriter.Write(network));

        Assert.That(reread.InitialAssignments, Is.Empty);
        Assert.That(reread.FindParameter("k")!.Value, Is.EqualTo(0.25));
        Assert.That(reread.FindSpecies("S")!.InitialValue, Is.EqualTo(4));
        var settings = new SimulationSettings { EndTime = 3, OutputPoints = 4 };
        Assert.That(
            Simulator.Simulate(ModelCompiler.Compile(reread), settings).GetColumn("S"),
            Is.EqualTo(Simulator.Simulate(ModelCompiler.Compile(network), settings).GetColumn("S")));
    }

    private static IEnumerable<TestCaseData> Unsupported()
    {
        TestCaseData Case(string name, ReactionNetwork network, string message) => new TestCaseData(network, message).SetArgDisplayNames(name);
        ReactionNetwork With(Species s, string id = "m", string? conversionFactor = null, Reaction? reaction = null, ModelEvent? e = null) => new(
            id,
            [new Compartment("c")],
            [s],
            [new Parameter("f", 1)],
            reaction is null ? [] : [reaction],
            events: e is null ? null : [e],
            conversionFactor: conversionFactor);
        var plain = new Species("S", "c", 1);

        yield return Case("model id", With(plain, id: "my model"), "The model id 'my model' is not an Antimony name (a letter or '_', then letters, digits or '_'); rename it.");
        yield return Case("keyword id", With(plain with { Id = "in" }), "The species id 'in': 'in' is a keyword and cannot name a model element; rename it.");
        yield return Case("constant id", With(plain with { Id = "pi" }), "The species id 'pi': 'pi' is a constant and cannot name a model element; rename it.");
        yield return Case("model conversion factor", With(plain, conversionFactor: "f"), "The model has conversion factor 'f'; Antimony has no model conversion factors. Fold it into the rate laws.");
        yield return Case("constant species", With(plain with { IsConstant = true }), "Species 'S' is constant (SBML constant = true); Antimony's const species are boundary species that rules and events may change. Make it a boundary species that is not constant.");
        yield return Case("species conversion factor", With(plain with { ConversionFactor = "f" }), "Species 'S' has conversion factor 'f'; Antimony has no species conversion factors. Fold it into the rate laws.");
        yield return Case("initial amount", With(plain with { InitialIsConcentration = false }), "Species 'S' has its initial value as an amount but its symbol means its concentration; Antimony gives initial values in the symbol's unit. Convert the initial value.");
        yield return Case("local parameters", With(plain, reaction: new Reaction("J1", [new SpeciesReference("S")], [], Expr.Parse("kl*S"), localParameters: new Dictionary<string, double> { ["kl"] = 1 })), "Reaction 'J1' has local parameters (kl); Antimony has none. Make them global parameters (libAntimony names them J1_name).");
        yield return Case("named stoichiometry", With(plain, reaction: new Reaction("J1", [new SpeciesReference("S", 1, "n1")], [], Expr.Parse("f"))), "Reaction 'J1' gives species 'S' a named or variable stoichiometry; only constant numbers are supported.");
        yield return Case("zero stoichiometry", With(plain, reaction: new Reaction("J1", [new SpeciesReference("S", 0)], [], Expr.Parse("f"))), "Reaction 'J1' gives species 'S' the stoichiometry 0; Antimony needs a positive number.");
        yield return Case("empty event", With(plain, e: new ModelEvent("E1", Expr.Parse("time > 1"), [])), "Event 'E1' assigns nothing; an Antimony event needs at least one assignment.");
    }

    [TestCaseSource(nameof(Unsupported))]
    public void Unsupported_part_is_named_and_writing_refuses(ReactionNetwork network, string message)
    {
        Assert.That(AntimonyWriter.FindUnsupported(network), Is.EqualTo(new[] { message }));
        var ex = Assert.Throws<ArgumentException>(() => AntimonyWriter.Write(network))!;
        Assert.That(ex.Message, Does.Contain(message));
        Assert.That(ex.ParamName, Is.EqualTo("network"));
    }

    [Test]
    public void Writing_a_file_and_reading_it_back_round_trips()
    {
        string path = Path.Combine(Path.GetTempPath(), $"antimony-{Guid.NewGuid():N}.ant");
        try
        {
            var network = Small();
            AntimonyWriter.WriteFile(network, path);
            NetworkComparer.AssertIdentical(network, AntimonyReader.ReadFile(path));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
