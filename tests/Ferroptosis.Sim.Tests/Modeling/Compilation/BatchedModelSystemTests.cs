using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using Ferroptosis.Sim.Formats.Antimony;
using Ferroptosis.Sim.Modeling.Compilation;
using Ferroptosis.Sim.Ode;
using Ferroptosis.Sim.Ode.Batched;
using Ferroptosis.Sim.Pathway;
using Ferroptosis.Sim.Tests.Ode;
using Ferroptosis.Sim.Tests.Ode.Batched;

namespace Ferroptosis.Sim.Tests.Modeling.Compilation;

/// <summary>The batched right-hand side of a compiled model: lane j is the scalar model with lane j's parameters, bit for bit.</summary>
/// <remarks>
/// The rule: every function (exp, pow with a non-literal exponent, min, …) is the scalar method called per lane and
/// every arithmetic operation is lane-wise IEEE, so the comparison with <see cref="ModelInstance.Evaluate"/> is exact,
/// not within a tolerance.
/// </remarks>
[TestFixture]
public sealed class BatchedModelSystemTests
{
    private const string Toy = """
        model toy
          J1: -> A; k0 * exp(-time / tau)
          J2: A -> B; Vm * A^h / (K^h + A^h)
          J3: B -> ; kd * B * piecewise(2, B > thr, 1)
          J4: A -> ; min(kA, 0.5) * A^2
          A = 1; B = 0.2
          k0 = 1; tau = 5; Vm = 2; K = 0.7; h = 2.3; kd = 0.3; thr = 1; kA = 0.4
        end
        """;

    // The toy model without its piecewise switch: smooth, so a tight reference is cheap.
    private static readonly string SmoothToy = Toy.Replace("kd * B * piecewise(2, B > thr, 1)", "kd * B", StringComparison.Ordinal);

    private static IEnumerable<TestCaseData> Models()
    {
        yield return new TestCaseData(new Func<CompiledModel>(() => ModelCompiler.Compile(AntimonyReader.Read(Toy)))).SetArgDisplayNames("toy");
        yield return new TestCaseData(new Func<CompiledModel>(() => FerroptosisModel.Default.Compiled)).SetArgDisplayNames("ferroptosis");
    }

    [TestCaseSource(nameof(Models))]
    public void EveryLane_IsTheScalarModelWithItsParameters_BitForBit(Func<CompiledModel> compile)
    {
        var model = compile();
        var batched = model.CreateBatchedSystem();
        int n = model.Dimension;
        int m = model.ParameterIds.Count;
        int w = Vector256<double>.Count;
        Assert.That((batched.Dimension, batched.ParameterCount), Is.EqualTo((n, m)));
        var random = new Random(20261206);
        var y0 = model.InitialState();
        var y = new Vector256<double>[n];
        var p = new Vector256<double>[m];
        var f = new Vector256<double>[n];
        var ys = MemoryMarshal.Cast<Vector256<double>, double>(y.AsSpan());
        var ps = MemoryMarshal.Cast<Vector256<double>, double>(p.AsSpan());
        var times = new double[w];
        for (int trial = 0; trial < 20; trial++)
        {
            for (int lane = 0; lane < w; lane++)
            {
                times[lane] = 48 * random.NextDouble();
                for (int i = 0; i < n; i++)
                {
                    ys[(i * w) + lane] = (y0[i] == 0 ? 0.1 : y0[i]) * (0.2 + (2 * random.NextDouble()));
                }

                for (int k = 0; k < m; k++)
                {
                    ps[(k * w) + lane] = model.DefaultParameters[k] * (0.8 + (0.45 * random.NextDouble()));
                }
            }

            batched.Evaluate(Vector256.Create<double>(times), y, p, f);
            var fs = MemoryMarshal.Cast<Vector256<double>, double>(f.AsSpan());
            for (int lane = 0; lane < w; lane++)
            {
                var instance = model.CreateInstance();
                var yLane = new double[n];
                for (int k = 0; k < m; k++)
                {
                    instance.Parameters[k] = ps[(k * w) + lane];
                }

                for (int i = 0; i < n; i++)
                {
                    yLane[i] = ys[(i * w) + lane];
                }

                var expected = new double[n];
                instance.Evaluate(times[lane], yLane, expected);
                var actual = new double[n];
                for (int i = 0; i < n; i++)
                {
                    actual[i] = fs[(i * w) + lane];
                }

                Assert.That(BatchedAssert.Bits(actual), Is.EqualTo(BatchedAssert.Bits(expected)), $"trial {trial}, lane {lane}");
            }
        }
    }

