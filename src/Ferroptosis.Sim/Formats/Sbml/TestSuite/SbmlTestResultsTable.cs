namespace Ferroptosis.Sim.Formats.Sbml.TestSuite;

/// <summary>The expected results of a test case (<c>NNNNN-results.csv</c>): a header of time and variable ids, then one row per output time.</summary>
/// <remarks>Non-finite values are written NaN, INF and -INF, in any case (the suite's convention).</remarks>
internal sealed class SbmlTestResultsTable
{
    private SbmlTestResultsTable(IReadOnlyList<string> columns, double[][] rows)
    {
        Columns = columns;
        Rows = rows;
    }

    /// <summary>Gets the variable ids, in column order (without the time column).</summary>
    public IReadOnlyList<string> Columns { get; }

    /// <summary>Gets the rows: time, then one value per column.</summary>
    public double[][] Rows { get; }

    public static SbmlTestResultsTable ReadFile(string path)
    {
        var lines = File.ReadAllLines(path).Where(l => l.Trim().Length > 0).ToArray();
        if (lines.Length == 0)
        {
            throw new FormatException($"The results file '{Path.GetFileName(path)}' is empty.");
        }

        var header = lines[0].Split(',', StringSplitOptions.TrimEntries);
        if (!string.Equals(header[0], "time", StringComparison.OrdinalIgnoreCase))
        {
            throw new FormatException($"The results file '{Path.GetFileName(path)}' does not start with a time column.");
        }

        var rows = new double[lines.Length - 1][];
        for (int r = 1; r < lines.Length; r++)
        {
            var cells = lines[r].Split(',', StringSplitOptions.TrimEntries);
            if (cells.Length != header.Length)
            {
                throw new FormatException($"Row {r} of '{Path.GetFileName(path)}' has {cells.Length} values for {header.Length} columns.");
            }

            rows[r - 1] = new double[cells.Length];
            for (int c = 0; c < cells.Length; c++)
            {
                if (!SbmlValues.TryParseDouble(cells[c], out rows[r - 1][c]))
                {
                    throw new FormatException($"'{cells[c]}' in row {r} of '{Path.GetFileName(path)}' is not a number.");
                }
            }
        }

        return new SbmlTestResultsTable(header[1..], rows);
    }

    /// <summary>The suite's pass rule: |expected − actual| ≤ absolute + relative·|expected|; NaN matches only NaN, an infinity only the same infinity.</summary>
    public static bool Matches(double expected, double actual, double absolute, double relative)
    {
        if (double.IsNaN(expected))
        {
            return double.IsNaN(actual);
        }

        if (double.IsInfinity(expected))
        {
            return expected == actual;
        }

        return double.IsFinite(actual) && Math.Abs(expected - actual) <= absolute + (relative * Math.Abs(expected));
    }
}
