using System.Diagnostics;
using Ferroptosis.Sim.Benchmarks.Problems;
using Ferroptosis.Sim.Ode;
using Ferroptosis.Sim.Tests.TestProblems;

namespace Ferroptosis.Sim.Benchmarks.WorkPrecision;

/// <summary>
/// Times complete solves of the standard problems and the pathway problems for each solver and tolerance,
/// prints the same TSV columns as the SUNDIALS CVODE harness, so the two tables can be compared row by
/// row, and optionally draws work–precision diagrams.
/// </summary>
/// <remarks>
/// Method of the CVODE harness: untimed warm-up solves (here until tiered compilation has optimised the
/// code, at least 0.3 s; quick: 0.2 s; 1 s more before the first configuration), then complete solves (create the integrator,
/// integrate to t_end keeping only the end state, read the statistics) repeated until at least 0.5 s
/// (quick: 0.05 s) of timed work with at least 5 and at most 5000 repetitions; the median is reported.
/// Longer solves, on the sparse problems, are timed as the CVODE sparse harness times them: when the first solve takes
/// 1 s or more it is the only sample; from 0.1 s, one untimed solve more, then at least 3 timed ones.
/// scd is the Test Set's mixed significant correct digits at t_end with atol = 1e-3·rtol, against the
/// published reference (test-set problems) or the stored two-method reference (pathway problems, see
/// <see cref="PathwayProblems"/>) or the CVODE sparse harness's stored reference (sparse problems, see
/// <see cref="SparseProblems"/>).
/// </remarks>
public static class WorkPrecisionRunner
{
    /// <summary>A solve at least this long (seconds) is timed once, by the warm-up solve itself.</summary>
    private const double LongSolveSeconds = 1.0;

    private static bool s_warmedUp;

    /// <summary>Runs the command.</summary>
    /// <param name="args">Arguments after "workprecision".</param>
    /// <param name="output">Receives the TSV.</param>
    /// <param name="error">Receives usage and errors.</param>
    /// <returns>The process exit code.</returns>
    public static int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        WorkPrecisionOptions options;
        List<ReferenceProblem> problems;
        List<WorkPrecisionMethod> solvers;
        try
        {
            options = WorkPrecisionOptions.Parse(args);
            problems = options.From is not null ? [] : [.. (options.Problems.Count == 0 ? BenchmarkProblems.Names : options.Problems).Select(BenchmarkProblems.FromName)];
            solvers = [.. options.Solvers.Select(WorkPrecisionMethod.Parse)];
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException)
        {
            error.WriteLine($"workprecision: {ex.Message}");
            error.WriteLine(WorkPrecisionOptions.Usage);
            return 2;
        }

        if (options.From is not null)
        {
            return Plot(options, WorkPrecisionPoint.ReadTable(options.From), error);
        }

        var rows = new List<WorkPrecisionRow>();
        output.WriteLine(WorkPrecisionRow.Header);
        foreach (var problem in problems)
        {
            foreach (double rtol in options.RelativeTolerances.Count > 0 ? options.RelativeTolerances : DefaultTolerances(problem))
            {
                foreach (var solver in solvers.Count > 0 ? solvers : MethodsFor(problem, rtol))
                {
                    var row = Measure(problem, solver, rtol, options.Quick);
                    rows.Add(row);
                    output.WriteLine(row.ToTsv());
                    output.Flush();
                }
            }
        }

        if (options.PlotDirectory is not null)
        {
            Directory.CreateDirectory(options.PlotDirectory);
            File.WriteAllLines(Path.Combine(options.PlotDirectory, "workprecision.tsv"), [WorkPrecisionRow.Header, .. rows.Select(r => r.ToTsv())]);
            return Plot(options, [.. rows.Select(r => r.ToPoint())], error);
        }

