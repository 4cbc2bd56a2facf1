using System.Collections.ObjectModel;
using Ferroptosis.Sim.Modeling.Simulation;

namespace Ferroptosis.Sim.Pathway;

/// <summary>Turns a scenario, scheduled perturbations and wash-outs into the parameter values at the start of a run and the changes at later times.</summary>
/// <remarks>
/// Steps are applied in time order (at equal times: wash-outs, then the scenario, then perturbations in
/// the caller's order), each on the values in force at that moment, so that a multiplier acts on what
/// the cell has then and a wash-out restores what it had when the perturbation started. Expert
/// parameter values (<see cref="CellSimulationOptions.Parameters"/>) win over everything, at all times.
/// </remarks>
internal static class ExposureTimeline
{
    /// <summary>Builds the parameter values at <paramref name="start"/> and the scheduled changes after it.</summary>
    /// <param name="model">The model version (for the declared values of parameters the baseline does not set).</param>
    /// <param name="baseline">The cell's resting parameter values (cell type and genetic changes).</param>
    /// <param name="exposures">The non-genetic perturbations.</param>
    /// <param name="options">The scenario and the expert parameter values.</param>
    /// <param name="start">The start of the run (0, or the earliest pre-treatment).</param>
    /// <returns>The parameter values at the start and the later changes, in time order.</returns>
    public static (Dictionary<string, double> Initial, List<ScheduledChange> Schedule) Build(
        FerroptosisModel model, IReadOnlyDictionary<string, double> baseline, IReadOnlyList<Perturbation> exposures, CellSimulationOptions options, double start)
    {
        var steps = new List<Step>();
        if (options.Scenario is { } scenario)
        {
            steps.Add(new Step(0, 1, options.ChronicScenario ? scenario.ChronicIn(model) : scenario.InVitroIn(model), Snapshot: null, Restores: false));
        }

        for (int i = 0; i < exposures.Count; i++)
        {
            var p = exposures[i];
            var snapshot = new Dictionary<string, double>(StringComparer.Ordinal);
            steps.Add(new Step(Math.Max(p.StartHours, start), 2 + i, p.ChangesIn(model), snapshot, Restores: false));
            if (p.EndHours is double end)
            {
                steps.Add(new Step(end, 0, [], snapshot, Restores: true));
            }
        }

        // A stable sort (insertion: a handful of steps) keeps the caller's order among equal keys.
        for (int i = 1; i < steps.Count; i++)
        {
            var step = steps[i];
            int j = i - 1;
            while (j >= 0 && (steps[j].Time > step.Time || (steps[j].Time == step.Time && steps[j].Order > step.Order)))
            {
                steps[j + 1] = steps[j];
                j--;
            }

            steps[j + 1] = step;
        }

        var overrides = options.Parameters ?? (IReadOnlyDictionary<string, double>)ReadOnlyDictionary<string, double>.Empty;
        var current = new Dictionary<string, double>(baseline, StringComparer.Ordinal);
        var initial = new Dictionary<string, double>(baseline, StringComparer.Ordinal);
        var schedule = new List<ScheduledChange>();
        var touched = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (int first = 0; first < steps.Count;)
        {
            // The steps at one time, in order.
            double time = steps[first].Time;
            int end = first;
            touched.Clear();
            seen.Clear();
            for (; end < steps.Count && steps[end].Time == time; end++)
            {
                var step = steps[end];
                if (step.Restores)
                {
                    foreach (var (id, value) in step.Snapshot!)
                    {
                        current[id] = value;
                        touched.Add(id);
                    }

                    continue;
                }

                foreach (var change in step.Changes)
                {
                    // The first change of a parameter in this step records what a wash-out restores.
                    step.Snapshot?.TryAdd(change.Parameter, ValueOf(model, current, change.Parameter));
                }

                Apply(model, current, step.Changes);
                foreach (var change in step.Changes)
                {
                    touched.Add(change.Parameter);
                }
            }

            foreach (string id in touched)
            {
                if (!seen.Add(id))
                {
                    continue;
                }

                double value = overrides.TryGetValue(id, out double forced) ? forced : current[id];
                if (time <= start)
                {
                    initial[id] = value;
                }
                else
                {
                    schedule.Add(new ScheduledChange(time, id, value));
                }
            }

            first = end;
        }

        foreach (var (id, value) in overrides)
        {
            initial[id] = value;
        }

        return (initial, schedule);
    }

    /// <summary>Applies changes to a set of absolute values (missing ones start from the declared values of the model version).</summary>
    public static void Apply(FerroptosisModel model, Dictionary<string, double> values, IEnumerable<ParameterChange> changes)
    {
        foreach (var given in changes)
        {
            var change = Translate(model, given);
            values[change.Parameter] = change.Apply(ValueOf(model, values, change.Parameter));
        }
    }

    /// <summary>
    /// Maps a change written with model v1's meaning onto another version. In model v1 <c>c_NCOA4</c> is an additive
    /// ferritinophagy gain (0 in the osteoblast); from model v2 on it is NCOA4 expression (1 = wild type), so an added gain
    /// g (glucocorticoids +0.5, an over-expression ×f as +(f − 1)) becomes the fold change 1 + g, which also scales with a
    /// knock-down (siRNA suppresses the induced expression too).
    /// </summary>
    internal static ParameterChange Translate(FerroptosisModel model, ParameterChange change) =>
        model.Version != "1" && change.Parameter == "c_NCOA4" && change.Kind == ChangeKind.Add
            ? new ParameterChange(change.Parameter, ChangeKind.Multiply, 1 + change.Value)
            : change;

    private static double ValueOf(FerroptosisModel model, Dictionary<string, double> values, string parameter)
    {
        if (values.TryGetValue(parameter, out double v))
        {
            return v;
        }

        var compiled = model.Compiled;
        int index = compiled.IndexOfParameter(parameter);
        return index >= 0
            ? compiled.DefaultParameters[index]
            : throw new ArgumentException($"The {model} has no parameter '{parameter}'.", nameof(parameter));
    }

    /// <summary>One step of the timeline: changes at a time (recording the previous values in <paramref name="Snapshot"/> if given), or a wash-out restoring a snapshot.</summary>
    /// <param name="Time">When, in hours.</param>
    /// <param name="Order">Order among steps at the same time: wash-outs 0, scenario 1, perturbations 2 + their position.</param>
    /// <param name="Changes">The changes (empty for a wash-out).</param>
    /// <param name="Snapshot">The values before the perturbation started, filled when it starts and restored by its wash-out.</param>
    /// <param name="Restores">Whether this step is a wash-out.</param>
    private sealed record Step(double Time, int Order, IReadOnlyList<ParameterChange> Changes, Dictionary<string, double>? Snapshot, bool Restores);
}
