using BenchmarkDotNet.Attributes;
using Ferroptosis.Sim.Modeling.Compilation;
using Ferroptosis.Sim.Modeling.Networks;
using Ferroptosis.Sim.Pathway;

namespace Ferroptosis.Sim.Benchmarks.Modeling;

/// <summary>Compiling a validated network into an ODE system (right-hand side, symbolic Jacobian, events): the 20×40 network, the curated pathway model and a generated 500-reaction network.</summary>
/// <remarks>
/// <see cref="ModelCompiler.Compile"/> does the whole job a model load pays after parsing: layout, symbol
/// resolution with rules and functions inlined, simplification, symbolic differentiation for every
/// structural Jacobian entry, and compilation of the kernels to delegates (System.Linq.Expressions). The
/// generated network (<see cref="SyntheticNetworks.Generate"/>: 250 species in two compartments, 500
/// reactions of four rate-law shapes, 50 assignment rules, two events) stands for a large curated model.
/// </remarks>
public class CompileBenchmarks
{
    private ReactionNetwork _network = null!;

    /// <summary>Gets or sets the network.</summary>
    [Params("network20x40", "pathway", "generated500")]
    public string Network { get; set; } = "pathway";

    /// <summary>Builds the network outside the measurement.</summary>
    [GlobalSetup]
    public void Setup() => _network = Network switch
    {
        "network20x40" => SyntheticNetworks.Network20By40,
        "pathway" => FerroptosisModel.Default.Network,
        _ => SyntheticNetworks.Generate(500),
    };

    /// <summary>Compiles the network.</summary>
    /// <returns>The compiled model.</returns>
    [Benchmark]
    public CompiledModel Compile() => ModelCompiler.Compile(_network);
}
