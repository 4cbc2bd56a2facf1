using Ferroptosis.Sim.Formats.Antimony;
using Ferroptosis.Sim.Modeling.Expressions;
using Ferroptosis.Sim.Modeling.Networks;

namespace Ferroptosis.Sim.Tests.Formats.Antimony;

/// <summary>Every construct of the supported subset maps onto the network as libAntimony's SBML export would.</summary>
public sealed class ReaderTests
{
    private static Expr E(string text) => Expr.Parse(text);

    [TestCase("model m\n  k = 1\nend", "m")]
    [TestCase("model m()\n  k = 1\nend\n", "m")]
    [TestCase("model *m()\n  k = 1\nend", "m")]
    [TestCase("module m; k = 1; end", "m")]
    [TestCase("k = 1", "__main")]
    [TestCase("\n\n// only statements\nk = 1;\n", "__main")]
    public void Model_header_variants_and_bare_statements(string text, string id)
    {
        var network = AntimonyReader.Read(text);
        Assert.That(network.Id, Is.EqualTo(id));
        Assert.That(network.Parameters, Is.EqualTo(new[] { new Parameter("k", 1) }));
    }

    [Test]
    public void Comments_of_all_three_kinds_and_line_continuations_are_skipped()
    {
        var network = AntimonyReader.Read("""
            # hash comment
            model m // slash comment
              /* a block comment
                 over two lines */ k = 2 /* inline */ * 3   # an initial assignment
              total := k + \
                       1
              p = 1; q = 2;  r = 3
            end
            """);

        Assert.That(network.InitialAssignments, Is.EqualTo(new[] { new InitialAssignment("k", E("2 * 3")) }));
        Assert.That(network.AssignmentRules, Is.EqualTo(new[] { new AssignmentRule("total", E("k + 1")) }));
        Assert.That(network.Parameters.Select(p => p.Id), Is.EqualTo(new[] { "k", "total", "p", "q", "r" }));
    }

    [Test]
    public void Reactions_with_names_stoichiometry_boundary_species_and_both_arrows()
    {
        var network = AntimonyReader.Read("""
            J1: A + 2 B -> C; k1*A*B
            J2: C => 1.5 D + $X; k2*C
            -> A; k0
            D =>; kd*D
            A -> ;
            k0 = 1; k1 = 2; k2 = 3; kd = 4
            """);

        var j1 = network.FindReaction("J1")!;
        Assert.That(j1.Reactants, Is.EqualTo(new[] { new SpeciesReference("A"), new SpeciesReference("B", 2) }));
        Assert.That(j1.Products, Is.EqualTo(new[] { new SpeciesReference("C") }));
        Assert.That(j1.IsReversible, Is.True);
        Assert.That(j1.KineticLaw, Is.EqualTo(E("k1*A*B")));
        var j2 = network.FindReaction("J2")!;
        Assert.That(j2.IsReversible, Is.False);
        Assert.That(j2.Products, Is.EqualTo(new[] { new SpeciesReference("D", 1.5), new SpeciesReference("X") }));
        Assert.That(network.Reactions.Select(r => r.Id), Is.EqualTo(new[] { "J1", "J2", "_J0", "_J1", "_J2" }), "libAntimony names unnamed reactions _J0, _J1, …");
        Assert.That(network.FindReaction("_J0")!.Reactants, Is.Empty);
        Assert.That(network.FindReaction("_J1")!.Products, Is.Empty);
        Assert.That(network.FindReaction("_J2")!.KineticLaw, Is.EqualTo(new NumberExpr(0)), "a reaction without a rate law has rate 0");
        Assert.That(network.FindSpecies("X")!.IsBoundary, Is.True);
        Assert.That(network.FindSpecies("X")!.IsConstant, Is.False, "libAntimony exports $ species as boundary, not constant");
        Assert.That(network.Species.Select(s => s.Id), Is.EqualTo(new[] { "A", "B", "C", "D", "X" }));
        Assert.That(network.Species.All(s => s.Compartment == "default_compartment" && s.InitialValue == 0));
        Assert.That(network.Compartments, Is.EqualTo(new[] { new Compartment("default_compartment", 1) }));
    }

