using System.Globalization;
using System.Text.RegularExpressions;

namespace Ferroptosis.Sim.Cli;

/// <summary>Parses values with units as people type them: concentrations (<c>5uM</c>, <c>500nM</c>, <c>1mM</c>), times (<c>48h</c>, <c>30min</c>, <c>2d</c>) and plain factors (<c>1.65</c>, <c>x1.65</c>).</summary>
/// <remarks>
/// The ferroptosis model works in µM and hours, so concentrations are returned in µM and times in hours.
/// A value of the wrong kind (a time where a concentration belongs) or without a unit where one is required is
/// refused with a message that shows the expected form. Numbers use a decimal point in every locale.
/// </remarks>
internal static partial class Units
{
    private static readonly Dictionary<string, double> Concentrations = new(StringComparer.Ordinal)
    {
        ["pM"] = 1e-6,
        ["nM"] = 1e-3,
        ["uM"] = 1,
        ["µM"] = 1,
        ["μM"] = 1,
        ["mM"] = 1e3,
        ["M"] = 1e6,
    };

    private static readonly Dictionary<string, double> Times = new(StringComparer.OrdinalIgnoreCase)
    {
        ["s"] = 1.0 / 3600,
        ["sec"] = 1.0 / 3600,
        ["min"] = 1.0 / 60,
        ["h"] = 1,
        ["hr"] = 1,
        ["hours"] = 1,
        ["d"] = 24,
        ["day"] = 24,
        ["days"] = 24,
    };

    /// <summary>Parses a concentration into µM.</summary>
    /// <param name="text">E.g. "5uM", "500nM", "1mM", "0.5 µM".</param>
    /// <param name="what">What the value is, for messages (e.g. "erastin").</param>
    /// <returns>The concentration in µM.</returns>
    /// <exception cref="CliException">No unit, an unknown unit, a time, a negative value, or one above 1 M.</exception>
    public static double ParseConcentration(string text, string what)
    {
        var (number, unit) = Split(text, what);
        if (unit.Length == 0)
        {
            throw new CliException($"{what}: '{text}' needs a concentration unit, e.g. {Example(number)}uM, {Example(number)}nM or {Example(number)}mM.");
        }

        if (Times.ContainsKey(unit))
        {
            throw new CliException($"{what}: '{text}' is a time; give a concentration such as 5uM, 500nM or 1mM.");
        }

        if (!Concentrations.TryGetValue(unit, out double factor))
        {
            throw new CliException($"{what}: unknown concentration unit '{unit}' in '{text}'; use pM, nM, uM (or µM), mM or M.");
        }

        double micromolar = NonNegative(number * factor, text, what);
        return micromolar <= MaxMicromolar
            ? micromolar
            : throw new CliException($"{what}: '{text}' is above 1 M; no drug dissolves at that concentration in a culture medium (give µM or nM, e.g. 5uM).");
    }

    /// <summary>The highest concentration accepted: 1 M (10⁶ µM), already far beyond any drug's solubility.</summary>
    public const double MaxMicromolar = 1e6;

    /// <summary>Converts hours to a <see cref="TimeSpan"/>, refusing what a TimeSpan cannot hold instead of overflowing.</summary>
    /// <param name="hours">The time in hours.</param>
    /// <param name="what">The option, for the message.</param>
    /// <returns>The time span.</returns>
    /// <exception cref="CliException">Not finite or longer than <see cref="TimeSpan.MaxValue"/> (about 29 000 years).</exception>
    public static TimeSpan ToTimeSpan(double hours, string what)
    {
        double limit = TimeSpan.MaxValue.TotalHours * 0.999;
        return double.IsFinite(hours) && Math.Abs(hours) < limit
            ? TimeSpan.FromHours(hours)
            : throw new CliException(string.Create(CultureInfo.InvariantCulture, $"{what}: {hours:G4} h is longer than any run can last (at most {limit:G3} h, about 29 000 years)."));
    }

    /// <summary>Parses a time or duration into hours.</summary>
    /// <param name="text">E.g. "48h", "30min", "2d", "90s".</param>
    /// <param name="what">What the value is, for messages (e.g. "--t-end").</param>
    /// <returns>The time in hours.</returns>
    /// <exception cref="CliException">No unit, an unknown unit, a concentration, or a negative value.</exception>
    public static double ParseHours(string text, string what)
    {
        var (number, unit) = Split(text, what);
        if (unit.Length == 0)
        {
            throw new CliException($"{what}: '{text}' needs a time unit, e.g. {Example(number)}h, {Example(number)}min or {Example(number)}d.");
        }

        if (Concentrations.ContainsKey(unit))
        {
            throw new CliException($"{what}: '{text}' is a concentration; give a time such as 48h, 30min or 2d.");
        }

        if (!Times.TryGetValue(unit, out double factor))
        {
            throw new CliException($"{what}: unknown time unit '{unit}' in '{text}'; use s, min, h or d.");
        }

        return NonNegative(number * factor, text, what);
    }

    /// <summary>Parses a plain number, optionally written as a factor ("x1.65", "1.65x", "×1.65").</summary>
    /// <param name="text">The text.</param>
    /// <param name="what">What the value is, for messages.</param>
    /// <returns>The number.</returns>
    /// <exception cref="CliException">Not a number, or it carries a unit.</exception>
    public static double ParseNumber(string text, string what)
    {
        ArgumentNullException.ThrowIfNull(text);
        string trimmed = text.Trim().Trim('x', 'X', '×');
        var (number, unit) = Split(trimmed, what);
        if (unit.Length > 0)
        {
            throw new CliException($"{what}: '{text}' takes a plain number without a unit (e.g. {Example(number)}).");
        }

        return number;
    }

    /// <summary>Formats hours for messages and file names, e.g. "48 h" or "0.5 h".</summary>
    /// <param name="hours">The time.</param>
    /// <returns>The text.</returns>
    public static string FormatHours(double hours) => string.Create(CultureInfo.InvariantCulture, $"{hours:G4} h");

    private static (double Number, string Unit) Split(string text, string what)
    {
        ArgumentNullException.ThrowIfNull(text);
        var match = ValuePattern().Match(text);
        if (!match.Success || !double.TryParse(match.Groups["number"].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out double number) || !double.IsFinite(number))
        {
            throw new CliException($"{what}: '{text}' is not a number with an optional unit (e.g. 5uM, 48h, 1.5).");
        }

        return (number, match.Groups["unit"].Value);
    }

    private static double NonNegative(double value, string text, string what) =>
        value >= 0 ? value : throw new CliException($"{what}: '{text}' is negative; give a value ≥ 0.");

    private static string Example(double number) => number.ToString("G4", CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^\s*(?<number>[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?)\s*(?<unit>[A-Za-zµμ]*)\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex ValuePattern();
}