        return 0;
    }

    /// <summary>Gets the default tolerances of a problem: those of the CVODE harness, finer on the pathway problems whose default is rtol 1e-7, 1e-4 to 1e-7 on the sparse problems.</summary>
    /// <param name="problem">The problem.</param>
    /// <returns>The relative tolerances.</returns>
    public static IReadOnlyList<double> DefaultTolerances(ReferenceProblem problem) =>
        SparseProblems.IsSparse(problem) ? SparseProblems.DefaultTolerances
        : BenchmarkProblems.IsPathway(problem) ? [1e-4, 1e-5, 1e-6, 1e-7, 1e-8, 1e-10]
        : problem.IsStiff ? [1e-4, 1e-6, 1e-8]
        : [1e-4, 1e-6, 1e-8, 1e-10];

    /// <summary>Gets the methods run on a problem by default: the sparse linear-solver variants on the sparse problems (<see cref="SparseProblems.DefaultMethods"/>), else the solvers of <see cref="BenchmarkProblems.SolversFor"/>.</summary>
    /// <param name="problem">The problem.</param>
    /// <param name="rtol">The relative tolerance.</param>
    /// <returns>The methods.</returns>
    public static IEnumerable<WorkPrecisionMethod> MethodsFor(ReferenceProblem problem, double rtol) =>
        SparseProblems.IsSparse(problem)
            ? SparseProblems.DefaultMethods.Select(WorkPrecisionMethod.Parse)
            : BenchmarkProblems.SolversFor(problem, rtol).Select(s => new WorkPrecisionMethod(s.Name, s, null));

    private static int Plot(WorkPrecisionOptions options, IReadOnlyList<WorkPrecisionPoint> points, TextWriter error)
    {
        var overlays = (options.Overlays ?? []).SelectMany(WorkPrecisionPoint.ReadTable).ToList();
        foreach (string path in WorkPrecisionPlot.Save(points, overlays, options.PlotDirectory!))
        {
            error.WriteLine($"workprecision: wrote {path}");
        }

        return 0;
    }

    /// <summary>Measures one (problem, method, tolerance) configuration.</summary>
    /// <param name="problem">The problem.</param>
    /// <param name="method">The method.</param>
    /// <param name="rtol">The relative tolerance; atol = 1e-3·rtol.</param>
    /// <param name="quick">Shorter timing loops.</param>
    /// <returns>The measurement.</returns>
    public static WorkPrecisionRow Measure(ReferenceProblem problem, WorkPrecisionMethod method, double rtol, bool quick)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(method);
        double atol = 1e-3 * rtol;
        var solver = method.Solver;
        var odeProblem = problem.ToProblem();
        var options = new OdeSolverOptions
        {
            RelativeTolerance = rtol,
            AbsoluteTolerance = atol,
            OutputTimes = [problem.EndTime],
            MaxSteps = 2_000_000,
            LinearSolver = method.ChoiceFor(problem),
        };

        long first = Stopwatch.GetTimestamp();
        var warmUp = solver.CreateIntegrator(odeProblem, options).Solve();
        double firstSeconds = Stopwatch.GetElapsedTime(first).TotalSeconds;
        if (!warmUp.IsSuccess)
        {
            return new WorkPrecisionRow(problem.Name, method.Name, rtol, atol, double.NaN, warmUp.Statistics, double.NaN, warmUp.Status);
        }

        var row = new WorkPrecisionRow(problem.Name, method.Name, rtol, atol, double.NaN, warmUp.Statistics, problem.Scd(warmUp.FinalState), warmUp.Status);
        if (firstSeconds >= LongSolveSeconds)
        {
            // As the CVODE sparse harness does: a solve this long is its own timing sample.
            s_warmedUp = true;
            return row with { MedianSeconds = firstSeconds };
        }

        // Let tiered compilation reach optimised code before timing (the C harness times -O2 code).
        // The first configuration of a process also pays for tiering up the code all solvers share.
        // Solves of 0.1 s or more have run their hot loops long enough: one more untimed solve will do.
        bool slow = firstSeconds >= 0.1;
        double warmUpSeconds = (quick ? 0.2 : 0.3) + (s_warmedUp ? 0 : 1.0);
        s_warmedUp = true;
        var warm = Stopwatch.StartNew();
        for (int i = 0; slow ? i < 1 : i < 3 || (i < 20_000 && warm.Elapsed.TotalSeconds < warmUpSeconds); i++)
        {
            GC.KeepAlive(solver.CreateIntegrator(odeProblem, options).Solve());
        }

        double target = quick ? 0.05 : 0.5;
        int minimum = slow ? 3 : 5;
        var times = new List<double>();
        var total = Stopwatch.StartNew();
        while (times.Count < 5000 && (times.Count < minimum || total.Elapsed.TotalSeconds < target))
        {
            long start = Stopwatch.GetTimestamp();
            var solution = solver.CreateIntegrator(odeProblem, options).Solve();
            times.Add(Stopwatch.GetElapsedTime(start).TotalSeconds);
            GC.KeepAlive(solution);
        }

        times.Sort();
        double median = times.Count % 2 == 1 ? times[times.Count / 2] : 0.5 * (times[(times.Count / 2) - 1] + times[times.Count / 2]);
        return row with { MedianSeconds = median };
    }
}
