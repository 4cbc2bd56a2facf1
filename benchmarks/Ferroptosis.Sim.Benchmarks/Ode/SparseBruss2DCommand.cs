using System.Diagnostics;
using System.Globalization;
using Ferroptosis.Sim.Ode;
using Ferroptosis.Sim.Tests.TestProblems;

namespace Ferroptosis.Sim.Benchmarks.Ode;

/// <summary>
/// The <c>sparse-bruss2d</c> command: BDF on BRUSS2D with the sparse LU and the Newton–Krylov linear solvers, timed
/// as the CVODE sparse harness times its solvers, with its columns, so the two tables compare row by row.
/// </summary>
/// <remarks>
/// Method of the harness (<c>cvode-sparse/run.sh --problem BRUSS2D</c>): rtol as given, atol = 1e-3·rtol, analytic
/// sparse Jacobian, output only at t = 11.5; one untimed warm-up solve, then complete solves (create the integrator,
/// integrate, read the statistics) until 1 s of timed work has accumulated, the warm-up being the one sample when
/// it alone took longer; the median is reported. scd is the mixed error against the stored reference.
/// Usage: <c>sparse-bruss2d [--n N]... [--rtol R]... [--solver sparse|krylov-sgs|krylov-ilu|krylov-bj|krylov-none]...</c>
/// (defaults: N = 32 and 64, rtol 1e-4 and 1e-6, all five solvers).
/// </remarks>
public static class SparseBruss2DCommand
{
    private static readonly string[] AllSolvers = ["sparse", "krylov-sgs", "krylov-ilu", "krylov-bj", "krylov-none"];

    /// <summary>Runs the command.</summary>
    /// <param name="args">The options.</param>
    /// <param name="output">Receives the TSV.</param>
    /// <param name="error">Receives usage errors.</param>
    /// <returns>The exit code.</returns>
    public static int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        var sizes = new List<int>();
        var tolerances = new List<double>();
        var solvers = new List<string>();
        for (int i = 0; i < args.Count; i++)
        {
            string value = i + 1 < args.Count ? args[i + 1] : string.Empty;
            switch (args[i])
            {
                case "--n" when int.TryParse(value, CultureInfo.InvariantCulture, out int n) && n >= 3:
                    sizes.Add(n);
                    break;
                case "--rtol" when double.TryParse(value, CultureInfo.InvariantCulture, out double r) && r > 0:
                    tolerances.Add(r);
                    break;
                case "--solver" when AllSolvers.Contains(value):
                    solvers.Add(value);
                    break;
                default:
                    error.WriteLine($"sparse-bruss2d: bad argument '{args[i]} {value}'. Usage: sparse-bruss2d [--n N]... [--rtol R]... [--solver {string.Join('|', AllSolvers)}]...");
                    return 2;
            }

            i++;
        }

        output.WriteLine("problem\tsolver\trtol\tatol\tmedian_seconds\tnfev\tnjev\tnsteps\tscd\tn\tnlinsetups\tnniters\tnliters\tnetf_plus_ncfn\tnlcf\tpeak_working_set_mb\tnreps\tstatus");
        foreach (int n in sizes.Count > 0 ? sizes : [32, 64])
        {
            var system = new Bruss2D(n);
            double[]? reference = system.HasReference ? system.Reference() : null;
            foreach (double rtol in tolerances.Count > 0 ? tolerances : [1e-4, 1e-6])
            {
                foreach (string solver in solvers.Count > 0 ? solvers : [.. AllSolvers])
                {
                    output.WriteLine(Measure(system, reference, n, rtol, solver));
                    output.Flush();
                }
            }
        }

        return 0;
    }

    private static LinearSolverChoice Choice(string solver) => solver switch
    {
        "krylov-sgs" => LinearSolverChoice.Krylov(KrylovPreconditioner.SymmetricGaussSeidel),
        "krylov-ilu" => LinearSolverChoice.Krylov(KrylovPreconditioner.IncompleteLu),
        "krylov-bj" => LinearSolverChoice.Krylov(KrylovPreconditioner.BlockJacobi, blockSize: 2),
        "krylov-none" => LinearSolverChoice.Krylov(KrylovPreconditioner.None),
        _ => LinearSolverChoice.Sparse,
    };

    private static string Measure(Bruss2D system, double[]? reference, int n, double rtol, string solver)
    {
        var problem = system.ToProblem();
        var options = new OdeSolverOptions
        {
            RelativeTolerance = rtol,
            AbsoluteTolerance = 1e-3 * rtol,
            OutputTimes = [Bruss2D.EndTime],
            MaxSteps = 2_000_000,
            LinearSolver = Choice(solver),
        };
        var clock = Stopwatch.StartNew();
        var first = OdeSolvers.Bdf.CreateIntegrator(problem, options).Solve();
        double warmUp = clock.Elapsed.TotalSeconds;
        var times = new List<double>();
        if (warmUp >= 1.0)
        {
            times.Add(warmUp);
        }
        else
        {
            double total = 0;
            while (total < 1.0 && times.Count < 1000)
            {
                long start = Stopwatch.GetTimestamp();
                GC.KeepAlive(OdeSolvers.Bdf.CreateIntegrator(problem, options).Solve());
                double seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
                times.Add(seconds);
                total += seconds;
            }
        }

        times.Sort();
        double median = times.Count % 2 == 1 ? times[times.Count / 2] : 0.5 * (times[(times.Count / 2) - 1] + times[times.Count / 2]);
        var s = first.Statistics;
        string scd = reference is null || !first.IsSuccess ? "NA" : Bruss2D.Scd(first.FinalState, reference).ToString("F2", CultureInfo.InvariantCulture);
        long setups = s.LuDecompositions + s.PreconditionerSetups;
        long peak = Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024);
        return string.Create(
            CultureInfo.InvariantCulture,
            $"BRUSS2D_N{n}\tBDF({options.LinearSolver})\t{rtol:0e+00}\t{1e-3 * rtol:0e+00}\t{median:E4}\t{s.RhsEvaluations}\t{s.JacobianEvaluations}\t{s.AcceptedSteps}\t{scd}\t{system.Dimension}\t{setups}\t{s.NewtonIterations}\t{s.LinearIterations}\t{s.NewtonFailures}\t{s.LinearConvergenceFailures}\t{peak}\t{times.Count}\t{first.Status}");
    }
}
