using BenchmarkDotNet.Attributes;
using Ferroptosis.Sim.Benchmarks.Problems;
using Ferroptosis.Sim.Ode;
using Ferroptosis.Sim.Tests.TestProblems;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Double;
using MathNet.Numerics.OdeSolvers;

namespace Ferroptosis.Sim.Benchmarks.Ode;

/// <summary>
/// The .NET incumbent side by side: MathNet.Numerics' <c>RungeKutta.FourthOrder</c> (classical RK4, fixed step,
/// vector API) against our adaptive Tsit5 on the Arenstorf orbit and on the pathway model, at equal accuracy.
/// </summary>
/// <remarks>
/// <para>
/// RK4 has no error control, so the number of steps is chosen for it: <see cref="Setup"/> solves once with
/// Tsit5 at the problem's tolerance (AREN: rtol 1e-8; pathway: rtol 1e-7, the cell simulation's default;
/// atol = 1e-3·rtol), measures the scd it reaches against the reference, and finds the smallest RK4 step
/// count reaching at least that scd by doubling and bisection (<see cref="FixedStepCalibration"/>). Both
/// scd values and the step count are printed. The ratio column is MathNet's time over ours at equal
/// accuracy.
/// </para>
/// <para>
/// MathNet's <c>AdamsBashforth</c> methods take a scalar state only (<c>double y0</c>,
/// <c>Func&lt;double, double, double&gt;</c>), so they cannot integrate these systems; they are compared on a
/// scalar problem in <see cref="ScalarIncumbentBenchmarks"/>.
/// </para>
/// </remarks>
public class IncumbentBenchmarks
{
    private ReferenceProblem _reference = null!;
    private OdeProblem _problem = null!;
    private OdeSolverOptions _options = null!;
    private Vector<double> _initial = null!;
    private Func<double, Vector<double>, Vector<double>> _rightHandSide = null!;
    private int _points;

    /// <summary>Gets or sets the problem.</summary>
    [Params("AREN", "osteoblast", "osteoclast", "osteocyte")]
    public string Problem { get; set; } = "AREN";

    /// <summary>Solves once with Tsit5, then calibrates the RK4 step count to the accuracy reached.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _reference = BenchmarkProblems.FromName(Problem);
        _problem = _reference.ToProblem();
        double rtol = BenchmarkProblems.IsPathway(_reference) ? 1e-7 : 1e-8;
        _options = new OdeSolverOptions { RelativeTolerance = rtol, AbsoluteTolerance = 1e-3 * rtol, OutputTimes = [_reference.EndTime] };
        var ours = Tsit5();
        double target = _reference.Scd(ours.FinalState);
        _initial = DenseVector.OfArray(_reference.InitialState);
        var system = _reference.System;
        int n = system.Dimension;
        _rightHandSide = (t, y) =>
        {
            // The incumbent's calling convention: a new vector per evaluation.
            var dydt = new DenseVector(n);
            system.Evaluate(t, ((DenseVector)y).Values, dydt.Values);
            return dydt;
        };
        var found = FixedStepCalibration.StepsFor(steps => _reference.Scd(RungeKutta4(steps + 1).AsArray()), target)
            ?? throw new InvalidOperationException($"MathNet RK4 does not reach scd {target:F2} on {Problem} within {FixedStepCalibration.MaximumSteps} steps.");
        _points = found.Steps + 1;
        SetupLog.Write($"{Problem}: Tsit5 rtol {rtol:0e0} reaches scd {target:F2} in {ours.Statistics.AcceptedSteps} steps ({ours.Statistics.RhsEvaluations} f); " +
            $"MathNet RK4 needs {found.Steps} steps ({4 * found.Steps} f) for scd {found.Scd:F2}");
    }

    /// <summary>Our adaptive Tsit5 at the problem's tolerance.</summary>
    /// <returns>The solution.</returns>
    [Benchmark(Baseline = true)]
    public OdeSolution Tsit5() => OdeSolvers.Tsit5.CreateIntegrator(_problem, _options).Solve();

    /// <summary>MathNet's classical RK4 with the calibrated number of steps.</summary>
    /// <returns>The state at the end.</returns>
    [Benchmark]
    public Vector<double> MathNetRungeKutta4() => RungeKutta4(_points);

    private Vector<double> RungeKutta4(int points) => RungeKutta.FourthOrder(_initial, 0, _reference.EndTime, points, _rightHandSide)[^1];
}
