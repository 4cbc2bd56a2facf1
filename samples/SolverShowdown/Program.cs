// SolverShowdown: which ODE solver should simulate the ferroptosis model? Two problems, every solver in the
// catalogue: (1) the osteoblast under erastin 10 µM for 48 h (16 states, mildly stiff: heme binding and the
// labile iron pool relax in minutes, cells die over hours), judged against a Rodas5P run at rtol 1e-11 by the
// error of the surviving fraction at 48 h and of t50; (2) Robertson's stiff chemical kinetics (ROBER, Test Set
// for IVP Solvers) to t = 1e11, judged by significant correct digits against the published reference.
// Prints status, accuracy, work (steps, f and Jacobian evaluations, LU factorisations) and wall time, and writes them
// as CSV, with a work–precision figure of the ferroptosis problem (every solver at rtol 1e-4, 1e-6 and 1e-8), to
// output/ (or the folder given as the first argument).
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Ferroptosis.Sim.Ode;
using Ferroptosis.Sim.Pathway;
using Ferroptosis.Sim.Plotting;

var c = CultureInfo.InvariantCulture;
Perturbation[] erastin = [Perturbation.Erastin(10)];
var duration = TimeSpan.FromHours(48);
var options = new CellSimulationOptions { RelativeTolerance = 1e-6, AbsoluteTolerance = 1e-9 };
var reference = FerroptosisSimulation.Run(BoneCell.Osteoblast, erastin, duration, options with { RelativeTolerance = 1e-11, AbsoluteTolerance = 1e-13 });
Console.WriteLine(string.Create(c, $"Osteoblast + erastin 10 µM, 48 h, rtol 1e-6, atol 1e-9, step ≤ 0.25 h (reference S(48 h) = {reference.SurvivalAtHours(48):F6}, t50 = {reference.TimeTo50PercentDeathHours:F4} h)"));
Console.WriteLine($"{"solver",-16} {"status",-18} {"|ΔS(48)|",9} {"|Δt50| h",9} {"steps",7} {"rejected",8} {"f evals",8} {"J evals",8} {"LU",6} {"time ms",8}");
var csv = new StringBuilder("problem,solver,rtol,atol,status,abs_error_S48,abs_error_t50_h,correct_digits,steps,rejected,f_evals,jacobian_evals,lu_decompositions,time_ms\n");
foreach (var solver in OdeSolvers.All)
{
    var run = () => FerroptosisSimulation.Run(BoneCell.Osteoblast, erastin, duration, options with { Solver = solver });
    run(); // warm up: compile the solver's code paths before timing
    var clock = Stopwatch.StartNew();
    var result = run();
    clock.Stop();
    var s = result.Result.Statistics;
    string survival = result.IsSuccess ? Math.Abs(result.SurvivalAtHours(48) - reference.SurvivalAtHours(48)).ToString("0.0e+0", c) : "–";
    string t50 = result.TimeTo50PercentDeathHours is double t ? Math.Abs(t - reference.TimeTo50PercentDeathHours!.Value).ToString("0.0e+0", c) : "–";
    Console.WriteLine(string.Create(
        c,
        $"{solver.Name,-16} {result.Status,-18} {survival,9} {t50,9} {s.AcceptedSteps,7} {s.RejectedSteps,8} {s.RhsEvaluations,8} {s.JacobianEvaluations,8} {s.LuDecompositions,6} {clock.Elapsed.TotalMilliseconds,8:F1}"));
    csv.Append(Row("ferroptosis-osteoblast-erastin-10uM-48h", solver.Name, options.RelativeTolerance, options.AbsoluteTolerance, result.Status, result.IsSuccess ? Error(result) : double.NaN, T50Error(result), double.NaN, s, clock.Elapsed.TotalMilliseconds));
}

// Work–precision: the error of S(48 h) against the work (f evaluations) as the tolerance tightens, one line per solver.
var precision = WorkPrecisionFigure.Run(reference, erastin, duration, options);

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
double[] robertsonReference = [0.2083340149701255e-07, 0.8333360770334713e-13, 0.9999999791665050e+00];
var problem = new OdeProblem(rober, 0, 1e11, [1.0, 0.0, 0.0]);
var roberOptions = new OdeSolverOptions { RelativeTolerance = 1e-6, AbsoluteTolerance = 1e-9, OutputTimes = [1e11], MaxSteps = 200_000 };

