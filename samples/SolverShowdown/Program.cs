// SolverShowdown: Robertson's stiff chemical kinetics (ROBER, Test Set for IVP Solvers) solved to
// t = 1e11 by every solver in the catalogue, with accuracy against the published reference, work
// counts and wall time. Shows which methods handle stiffness and what each one costs.
using System.Diagnostics;
using System.Globalization;
using Ferroptosis.Sim.Ode;

var rober = OdeSystem.Create(
    3,
    (t, y, dy) =>
    {
        dy[0] = (-0.04 * y[0]) + (1e4 * y[1] * y[2]);
        dy[1] = (0.04 * y[0]) - (1e4 * y[1] * y[2]) - (3e7 * y[1] * y[1]);
        dy[2] = 3e7 * y[1] * y[1];
    },
    (t, y, j) =>
    {
        j[0] = -0.04; j[1] = 1e4 * y[2]; j[2] = 1e4 * y[1];
        j[3] = 0.04; j[4] = (-1e4 * y[2]) - (6e7 * y[1]); j[5] = -1e4 * y[1];
        j[6] = 0; j[7] = 6e7 * y[1]; j[8] = 0;
    },
    isAutonomous: true);
double[] reference = [0.2083340149701255e-07, 0.8333360770334713e-13, 0.9999999791665050e+00];
var problem = new OdeProblem(rober, 0, 1e11, [1.0, 0.0, 0.0]);
var options = new OdeSolverOptions { RelativeTolerance = 1e-6, AbsoluteTolerance = 1e-9, OutputTimes = [1e11], MaxSteps = 200_000 };

Console.WriteLine("ROBER to t = 1e11, rtol 1e-6, atol 1e-9");
Console.WriteLine($"{"solver",-16} {"status",-18} {"digits",7} {"steps",8} {"f evals",9} {"J evals",8} {"time ms",9}");
foreach (var solver in OdeSolvers.All)
{
    var clock = Stopwatch.StartNew();
    var solution = Ode.Solve(problem, solver, options);
    clock.Stop();
    double digits = solution.IsSuccess ? CorrectDigits(solution.FinalState, reference) : double.NaN;
    var s = solution.Statistics;
    Console.WriteLine(string.Create(
        CultureInfo.InvariantCulture,
        $"{solver.Name,-16} {solution.Status,-18} {digits,7:F2} {s.AcceptedSteps,8} {s.RhsEvaluations,9} {s.JacobianEvaluations,8} {clock.Elapsed.TotalMilliseconds,9:F2}"));
    if (!solution.IsSuccess)
    {
        Console.WriteLine($"  {solution.Message}");
    }
}

// Mixed significant correct digits of the Test Set for IVP Solvers (atol/rtol = 1e-3).
static double CorrectDigits(ReadOnlySpan<double> y, double[] reference)
{
    double worst = 0;
    for (int i = 0; i < y.Length; i++)
    {
        worst = Math.Max(worst, Math.Abs(y[i] - reference[i]) / (1e-3 + Math.Abs(reference[i])));
    }

    return -Math.Log10(worst);
}
