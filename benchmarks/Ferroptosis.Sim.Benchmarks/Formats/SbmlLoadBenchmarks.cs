using BenchmarkDotNet.Attributes;
using Ferroptosis.Sim.Benchmarks.Modeling;
using Ferroptosis.Sim.Formats.Sbml;
using Ferroptosis.Sim.Modeling.Compilation;

namespace Ferroptosis.Sim.Benchmarks.Formats;

/// <summary>Reading and compiling a 1000-reaction SBML model: the claim is "well under a second" for load plus compile.</summary>
/// <remarks>
/// The model is generated in code: 500 species in two compartments, 1000 reactions (mass action, reversible mass
/// action, Michaelis–Menten with local parameters, Hill with a function definition), 50 assignment rules and two
/// events, written as SBML Level 3 Version 2 by <see cref="SbmlWriter"/> (about 1 MB). <c>Read</c> is the XML and
/// MathML reading plus network validation; <c>ReadAndCompile</c> adds compilation of the right-hand side, the analytic
/// Jacobian and the events. Run:
/// <c>dotnet run -c Release --project benchmarks/Ferroptosis.Sim.Benchmarks -- --filter '*SbmlLoadBenchmarks*'</c>.
/// </remarks>
[MemoryDiagnoser]
public class SbmlLoadBenchmarks
{
    private string _xml = string.Empty;

    /// <summary>Gets the number of reactions in the generated model.</summary>
    [Params(1000)]
    public int Reactions { get; set; }

    /// <summary>Builds the model and writes it as SBML.</summary>
    [GlobalSetup]
    public void Setup() => _xml = SbmlWriter.ToXml(SyntheticNetworks.Generate(Reactions));

    /// <summary>Reads the SBML text into a validated network.</summary>
    /// <returns>The number of reactions read.</returns>
    [Benchmark(Baseline = true)]
    public int Read() => SbmlReader.Parse(_xml).Network.Reactions.Count;

    /// <summary>Reads the SBML text and compiles the network.</summary>
    /// <returns>The state dimension.</returns>
    [Benchmark]
    public int ReadAndCompile() => ModelCompiler.Compile(SbmlReader.Parse(_xml).Network).Dimension;
}
