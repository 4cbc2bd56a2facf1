namespace Ferroptosis.Sim.Plotting;

/// <summary>One named curve: paired x and y values and an optional style.</summary>
/// <remarks>
/// The values are copied, so later changes to the caller's arrays do not alter the series. Non-finite values
/// (NaN, ±∞) break the line at that point instead of being drawn. Instances are immutable and can be shared
/// between threads. <see cref="FromColumns(ReadOnlySpan{double}, IReadOnlyList{string}, ReadOnlySpan{double})"/>
/// builds one series per column from row-major output such as an ODE solution's times and states.
/// </remarks>
public sealed record Series
{
    private readonly double[] _x;
    private readonly double[] _y;

    /// <summary>Creates a series.</summary>
    /// <param name="name">Legend text, e.g. "Fe²⁺ (labile)".</param>
    /// <param name="x">The x values (e.g. time in hours), as many as <paramref name="y"/>.</param>
    /// <param name="y">The y values.</param>
    /// <param name="style">Optional style overriding the chart's defaults.</param>
    /// <exception cref="ArgumentException">The name is empty or the lengths differ.</exception>
    public Series(string name, IReadOnlyList<double> x, IReadOnlyList<double> y, SeriesStyle? style = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.Count != y.Count)
        {
            throw new ArgumentException($"Series '{name}' has {x.Count} x values but {y.Count} y values; pass one y per x.", nameof(y));
        }

        Name = name;
        _x = [.. x];
        _y = [.. y];
        Style = style;
    }

    /// <summary>Gets the legend text.</summary>
    public string Name { get; init; }

    /// <summary>Gets the x values.</summary>
    public IReadOnlyList<double> X => _x;

    /// <summary>Gets the y values.</summary>
    public IReadOnlyList<double> Y => _y;

    /// <summary>Gets the style, or <see langword="null"/> for the chart's defaults.</summary>
    public SeriesStyle? Style { get; init; }

    /// <summary>Gets the number of points.</summary>
    public int Count => _x.Length;

    /// <summary>Creates one series per column of a row-major table that shares one x column.</summary>
    /// <param name="x">The shared x values (e.g. times in hours), one per row.</param>
    /// <param name="names">Column names; their count is the number of columns.</param>
    /// <param name="rowMajorValues">Values row by row: row i, column j at <c>i · names.Count + j</c>.</param>
    /// <returns>One series per column, in column order.</returns>
    /// <exception cref="ArgumentException">The table size does not match <paramref name="x"/> and <paramref name="names"/>.</exception>
    public static IReadOnlyList<Series> FromColumns(ReadOnlySpan<double> x, IReadOnlyList<string> names, ReadOnlySpan<double> rowMajorValues)
    {
        ArgumentNullException.ThrowIfNull(names);
        int columns = names.Count;
        if (columns == 0 || rowMajorValues.Length != x.Length * columns)
        {
            throw new ArgumentException(
                $"Expected {x.Length} rows × {columns} columns = {x.Length * columns} values, got {rowMajorValues.Length}.",
                nameof(rowMajorValues));
        }

        var xs = x.ToArray();
        var result = new Series[columns];
        for (int j = 0; j < columns; j++)
        {
            var y = new double[x.Length];
            for (int i = 0; i < y.Length; i++)
            {
                y[i] = rowMajorValues[(i * columns) + j];
            }

            result[j] = new Series(names[j], xs, y);
        }

        return result;
    }

    /// <summary>Returns a copy of this series with its y values multiplied by a factor (e.g. 100 for percent).</summary>
    /// <param name="factor">The factor.</param>
    /// <returns>The scaled series with the same name and style.</returns>
    public Series ScaleY(double factor)
    {
        var y = new double[_y.Length];
        for (int i = 0; i < y.Length; i++)
        {
            y[i] = _y[i] * factor;
        }

        return new Series(Name, _x, y, Style);
    }

    /// <summary>Checks this record against another by name, style and values.</summary>
    /// <param name="other">The other series.</param>
    /// <returns><see langword="true"/> when all parts are equal.</returns>
    public bool Equals(Series? other) =>
        other is not null && Name == other.Name && Equals(Style, other.Style) && _x.AsSpan().SequenceEqual(other._x) && _y.AsSpan().SequenceEqual(other._y);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Name, Style, _x.Length);
}