Console.WriteLine();
Console.WriteLine("ROBER to t = 1e11, rtol 1e-6, atol 1e-9");
Console.WriteLine($"{"solver",-16} {"status",-18} {"digits",7} {"steps",8} {"f evals",9} {"J evals",8} {"time ms",9}");
foreach (var solver in OdeSolvers.All)
{
    var clock = Stopwatch.StartNew();
    var solution = Ode.Solve(problem, solver, roberOptions);
    clock.Stop();
    double digits = solution.IsSuccess ? CorrectDigits(solution.FinalState, robertsonReference) : double.NaN;
    var s = solution.Statistics;
    Console.WriteLine(string.Create(
        c,
        $"{solver.Name,-16} {solution.Status,-18} {digits,7:F2} {s.AcceptedSteps,8} {s.RhsEvaluations,9} {s.JacobianEvaluations,8} {clock.Elapsed.TotalMilliseconds,9:F2}"));
    csv.Append(Row("rober-1e11", solver.Name, roberOptions.RelativeTolerance, roberOptions.AbsoluteTolerance, solution.Status, double.NaN, double.NaN, digits, s, clock.Elapsed.TotalMilliseconds));
    if (!solution.IsSuccess)
    {
        Console.WriteLine($"  {solution.Message}");
    }
}

string folder = Path.GetFullPath(args.Length > 0 ? args[0] : "output");
Directory.CreateDirectory(folder);
string table = Path.Combine(folder, "solver-showdown.csv");
DataFile.WriteAllText(table, csv.ToString()); // atomically, UTF-8 without a byte-order mark
string png = Path.Combine(folder, "solver-showdown-work-precision.png");
var chart = WorkPrecisionFigure.Create(precision, $"{reference.Model}");
FigureExporter.Save(chart, png, 1500, 1050, dpi: 150);
string caption = (FigureCaption.ForSimulations("Work against accuracy of every ODE solver on the ferroptosis model: the osteoblast under erastin 10 µM for 48 h.", [reference], options) with
{
    Panels = ["One line per solver, one point per tolerance (rtol 1e-4, 1e-6, 1e-8; atol = rtol × 1e-3): the absolute error of the surviving fraction at 48 h against a Rodas5P run at rtol 1e-11 (x), and the right-hand-side evaluations (y). Down and to the left is better; runs that failed or hit the reference exactly are left out."],
    Protocol = "resting osteoblast, erastin 10 µM added at t = 0, 48 h, maximal step 0.25 h.",
    Solver = "every solver of OdeSolvers.All",
    RelativeTolerance = null,
    AbsoluteTolerance = null,
    Notes = [$"Data: {Path.GetFileName(table)} (both problems, every solver at rtol 1e-6, atol 1e-9)."],
}).WriteBeside(png);
Console.WriteLine();
Console.WriteLine($"Results (CSV): {table}");
Console.WriteLine($"Figure: {png}");
Console.WriteLine($"Caption: {caption}");
return 0;

double Error(CellSimulationResult r) => WorkPrecisionFigure.Error(r, reference);

double T50Error(CellSimulationResult r) => r.TimeTo50PercentDeathHours is double t && reference.TimeTo50PercentDeathHours is double t0 ? Math.Abs(t - t0) : double.NaN;

static string Row(string problem, string solver, double rtol, double atol, SolverStatus status, double errorS, double errorT50, double digits, SolverStatistics s, double ms) =>
    string.Create(CultureInfo.InvariantCulture, $"{problem},{solver},{rtol:R},{atol:R},{status},{Text(errorS)},{Text(errorT50)},{Text(digits)},{s.AcceptedSteps},{s.RejectedSteps},{s.RhsEvaluations},{s.JacobianEvaluations},{s.LuDecompositions},{ms:F2}\n");

static string Text(double x) => double.IsFinite(x) ? x.ToString("R", CultureInfo.InvariantCulture) : string.Empty;

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
