using Ferroptosis.Sim.Modeling.Expressions;
using Ferroptosis.Sim.Modeling.Networks;
using Ferroptosis.Sim.Pathway;

namespace Ferroptosis.Sim.Cli;

/// <summary>Parses <c>--perturb</c> values: <c>NAME=VALUE[@START[..END]]</c>, e.g. <c>erastin=5uM</c>, <c>fer1=1uM</c>, <c>oxidative-stress=1.65@12h</c>, <c>dfo=100uM@0h..6h</c>.</summary>
/// <remarks>
/// For the built-in model NAME is a drug, exposure, genetic change or parameter (<see cref="PerturbationTarget"/>);
/// <c>@START</c> delays the start and <c>..END</c> washes the drug out. For a model file NAME is a parameter
/// (or a species, whose initial value is set) and VALUE a plain number in the model's own units.
/// </remarks>
internal static class PerturbationSpec
{
    /// <summary>The perturbations and parameter values for the built-in model.</summary>
    /// <param name="Perturbations">Drugs, exposures and genetic changes.</param>
    /// <param name="Parameters">Model parameters set directly (expert use).</param>
    public sealed record BuiltIn(IReadOnlyList<Perturbation> Perturbations, IReadOnlyDictionary<string, double> Parameters);

    /// <summary>The values for a model file.</summary>
    /// <param name="Parameters">Parameter values.</param>
    /// <param name="InitialValues">Species initial values.</param>
    public sealed record FileValues(IReadOnlyDictionary<string, double> Parameters, IReadOnlyDictionary<string, double> InitialValues);

    /// <summary>Parses perturbations of the built-in model.</summary>
    /// <param name="specs">The <c>--perturb</c> values.</param>
    /// <param name="model">The version of the built-in model.</param>
    /// <returns>The perturbations and direct parameter values.</returns>
    /// <exception cref="CliException">A malformed spec, unknown name or bad value.</exception>
    public static BuiltIn ParseBuiltIn(IEnumerable<string> specs, FerroptosisModel model)
    {
        ArgumentNullException.ThrowIfNull(specs);
        var perturbations = new List<Perturbation>();
        var parameters = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (string spec in specs)
        {
            var (name, value, schedule) = Split(spec);
            var target = PerturbationTarget.Find(name, model);
            var perturbation = target.Create(target.ParseValue(value));
            if (perturbation is null)
            {
                if (schedule is not null)
                {
                    throw new CliException($"--perturb '{spec}': a model parameter is set for the whole run and cannot be scheduled; use a drug or exposure for timed changes.");
                }

                double number = target.ParseValue(value);
                if (number < 0)
                {
                    throw new CliException($"--perturb '{spec}': the built-in model's parameters are rates, amounts and factors, all ≥ 0; give a value ≥ 0.");
                }

                if (!parameters.TryAdd(target.Name, number))
                {
                    throw new CliException($"--perturb '{spec}': {target.Name} is given twice; give each parameter once.");
                }

                continue;
            }

            var added = schedule is null ? perturbation : Schedule(perturbation, schedule, spec);
            if (perturbations.Find(p => p.Name == added.Name && Overlap(p, added)) is { } earlier)
            {
                throw new CliException($"--perturb '{spec}': {added.Name} is already given ({earlier}) for an overlapping time; give each drug or exposure once, or schedule the two so that the first is washed out before the second starts (@0h..6h and @12h).");
            }

            perturbations.Add(added);
        }

        return new BuiltIn(perturbations, parameters);
    }

    /// <summary>Refuses perturbations that start at or after the end of the run: they would have no effect.</summary>
    /// <param name="perturbations">The perturbations.</param>
    /// <param name="hours">The length of the run.</param>
    /// <exception cref="CliException">One starts at or after the end.</exception>
    public static void RequireWithinRun(IEnumerable<Perturbation> perturbations, double hours)
    {
        ArgumentNullException.ThrowIfNull(perturbations);
        foreach (var p in perturbations.Where(p => p.StartHours >= hours))
        {
            throw new CliException($"--perturb: {p} starts at or after the end of the run ({Units.FormatHours(hours)}) and would have no effect; start it earlier or give a longer --t-end.");
        }
    }

    /// <summary>Magnitude beyond which a directly set value is called extreme: products and powers of it overflow double precision.</summary>
    public const double ExtremeMagnitude = 1e15;

    /// <summary>The directly set values whose magnitude is beyond <see cref="ExtremeMagnitude"/>, as <c>name=value</c>.</summary>
    /// <param name="values">The parameter (and initial) values set with <c>--perturb</c>.</param>
    /// <returns>The extreme ones, in the order given; empty when there are none.</returns>
    public static IReadOnlyList<string> Extreme(params IReadOnlyDictionary<string, double>[] values) =>
        [.. values.SelectMany(v => v).Where(kv => Math.Abs(kv.Value) > ExtremeMagnitude)
            .Select(kv => $"{kv.Key}={kv.Value.ToString("G4", System.Globalization.CultureInfo.InvariantCulture)}")];

