using System.Globalization;
using Ferroptosis.Sim.Analysis;
using Ferroptosis.Sim.Modeling.Expressions;
using Ferroptosis.Sim.Modeling.Networks;
using Ferroptosis.Sim.Pathway;

namespace Ferroptosis.Sim.Cli;

/// <summary>One scanned input: a <c>--param</c> name and its <c>--range</c> (<c>0.01:100:log25</c>, <c>0:2:11</c>, <c>1,2,5,10</c>; drug doses may carry units, <c>10nM:100uM:log25</c>).</summary>
internal sealed record ScanAxisSpec
{
    private ScanAxisSpec(string name, PerturbationTarget? target, double[] values, bool isLogarithmic)
    {
        Name = name;
        Target = target;
        Values = values;
        IsLogarithmic = isLogarithmic;
    }

    /// <summary>Gets the input's name (drug, exposure, parameter or species id).</summary>
    public string Name { get; }

    /// <summary>Gets what it perturbs in the built-in model, or null for a model file.</summary>
    public PerturbationTarget? Target { get; }

    /// <summary>Gets the values, in scan order (µM for drugs).</summary>
    public IReadOnlyList<double> Values { get; }

    /// <summary>Gets a value indicating whether the values are log-spaced (drawn on a log axis).</summary>
    public bool IsLogarithmic { get; }

    /// <summary>Gets the unit of the values for headers and axes, or null.</summary>
    public string? Unit => Target?.Unit;

    /// <summary>Gets the CSV column name, e.g. "erastin_uM".</summary>
    public string Header => Unit == "µM" ? $"{Name}_uM" : Name;

    /// <summary>Parses an axis of the built-in model.</summary>
    /// <param name="name">The <c>--param</c> value.</param>
    /// <param name="range">The <c>--range</c> value.</param>
    /// <param name="model">The version of the built-in model.</param>
    /// <returns>The axis.</returns>
    /// <exception cref="CliException">Unknown name or malformed range.</exception>
    public static ScanAxisSpec ForBuiltIn(string name, string range, FerroptosisModel model)
    {
        var target = PerturbationTarget.Find(name, model);
        string numeric = target.IsConcentration ? WithoutUnits(range, target) : range;
        var (values, log) = ParseRange(numeric, range);
        if (target.IsConcentration && values.Max() > Units.MaxMicromolar)
        {
            throw new CliException($"--range '{range}': {target.Name} doses reach {Format(values.Max())} µM, above 1 M; no drug dissolves at that concentration (bare numbers are µM).");
        }

        if (!target.IsConcentration && values.Any(v => v < 0))
        {
            throw new CliException($"--range '{range}': {target.Name} takes values ≥ 0.");
        }

        return new ScanAxisSpec(target.Name, target, values, log);
    }

    /// <summary>Parses an axis of a model file: a parameter or species of the network.</summary>
    /// <param name="name">The <c>--param</c> value.</param>
    /// <param name="range">The <c>--range</c> value.</param>
    /// <param name="network">The model.</param>
    /// <returns>The axis.</returns>
    /// <exception cref="CliException">Not a parameter or species, or a malformed range.</exception>
    public static ScanAxisSpec ForFile(string name, string range, ReactionNetwork network)
    {
        ArgumentNullException.ThrowIfNull(network);
        if (network.KindOf(name) is not (SymbolKind.Parameter or SymbolKind.Species))
        {
            var known = network.Parameters.Select(p => p.Id).Concat(network.Species.Select(s => s.Id));
            string hint = NameSuggestions.Hint(NameSuggestions.Closest(name, known));
            throw new CliException($"--param '{name}': the model has no parameter or species of that name{(hint.Length == 0 ? "." : hint)} Parameters: {string.Join(", ", network.Parameters.Select(p => p.Id))}.");
        }

        var (values, log) = ParseRange(range, range);
        return new ScanAxisSpec(name, null, values, log);
    }

    /// <summary>Formats a value for labels: three significant digits.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The text.</returns>
    public static string Format(double value) => value.ToString("G3", CultureInfo.InvariantCulture);

    /// <summary>Turns "10nM:100uM:log25" into "0.01:100:log25" (µM); a bare number is taken as µM.</summary>
    private static string WithoutUnits(string range, PerturbationTarget target)
    {
        string[] parts = range.Split(':', StringSplitOptions.TrimEntries);
        if (parts.Length == 3)
        {
            return $"{Micromolar(parts[0], target)}:{Micromolar(parts[1], target)}:{parts[2]}";
        }

        return string.Join(",", range.Split(',', StringSplitOptions.TrimEntries).Select(p => Micromolar(p, target)));
    }

    private static string Micromolar(string text, PerturbationTarget target)
    {
        bool bare = double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double number);
        double value = bare ? number : Units.ParseConcentration(text, $"--range for {target.Name}");
        return value.ToString("R", CultureInfo.InvariantCulture);
    }

    /// <summary>Gets the axis for <see cref="ParameterScan"/>.</summary>
    /// <returns>The axis, named as the input.</returns>
    public ScanAxis ToScanAxis() => new(Name, Values, IsLogarithmic);

    /// <summary>from:to:N | from:to:linN | from:to:logN | v1,v2,…, as <see cref="ScanAxis.Parse"/> reads it.</summary>
    private static (double[] Values, bool Logarithmic) ParseRange(string numeric, string original)
    {
        try
        {
            var axis = ScanAxis.Parse("range", numeric);
            return ([.. axis.Values], axis.IsLogarithmic);
        }
        catch (FormatException ex)
        {
            throw new CliException($"--range '{original}': {ex.Message}", ex);
        }
    }
}
