using Ferroptosis.Sim.Modeling.Networks;

namespace Ferroptosis.Sim.Tests.Modeling.Compilation;

/// <summary>Small networks that together exercise every construct the compiler handles.</summary>
public static class TestNetworks
{
    /// <summary>Gets the networks by name.</summary>
    public static IEnumerable<TestCaseData> All()
    {
        yield return new TestCaseData(MassAction()).SetArgDisplayNames("mass action");
        yield return new TestCaseData(MichaelisMentenTwoCompartments()).SetArgDisplayNames("Michaelis-Menten, two compartments");
        yield return new TestCaseData(HillPiecewise()).SetArgDisplayNames("Hill and piecewise");
        yield return new TestCaseData(RulesAndFunctions()).SetArgDisplayNames("rules and functions");
        yield return new TestCaseData(SubstanceUnits()).SetArgDisplayNames("only substance units, local parameters");
    }

    public static ReactionNetwork MassAction() => new ReactionNetworkBuilder("mass_action")
        .Compartment("cell", 1)
        .Species("A", 1.0).Species("B", 0.5).Species("C", 0).Species("D", 0)
        .Parameter("kf", 2.0).Parameter("kr", 0.3).Parameter("k2", 0.7)
        .Reaction("bind", "A + B -> C", "kf*A*B - kr*C")
        .Reaction("convert", "C => 2 D", "k2*C")
        .Build();

    public static ReactionNetwork MichaelisMentenTwoCompartments() => new ReactionNetworkBuilder("mm2")
        .Compartment("cyt", 2.0).Compartment("nuc", 0.5)
        .Species("S", 3.0, "cyt").Species("P", 0, "cyt").Species("E", 0.2, "cyt").Species("Pn", 0, "nuc")
        .Parameter("kcat", 1.5).Parameter("Km", 0.8).Parameter("kt", 0.4)
        .Reaction("cat", "S => P", "cyt*kcat*E*S/(Km + S)", modifiers: ["E"])
        .Reaction("import", "P => Pn", "kt*P*cyt - kt*Pn*nuc")
        .Build();

    public static ReactionNetwork HillPiecewise() => new ReactionNetworkBuilder("hill_pw")
        .Compartment("cell", 1)
        .Species("X", 0.5).Species("Y", 1.0)
        .Parameter("Vmax", 2).Parameter("K", 0.7).Parameter("n", 3.0).Parameter("kd", 0.4)
        .Reaction("make", "=> Y", "piecewise(Vmax*X^n/(K^n + X^n), time < 5, 0.1*X)")
        .Reaction("decay", "Y =>", "kd*Y*exp(-0.1*time)")
        .Reaction("feed", "=> X", "0.2 + 0.1*sin(time)")
        .Reaction("use", "X =>", "kd*max(X - 0.1, 0)")
        .Build();

    public static ReactionNetwork RulesAndFunctions() => new ReactionNetworkBuilder("rules")
        .Compartment("cell", 1)
        .Species("A", 2).Species("B", 1)
        .Parameter("k", 0.5).Parameter("total", 0, isConstant: false).Parameter("ratio", 0, isConstant: false).Parameter("growth", 1, isConstant: false)
        .Function("hill", ["x", "K", "h"], "x^h/(K^h + x^h)")
        .AssignmentRule("total", "A + B")
        .AssignmentRule("ratio", "A/total")
        .RateRule("growth", "0.1*growth*hill(A, 1, 2)")
        .Reaction("AtoB", "A -> B", "k*A*hill(ratio, 0.5, 2) - 0.1*B*growth")
        .Build();

    public static ReactionNetwork SubstanceUnits() => new ReactionNetworkBuilder("hosu")
        .Compartment("v", 3.0)
        .Species("N", 6.0, "v", hasOnlySubstanceUnits: true, initialIsAmount: true)
        .Species("M", 0.2, "v")
        .Reaction(new Reaction(
            "conv",
            [new SpeciesReference("N")],
            [new SpeciesReference("M", 2)],
            Sim.Modeling.Expressions.Expr.Parse("kloc*N*M + 0.01"),
            localParameters: new Dictionary<string, double> { ["kloc"] = 0.3 }))
        .Build();
}
