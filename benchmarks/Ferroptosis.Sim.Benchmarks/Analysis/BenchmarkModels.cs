using Ferroptosis.Sim.Modeling.Compilation;
using Ferroptosis.Sim.Modeling.Networks;

namespace Ferroptosis.Sim.Benchmarks.Analysis;

/// <summary>Small models for the analysis benchmarks (the pathway-model versions come with the pathway layer).</summary>
public static class BenchmarkModels
{
    /// <summary>Gets mass-action enzyme kinetics E + S ⇌ ES → E + P with fast binding: stiff when kon·S0 ≫ kcat (stiffness ratio up to ~10³ in the scan).</summary>
    public static CompiledModel Enzyme { get; } = ModelCompiler.Compile(new ReactionNetworkBuilder("enzyme")
        .Compartment("cell", 1)
        .Species("E", 0.1).Species("S", 1.0).Species("ES", 0).Species("P", 0)
        .Parameter("kon", 100).Parameter("koff", 50).Parameter("kcat", 1)
        .Reaction("bind", "E + S -> ES", "kon*E*S - koff*ES")
        .Reaction("cat", "ES => E + P", "kcat*ES")
        .Build());

    /// <summary>Gets a three-variable cell-death toy: a protective pool G, lipid peroxides L whose production G suppresses, and survival S that falls steeply once L exceeds K.</summary>
    public static CompiledModel Survival { get; } = ModelCompiler.Compile(new ReactionNetworkBuilder("survival")
        .Compartment("cell", 1)
        .Species("G", 1.0).Species("L", 0.05).Species("S", 1.0)
        .Parameter("ksyn", 0.2).Parameter("kuse", 0.2).Parameter("drug", 0.7)
        .Parameter("kox", 0.5).Parameter("Kg", 0.2).Parameter("kred", 1.0)
        .Parameter("kdeath", 0.3).Parameter("K", 1.0)
        .Reaction("make_G", "=> G", "ksyn*(1 - drug)")
        .Reaction("use_G", "G =>", "kuse*G")
        .Reaction("oxidise", "=> L", "kox/(1 + G/Kg)")
        .Reaction("reduce", "L =>", "kred*G*L")
        .Reaction("die", "S =>", "kdeath*S*L^4/(L^4 + K^4)")
        .Build());
}
