using BenchmarkDotNet.Attributes;
using Ferroptosis.Sim.Benchmarks.Problems;
using Ferroptosis.Sim.Modeling.Compilation;
using Ferroptosis.Sim.Ode;
using Ferroptosis.Sim.Pathway;

namespace Ferroptosis.Sim.Benchmarks.Modeling;

/// <summary>One right-hand-side or Jacobian evaluation of a model: compiled (the model layer), interpreted (the reference interpreter on the same expressions) and hand-written C#.</summary>
/// <remarks>
/// <para>
/// Models: the 20-species, 40-reaction network of <see cref="SyntheticNetworks.Network20By40"/> (hand-written
/// twin: <see cref="HandWrittenNetwork"/>, right-hand side and Jacobian) and the curated ferroptosis model v1
/// (the version the twin transcribes) with the osteoblast parameters and erastin 10 µM (16 states, 43 reactions, 34 assignment rules; hand-written
/// twin: <see cref="HandWrittenPathway"/>, right-hand side only). Each evaluation goes through
/// <see cref="IOdeSystem"/>, as the solvers call it; the compiled model's Jacobian is scattered into the dense
/// matrix the solvers use, as is the interpreter's.
/// </para>
/// <para>
/// The state is the network's initial state, and the pathway model's state at 48 h (past the death switch,
/// so every branch of the rate laws is active). <see cref="Setup"/> checks that every implementation agrees with
/// the compiled model to 1e-9 (relative), so the comparison is between equal computations.
/// </para>
/// </remarks>
public class EvaluationBenchmarks
{
    private static readonly string[] Models = ["network20x40", "pathway"];
    private static readonly string[] Kinds = ["Rhs", "Jacobian"];
    private static readonly string[] Implementations = ["Compiled", "Interpreted", "HandWritten"];
    private IOdeSystem _system = null!;
    private double[] _y = [];
    private double[] _output = [];
    private bool _jacobian;

    /// <summary>Gets the cases "model/kind/implementation".</summary>
    public static IEnumerable<string> Cases =>
        from model in Models
        from kind in Kinds
        from implementation in Implementations
        where !(model == "pathway" && kind == "Jacobian" && implementation == "HandWritten")
        select $"{model}/{kind}/{implementation}";

    /// <summary>Gets or sets the case.</summary>
    [ParamsSource(nameof(Cases))]
    public string Case { get; set; } = "";

    /// <summary>Builds the implementations and checks they agree.</summary>
    [GlobalSetup]
    public void Setup()
    {
        string[] parts = Case.Split('/');
        ModelInstance compiled;
        IOdeSystem handWritten;
        if (parts[0] == "pathway")
        {
            // The hand-written twin transcribes model v1, so this case runs v1 whatever the default is.
            compiled = PathwayProblems.CreateInstance(BoneCell.Osteoblast, FerroptosisModel.Version1);
            _y = PathwayProblems.StateAt48Hours(BoneCell.Osteoblast, FerroptosisModel.Version1);
            handWritten = new HandWrittenPathway(compiled);
        }
        else
        {
            compiled = ModelCompiler.Compile(SyntheticNetworks.Network20By40).CreateInstance();
            _y = compiled.ComputeInitialState(0);
            handWritten = new HandWrittenNetwork();
        }

        _jacobian = parts[1] == "Jacobian";
        _system = parts[2] switch
        {
            "Compiled" => compiled,
            "Interpreted" => new InterpretedModel(compiled),
            _ => handWritten,
        };
        int n = compiled.Dimension;
        _output = new double[_jacobian ? n * n : n];
        var expected = new double[_output.Length];
        Run(compiled, expected);
        Run(_system, _output);
        for (int i = 0; i < expected.Length; i++)
        {
            if (Math.Abs(_output[i] - expected[i]) > 1e-9 * Math.Max(1e-6, Math.Abs(expected[i])))
            {
                throw new InvalidOperationException($"{Case}: entry {i} is {_output[i]:R}, the compiled model gives {expected[i]:R}.");
            }
        }
    }

    /// <summary>One evaluation.</summary>
    /// <returns>The first output entry.</returns>
    [Benchmark]
    public double Evaluate()
    {
        Run(_system, _output);
        return _output[0];
    }

    private void Run(IOdeSystem system, double[] output)
    {
        if (_jacobian)
        {
            system.EvaluateJacobian(0, _y, output);
        }
        else
        {
            system.Evaluate(0, _y, output);
        }
    }
}
