using BenchmarkDotNet.Attributes;
using Ferroptosis.Sim.Benchmarks.Problems;
using Ferroptosis.Sim.Modeling.Compilation;
using Ferroptosis.Sim.Ode;
using Ferroptosis.Sim.Pathway;

namespace Ferroptosis.Sim.Benchmarks.Pathway;

/// <summary>A 10,000-cell population of osteoblasts under erastin 10 µM for 48 h, with lognormal cell-to-cell variation, on all cores.</summary>
/// <remarks>
/// <para>
/// Each cell draws erastin potency (IC50_ERA), the maximal death hazard (k_d) and its threshold (LPO_th) as
/// lognormal multiples (median 1, σ = 0.25 of the log) of the osteoblast values, from counter-based random
/// numbers of (cell, parameter), so a cell's values do not depend on the thread that runs it. These three act
/// only under the drug or on the surviving fraction, so every cell starts from the same resting state, as the
/// pathway protocol prescribes. Cells run with <see cref="Parallel.For(int, int, Action{int})"/>; the result is
/// the mean surviving fraction at 48 h.
/// </para>
/// <para>
/// <see cref="PublicApi"/>: each cell is one <see cref="FerroptosisSimulation.Run"/> with the default options.
/// <see cref="ReusedInstance"/>: one model run state per thread, each cell's parameters set in it and the ODE
/// solved from the resting state to 48 h with Auto at the same tolerances, output at the end only — what an
/// ensemble layer built on the model API can do. The target from the benchmark issue: 10,000 cells in under 1 s
/// on 2 cores.
/// </para>
/// </remarks>
public class CellPopulationBenchmarks
{
    private static readonly string[] Varied = ["IC50_ERA", "k_d", "LPO_th"];
    private static readonly TimeSpan Duration = TimeSpan.FromHours(PathwayProblems.EndHours);
    private static readonly Perturbation[] Challenge = [PathwayProblems.Challenge];
    private double[] _baseValues = [];
    private double[] _resting = [];
    private double[] _survival = [];
    private int _survivalIndex;

    /// <summary>Gets or sets the number of cells.</summary>
    [Params(10_000)]
    public int Cells { get; set; }

    /// <summary>Prepares the base values and the resting state.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var instance = PathwayProblems.CreateInstance(BoneCell.Osteoblast);
        _baseValues = [.. Varied.Select(instance.GetParameter)];
        _resting = [.. PathwayProblems.For(BoneCell.Osteoblast).InitialState];
        _survivalIndex = instance.Model.IndexOfState("S");
        _survival = new double[Cells];
        Console.WriteLine($"// mean S(48 h): public API {Mean(PublicApi()):F4}, reused instance {Mean(ReusedInstance()):F4}");
    }

    /// <summary>Every cell through the public API.</summary>
    /// <returns>The surviving fraction of each cell at 48 h.</returns>
    [Benchmark(Baseline = true)]
    public double[] PublicApi()
    {
        Parallel.For(0, Cells, cell =>
        {
            var values = new Dictionary<string, double>(Varied.Length, StringComparer.Ordinal);
            for (int k = 0; k < Varied.Length; k++)
            {
                values[Varied[k]] = _baseValues[k] * Factor(cell, k);
            }

            var result = FerroptosisSimulation.Run(BoneCell.Osteoblast, Challenge, Duration, CellSimulationOptions.Default with { Parameters = values });
            _survival[cell] = result.SurvivalAt(PathwayProblems.EndHours);
        });
        return _survival;
    }

    /// <summary>Every cell on a reused run state per thread.</summary>
    /// <returns>The surviving fraction of each cell at 48 h.</returns>
    [Benchmark]
    public double[] ReusedInstance()
    {
        var defaults = CellSimulationOptions.Default;
        var options = new OdeSolverOptions { RelativeTolerance = defaults.RelativeTolerance, AbsoluteTolerance = defaults.AbsoluteTolerance, OutputTimes = [PathwayProblems.EndHours] };
        Parallel.For(
            0,
            Cells,
            () => PathwayProblems.CreateInstance(BoneCell.Osteoblast),
            (cell, _, instance) =>
            {
                SetCell(instance, cell);
                var problem = new OdeProblem(instance, 0, PathwayProblems.EndHours, _resting);
                _survival[cell] = OdeSolvers.Auto.CreateIntegrator(problem, options).Solve().FinalState[_survivalIndex];
                return instance;
            },
            _ => { });
        return _survival;
    }

    /// <summary>A lognormal factor with median 1 and log-σ 0.25 for (cell, parameter): Box–Muller on two counter-based uniforms.</summary>
    private static double Factor(int cell, int parameter)
    {
        double u1 = Uniform(((ulong)cell << 8) | ((ulong)parameter << 1));
        double u2 = Uniform(((ulong)cell << 8) | ((ulong)parameter << 1) | 1);
        double normal = Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
        return Math.Exp(0.25 * normal);
    }

    /// <summary>A uniform number in (0, 1] from a counter: the SplitMix64 finaliser (Steele, Lea and Flood 2014).</summary>
    private static double Uniform(ulong counter)
    {
        ulong z = counter + 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        z ^= z >> 31;
        return ((z >> 11) + 1) * (1.0 / (1UL << 53));
    }

    private static double Mean(double[] values) => values.Average();

    private void SetCell(ModelInstance instance, int cell)
    {
        var model = instance.Model;
        for (int k = 0; k < Varied.Length; k++)
        {
            instance.Parameters[model.IndexOfParameter(Varied[k])] = _baseValues[k] * Factor(cell, k);
        }
    }
}
