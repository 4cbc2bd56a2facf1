using System.Globalization;

namespace Ferroptosis.Sim.Formats.Sbml.TestSuite;

/// <summary>The simulation settings and tolerances of one SBML Test Suite case (its <c>NNNNN-settings.txt</c>).</summary>
/// <remarks>
/// The file holds <c>key: value</c> lines: start, duration, steps (output intervals), variables (ids in column order),
/// absolute and relative (the pass rule's tolerances), amount and concentration (the species among the variables to
/// report as amounts or as concentrations). Immutable.
/// </remarks>
/// <param name="Start">The first output time.</param>
/// <param name="Duration">The length of the output interval.</param>
/// <param name="Steps">The number of output intervals (results have Steps + 1 rows).</param>
/// <param name="Variables">The SBML ids reported, in column order.</param>
/// <param name="Absolute">The absolute tolerance of the pass rule.</param>
/// <param name="Relative">The relative tolerance of the pass rule.</param>
/// <param name="Amount">The variables reported as amounts.</param>
/// <param name="Concentration">The variables reported as concentrations.</param>
public sealed record SbmlTestSettings(
    double Start,
    double Duration,
    int Steps,
    IReadOnlyList<string> Variables,
    double Absolute,
    double Relative,
    IReadOnlySet<string> Amount,
    IReadOnlySet<string> Concentration)
{
    /// <summary>Gets the output times: Start + k·Duration/Steps for k = 0 … Steps.</summary>
    public IReadOnlyList<double> OutputTimes()
    {
        var times = new double[Steps + 1];
        for (int k = 0; k <= Steps; k++)
        {
            times[k] = k == Steps ? Start + Duration : Start + (k * Duration / Steps);
        }

        return times;
    }

    /// <summary>Reads a settings file.</summary>
    /// <param name="path">The path of <c>NNNNN-settings.txt</c>.</param>
    /// <returns>The settings.</returns>
    /// <exception cref="FormatException">A required key is missing or a value is not a number.</exception>
    public static SbmlTestSettings ReadFile(string path) => Parse(File.ReadAllText(path));

    /// <summary>Parses the text of a settings file.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The settings.</returns>
    /// <exception cref="FormatException">A required key is missing or a value is not a number.</exception>
    public static SbmlTestSettings Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (string raw in text.Split('\n'))
        {
            string line = raw.Trim();
            int colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0)
            {
                values[line[..colon].Trim()] = line[(colon + 1)..].Trim();
            }
        }

        double Number(string key) =>
            values.TryGetValue(key, out string? v) && double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out double d)
                ? d
                : throw new FormatException($"The settings have no numeric '{key}'.");

        IReadOnlyList<string> List(string key) =>
            values.TryGetValue(key, out string? v) ? v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : [];

        double steps = Number("steps");
        if (steps < 1 || steps != Math.Floor(steps) || steps > 1_000_000)
        {
            throw new FormatException($"The settings give {steps} steps; steps must be a positive integer.");
        }

        return new SbmlTestSettings(
            Number("start"),
            Number("duration"),
            (int)steps,
            List("variables"),
            Number("absolute"),
            Number("relative"),
            new HashSet<string>(List("amount"), StringComparer.Ordinal),
            new HashSet<string>(List("concentration"), StringComparer.Ordinal));
    }
}
