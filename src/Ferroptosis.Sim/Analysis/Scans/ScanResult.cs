using System.Globalization;

namespace Ferroptosis.Sim.Analysis;

/// <summary>The outputs of a scan at every grid point, with per-point failures.</summary>
/// <remarks>
/// Points are ordered row-major over the axes: the last axis varies fastest. For a 2-D scan over
/// (x, y) with nx × ny values, point i·ny + j has x = x_i and y = y_j. Failed points hold NaN outputs
/// and a message in <see cref="Failures"/>. Immutable.
/// </remarks>
public sealed class ScanResult
{
    private readonly double[] _values;
    private readonly string?[] _failures;
    private readonly int[] _strides;

    internal ScanResult(IReadOnlyList<ScanAxis> axes, IReadOnlyList<string> outputNames, double[] values, string?[] failures)
    {
        Axes = axes;
        OutputNames = outputNames;
        _values = values;
        _failures = failures;
        _strides = new int[axes.Count];
        int stride = 1;
        for (int a = axes.Count - 1; a >= 0; a--)
        {
            _strides[a] = stride;
            stride *= axes[a].Values.Count;
        }

        FailureCount = failures.Count(f => f is not null);
    }

    /// <summary>Gets the axes, in grid order.</summary>
    public IReadOnlyList<ScanAxis> Axes { get; }

    /// <summary>Gets the output names.</summary>
    public IReadOnlyList<string> OutputNames { get; }

    /// <summary>Gets the number of grid points.</summary>
    public int Count => _failures.Length;

    /// <summary>Gets, per point, null or why its evaluation failed.</summary>
    public IReadOnlyList<string?> Failures => _failures;

    /// <summary>Gets the number of failed points.</summary>
    public int FailureCount { get; }

    /// <summary>Gets one output at one point.</summary>
    /// <param name="point">The point index.</param>
    /// <param name="output">The output name.</param>
    public double this[int point, string output] => GetValue(point, AnalysisChecks.RequireName(OutputNames, output, "output"));

    /// <summary>Gets one output at one point.</summary>
    /// <param name="point">The point index.</param>
    /// <param name="output">The output index.</param>
    /// <returns>The value (NaN if the point failed).</returns>
    public double GetValue(int point, int output) => _values[(point * OutputNames.Count) + output];

    /// <summary>Gets the index along <paramref name="axis"/> of a point.</summary>
    /// <param name="point">The point index.</param>
    /// <param name="axis">The axis index.</param>
    /// <returns>The index into that axis' values.</returns>
    public int AxisIndex(int point, int axis) => point / _strides[axis] % Axes[axis].Values.Count;

    /// <summary>Gets the value of an axis' input at a point.</summary>
    /// <param name="point">The point index.</param>
    /// <param name="axis">The axis index.</param>
    /// <returns>The input value.</returns>
    public double Coordinate(int point, int axis) => Axes[axis].Values[AxisIndex(point, axis)];

    /// <summary>Gets the point index from one index per axis.</summary>
    /// <param name="indices">An index into each axis' values.</param>
    /// <returns>The point index.</returns>
    public int PointIndex(params ReadOnlySpan<int> indices)
    {
        if (indices.Length != Axes.Count)
        {
            throw new ArgumentException($"Give one index per axis ({Axes.Count}).", nameof(indices));
        }

        int point = 0;
        for (int a = 0; a < indices.Length; a++)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(indices[a]);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(indices[a], Axes[a].Values.Count);
            point += indices[a] * _strides[a];
        }

        return point;
    }

    /// <summary>Copies one output over all points, in point order.</summary>
    /// <param name="output">The output name.</param>
    /// <returns>A new array of <see cref="Count"/> values.</returns>
    public double[] GetOutput(string output)
    {
        int o = AnalysisChecks.RequireName(OutputNames, output, "output");
        var column = new double[Count];
        for (int p = 0; p < column.Length; p++)
        {
            column[p] = GetValue(p, o);
        }

        return column;
    }

    /// <summary>Copies one output of a 2-D scan as a matrix [index along the first axis, index along the second axis].</summary>
    /// <param name="output">The output name.</param>
    /// <returns>A new matrix.</returns>
    /// <exception cref="InvalidOperationException">The scan does not have exactly two axes.</exception>
    public double[,] GetGrid(string output)
    {
        if (Axes.Count != 2)
        {
            throw new InvalidOperationException($"GetGrid needs a 2-D scan; this one has {Axes.Count} axes (use GetOutput).");
        }

        int o = AnalysisChecks.RequireName(OutputNames, output, "output");
        int nx = Axes[0].Values.Count, ny = Axes[1].Values.Count;
        var grid = new double[nx, ny];
        for (int i = 0; i < nx; i++)
        {
            for (int j = 0; j < ny; j++)
            {
                grid[i, j] = GetValue((i * ny) + j, o);
            }
        }

        return grid;
    }

    /// <summary>Writes the scan as CSV: one column per axis, one per output, and a failure column; numbers in invariant culture, round-trip precision.</summary>
    /// <param name="writer">The destination.</param>
    public void WriteCsv(TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteLine(string.Join(',', Axes.Select(a => a.Input).Concat(OutputNames).Append("failure")));
        for (int p = 0; p < Count; p++)
        {
            for (int a = 0; a < Axes.Count; a++)
            {
                writer.Write(Coordinate(p, a).ToString("R", CultureInfo.InvariantCulture));
                writer.Write(',');
            }

            for (int o = 0; o < OutputNames.Count; o++)
            {
                writer.Write(GetValue(p, o).ToString("R", CultureInfo.InvariantCulture));
                writer.Write(',');
            }

            writer.WriteLine(_failures[p] is { } f ? "\"" + f.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : string.Empty);
        }
    }

    /// <summary>Returns the scan as CSV text (see <see cref="WriteCsv"/>).</summary>
    /// <returns>The CSV.</returns>
    public string ToCsv()
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        WriteCsv(writer);
        return writer.ToString();
    }
}
