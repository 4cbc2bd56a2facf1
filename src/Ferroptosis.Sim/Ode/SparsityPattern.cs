using System.Globalization;

namespace Ferroptosis.Sim.Ode;

/// <summary>The positions of the structurally non-zero entries of an n×n Jacobian, in compressed sparse row (CSR) form.</summary>
/// <remarks>
/// <para>
/// Row i holds the columns <c>Columns[RowStarts[i] .. RowStarts[i + 1] − 1]</c>, strictly ascending. A sparse
/// Jacobian (<see cref="ISparseOdeSystem.EvaluateSparseJacobian"/>) writes one value per entry in this order, so
/// the pattern and a value array together are the CSR matrix (Saad, Iterative Methods for Sparse Linear Systems,
/// 2nd ed., 2003, §3.4). Entries whose value happens to be zero may be listed; entries that can be non-zero must be,
/// or finite-difference colouring and the sparse factorisations will ignore them.
/// </para>
/// <para>Immutable and thread-safe.</para>
/// </remarks>
/// <example>
/// <code>
/// // A tridiagonal 4×4 pattern.
/// var pattern = SparsityPattern.Banded(4, lower: 1, upper: 1);
/// </code>
/// </example>
public sealed class SparsityPattern
{
    private readonly int[] _rowStarts;
    private readonly int[] _columns;

    /// <summary>Initialises a pattern from CSR row starts and column indices (both copied).</summary>
    /// <param name="dimension">The number of rows and columns, n (at least 1).</param>
    /// <param name="rowStarts">n + 1 offsets into <paramref name="columns"/>: 0 first, non-decreasing, the number of entries last.</param>
    /// <param name="columns">The column of each entry, strictly ascending within a row, each in [0, n).</param>
    /// <exception cref="ArgumentException">The arrays do not describe a valid pattern; the message names the first problem.</exception>
    public SparsityPattern(int dimension, ReadOnlySpan<int> rowStarts, ReadOnlySpan<int> columns)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(dimension, 1);
        if (rowStarts.Length != dimension + 1 || rowStarts[0] != 0 || rowStarts[dimension] != columns.Length)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"rowStarts must have n + 1 = {dimension + 1} entries, start at 0 and end at the number of columns given ({columns.Length})."),
                nameof(rowStarts));
        }

        for (int i = 0; i < dimension; i++)
        {
            if (rowStarts[i + 1] < rowStarts[i])
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"rowStarts must not decrease, but rowStarts[{i + 1}] < rowStarts[{i}]."), nameof(rowStarts));
            }

            for (int e = rowStarts[i]; e < rowStarts[i + 1]; e++)
            {
                int j = columns[e];
                if (j < 0 || j >= dimension || (e > rowStarts[i] && j <= columns[e - 1]))
                {
                    throw new ArgumentException(
                        string.Create(CultureInfo.InvariantCulture, $"Row {i}: the columns must lie in [0, {dimension}) and ascend strictly, but entry {e} has column {j}."),
                        nameof(columns));
                }
            }
        }

        Dimension = dimension;
        _rowStarts = rowStarts.ToArray();
        _columns = columns.ToArray();
        for (int i = 0; i < dimension; i++)
        {
            for (int e = _rowStarts[i]; e < _rowStarts[i + 1]; e++)
            {
                LowerBandwidth = Math.Max(LowerBandwidth, i - _columns[e]);
                UpperBandwidth = Math.Max(UpperBandwidth, _columns[e] - i);
            }
        }
    }

    /// <summary>Gets the number of rows and columns, n.</summary>
    public int Dimension { get; }

    /// <summary>Gets the number of entries.</summary>
    public int NonZeros => _columns.Length;

    /// <summary>Gets the n + 1 offsets of the rows into <see cref="Columns"/>.</summary>
    public ReadOnlySpan<int> RowStarts => _rowStarts;

    /// <summary>Gets the column of every entry, row by row.</summary>
    public ReadOnlySpan<int> Columns => _columns;

    /// <summary>Gets the largest i − j over the entries (0 when nothing lies below the diagonal).</summary>
    public int LowerBandwidth { get; }

    /// <summary>Gets the largest j − i over the entries (0 when nothing lies above the diagonal).</summary>
    public int UpperBandwidth { get; }

    /// <summary>Creates a pattern from (row, column) pairs in any order; duplicates are merged.</summary>
    /// <param name="dimension">The number of rows and columns, n.</param>
    /// <param name="entries">The positions, each in [0, n)².</param>
    /// <returns>The pattern.</returns>
    /// <exception cref="ArgumentException">A position lies outside the matrix.</exception>
    public static SparsityPattern FromEntries(int dimension, IEnumerable<(int Row, int Column)> entries)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(dimension, 1);
        ArgumentNullException.ThrowIfNull(entries);
        var rows = new List<int>[dimension];
        foreach (var (row, column) in entries)
        {
            if (row < 0 || row >= dimension || column < 0 || column >= dimension)
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"The entry ({row}, {column}) lies outside the {dimension}×{dimension} matrix."), nameof(entries));
            }

            (rows[row] ??= []).Add(column);
        }

        var rowStarts = new int[dimension + 1];
        var columns = new List<int>();
        for (int i = 0; i < dimension; i++)
        {
            if (rows[i] is { } list)
            {
                list.Sort();
                for (int k = 0; k < list.Count; k++)
                {
                    if (k == 0 || list[k] != list[k - 1])
                    {
                        columns.Add(list[k]);
                    }
                }
            }

            rowStarts[i + 1] = columns.Count;
        }

        return new SparsityPattern(dimension, rowStarts, columns.ToArray());
    }

    /// <summary>Creates the pattern of a band matrix: every (i, j) with −<paramref name="lower"/> ≤ j − i ≤ <paramref name="upper"/>.</summary>
    /// <param name="dimension">The number of rows and columns, n.</param>
    /// <param name="lower">The number of sub-diagonals (at least 0).</param>
    /// <param name="upper">The number of super-diagonals (at least 0).</param>
    /// <returns>The pattern.</returns>
    public static SparsityPattern Banded(int dimension, int lower, int upper)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(dimension, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(lower);
        ArgumentOutOfRangeException.ThrowIfNegative(upper);
        var rowStarts = new int[dimension + 1];
        var columns = new List<int>();
        for (int i = 0; i < dimension; i++)
        {
            for (int j = Math.Max(0, i - lower); j <= Math.Min(dimension - 1, i + upper); j++)
            {
                columns.Add(j);
            }

            rowStarts[i + 1] = columns.Count;
        }

        return new SparsityPattern(dimension, rowStarts, columns.ToArray());
    }

    /// <summary>Finds the position of entry (row, column) in the value array of a sparse Jacobian.</summary>
    /// <param name="row">The row.</param>
    /// <param name="column">The column.</param>
    /// <returns>The index into the values, or −1 when the pattern has no such entry.</returns>
    public int IndexOf(int row, int column)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(row);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(row, Dimension);
        int start = _rowStarts[row];
        int found = Array.BinarySearch(_columns, start, _rowStarts[row + 1] - start, column);
        return found >= 0 ? found : -1;
    }
}
