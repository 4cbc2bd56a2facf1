using System.Diagnostics;
using Ferroptosis.Sim.Ode;
using Ferroptosis.Sim.Tests.TestProblems;

namespace Ferroptosis.Sim.Benchmarks.WorkPrecision;

/// <summary>
/// Times complete solves of the standard problems for each solver and tolerance, and prints the same
/// TSV columns as the SUNDIALS CVODE harness, so the two tables can be compared row by row.
/// </summary>
/// <remarks>
/// Method of the CVODE harness: untimed warm-up solves (here until tiered compilation has optimised the
/// code, at least 0.3 s; quick: 0.1 s), then complete solves (create the integrator,
/// integrate to t_end keeping only the end state, read the statistics) repeated until at least 0.5 s
/// (quick: 0.05 s) of timed work with at least 5 and at most 5000 repetitions; the median is reported.
/// scd is the Test Set's mixed significant correct digits at t_end with atol = 1e-3·rtol.
/// </remarks>
public static class WorkPrecisionRunner
{
    private const string Header = "problem\tsolver\trtol\tatol\tmedian_seconds\tnfev\tnjev\tnsteps\tscd";

    /// <summary>Runs the command.</summary>
    /// <param name="args">Arguments after "workprecision".</param>
    /// <param name="output">Receives the TSV.</param>
    /// <param name="error">Receives usage and errors.</param>
    /// <returns>The process exit code.</returns>
    public static int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        WorkPrecisionOptions options;
        List<ReferenceProblem> problems;
        List<IOdeSolver> solvers;
        try
        {
            options = WorkPrecisionOptions.Parse(args);
            problems = options.Problems.Count == 0 ? [.. StandardProblems.All] : [.. options.Problems.Select(StandardProblems.FromName)];
            solvers = [.. options.Solvers.Select(OdeSolvers.FromName)];
        }
        catch (ArgumentException ex)
        {
            error.WriteLine($"workprecision: {ex.Message}");
            error.WriteLine(WorkPrecisionOptions.Usage);
            return 2;
        }

        output.WriteLine(Header);
        foreach (var problem in problems)
        {
            var rtols = options.RelativeTolerances.Count > 0
                ? options.RelativeTolerances
                : problem.IsStiff ? [1e-4, 1e-6, 1e-8] : [1e-4, 1e-6, 1e-8, 1e-10];
            foreach (double rtol in rtols)
            {
                foreach (var solver in solvers.Count > 0 ? solvers : DefaultSolvers(problem, rtol))
                {
                    output.WriteLine(Measure(problem, solver, rtol, options.Quick).ToTsv());
                    output.Flush();
                }
            }
        }

        return 0;
    }

    /// <summary>Measures one (problem, solver, tolerance) configuration.</summary>
    /// <param name="problem">The problem.</param>
    /// <param name="solver">The solver.</param>
    /// <param name="rtol">The relative tolerance; atol = 1e-3·rtol.</param>
    /// <param name="quick">Shorter timing loops.</param>
    /// <returns>The measurement.</returns>
    public static WorkPrecisionRow Measure(ReferenceProblem problem, IOdeSolver solver, double rtol, bool quick)
    {
        double atol = 1e-3 * rtol;
        var odeProblem = problem.ToProblem();
        var options = new OdeSolverOptions
        {
            RelativeTolerance = rtol,
            AbsoluteTolerance = atol,
            OutputTimes = [problem.EndTime],
            MaxSteps = 2_000_000,
        };

        var warmUp = solver.CreateIntegrator(odeProblem, options).Solve();
        if (!warmUp.IsSuccess)
        {
            return new WorkPrecisionRow(problem.Name, solver.Name, rtol, atol, double.NaN, warmUp.Statistics, double.NaN, warmUp.Status);
        }

        // Let tiered compilation reach optimised code before timing (the C harness times -O2 code).
        var warm = Stopwatch.StartNew();
        for (int i = 0; i < 3 || (i < 2000 && warm.Elapsed.TotalSeconds < (quick ? 0.1 : 0.3)); i++)
        {
            GC.KeepAlive(solver.CreateIntegrator(odeProblem, options).Solve());
        }

        double target = quick ? 0.05 : 0.5;
        var times = new List<double>();
        var total = Stopwatch.StartNew();
        while (times.Count < 5000 && (times.Count < 5 || total.Elapsed.TotalSeconds < target))
        {
            long start = Stopwatch.GetTimestamp();
            var solution = solver.CreateIntegrator(odeProblem, options).Solve();
            times.Add(Stopwatch.GetElapsedTime(start).TotalSeconds);
            GC.KeepAlive(solution);
        }

        times.Sort();
        double median = times.Count % 2 == 1 ? times[times.Count / 2] : 0.5 * (times[(times.Count / 2) - 1] + times[times.Count / 2]);
        return new WorkPrecisionRow(problem.Name, solver.Name, rtol, atol, median, warmUp.Statistics, problem.Scd(warmUp.FinalState), warmUp.Status);
    }

    private static IEnumerable<IOdeSolver> DefaultSolvers(ReferenceProblem problem, double rtol) =>
        OdeSolvers.All.Where(s => problem.IsStiff ? s.IsStiff || s.Name == "Auto" : !s.IsStiff || rtol >= 1e-8);
}
