using Ferroptosis.Sim.Modeling.Simulation;
using Ferroptosis.Sim.Pathway;

namespace Ferroptosis.Sim.Tests.Modeling.Simulation;

/// <summary>
/// <see cref="Simulator.Simulate(Ferroptosis.Sim.Modeling.Compilation.CompiledModel, SimulationSettings?, CancellationToken)"/> keeps one
/// run state per thread and resets it between runs: a run must not see anything of the run before it (parameter values,
/// initial values, values of initial assignments), so it equals, bit for bit, the same settings run on a new instance.
/// </summary>
public sealed class InstancePoolTests
{
    private static readonly FerroptosisModel Model = FerroptosisModel.Version2;

    [Test]
    public void A_run_after_runs_with_other_parameters_and_initial_values_equals_a_run_on_a_new_instance()
    {
        var compiled = Model.Compiled;
        var plain = Settings(new Dictionary<string, double>(StringComparer.Ordinal) { ["erastin"] = 10 }, initialGsh: null);
        var changed = Settings(new Dictionary<string, double>(StringComparer.Ordinal) { ["erastin"] = 2, ["ros_x"] = 1.5, ["c_XCT"] = 0.5 }, initialGsh: 0.3);

        var expectedPlain = Simulator.Simulate(compiled.CreateInstance(), plain);
        var expectedChanged = Simulator.Simulate(compiled.CreateInstance(), changed);
        Assert.That(Bits(expectedChanged, "S"), Is.Not.EqualTo(Bits(expectedPlain, "S")), "the two settings give different runs");

        // Alternating on one thread: each run reuses the state the previous one left (reset).
        var runs = new[] { plain, changed, plain, changed, plain }.Select(s => (Settings: s, Result: Simulator.Simulate(compiled, s))).ToList();
        Assert.Multiple(() =>
        {
            foreach (var (settings, result) in runs)
            {
                var expected = ReferenceEquals(settings, plain) ? expectedPlain : expectedChanged;
                Assert.That(result.Statistics, Is.EqualTo(expected.Statistics));
                foreach (string id in new[] { "S", "GSH", "LIP", "LPO", "ROS" })
                {
                    Assert.That(Bits(result, id), Is.EqualTo(Bits(expected, id)), id);
                }
            }
        });
    }

    [Test]
    public void Runs_on_several_threads_at_once_equal_a_run_on_a_new_instance()
    {
        var compiled = Model.Compiled;
        var settings = Settings(new Dictionary<string, double>(StringComparer.Ordinal) { ["erastin"] = 10 }, initialGsh: null);
        var expected = Bits(Simulator.Simulate(compiled.CreateInstance(), settings), "LPO");
        var results = new long[8][];
        Parallel.For(0, results.Length, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i => results[i] = Bits(Simulator.Simulate(compiled, settings), "LPO"));
        Assert.That(results, Has.All.EqualTo(expected));
    }

    private static long[] Bits(SimulationResult result, string id) => [.. result.GetColumn(id).Select(BitConverter.DoubleToInt64Bits)];

    /// <summary>The osteoblast from rest for 24 h, reported every 0.5 h, with the given parameter values and optionally another initial GSH.</summary>
    private static SimulationSettings Settings(Dictionary<string, double> parameters, double? initialGsh)
    {
        var rest = Model.RestingState(new Dictionary<string, double>(BoneCell.Osteoblast.ParametersIn(Model), StringComparer.Ordinal));
        var initial = Model.Compiled.StateIds.Select((id, k) => (id, k)).ToDictionary(p => p.id, p => rest[p.k], StringComparer.Ordinal);
        if (initialGsh is double gsh)
        {
            initial["GSH"] = gsh;
        }

        return new SimulationSettings
        {
            EndTime = 24,
            OutputPoints = 49,
            RelativeTolerance = 1e-7,
            AbsoluteTolerance = 1e-9,
            MaxStep = 0.25,
            Parameters = parameters,
            InitialValues = initial,
        };
    }
}
