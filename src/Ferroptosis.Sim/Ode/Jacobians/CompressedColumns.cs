namespace Ferroptosis.Sim.Ode.Jacobians;

/// <summary>The transpose of a <see cref="SparsityPattern"/>'s structure: for every column, its rows and the positions of its entries in the CSR value array.</summary>
/// <remarks>Built once in O(n + non-zeros) by counting (Gustavson, ACM TOMS 4, 1978); rows ascend within a column.</remarks>
internal sealed class CompressedColumns
{
    public CompressedColumns(SparsityPattern pattern)
    {
        int n = pattern.Dimension;
        var rowStarts = pattern.RowStarts;
        var columns = pattern.Columns;
        Starts = new int[n + 1];
        Rows = new int[columns.Length];
        Entries = new int[columns.Length];
        foreach (int j in columns)
        {
            Starts[j + 1]++;
        }

        for (int j = 0; j < n; j++)
        {
            Starts[j + 1] += Starts[j];
        }

        var next = (int[])Starts.Clone();
        for (int i = 0; i < n; i++)
        {
            for (int e = rowStarts[i]; e < rowStarts[i + 1]; e++)
            {
                int p = next[columns[e]]++;
                Rows[p] = i;
                Entries[p] = e;
            }
        }
    }

    /// <summary>Gets the offsets of the columns (length n + 1).</summary>
    public int[] Starts { get; }

    /// <summary>Gets the row of every entry, column by column.</summary>
    public int[] Rows { get; }

    /// <summary>Gets the index of every entry in the CSR value array, column by column.</summary>
    public int[] Entries { get; }
}