    [Test]
    public void Automatic_reaction_names_skip_names_used_in_the_file()
    {
        var network = AntimonyReader.Read("_J0 = 5\nA -> B; _J0*A");
        Assert.That(network.Reactions.Single().Id, Is.EqualTo("_J1"));
    }

    [Test]
    public void Reaction_rate_can_be_given_by_assigning_the_reaction_name_before_or_after()
    {
        var network = AntimonyReader.Read("J0 = k*A\nJ0: A -> B;\nJ1: B -> A; 1\nJ1 = k*B\nk = 1");
        Assert.That(network.FindReaction("J0")!.KineticLaw, Is.EqualTo(E("k*A")));
        Assert.That(network.FindReaction("J1")!.KineticLaw, Is.EqualTo(E("k*B")), "the later definition wins");
        Assert.That(network.Parameters.Select(p => p.Id), Is.EqualTo(new[] { "k" }));
    }

    [Test]
    public void Modifiers_are_the_species_in_the_rate_law_that_the_reaction_does_not_change()
    {
        var network = AntimonyReader.Read("J1: S -> P; kcat*E*S/(Km + S) + I*0\nspecies E, I\nkcat = 1; Km = 2");
        Assert.That(network.FindReaction("J1")!.Modifiers, Is.EqualTo(new[] { "E", "I" }));
    }

    [Test]
    public void Species_declarations_compartments_and_initial_values()
    {
        var network = AntimonyReader.Read("""
            compartment cell = 2, nucleus = 0.5;
            species S in cell = 1;
            species S1, $S2 in nucleus;
            T in cell
            const species F in cell = 3
            var species V
            substanceOnly species N in cell = 4
            substanceOnly M
            S1 = 7
            """);

        Assert.That(network.Compartments, Is.EqualTo(new[] { new Compartment("cell", 2), new Compartment("nucleus", 0.5), new Compartment("default_compartment", 1) }));
        Assert.That(network.Species, Is.EqualTo(new[]
        {
            new Species("S", "cell", 1),
            new Species("S1", "default_compartment", 7),
            new Species("S2", "nucleus", 0, IsBoundary: true),
            new Species("T", "cell"),
            new Species("F", "cell", 3, IsBoundary: true),
            new Species("V", "default_compartment"),
            new Species("N", "cell", 4, InitialIsConcentration: false, HasOnlySubstanceUnits: true),
            new Species("M", "default_compartment", 0, InitialIsConcentration: false, HasOnlySubstanceUnits: true),
        }));
    }

    [Test]
    public void Species_value_is_a_concentration_unless_substance_only()
    {
        // In a compartment of size 2, S = 1 is one concentration unit (two amount units); N = 4 is four amount units.
        var network = AntimonyReader.Read("compartment c = 2\nspecies S in c = 1\nsubstanceOnly species N in c = 4\nJ1: S -> N; 0");
        var model = Sim.Modeling.Compilation.ModelCompiler.Compile(network);
        var y0 = model.InitialState();
        Assert.That(y0[model.IndexOfState("S")], Is.EqualTo(2.0), "reactions change amounts: S starts with 1 × 2");
        Assert.That(y0[model.IndexOfState("N")], Is.EqualTo(4.0));
    }

