using BenchmarkDotNet.Attributes;
using Ferroptosis.Sim.Formats.Sbml;
using Ferroptosis.Sim.Modeling.Compilation;

namespace Ferroptosis.Sim.Benchmarks.Formats;

/// <summary>Reading and compiling generated mass-action models of 1 000 to 20 000 species and reactions: the cost must grow linearly with the size.</summary>
/// <remarks>
/// Until the hardening work, the layout, the right-hand side and the Jacobian pattern each looked at every reaction
/// (or every state) for every species, so 20 000 reactions took over a minute. Run:
/// <c>dotnet run -c Release --project benchmarks/Ferroptosis.Sim.Benchmarks -- --filter '*CompileScalingBenchmarks*' --job short</c>;
/// for one timed run per size without BenchmarkDotNet, the <c>compile-scaling</c> command (<see cref="CompileScalingCommand"/>).
/// </remarks>
[MemoryDiagnoser]
public class CompileScalingBenchmarks
{
    private string _xml = string.Empty;

    /// <summary>Gets or sets the number of species, parameters and reactions.</summary>
    [Params(1000, 5000, 20000)]
    public int Size { get; set; }

    /// <summary>Generates the model text.</summary>
    [GlobalSetup]
    public void Setup() => _xml = LargeSbmlModels.MassAction(Size);

    /// <summary>Reads the SBML text and compiles the network (right-hand side, Jacobian, events).</summary>
    /// <returns>The state dimension.</returns>
    [Benchmark]
    public int ReadAndCompile() => ModelCompiler.Compile(SbmlReader.Parse(_xml).Network).Dimension;
}
