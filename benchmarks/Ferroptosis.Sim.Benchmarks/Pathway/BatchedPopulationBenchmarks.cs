using BenchmarkDotNet.Attributes;
using Ferroptosis.Sim.Benchmarks.Problems;
using Ferroptosis.Sim.Modeling.Compilation;
using Ferroptosis.Sim.Ode;
using Ferroptosis.Sim.Ode.Batched;
using Ferroptosis.Sim.Pathway;

namespace Ferroptosis.Sim.Benchmarks.Pathway;

/// <summary>A pathway population solved cell by cell (scalar Tsit5 on all cores) and four cells at a time in the lanes of <see cref="System.Runtime.Intrinsics.Vector256{T}"/> (<see cref="BatchedEnsemble"/>, all cores).</summary>
/// <remarks>
/// <para>
/// The protocol of <see cref="CellPopulationBenchmarks"/>: osteoblast parameters, the stored resting state, erastin
/// 10 µM from t = 0, 48 h, rtol 1e-7 and atol 1e-9; each cell multiplies IC50_ERA, k_d and LPO_th by lognormal
/// factors (median 1, σ of the log 0.25) drawn from a fixed seed. Both paths run Tsit5 with the same options and
/// record the state at 24 h and 48 h, so they do the same steps: the batched cells equal the scalar ones bit for bit
/// (checked in the set-up, which prints the largest difference). The ratio of the two is what the lanes buy; the
/// scalar path here goes through <see cref="Sim.Ode.Ode.Solve"/> with a reused <see cref="ModelInstance"/> per thread,
/// not through the pathway API's read-outs.
/// </para>
/// </remarks>
public class BatchedPopulationBenchmarks
{
    private static readonly string[] Varied = ["IC50_ERA", "k_d", "LPO_th"];
    private CompiledModel _model = null!;
    private IBatchedOdeSystem _batched = null!;
    private IBatchedOdeSystem _batchedVectorMath = null!;
    private double[] _cellParameters = null!;
    private double[] _initial = null!;
    private OdeSolverOptions _options = null!;

    /// <summary>Gets or sets the number of cells.</summary>
    [Params(2_000)]
    public int Cells { get; set; }

    /// <summary>Builds the population and runs both paths once, printing the largest difference between them.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var cell = BoneCell.Osteoblast;
        _model = PathwayProblems.Model.Compiled;
        _batched = _model.CreateBatchedSystem();
        _batchedVectorMath = _model.CreateBatchedSystem(BatchedFunctions.VectorMath);
        _initial = PathwayProblems.For(cell).InitialState;
        int m = _model.ParameterIds.Count;
        var random = new Random(1);
        _cellParameters = new double[Cells * m];
        for (int c = 0; c < Cells; c++)
        {
            // Each cell's parameter vector as a simulation sets it up: cell type, drug, the varied parameters, then the
            // initial assignments that depend on them.
            var instance = _model.CreateInstance();
            foreach (var (id, value) in cell.ParametersIn(PathwayProblems.Model))
            {
                instance.SetParameter(id, value);
            }

            instance.SetParameter("erastin", PathwayProblems.ErastinMicromolar);
            foreach (string id in Varied)
            {
                // Box–Muller: a standard normal from two uniforms, then the lognormal factor exp(0.25·z).
                double z = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
                instance.SetParameter(id, instance.GetParameter(id) * Math.Exp(0.25 * z));
            }

            instance.ComputeInitialState();
            instance.Parameters.CopyTo(_cellParameters.AsSpan(c * m, m));
        }

        var defaults = CellSimulationOptions.Default;
        _options = new OdeSolverOptions { RelativeTolerance = defaults.RelativeTolerance, AbsoluteTolerance = defaults.AbsoluteTolerance, OutputTimes = [24.0, PathwayProblems.EndHours] };
        var scalar = Scalar();
        foreach (var (name, batched) in new[] { ("Batched", Batched()), ("BatchedVectorMath", BatchedVectorMath()) })
        {
            double worst = 0;
            int failed = 0;
            for (int c = 0; c < Cells; c++)
            {
                failed += batched.GetStatus(c) == SolverStatus.Success ? 0 : 1;
                var states = batched.GetStates(c);
                for (int i = 0; i < states.Length; i++)
                {
                    worst = Math.Max(worst, Math.Abs(states[i] - scalar[(c * states.Length) + i]));
                }
            }

            SetupLog.Write($"{name}, {Cells} cells: largest |batched − scalar| {worst:G3}, failed cells {failed}, cell 0: {batched.GetStatistics(0)}");
        }
    }

    /// <summary>Scalar Tsit5, one cell per core at a time.</summary>
    /// <returns>The states at 24 h and 48 h, cell after cell.</returns>
    [Benchmark(Baseline = true)]
    public double[] Scalar()
    {
        int n = _model.Dimension;
        var results = new double[Cells * 2 * n];
        using var instances = new ThreadLocal<ModelInstance>(_model.CreateInstance);
        Parallel.For(0, Cells, c =>
        {
            var instance = instances.Value!;
            SetUp(c, instance.Parameters);
            var solution = Sim.Ode.Ode.Solve(new OdeProblem(instance, 0, PathwayProblems.EndHours, _initial), OdeSolvers.Tsit5, _options);
            solution.States.CopyTo(results.AsSpan(c * 2 * n, 2 * n));
        });
        return results;
    }

    /// <summary>Batched Tsit5, four cells per core at a time.</summary>
    /// <returns>The solutions, by cell.</returns>
    [Benchmark]
    public BatchedEnsembleSolution Batched() => Solve(_batched);

    /// <summary>Batched Tsit5 with vector exp, log and powers (<see cref="BatchedFunctions.VectorMath"/>): not bit-identical to the scalar path.</summary>
    /// <returns>The solutions, by cell.</returns>
    [Benchmark]
    public BatchedEnsembleSolution BatchedVectorMath() => Solve(_batchedVectorMath);

    private BatchedEnsembleSolution Solve(IBatchedOdeSystem system) =>
        BatchedEnsemble.Solve(
            new BatchedEnsembleProblem(system, 0, PathwayProblems.EndHours, Cells, (c, y, p) =>
            {
                _initial.CopyTo(y);
                SetUp(c, p);
            }),
            _options);

    private void SetUp(int cell, Span<double> parameters) =>
        _cellParameters.AsSpan(cell * parameters.Length, parameters.Length).CopyTo(parameters);
}
