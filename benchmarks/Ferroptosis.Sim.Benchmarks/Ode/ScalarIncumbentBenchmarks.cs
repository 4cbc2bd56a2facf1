using BenchmarkDotNet.Attributes;
using Ferroptosis.Sim.Ode;
using Ferroptosis.Sim.Tests.TestProblems;
using MathNet.Numerics.OdeSolvers;

namespace Ferroptosis.Sim.Benchmarks.Ode;

/// <summary>MathNet.Numerics' scalar methods, <c>AdamsBashforth.FourthOrder</c> and <c>RungeKutta.FourthOrder</c>, against our Tsit5 at equal accuracy on the logistic equation.</summary>
/// <remarks>
/// MathNet's Adams–Bashforth methods exist only for a scalar state, hence this problem: y' = y(1 − y),
/// y(0) = 0.1 on [0, 10], exact solution y = 1/(1 + 9e^(−t)). As in <see cref="IncumbentBenchmarks"/>, Tsit5
/// runs at rtol 1e-8 (atol 1e-11) and each fixed-step method gets the smallest step count that reaches at
/// least the same scd (<see cref="FixedStepCalibration"/>); the counts are printed by <see cref="Setup"/>.
/// </remarks>
public class ScalarIncumbentBenchmarks
{
    private const double EndTime = 10;
    private static readonly ReferenceProblem Logistic = new(
        "LOGISTIC",
        OdeSystem.Create(1, static (t, y, dydt) => dydt[0] = y[0] * (1 - y[0]), isAutonomous: true),
        EndTime,
        [0.1],
        [1 / (1 + (9 * Math.Exp(-EndTime)))],
        false);

    private static readonly Func<double, double, double> RightHandSide = static (t, y) => y * (1 - y);
    private readonly OdeProblem _problem = Logistic.ToProblem();
    private readonly OdeSolverOptions _options = new() { RelativeTolerance = 1e-8, AbsoluteTolerance = 1e-11, OutputTimes = [EndTime] };
    private int _rungeKuttaPoints;
    private int _adamsBashforthPoints;

    /// <summary>Calibrates both fixed-step methods to the accuracy of Tsit5.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var ours = Tsit5();
        double target = Logistic.Scd(ours.FinalState);
        _rungeKuttaPoints = Calibrate("RK4", steps => RungeKutta.FourthOrder(0.1, 0, EndTime, steps + 1, RightHandSide)[^1], target);
        _adamsBashforthPoints = Calibrate("AB4", steps => AdamsBashforth.FourthOrder(0.1, 0, EndTime, steps + 1, RightHandSide)[^1], target);
        SetupLog.Write($"LOGISTIC: Tsit5 rtol 1e-8 reaches scd {target:F2} in {ours.Statistics.AcceptedSteps} steps ({ours.Statistics.RhsEvaluations} f)");
    }

    /// <summary>Our adaptive Tsit5.</summary>
    /// <returns>The solution.</returns>
    [Benchmark(Baseline = true)]
    public OdeSolution Tsit5() => OdeSolvers.Tsit5.CreateIntegrator(_problem, _options).Solve();

    /// <summary>MathNet's scalar RK4 with the calibrated step count.</summary>
    /// <returns>The value at the end.</returns>
    [Benchmark]
    public double MathNetRungeKutta4() => RungeKutta.FourthOrder(0.1, 0, EndTime, _rungeKuttaPoints, RightHandSide)[^1];

    /// <summary>MathNet's fourth-order Adams–Bashforth with the calibrated step count.</summary>
    /// <returns>The value at the end.</returns>
    [Benchmark]
    public double MathNetAdamsBashforth4() => AdamsBashforth.FourthOrder(0.1, 0, EndTime, _adamsBashforthPoints, RightHandSide)[^1];

    private static int Calibrate(string name, Func<int, double> endValue, double target)
    {
        var found = FixedStepCalibration.StepsFor(steps => Logistic.Scd([endValue(steps)]), target)
            ?? throw new InvalidOperationException($"MathNet {name} does not reach scd {target:F2} within {FixedStepCalibration.MaximumSteps} steps.");
        SetupLog.Write($"LOGISTIC: MathNet {name} needs {found.Steps} steps for scd {found.Scd:F2}");
        return found.Steps + 1;
    }
}
