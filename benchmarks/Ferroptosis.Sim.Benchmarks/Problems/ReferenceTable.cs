using System.Globalization;

namespace Ferroptosis.Sim.Benchmarks.Problems;

/// <summary>The stored reference solutions of the pathway problems: a TSV with '#' comment lines.</summary>
/// <remarks>
/// Columns: <c>cell state initial reference check fingerprint</c>. <c>initial</c> is the resting state the
/// problem starts from, <c>reference</c> the solution at 48 h by the first method, <c>check</c> the same by
/// the second, independent method (kept so the agreement can be re-checked), <c>fingerprint</c> that of the
/// model files the values belong to (see <see cref="PathwayProblems.Fingerprint"/>). Numbers are written in
/// round-trip format.
/// </remarks>
/// <param name="Values">(initial, reference) by (cell, state id).</param>
/// <param name="Fingerprints">The model fingerprint by cell.</param>
internal sealed record ReferenceTable(
    IReadOnlyDictionary<(string Cell, string State), (double Initial, double Reference)> Values,
    IReadOnlyDictionary<string, string> Fingerprints)
{
    /// <summary>The column header.</summary>
    public const string Header = "cell\tstate\tinitial\treference\tcheck\tfingerprint";

    /// <summary>Reads a table.</summary>
    /// <param name="reader">The text.</param>
    /// <returns>The table.</returns>
    /// <exception cref="FormatException">A line does not have six fields or a number does not parse.</exception>
    public static ReferenceTable Read(TextReader reader)
    {
        var values = new Dictionary<(string, string), (double, double)>();
        var fingerprints = new Dictionary<string, string>(StringComparer.Ordinal);
        int number = 0;
        while (reader.ReadLine() is { } line)
        {
            number++;
            if (line.Length == 0 || line.StartsWith('#') || line == Header)
            {
                continue;
            }

            string[] fields = line.Split('\t');
            if (fields.Length != 6)
            {
                throw new FormatException($"pathway-reference.tsv line {number}: expected 6 tab-separated fields, got {fields.Length}.");
            }

            values[(fields[0], fields[1])] = (Number(fields[2], number), Number(fields[3], number));
            fingerprints[fields[0]] = fields[5];
        }

        return new ReferenceTable(values, fingerprints);
    }

    private static double Number(string text, int line) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value)
            ? value
            : throw new FormatException($"pathway-reference.tsv line {line}: '{text}' is not a number.");
}
