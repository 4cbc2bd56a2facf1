using System.Globalization;
using System.Text;
using Ferroptosis.Sim.Formats.Antimony;
using Ferroptosis.Sim.Modeling.Compilation;
using Ferroptosis.Sim.Modeling.Simulation;
using Ferroptosis.Sim.Ode;
using Ferroptosis.Sim.Tests.Ode;

namespace Ferroptosis.Sim.Tests.Modeling.Simulation;

/// <summary>
/// Many events whose triggers use uncommon MathML constructs (floor, ceiling, abs, piecewise, xor, not, powers, exp,
/// sqrt, max, min, sin, ln, or, and with time), with x' = 1 from x = −5.3 so each crossing time is known: every solver
/// locates each one at tight tolerances, with no StepSizeTooSmall at a trigger time, and fires each once.
/// </summary>
/// <remarks>
/// Two kinds need more than a sign change between samples. A relation whose function steps onto exactly zero and stays
/// there: <c>ceil(x) &gt;= -1</c> becomes true as x passes −2 (ceil(x) + 1 jumps from −1 to 0) and
/// <c>ceil(x) &gt; -1</c>, on the same function, as x passes −1; <c>floor(x) &gt;= 1</c> at x = 1 exactly. A relation
/// that holds only between two crossings closer together than the samples of a step: <c>sqrt(abs(x)) &lt; 0.3</c>
/// (a cusp at x = 0) and <c>(x - 1)^2 &lt; 0.01</c> (smooth), which used to fire only when another event stopped the
/// integration inside the interval, at x = 0 or x = 1.
/// </remarks>
[TestFixtureSource(typeof(SolverSources), nameof(SolverSources.All))]
public sealed class UncommonTriggerTests(IOdeSolver solver)
{
    /// <summary>Each trigger, with the time at which it becomes true (x = t − 5.3).</summary>
    private static readonly (string Trigger, double Time)[] Triggers =
    [
        ("floor(x*3) > -10", 2.3),
        ("ceil(x) > -1", 4.3),
        ("abs(x) < 0.5", 4.8),
        ("piecewise(1, x > -4, 0) > 0.5", 1.3),
        ("xor(x > -1, time > 100)", 4.3),
        ("!(x <= 1)", 6.3),
        ("x^3 > 8", 7.3),
        ("exp(x) > exp(-2.5)", 2.8),
        ("sqrt(x + 6) > 1", 0.3),
        ("max(x, -4.5) > -4.4", 0.9),
        ("min(x, 100) >= 3", 8.3),
        ("sin(x/4) > 0.5", 5.3 + (4 * Math.Asin(0.5))),
        ("ln(x + 6) > ln(2)", 1.3),
        ("x > -0.699", 5.3 - 0.699),
        ("x > 0", 5.3),
        ("(x > 2.5) || (time > 1000)", 7.8),
        ("(time >= 9.5) && (x > 0)", 9.5),
        ("ceil(x) >= -1", 3.3),
        ("floor(x) >= 1", 6.3),
        ("sqrt(abs(x)) < 0.3", 5.3 - 0.09),
        ("(x - 1)^2 < 0.01", 6.2),
    ];

    [TestCase(1e-11)]
    [TestCase(1e-13)]
    public void EveryTrigger_FiresOnce_AtItsCrossing(double atol)
    {
        var model = new StringBuilder("model triggers\n  J1: -> x; 1\n  x = -5.3\n");
        for (int i = 0; i < Triggers.Length; i++)
        {
            model.Append(CultureInfo.InvariantCulture, $"  f{i} = -1\n  f{i}' = 0\n  n{i} = 0\n  n{i}' = 0\n");
            model.Append(CultureInfo.InvariantCulture, $"  E{i}: at ({Triggers[i].Trigger}): f{i} = time, n{i} = n{i} + 1\n");
        }

        string[] outputs = [.. Enumerable.Range(0, Triggers.Length).SelectMany(i => new[] { $"f{i}", $"n{i}" })];
        var result = Simulator.Simulate(ModelCompiler.Compile(AntimonyReader.Read(model.Append("end\n").ToString())), new SimulationSettings
        {
            EndTime = 10,
            OutputTimes = [0, 10],
            Outputs = outputs,
            RelativeTolerance = 1e-8,
            AbsoluteTolerance = atol,
            Solver = solver,
        });

        Assert.That(result.IsSuccess, Is.True, result.Message);
        Assert.Multiple(() =>
        {
            for (int i = 0; i < Triggers.Length; i++)
            {
                Assert.That(result.GetColumn($"n{i}")[^1], Is.EqualTo(1), $"{Triggers[i].Trigger} fires once");
                Assert.That(result.GetColumn($"f{i}")[^1], Is.EqualTo(Triggers[i].Time).Within(1e-6), $"{Triggers[i].Trigger} fires at its crossing");
            }
        });
    }
}
