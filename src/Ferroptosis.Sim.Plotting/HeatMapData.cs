namespace Ferroptosis.Sim.Plotting;

/// <summary>A table of values over two sets of categories (e.g. cell type × drug → survival at 24 h) for a heat map.</summary>
/// <remarks>
/// Rows are listed top to bottom and columns left to right in the order given. Values are copied on
/// construction; NaN marks a missing cell, drawn grey with a dash. Instances are immutable and can be shared
/// between threads.
/// </remarks>
public sealed record HeatMapData
{
    private readonly string[] _rowLabels;
    private readonly string[] _columnLabels;
    private readonly double[,] _values;

    /// <summary>Creates the table.</summary>
    /// <param name="rowLabels">Row category names, top to bottom (e.g. cell types).</param>
    /// <param name="columnLabels">Column category names, left to right (e.g. drugs).</param>
    /// <param name="values">Values indexed [row, column].</param>
    /// <exception cref="ArgumentException">The table is empty or its size does not match the labels.</exception>
    public HeatMapData(IReadOnlyList<string> rowLabels, IReadOnlyList<string> columnLabels, double[,] values)
    {
        ArgumentNullException.ThrowIfNull(rowLabels);
        ArgumentNullException.ThrowIfNull(columnLabels);
        ArgumentNullException.ThrowIfNull(values);
        if (rowLabels.Count == 0 || columnLabels.Count == 0)
        {
            throw new ArgumentException("A heat map needs at least one row and one column label.", nameof(rowLabels));
        }

        if (values.GetLength(0) != rowLabels.Count || values.GetLength(1) != columnLabels.Count)
        {
            throw new ArgumentException(
                $"Values are {values.GetLength(0)} × {values.GetLength(1)} but there are {rowLabels.Count} row and {columnLabels.Count} column labels; index values as [row, column].",
                nameof(values));
        }

        _rowLabels = [.. rowLabels];
        _columnLabels = [.. columnLabels];
        _values = (double[,])values.Clone();
    }

    /// <summary>Gets the row category names, top to bottom.</summary>
    public IReadOnlyList<string> RowLabels => _rowLabels;

    /// <summary>Gets the column category names, left to right.</summary>
    public IReadOnlyList<string> ColumnLabels => _columnLabels;

    /// <summary>Gets the number of rows.</summary>
    public int Rows => _rowLabels.Length;

    /// <summary>Gets the number of columns.</summary>
    public int Columns => _columnLabels.Length;

    /// <summary>Gets the value of a cell.</summary>
    /// <param name="row">Zero-based row, from the top.</param>
    /// <param name="column">Zero-based column, from the left.</param>
    /// <returns>The value, NaN for a missing cell.</returns>
    public double this[int row, int column] => _values[row, column];

    /// <summary>Gets the title of the row axis (e.g. "Cell type"), or <see langword="null"/> for none.</summary>
    public string? RowTitle { get; init; }

    /// <summary>Gets the title of the column axis (e.g. "Drug"), or <see langword="null"/> for none.</summary>
    public string? ColumnTitle { get; init; }

    /// <summary>Gets what the values are, shown on the colour bar (e.g. "Survival at 24 h").</summary>
    public string ValueTitle { get; init; } = "Value";

    /// <summary>Gets the unit of the values (e.g. "%"), or <see langword="null"/> when dimensionless.</summary>
    public string? ValueUnit { get; init; }

    /// <summary>Gets the .NET numeric format of the numbers printed in the cells.</summary>
    public string ValueFormat { get; init; } = "0.00";

    /// <summary>Gets the value at the low end of the colour bar, or <see langword="null"/> for the data minimum.</summary>
    public double? Minimum { get; init; }

    /// <summary>Gets the value at the high end of the colour bar, or <see langword="null"/> for the data maximum.</summary>
    public double? Maximum { get; init; }

    /// <summary>Gets the colour map.</summary>
    public SequentialPalette Palette { get; init; } = SequentialPalette.Viridis;

    /// <summary>Gets a value indicating whether the colour map runs from its light end at low values instead of its dark end.</summary>
    public bool ReversePalette { get; init; }

    /// <summary>Gets a value indicating whether the values are printed in the cells.</summary>
    public bool ShowValues { get; init; } = true;

    /// <summary>Creates the table from rows of values.</summary>
    /// <param name="rowLabels">Row category names, top to bottom.</param>
    /// <param name="columnLabels">Column category names, left to right.</param>
    /// <param name="rows">One list of values per row, each as long as <paramref name="columnLabels"/>.</param>
    /// <returns>The table.</returns>
    /// <exception cref="ArgumentException">A row has the wrong length.</exception>
    public static HeatMapData FromRows(IReadOnlyList<string> rowLabels, IReadOnlyList<string> columnLabels, IReadOnlyList<IReadOnlyList<double>> rows)
    {
        ArgumentNullException.ThrowIfNull(columnLabels);
        ArgumentNullException.ThrowIfNull(rows);
        var values = new double[rows.Count, columnLabels.Count];
        for (int i = 0; i < rows.Count; i++)
        {
            if (rows[i].Count != columnLabels.Count)
            {
                throw new ArgumentException($"Row {i} has {rows[i].Count} values but there are {columnLabels.Count} columns.", nameof(rows));
            }

            for (int j = 0; j < columnLabels.Count; j++)
            {
                values[i, j] = rows[i][j];
            }
        }

        return new HeatMapData(rowLabels, columnLabels, values);
    }

    /// <summary>Gets the smallest and largest finite value, or (0, 1) when there is none.</summary>
    internal (double Min, double Max) FiniteRange()
    {
        double min = double.PositiveInfinity, max = double.NegativeInfinity;
        foreach (double v in _values)
        {
            if (double.IsFinite(v))
            {
                min = Math.Min(min, v);
                max = Math.Max(max, v);
            }
        }

        return double.IsFinite(min) ? (min, max) : (0, 1);
    }

    /// <summary>Checks this record against another by labels, values and settings.</summary>
    /// <param name="other">The other table.</param>
    /// <returns><see langword="true"/> when all parts are equal.</returns>
    public bool Equals(HeatMapData? other) =>
        other is not null
        && _rowLabels.AsSpan().SequenceEqual(other._rowLabels)
        && _columnLabels.AsSpan().SequenceEqual(other._columnLabels)
        && _values.Cast<double>().SequenceEqual(other._values.Cast<double>())
        && (RowTitle, ColumnTitle, ValueTitle, ValueUnit, ValueFormat) == (other.RowTitle, other.ColumnTitle, other.ValueTitle, other.ValueUnit, other.ValueFormat)
        && (Minimum, Maximum, Palette, ReversePalette, ShowValues) == (other.Minimum, other.Maximum, other.Palette, other.ReversePalette, other.ShowValues);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Rows, Columns, ValueTitle, ValueUnit);
}
