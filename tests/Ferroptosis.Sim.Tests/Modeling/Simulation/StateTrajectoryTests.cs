using Ferroptosis.Sim.Modeling.Simulation;
using Ferroptosis.Sim.Pathway;

namespace Ferroptosis.Sim.Tests.Modeling.Simulation;

/// <summary>
/// A run with fewer states than reported quantities records its states and computes each column when it is first read;
/// the columns are the same bits as those computed while the integrator records each point.
/// </summary>
public sealed class StateTrajectoryTests
{
    private static readonly FerroptosisModel Model = FerroptosisModel.Version2;

    [Test]
    public void Columns_computed_from_recorded_states_equal_columns_computed_during_the_run_bit_for_bit()
    {
        var compiled = Model.Compiled;
        var settings = Settings();
        var lazy = Simulator.Simulate(compiled, settings);
        Assert.That(lazy.Names, Has.Count.GreaterThan(compiled.Dimension), "the default report has more quantities than states, so it is recorded as states");

        // Fewer quantities than states: recorded as values during the run. Every quantity, in chunks.
        int chunk = compiled.Dimension - 1;
        Assert.Multiple(() =>
        {
            for (int first = 0; first < lazy.Names.Count; first += chunk)
            {
                var ids = lazy.Names.Skip(first).Take(chunk).ToArray();
                var eager = Simulator.Simulate(compiled, settings with { Outputs = ids });
                Assert.That(eager.Times.ToArray(), Is.EqualTo(lazy.Times.ToArray()));
                foreach (string id in ids)
                {
                    var expected = eager.GetColumn(id).Select(BitConverter.DoubleToInt64Bits);
                    var actual = lazy.GetColumn(id).Select(BitConverter.DoubleToInt64Bits);
                    Assert.That(actual, Is.EqualTo(expected), id);
                }
            }
        });
    }

    [Test]
    public void Rows_after_a_scheduled_change_use_the_parameter_values_in_force_then()
    {
        // Xa = pos(XCT) / (1 + erastin / IC50_ERA): equal to XCT before erastin is switched on, far below it after.
        var result = Simulator.Simulate(Model.Compiled, Settings());
        var active = result.GetColumn("Xa");
        var total = result.GetColumn("XCT");
        var times = result.Times.ToArray();
        Assert.Multiple(() =>
        {
            for (int k = 0; k < times.Length; k++)
            {
                if (times[k] < ChangeHours)
                {
                    Assert.That(active[k], Is.EqualTo(total[k]), $"t = {times[k]}");
                }
                else if (times[k] > ChangeHours)
                {
                    Assert.That(active[k], Is.LessThan(0.1 * total[k]), $"t = {times[k]}");
                }
            }
        });
    }

    [Test]
    public void A_run_recording_some_quantities_gives_the_others_from_a_second_run_bit_for_bit()
    {
        // RecordedQuantities: S and Xa recorded during the run, every other column from the settings run again when one
        // of them is first read. Both equal the run that records every state, bit for bit, and so do the times.
        var compiled = Model.Compiled;
        var settings = Settings();
        var full = Simulator.Simulate(compiled, settings);
        var deferred = Simulator.Simulate(compiled, settings with { RecordedQuantities = ["S", "Xa", "not-reported"] });
        Assert.That(deferred.Trajectory, Is.Null, "the states are not recorded by the run");
        Assert.Multiple(() =>
        {
            Assert.That(deferred.Times.ToArray(), Is.EqualTo(full.Times.ToArray()));
            Assert.That(deferred.Statistics, Is.EqualTo(full.Statistics));
            Assert.That(deferred.Names, Is.EqualTo(full.Names));
            foreach (string id in new[] { "S", "Xa" }.Concat(full.Names))
            {
                var expected = full.GetColumn(id).Select(BitConverter.DoubleToInt64Bits);
                var actual = deferred.GetColumn(id).Select(BitConverter.DoubleToInt64Bits);
                Assert.That(actual, Is.EqualTo(expected), id);
            }
        });
    }

    [Test]
    public void Reading_a_column_twice_returns_equal_copies()
    {
        var result = Simulator.Simulate(Model.Compiled, Settings());
        var first = result.GetColumn("LIP");
        first[0] = double.NaN;
        Assert.That(result.GetColumn("LIP")[0], Is.Not.NaN, "a column is handed out as a copy");
    }

    private const double ChangeHours = 6;
    private const double ErastinMicromolar = 10;

    /// <summary>The osteoblast from rest, erastin switched on at 6 h by a scheduled change, reported every 0.5 h.</summary>
    private static SimulationSettings Settings()
    {
        var parameters = new Dictionary<string, double>(BoneCell.Osteoblast.ParametersIn(Model), StringComparer.Ordinal);
        var rest = Model.RestingState(parameters);
        return new SimulationSettings
        {
            EndTime = 24,
            OutputPoints = 49,
            RelativeTolerance = 1e-7,
            AbsoluteTolerance = 1e-9,
            MaxStep = 0.25,
            Parameters = parameters,
            InitialValues = Model.Compiled.StateIds.Select((id, k) => (id, k)).ToDictionary(p => p.id, p => rest[p.k], StringComparer.Ordinal),
            Schedule = [new ScheduledChange(ChangeHours, "erastin", ErastinMicromolar)],
        };
    }
}