    [Test]
    public void Parameters_values_initial_assignments_and_constness()
    {
        var network = AntimonyReader.Read("""
            a = 1.5
            b = -2e-3
            c = 2*a
            var d = 4
            const e = 5
            formula f = 6
            g = 1; g = 8
            h = 3; h = a + 1
            i = 10 mM
            j = 0.5 second
            at time > 1: d = 0
            """);

        Assert.That(network.Parameters, Is.EqualTo(new[]
        {
            new Parameter("a", 1.5),
            new Parameter("b", -2e-3),
            new Parameter("c", 0),
            new Parameter("d", 4, IsConstant: false),
            new Parameter("e", 5),
            new Parameter("f", 6),
            new Parameter("g", 8),
            new Parameter("h", 0),
            new Parameter("i", 10),
            new Parameter("j", 0.5),
        }));
        Assert.That(network.InitialAssignments, Is.EqualTo(new[] { new InitialAssignment("c", E("2*a")), new InitialAssignment("h", E("a + 1")) }), "a formula that is not a number is an initial assignment; the last definition wins");
    }

    [Test]
    public void Unit_definitions_and_has_clauses_are_read_and_ignored()
    {
        var network = AntimonyReader.Read("unit mM = 1e-3 mole / litre\nunit hour\nk = 2 mM\nk has mM\nspecies S = 1 mM, T has mM");
        Assert.That(network.Parameters, Is.EqualTo(new[] { new Parameter("k", 2) }));
        Assert.That(network.Species.Select(s => (s.Id, s.InitialValue)), Is.EqualTo(new[] { ("S", 1.0), ("T", 0.0) }));
    }

    [Test]
    public void Assignment_and_rate_rules_make_their_targets_variable()
    {
        var network = AntimonyReader.Read("""
            species S = 1, P
            total := S + P
            ratio : = S / total
            x = 2
            x' = -0.1*x
            c = 1
            c := 3
            compartment cell = 1
            cell' = 0.01
            """);

        Assert.That(network.AssignmentRules, Is.EqualTo(new[] { new AssignmentRule("total", E("S + P")), new AssignmentRule("ratio", E("S / total")), new AssignmentRule("c", E("3")) }));
        Assert.That(network.RateRules, Is.EqualTo(new[] { new RateRule("x", E("-0.1*x")), new RateRule("cell", E("0.01")) }));
        Assert.That(network.Parameters.Where(p => !p.IsConstant).Select(p => p.Id), Is.EqualTo(new[] { "total", "ratio", "x", "c" }));
        Assert.That(network.FindCompartment("cell")!.IsConstant, Is.False);
    }

    [Test]
    public void A_later_rule_replaces_an_earlier_one_of_either_kind()
    {
        var network = AntimonyReader.Read("x = 1\nx := 2\nx' = 3\ny := 1\ny := 2");
        Assert.That(network.AssignmentRules, Is.EqualTo(new[] { new AssignmentRule("y", E("2")) }));
        Assert.That(network.RateRules, Is.EqualTo(new[] { new RateRule("x", E("3")) }));
    }

    [Test]
    public void Functions_outside_and_inside_the_model_over_several_lines_in_any_order()
    {
        var network = AntimonyReader.Read("""
            function hill(x, K, n)
              x^n /
                (K^n + x^n)
            end

            model m
              function act(s)
                hill(s, 1, twice(2))
              end
              function twice(v) 2*v; end
              function zero() 0 end
              J1: -> P; act(S) + zero()
              species S = 1
            end
            """);

        Assert.That(network.Functions.Select(f => f.ToString()), Is.EqualTo(new[]
        {
            "hill(x, K, n) = x^n / (K^n + x^n)",
            "act(s) = hill(s, 1, twice(2))",
            "twice(v) = 2 * v",
            "zero() = 0",
        }));
        Assert.That(network.FindReaction("J1")!.KineticLaw, Is.EqualTo(ExpressionParser.Parse("act(S) + zero()", ExpressionParserOptions.ForFunctions(network.FunctionLibrary))));
    }

