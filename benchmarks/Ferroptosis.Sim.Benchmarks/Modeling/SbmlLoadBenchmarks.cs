using System.Globalization;
using BenchmarkDotNet.Attributes;
using Ferroptosis.Sim.Formats.Sbml;
using Ferroptosis.Sim.Modeling.Compilation;
using Ferroptosis.Sim.Modeling.Networks;

namespace Ferroptosis.Sim.Benchmarks.Modeling;

/// <summary>Reading and compiling a 1000-reaction SBML model: the claim is "well under a second" for load plus compile.</summary>
/// <remarks>
/// The model is generated in code: 500 species in two compartments, 1000 reactions (mass action, reversible mass
/// action, Michaelis–Menten with local parameters, Hill with a function definition), 50 assignment rules and two
/// events, written as SBML Level 3 Version 2 by <see cref="SbmlWriter"/> (about 1 MB). <c>Read</c> is the XML and
/// MathML reading plus network validation; <c>ReadAndCompile</c> adds compilation of the right-hand side, the analytic
/// Jacobian and the events. Run:
/// <c>dotnet run -c Release --project benchmarks/Ferroptosis.Sim.Benchmarks -- --filter *SbmlLoadBenchmarks*</c>.
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
    public void Setup() => _xml = SbmlWriter.ToXml(Generate(Reactions));

    /// <summary>Reads the SBML text into a validated network.</summary>
    /// <returns>The number of reactions read.</returns>
    [Benchmark(Baseline = true)]
    public int Read() => SbmlReader.Parse(_xml).Network.Reactions.Count;

    /// <summary>Reads the SBML text and compiles the network.</summary>
    /// <returns>The state dimension.</returns>
    [Benchmark]
    public int ReadAndCompile() => ModelCompiler.Compile(SbmlReader.Parse(_xml).Network).Dimension;

    /// <summary>Generates a network with <paramref name="reactions"/> reactions over reactions/2 species.</summary>
    /// <param name="reactions">The number of reactions.</param>
    /// <returns>The network.</returns>
    public static ReactionNetwork Generate(int reactions)
    {
        int species = Math.Max(4, reactions / 2);
        var random = new Random(42);
        var builder = new ReactionNetworkBuilder("generated")
            .Compartment("cytosol", 1.0)
            .Compartment("nucleus", 0.2)
            .Function("hill", ["x", "K", "h"], "x^h/(K^h + x^h)");
        string S(int i) => "S" + i.ToString(CultureInfo.InvariantCulture);
        for (int i = 0; i < species; i++)
        {
            builder.Species(S(i), 0.1 + random.NextDouble(), i % 5 == 0 ? "nucleus" : "cytosol");
        }

        for (int j = 0; j < reactions; j++)
        {
            string id = "R" + j.ToString(CultureInfo.InvariantCulture);
            string k = "k" + j.ToString(CultureInfo.InvariantCulture);
            builder.Parameter(k, 0.01 + random.NextDouble());
            string a = S(random.Next(species)), b = S(random.Next(species)), c = S(random.Next(species));
            switch (j % 4)
            {
                case 0:
                    builder.Reaction(id, $"{a} + {b} => {c}", $"{k}*{a}*{b}");
                    break;
                case 1:
                    builder.Reaction(id, $"{a} -> {b}", $"{k}*{a} - 0.1*{k}*{b}");
                    break;
                case 2:
                    builder.Reaction(id, $"{a} => {b}", $"Vmax*{c}*{a}/(Km + {a})", new Dictionary<string, double> { ["Vmax"] = 1 + random.NextDouble(), ["Km"] = 0.5 }, [c]);
                    break;
                default:
                    builder.Reaction(id, $"=> {a}", $"{k}*hill({b}, 0.5, 4)");
                    break;
            }
        }

        for (int r = 0; r < 50; r++)
        {
            string total = "total" + r.ToString(CultureInfo.InvariantCulture);
            builder.Parameter(total, 0, isConstant: false).AssignmentRule(total, $"{S(r)} + {S(r + 1)} + {S(r + 2)}");
        }

        builder.Parameter("kick", 0, isConstant: false)
            .Event("pulse", "time >= 10", ("kick", "1"))
            .Event("threshold", $"{S(0)} > 5", (S(0), "1"));
        return builder.Build();
    }
}
