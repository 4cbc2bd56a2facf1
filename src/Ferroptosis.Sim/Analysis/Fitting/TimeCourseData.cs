using System.Globalization;
using nietras.SeparatedValues;

namespace Ferroptosis.Sim.Analysis;

/// <summary>Time-course measurements to fit: (time, observable, value, optional standard deviation) in long format.</summary>
/// <remarks>
/// CSV (RFC 4180, read with the Sep parser): a header row naming the columns <c>time</c>, <c>observable</c>, <c>value</c>
/// and optionally <c>sd</c> (any order, case-insensitive), then one measurement per row; fields may be quoted (an
/// observable named <c>"LPO, fold"</c>); numbers in invariant culture; blank lines and lines starting with <c>#</c>
/// are skipped; a UTF-8 byte-order mark is ignored. Replicates are repeated rows. Immutable.
/// </remarks>
/// <example>
/// <code>
/// time,observable,value,sd
/// 0.5,B,0.302,0.01
/// 1.0,B,0.381,0.01
/// </code>
/// </example>
public sealed class TimeCourseData
{
    /// <summary>Initializes a new instance of the <see cref="TimeCourseData"/> class.</summary>
    /// <param name="points">The measurements (at least one; finite times and values; positive standard deviations).</param>
    public TimeCourseData(IEnumerable<DataPoint> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        DataPoint[] list = [.. points];
        if (list.Length == 0)
        {
            throw new ArgumentException("Time-course data need at least one measurement.", nameof(points));
        }

        foreach (var p in list)
        {
            if (!double.IsFinite(p.Time) || !double.IsFinite(p.Value) || string.IsNullOrWhiteSpace(p.Observable) || p.StandardDeviation is <= 0 or double.NaN or double.PositiveInfinity)
            {
                throw new ArgumentException($"The measurement {p} is invalid: time and value must be finite, the observable named, and a standard deviation positive.", nameof(points));
            }
        }

        Points = list;
        Observables = [.. list.Select(p => p.Observable).Distinct(StringComparer.Ordinal)];
        HasStandardDeviations = list.All(p => p.StandardDeviation is not null);
    }

    /// <summary>Gets the measurements, in the order given.</summary>
    public IReadOnlyList<DataPoint> Points { get; }

    /// <summary>Gets the distinct observables, in order of first appearance.</summary>
    public IReadOnlyList<string> Observables { get; }

    /// <summary>Gets a value indicating whether every measurement has a standard deviation (then residuals are weighted by 1/sd and the covariance is not rescaled).</summary>
    public bool HasStandardDeviations { get; }

    /// <summary>Reads CSV from a file.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The data.</returns>
    /// <exception cref="FormatException">The file is not valid; the message gives the line.</exception>
    public static TimeCourseData LoadCsv(string path)
    {
        using var reader = new StreamReader(path);
        return ReadCsv(reader);
    }

    /// <summary>Reads CSV.</summary>
    /// <param name="reader">The text.</param>
    /// <returns>The data.</returns>
    /// <exception cref="FormatException">The text is not valid; the message gives the line.</exception>
    public static TimeCourseData ReadCsv(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        int[]? columns = null;
        var points = new List<DataPoint>();
        int line = 0;
        try
        {
            using var csv = Sep.New(',').Reader(o => o with { HasHeader = false, Unescape = true, Trim = SepTrim.All, DisableColCountCheck = true }).From(reader);
            foreach (var row in csv)
            {
                // Sep numbers lines from 1, but reports the first row's end as its start.
                line = row.RowIndex == 0 ? 1 : row.LineNumberFrom;
                if (row.Span.TrimStart().StartsWith('#'))
                {
                    continue;
                }

                var cells = new string[row.ColCount];
                for (int c = 0; c < cells.Length; c++)
                {
                    cells[c] = row[c].ToString();
                }

                if (cells.All(c => c.Length == 0))
                {
                    continue;
                }

                if (columns is null)
                {
                    cells[0] = cells[0].TrimStart('\uFEFF');
                    columns = Header(cells, line);
                    continue;
                }

                points.Add(Row(cells, columns, line));
            }
        }
        catch (InvalidDataException ex)
        {
            throw new FormatException($"Line {line}: {ex.Message}", ex);
        }

        return points.Count == 0 ? throw new FormatException("The CSV has no measurements (a header row, then time,observable,value[,sd] rows).") : new TimeCourseData(points);
    }

    private static int[] Header(string[] cells, int line)
    {
        string[] names = ["time", "observable", "value", "sd"];
        var columns = new int[4];
        for (int c = 0; c < names.Length; c++)
        {
            columns[c] = Array.FindIndex(cells, h => string.Equals(h, names[c], StringComparison.OrdinalIgnoreCase));
            if (columns[c] < 0 && c < 3)
            {
                throw new FormatException($"Line {line}: the header must name the columns time, observable, value (and optionally sd); it is '{string.Join(",", cells)}'.");
            }
        }

        return columns;
    }

    private static DataPoint Row(string[] cells, int[] columns, int line)
    {
        if (cells.Length <= columns.Where(c => c >= 0).Max())
        {
            throw new FormatException($"Line {line}: expected {columns.Count(c => c >= 0)} columns, found {cells.Length}.");
        }

        double Number(int column, string what) =>
            double.TryParse(cells[column], NumberStyles.Float, CultureInfo.InvariantCulture, out double v) && double.IsFinite(v)
                ? v
                : throw new FormatException($"Line {line}: the {what} '{cells[column]}' is not a finite number.");

        double? sd = columns[3] >= 0 && cells[columns[3]].Length > 0 ? Number(columns[3], "sd") : null;
        if (sd is <= 0)
        {
            throw new FormatException($"Line {line}: the sd must be positive.");
        }

        string observable = cells[columns[1]];
        return observable.Length == 0
            ? throw new FormatException($"Line {line}: the observable is empty.")
            : new DataPoint(Number(columns[0], "time"), observable, Number(columns[2], "value"), sd);
    }
}