    /// <summary>Writes one warning naming the extreme values, if there are any.</summary>
    /// <param name="extreme">The values from <see cref="Extreme"/>.</param>
    /// <param name="warnings">Where the warning goes.</param>
    public static void WarnExtreme(IReadOnlyList<string> extreme, TextWriter warnings)
    {
        ArgumentNullException.ThrowIfNull(extreme);
        ArgumentNullException.ThrowIfNull(warnings);
        if (extreme.Count > 0)
        {
            warnings.WriteLine($"warning: --perturb {string.Join(", ", extreme)}: beyond ±1e15, so the model's arithmetic may overflow double precision.");
        }
    }

    /// <summary>The message of a failed simulation, naming the extreme <c>--perturb</c> values when they are the likely cause.</summary>
    /// <param name="what">What was simulated, e.g. "the osteoblast".</param>
    /// <param name="status">The solver's status.</param>
    /// <param name="message">The solver's message.</param>
    /// <param name="extreme">The values from <see cref="Extreme"/>.</param>
    /// <returns>One line.</returns>
    public static string Failure(string what, object status, string? message, IReadOnlyList<string> extreme) =>
        extreme.Count == 0
            ? $"The simulation of {what} failed: {status}: {message}"
            : $"The simulation of {what} failed because of --perturb {string.Join(", ", extreme)}: the values overflow double precision (the solver reports {status}: {message?.TrimEnd('.')}); give values within ±1e15.";

    private static bool Overlap(Perturbation a, Perturbation b) =>
        a.StartHours < (b.EndHours ?? double.PositiveInfinity) && b.StartHours < (a.EndHours ?? double.PositiveInfinity);

    /// <summary>Parses parameter and initial values for a model file.</summary>
    /// <param name="specs">The <c>--perturb</c> values, <c>name=number</c>.</param>
    /// <param name="network">The model.</param>
    /// <returns>The values.</returns>
    /// <exception cref="CliException">A malformed spec, a name the model does not have, or a value with a unit.</exception>
    public static FileValues ParseForFile(IEnumerable<string> specs, ReactionNetwork network)
    {
        ArgumentNullException.ThrowIfNull(specs);
        ArgumentNullException.ThrowIfNull(network);
        var parameters = new Dictionary<string, double>(StringComparer.Ordinal);
        var initial = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (string spec in specs)
        {
            var (name, text, schedule) = Split(spec);
            if (schedule is not null)
            {
                throw new CliException($"--perturb '{spec}': timed changes (@) apply to the built-in model's drugs only; for a model file give name=value.");
            }

            double value = Units.ParseNumber(text, $"--perturb {name}");
            if (parameters.ContainsKey(name) || initial.ContainsKey(name))
            {
                throw new CliException($"--perturb '{spec}': {name} is given twice; give each value once.");
            }

            switch (network.KindOf(name))
            {
                case SymbolKind.Parameter:
                    parameters[name] = value;
                    break;
                case SymbolKind.Species:
                    initial[name] = value;
                    break;
                default:
                    var known = network.Parameters.Select(p => p.Id).Concat(network.Species.Select(s => s.Id));
                    string hint = NameSuggestions.Hint(NameSuggestions.Closest(name, known));
                    throw new CliException($"--perturb '{spec}': the model has no parameter or species '{name}'{(hint.Length == 0 ? "." : hint)} Parameters: {string.Join(", ", network.Parameters.Select(p => p.Id))}.");
            }
        }

        return new FileValues(parameters, initial);
    }

    private static (string Name, string Value, string? Schedule) Split(string spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        int equals = spec.IndexOf('=', StringComparison.Ordinal);
        if (equals <= 0 || equals == spec.Length - 1)
        {
            throw new CliException($"--perturb '{spec}': write NAME=VALUE, e.g. erastin=5uM, fer1=1uM or oxidative-stress=1.65@12h.");
        }

        string name = spec[..equals].Trim();
        string rest = spec[(equals + 1)..];
        int at = rest.IndexOf('@', StringComparison.Ordinal);
        return at < 0 ? (name, rest.Trim(), null) : (name, rest[..at].Trim(), rest[(at + 1)..].Trim());
    }

    private static Perturbation Schedule(Perturbation perturbation, string schedule, string spec)
    {
        if (perturbation.IsGenetic)
        {
            throw new CliException($"--perturb '{spec}': {perturbation.Name} is a genetic change of the cell (part of its resting state) and cannot be scheduled.");
        }

        var parts = schedule.Split("..", StringSplitOptions.TrimEntries);
        if (parts.Length > 2 || parts[0].Length == 0)
        {
            throw new CliException($"--perturb '{spec}': write the timing as @START or @START..END, e.g. @12h or @0h..6h.");
        }

        double start = Units.ParseHours(parts[0], $"--perturb '{spec}' start");
        var result = perturbation.From(Units.ToTimeSpan(start, $"--perturb '{spec}' start"));
        if (parts.Length == 2)
        {
            double end = Units.ParseHours(parts[1], $"--perturb '{spec}' end");
            if (end <= start)
            {
                throw new CliException($"--perturb '{spec}': the wash-out time must come after the start.");
            }

            result = result.Until(Units.ToTimeSpan(end, $"--perturb '{spec}' end"));
        }

        return result;
    }
}
