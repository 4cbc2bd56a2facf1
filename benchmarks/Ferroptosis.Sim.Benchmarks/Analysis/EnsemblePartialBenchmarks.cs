using BenchmarkDotNet.Attributes;
using Ferroptosis.Sim.Analysis;

namespace Ferroptosis.Sim.Benchmarks.Analysis;

/// <summary>The summarising cost of the plan path: one batch (or shard) of 4096 runs × 14 read-outs folded into an <see cref="EnsemblePartial"/> (exact sums, extremes, histogram), as every ensemble analysis now does.</summary>
/// <remarks>
/// The shape of <see cref="EnsembleBenchmarks"/>' population (survival at 13 times and a time to 50 %), so the two
/// together give the summarising share of a population run: 100,000 cells are 24.4 of these batches. Run with
/// <c>--filter *EnsemblePartialBenchmarks* --job short</c>.
/// </remarks>
public class EnsemblePartialBenchmarks
{
    private const int Runs = 4096, Outputs = 14;
    private EnsembleRows _rows = null!;

    /// <summary>Builds the rows: survival-like values in (0, 1] and times in [10, 40].</summary>
    [GlobalSetup]
    public void Setup()
    {
        var outputs = new double[Runs * Outputs];
        for (int i = 0; i < Runs; i++)
        {
            for (int o = 0; o < Outputs; o++)
            {
                double u = CounterRandom.Uniform(5, i, o);
                outputs[(i * Outputs) + o] = o == Outputs - 1 ? 10 + (30 * u) : Math.Exp(-o * u / 4);
            }
        }

        _rows = new EnsembleRows(0, Runs, ["a", "b", "c"], [.. Enumerable.Range(0, Outputs).Select(o => $"y{o}")], new double[Runs * 3], outputs, [.. Enumerable.Repeat(EnsembleRows.Success, Runs)]);
    }

    /// <summary>Summarises the batch.</summary>
    /// <returns>The partial.</returns>
    [Benchmark]
    public EnsemblePartial Summarise() => EnsemblePartial.FromRows("plan", 0, _rows);
}
