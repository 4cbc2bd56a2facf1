using BenchmarkDotNet.Attributes;
using Ferroptosis.Sim.Formats.Antimony;
using Ferroptosis.Sim.Modeling.Compilation;
using Ferroptosis.Sim.Modeling.Networks;
using Ferroptosis.Sim.Pathway;

namespace Ferroptosis.Sim.Benchmarks.Formats;

/// <summary>Loading the curated ferroptosis model from Antimony text: reading alone, reading plus compiling to an ODE system, and writing it back.</summary>
/// <remarks>
/// The model (the default version's base file, models/ferroptosis/v2/ferroptosis.ant; in v1: 16 species, 43 reactions,
/// 34 assignment rules, 3 functions, about 300 lines) is read from the repository once; each benchmark starts from its text or network.
/// Run: <c>dotnet run -c Release --project benchmarks/Ferroptosis.Sim.Benchmarks -- --filter '*AntimonyLoadBenchmarks*'</c>.
/// </remarks>
[MemoryDiagnoser]
public class AntimonyLoadBenchmarks
{
    private string _text = string.Empty;
    private ReactionNetwork _network = null!;

    [GlobalSetup]
    public void Setup()
    {
        _text = File.ReadAllText(ModelPath());
        _network = AntimonyReader.Read(_text);
    }

    /// <summary>Text to validated network.</summary>
    [Benchmark(Baseline = true)]
    public ReactionNetwork Read() => AntimonyReader.Read(_text);

    /// <summary>Text to compiled ODE system (rate laws, analytic Jacobian, events), what opening a model file costs.</summary>
    [Benchmark]
    public CompiledModel ReadAndCompile() => ModelCompiler.Compile(AntimonyReader.Read(_text));

    /// <summary>Network to text.</summary>
    [Benchmark]
    public string Write() => AntimonyWriter.Write(_network);

    /// <summary>Finds the default model version's models/ferroptosis/vN/ferroptosis.ant above the running assembly (BenchmarkDotNet runs a copy in a subfolder of the build output).</summary>
    internal static string ModelPath()
    {
        string relative = Path.Combine("models", "ferroptosis", FerroptosisModel.Default.Folder, FerroptosisModel.BaseFile);
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, relative);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException($"{relative.Replace('\\', '/')} was not found above {AppContext.BaseDirectory}.");
    }
}