    [Test]
    public void Population_OfAReactionNetwork_IsTheScalarTsit5IntegrationOfEachCell()
    {
        var model = ModelCompiler.Compile(AntimonyReader.Read(Toy));
        int vm = model.IndexOfParameter("Vm");
        int h = model.IndexOfParameter("h");
        var y0 = model.InitialState();
        var defaults = model.DefaultParameters.ToArray();
        static (double Vm, double H) Cell(int cell) => (1 + (0.25 * cell), 1.5 + (0.2 * cell));
        var options = new OdeSolverOptions { RelativeTolerance = 1e-7, AbsoluteTolerance = 1e-9, OutputTimes = [0, 1, 5, 10, 20] };
        var problem = new BatchedEnsembleProblem(model.CreateBatchedSystem(), 0, 20, 7, (cell, y, p) =>
        {
            y0.CopyTo(y);
            defaults.CopyTo(p);
            (p[vm], p[h]) = Cell(cell);
        });
        var batched = BatchedEnsemble.Solve(problem, options, maxDegreeOfParallelism: 2);
        for (int cell = 0; cell < 7; cell++)
        {
            var instance = model.CreateInstance();
            (instance.Parameters[vm], instance.Parameters[h]) = Cell(cell);
            var scalar = Sim.Ode.Ode.Solve(new OdeProblem(instance, 0, 20, y0), OdeSolvers.Tsit5, options);
            Assert.That(scalar.IsSuccess, scalar.Message);
            BatchedAssert.SameAsScalar(batched, cell, scalar);
        }
    }

    [Test]
    public void VectorMath_CellsMatchTheScalarPathWithinTolerance_AndStayIndependentOfLaneAndThreads()
    {
        // Vector exp/log and exp(y·ln x) powers round differently from Math, so the solution is compared with a tight
        // reference within the global error the tolerance promises (SolverSources.ExpectedError), as the scalar path
        // would be, while runs of the same cell in other lanes, batches and thread counts must agree exactly.
        var model = ModelCompiler.Compile(AntimonyReader.Read(SmoothToy));
        int vm = model.IndexOfParameter("Vm");
        int h = model.IndexOfParameter("h");
        var y0 = model.InitialState();
        var defaults = model.DefaultParameters.ToArray();
        static (double Vm, double H) Cell(int cell, int position) => cell == position ? (1.6, 2.7) : (1 + (0.25 * cell), 1.5 + (0.2 * cell));
        var options = new OdeSolverOptions { RelativeTolerance = 1e-7, AbsoluteTolerance = 1e-9, OutputTimes = [0, 1, 5, 10, 20] };
        BatchedEnsembleSolution Run(int cells, int position, int threads) => BatchedEnsemble.Solve(
            new BatchedEnsembleProblem(model.CreateBatchedSystem(BatchedFunctions.VectorMath), 0, 20, cells, (cell, y, p) =>
            {
                y0.CopyTo(y);
                defaults.CopyTo(p);
                (p[vm], p[h]) = Cell(cell, position);
            }),
            options,
            maxDegreeOfParallelism: threads);

        var alone = Run(1, 0, 1);
        BatchedAssert.SameCell(Run(4, 3, 1), 3, alone, 0);
        BatchedAssert.SameCell(Run(11, 9, 2), 9, alone, 0);
        var instance = model.CreateInstance();
        (instance.Parameters[vm], instance.Parameters[h]) = Cell(0, 0);
        var reference = Sim.Ode.Ode.Solve(new OdeProblem(instance, 0, 20, y0), OdeSolvers.Verner7, options with { RelativeTolerance = 1e-11, AbsoluteTolerance = 1e-13 });
        Assert.That(reference.IsSuccess, reference.Message);
        var states = alone.GetStates(0);
        Assert.That(alone.GetStatus(0), Is.EqualTo(SolverStatus.Success));
        for (int i = 0; i < states.Length; i++)
        {
            double bound = SolverSources.ExpectedError(OdeSolvers.Tsit5, options.RelativeTolerance) * Math.Max(1, Math.Abs(reference.States[i]));
            Assert.That(states[i], Is.EqualTo(reference.States[i]).Within(bound), $"value {i}");
        }
    }

    [Test]
    public void ModelWithEvents_IsRefused()
    {
        var model = ModelCompiler.Compile(AntimonyReader.Read("""
            model withEvent
              J1: A -> ; k * A
              A = 1; k = 1
              E1: at (time > 1): k = 2
            end
            """));
        Assert.That(() => model.CreateBatchedSystem(), Throws.InstanceOf<NotSupportedException>().With.Message.Contains("events"));
    }
}
