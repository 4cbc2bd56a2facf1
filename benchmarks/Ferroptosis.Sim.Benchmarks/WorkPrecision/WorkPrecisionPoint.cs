using System.Globalization;

namespace Ferroptosis.Sim.Benchmarks.WorkPrecision;

/// <summary>One point of a work–precision diagram, read from a table row of ours or of another tool with the same columns.</summary>
/// <param name="Problem">The problem name.</param>
/// <param name="Solver">The solver label.</param>
/// <param name="RelativeTolerance">rtol.</param>
/// <param name="MedianSeconds">The median time of a solve; NaN for NA.</param>
/// <param name="Scd">The accuracy reached; NaN for NA.</param>
public sealed record WorkPrecisionPoint(string Problem, string Solver, double RelativeTolerance, double MedianSeconds, double Scd)
{
    /// <summary>Gets a value indicating whether the solve completed (both time and accuracy known).</summary>
    public bool IsComplete => double.IsFinite(MedianSeconds) && double.IsFinite(Scd);

    /// <summary>Reads a table: a header line, then rows of <c>problem solver rtol atol median_seconds nfev njev nsteps scd</c> (extra columns ignored).</summary>
    /// <param name="path">The file.</param>
    /// <returns>The points, in file order.</returns>
    /// <exception cref="FormatException">A row has fewer than nine fields or a bad number.</exception>
    public static IReadOnlyList<WorkPrecisionPoint> ReadTable(string path)
    {
        var points = new List<WorkPrecisionPoint>();
        int number = 0;
        foreach (string line in File.ReadLines(path))
        {
            number++;
            if (line.Length == 0 || line.StartsWith('#') || line.StartsWith("problem\t", StringComparison.Ordinal))
            {
                continue;
            }

            string[] f = line.Split('\t');
            if (f.Length < 9)
            {
                throw new FormatException($"{path} line {number}: expected at least 9 tab-separated fields, got {f.Length}.");
            }

            points.Add(new WorkPrecisionPoint(f[0], f[1], Number(f[2], path, number), Number(f[4], path, number), Number(f[8], path, number)));
        }

        return points;
    }

    private static double Number(string text, string path, int line)
    {
        if (text == "NA")
        {
            return double.NaN;
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value)
            ? value
            : throw new FormatException($"{path} line {line}: '{text}' is not a number or NA.");
    }
}