    [Test]
    public void Events_with_names_settings_and_assignments_over_several_lines()
    {
        var network = AntimonyReader.Read("""
            species S = 1
            k = 1; p = 0
            E1: at (time > 10): S = S + 5, k = 2;
            at time > 20, priority = p + 1, t0 = false, persistent = false, fromTrigger = false:
                S = 0,
                k = 3
            E3: at(S < 0.5), t0 = true, persistent = 1, fromTrigger = true: p = 1
            """);

        Assert.That(network.Events, Is.EqualTo(new[]
        {
            new ModelEvent("E1", E("time > 10"), [new EventAssignment("S", E("S + 5")), new EventAssignment("k", E("2"))]),
            new ModelEvent("_E0", E("time > 20"), [new EventAssignment("S", E("0")), new EventAssignment("k", E("3"))], E("p + 1"), triggerInitialValue: false, isPersistent: false, useValuesFromTriggerTime: false),
            new ModelEvent("E3", E("S < 0.5"), [new EventAssignment("p", E("1"))]),
        }));
        Assert.That(network.Parameters.Select(p => p.IsConstant), Is.EqualTo(new[] { false, false }), "event targets are variable");
    }

    [Test]
    public void Display_names_are_read_and_ignored()
    {
        var network = AntimonyReader.Read("J1: A -> B; k*A\nk = 1\nA is \"Ethyl alcohol\"\nJ1 is \"conversion\"");
        Assert.That(network.Species.Select(s => s.Id), Is.EqualTo(new[] { "A", "B" }));
    }

    [Test]
    public void Time_and_constants_can_be_used_in_formulas()
    {
        var network = AntimonyReader.Read("x := sin(pi*time) + exponentiale*0 + piecewise(1, time < 2, 0) + (true && !false)");
        Assert.That(network.AssignmentRules.Single().Expression, Is.EqualTo(E("sin(pi*time) + exponentiale*0 + piecewise(1, time < 2, 0) + (true && !false)")));
    }

    [Test]
    public void Declared_default_compartment_holds_species_without_one()
    {
        var network = AntimonyReader.Read("compartment default_compartment = 3\nspecies S = 1");
        Assert.That(network.Compartments, Is.EqualTo(new[] { new Compartment("default_compartment", 3) }));
        Assert.That(network.FindSpecies("S")!.Compartment, Is.EqualTo("default_compartment"));
    }

    [Test]
    public void Declared_compartment_without_size_has_size_one_and_var_compartment_is_variable()
    {
        var network = AntimonyReader.Read("compartment c\nvar compartment v = 2\nconst compartment k = 3");
        Assert.That(network.Compartments, Is.EqualTo(new[] { new Compartment("c", 1), new Compartment("v", 2, IsConstant: false), new Compartment("k", 3) }));
    }

    [Test]
    public void Parameter_set_keeps_the_last_value_of_a_name_and_reads_units_after_numbers()
    {
        var values = AntimonyReader.ReadParameterSet("// a set\nk = 1; j = -2.5e-1 uM\nk = 3\n");
        Assert.That(values, Is.EqualTo(new Dictionary<string, double> { ["k"] = 3, ["j"] = -0.25 }));
        Assert.That(values.Keys, Is.EqualTo(new[] { "k", "j" }));
    }

    [Test]
    public void Applying_a_parameter_set_replaces_values_and_drops_replaced_initial_assignments()
    {
        var network = AntimonyReader.Read("compartment c = 1\nspecies S in c = 1\nk = 2\nx = 2*k\nJ1: S -> ; k*S");
        var applied = AntimonyReader.ApplyParameterSet(network, "k = 5; x = 7; S = 0.5; c = 2");
        Assert.That(applied.Parameters, Is.EqualTo(new[] { new Parameter("k", 5), new Parameter("x", 7) }));
        Assert.That(applied.InitialAssignments, Is.Empty);
        Assert.That(applied.FindSpecies("S")!.InitialValue, Is.EqualTo(0.5));
        Assert.That(applied.FindCompartment("c")!.Size, Is.EqualTo(2));
    }

    [Test]
    public void Windows_and_old_mac_line_breaks_separate_statements()
    {
        var network = AntimonyReader.Read("a = 1\r\nb = 2\rc = 3");
        Assert.That(network.Parameters.Select(p => p.Value), Is.EqualTo(new[] { 1.0, 2, 3 }));
    }
}
