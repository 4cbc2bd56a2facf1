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
/// Not covered, because the event locator does not handle them yet: a non-strict relation whose function steps onto
/// exactly zero and stays there (<c>ceil(x) &gt;= -1</c> fires when ceil(x) passes −1, at x = −1, not at x = −2), and a
/// function with a cusp that is positive only between two roots inside one step (<c>sqrt(abs(x)) &lt; 0.3</c> fires at
/// x = 0 instead of x = −0.09 with some solvers).
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
