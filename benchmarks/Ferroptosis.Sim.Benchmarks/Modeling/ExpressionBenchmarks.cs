using System.Globalization;
using BenchmarkDotNet.Attributes;
using Ferroptosis.Sim.Modeling.Expressions;

namespace Ferroptosis.Sim.Benchmarks.Modeling;

/// <summary>Compiled versus interpreted evaluation of typical rate laws, and the cost of compiling a large model.</summary>
/// <remarks>
/// The rate laws are the shapes that dominate curated SBML models: mass action, Michaelis–Menten, Hill with a literal
/// and with a symbolic exponent, competitive inhibition, and a switched (piecewise) degradation. Both paths read
/// the same input array; the interpreter resolves symbols through a precomputed name → index table.
/// Run: <c>dotnet run -c Release --project benchmarks/Ferroptosis.Sim.Benchmarks -- --filter *ExpressionBenchmarks*</c>.
/// </remarks>
[MemoryDiagnoser]
public class ExpressionBenchmarks
{
    private static readonly string[] TypicalRateLaws =
    [
        "k1 * A * B - k2 * C",
        "Vmax * S / (Km + S)",
        "Vmax * S^4 / (K^4 + S^4)",
        "Vmax * S^n / (K^n + S^n)",
        "kcat * E * S / (Km * (1 + I / Ki) + S)",
        "piecewise(kdeg * X, time < t0, kdeg * X * exp(-d * (time - t0)))",
    ];

    private readonly Dictionary<string, int> _table = new(StringComparer.Ordinal);
    private Expr[] _laws = [];
    private Func<string, double> _lookup = null!;
    private ExpressionKernel _kernel = null!;
    private double[] _inputs = [];
    private double[] _outputs = [];
    private List<Expr> _model = [];
    private Dictionary<string, int> _modelTable = [];

    [GlobalSetup]
    public void Setup()
    {
        _laws = TypicalRateLaws.Select(Expr.Parse).ToArray();
        foreach (var name in _laws.SelectMany(l => l.Symbols).Distinct())
        {
            _table[name] = _table.Count;
        }

        _inputs = Enumerable.Range(0, _table.Count).Select(i => 0.5 + (0.25 * i)).ToArray();
        _outputs = new double[_laws.Length];
        _kernel = ExpressionCompiler.Compile(_laws, _table).Kernel;
        _lookup = name => _inputs[_table[name]];
        (_model, _modelTable) = BuildModel(500);
    }

    /// <summary>All six rate laws through the compiled kernel.</summary>
    [Benchmark(Baseline = true)]
    public double Compiled()
    {
        _kernel(_inputs, _outputs);
        return _outputs[0];
    }

    /// <summary>All six rate laws through the reference interpreter.</summary>
    [Benchmark]
    public double Interpreted()
    {
        double sum = 0;
        foreach (var law in _laws)
        {
            sum += law.Evaluate(_lookup);
        }

        return sum;
    }

    /// <summary>Compiles 500 generated rate laws over 40 species and 60 parameters into one kernel.</summary>
    [Benchmark]
    public int Compile500RateLaws() => ExpressionCompiler.Compile(_model, _modelTable).OutputCount;

    /// <summary>Differentiates 500 rate laws by every species they use, and compiles rates and Jacobian entries together.</summary>
    [Benchmark]
    public int Compile500RateLawsWithJacobian()
    {
        var outputs = new List<Expr>(_model);
        foreach (var law in _model)
        {
            foreach (var symbol in law.Symbols)
            {
                if (symbol[0] == 'x')
                {
                    outputs.Add(law.Differentiate(symbol));
                }
            }
        }

        return ExpressionCompiler.Compile(outputs, _modelTable).OutputCount;
    }

    /// <summary>Builds n rate laws cycling through the typical shapes with species x0…x39 and parameters c0…c59.</summary>
    private static (List<Expr> Laws, Dictionary<string, int> Table) BuildModel(int n)
    {
        string[] shapes =
        [
            "c{0} * x{1} * x{2} - c{3} * x{4}",
            "c{0} * x{1} / (c{3} + x{1})",
            "c{0} * x{1}^4 / (c{3}^4 + x{1}^4)",
            "c{0} * x{1} / (c{3} * (1 + x{2} / c{5}) + x{1})",
            "piecewise(c{0} * x{1}, time < c{3}, c{0} * x{1} * exp(-c{5} * (time - c{3})))",
        ];
        var laws = new List<Expr>(n);
        for (int i = 0; i < n; i++)
        {
            string text = string.Format(CultureInfo.InvariantCulture, shapes[i % shapes.Length], i % 60, (7 * i) % 40, (13 * i) % 40, (3 * i) % 60, (11 * i) % 40, (17 * i) % 60);
            laws.Add(Expr.Parse(text));
        }

        var table = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var name in laws.SelectMany(l => l.Symbols).Distinct())
        {
            table[name] = table.Count;
        }

        return (laws, table);
    }
}
