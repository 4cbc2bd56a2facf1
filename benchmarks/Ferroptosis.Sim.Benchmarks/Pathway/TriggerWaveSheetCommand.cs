using System.Diagnostics;
using System.Globalization;
using Ferroptosis.Sim.Modeling.Spatial;
using Ferroptosis.Sim.Ode;
using Ferroptosis.Sim.Pathway;

namespace Ferroptosis.Sim.Benchmarks.Pathway;

/// <summary>
/// The <c>trigger-wave-sheet</c> command: the trigger-wave sheet of <c>samples/TriggerWave</c> (N × N osteoblasts 20 µm
/// apart, 24 h of 1 µM erastin, a dying corner of radius 600 µm) integrated for the given hours with BDF (rtol 1e-5,
/// atol 1e-7) and each linear solver; prints one TSV row per solver.
/// </summary>
/// <remarks>
/// The priming (one cell) and the tissue are built outside the clock; one untimed warm-up solve (JIT, caches), then
/// timed solves until 1 s of work has accumulated (at least one); the median is reported, with the peak working set
/// of the process so far. Usage: <c>trigger-wave-sheet [--n N]... [--hours H] [--solver sparse|krylov-sgs|krylov-bj]...</c>
/// (defaults: N = 32 and 128, 24 h, sparse and krylov-sgs).
/// </remarks>
public static class TriggerWaveSheetCommand
{
    private static readonly string[] AllSolvers = ["sparse", "krylov-sgs", "krylov-bj"];

    /// <summary>Runs the command.</summary>
    /// <param name="args">The options.</param>
    /// <param name="output">Receives the TSV.</param>
    /// <param name="error">Receives usage errors.</param>
    /// <returns>The exit code.</returns>
    public static int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        var sizes = new List<int>();
        var solvers = new List<string>();
        double hours = 24;
        for (int i = 0; i < args.Count; i++)
        {
            string value = i + 1 < args.Count ? args[i + 1] : string.Empty;
            switch (args[i])
            {
                case "--n" when int.TryParse(value, CultureInfo.InvariantCulture, out int n) && n >= 2:
                    sizes.Add(n);
                    break;
                case "--hours" when double.TryParse(value, CultureInfo.InvariantCulture, out double h) && h > 0:
                    hours = h;
                    break;
                case "--solver" when AllSolvers.Contains(value):
                    solvers.Add(value);
                    break;
                default:
                    error.WriteLine($"trigger-wave-sheet: bad argument '{args[i]} {value}'. Usage: trigger-wave-sheet [--n N]... [--hours H] [--solver {string.Join('|', AllSolvers)}]...");
                    return 2;
            }

            i++;
        }

        output.WriteLine("problem\tsolver\tstates\thours\tmedian_seconds\tnsteps\tnfev\tnjev\tfraction_dead\tpeak_working_set_mb\tnreps\tstatus");
        foreach (int n in sizes.Count > 0 ? sizes : [32, 128])
        {
            var topology = CellTopology.Lattice(n, n, TriggerWaveModel.CellSpacing);
            var tissue = TriggerWaveModel.CreateTissue(topology);
            TriggerWaveModel.SetEverywhere(tissue, "erastin", 1);
            var y0 = TriggerWaveModel.PrimedState(tissue, 1, TimeSpan.FromHours(24));
            for (int c = 0; c < tissue.CellCount; c++)
            {
                if (double.Hypot(topology.X[c], topology.Y[c]) <= 600)
                {
                    y0[tissue.IndexOf(c, "LPO")] = 60;
                }
            }

            foreach (string solver in solvers.Count > 0 ? solvers : ["sparse", "krylov-sgs"])
            {
                output.WriteLine(Measure(tissue, y0, n, hours, solver));
                output.Flush();
            }
        }

        return 0;
    }

    private static string Measure(TissueSystem tissue, double[] y0, int n, double hours, string solver)
    {
        var options = new OdeSolverOptions
        {
            RelativeTolerance = 1e-5,
            AbsoluteTolerance = 1e-7,
            LinearSolver = solver switch
            {
                "krylov-sgs" => LinearSolverChoice.Krylov(KrylovPreconditioner.SymmetricGaussSeidel, krylovDimension: 20),
                "krylov-bj" => LinearSolverChoice.Krylov(KrylovPreconditioner.BlockJacobi, blockSize: tissue.StatesPerCell, krylovDimension: 20),
                _ => LinearSolverChoice.Sparse,
            },
        };
        double[] times = [.. Enumerable.Range(0, (int)Math.Ceiling(hours) + 1).Select(t => Math.Min(t, hours))];
        var first = tissue.Simulate(y0, times, options: options);
        var samples = new List<double>();
        double total = 0;
        while (samples.Count == 0 || (total < 1.0 && samples.Count < 100))
        {
            long start = Stopwatch.GetTimestamp();
            GC.KeepAlive(tissue.Simulate(y0, times, options: options));
            double seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
            samples.Add(seconds);
            total += seconds;
        }

        samples.Sort();
        double median = samples.Count % 2 == 1 ? samples[samples.Count / 2] : 0.5 * (samples[(samples.Count / 2) - 1] + samples[samples.Count / 2]);
        var s = first.Solution.Statistics;
        long peak = Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024);
        return string.Create(
            CultureInfo.InvariantCulture,
            $"TRIGGER_WAVE_N{n}\tBDF({options.LinearSolver})\t{tissue.Dimension}\t{hours}\t{median:E4}\t{s.AcceptedSteps}\t{s.RhsEvaluations}\t{s.JacobianEvaluations}\t{first.FractionBelow("S", 0.5)[^1]:F3}\t{peak}\t{samples.Count}\t{first.Solution.Status}");
    }
}
