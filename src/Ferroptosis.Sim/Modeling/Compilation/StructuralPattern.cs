using Ferroptosis.Sim.Ode;

namespace Ferroptosis.Sim.Modeling.Compilation;

/// <summary>Builds the CSR <see cref="SparsityPattern"/> of a compiled Jacobian from its (row, column) entry list.</summary>
internal static class StructuralPattern
{
    /// <summary>Builds the pattern of the entries, and the permutation from CSR position to entry position (null when the entries are already in CSR order).</summary>
    /// <param name="dimension">The number of states (0 gives no pattern).</param>
    /// <param name="rows">The row of each entry.</param>
    /// <param name="columns">The column of each entry; no (row, column) pair occurs twice.</param>
    /// <returns>The pattern, or null for a model without states, and the order.</returns>
    public static (SparsityPattern? Pattern, int[]? Order) Build(int dimension, int[] rows, int[] columns)
    {
        if (dimension == 0)
        {
            return (null, null);
        }

        int count = rows.Length;
        var order = new int[count];
        for (int e = 0; e < count; e++)
        {
            order[e] = e;
        }

        bool sorted = true;
        for (int e = 1; e < count && sorted; e++)
        {
            sorted = rows[e] > rows[e - 1] || (rows[e] == rows[e - 1] && columns[e] > columns[e - 1]);
        }

        if (!sorted)
        {
            Array.Sort(order, (a, b) => rows[a] != rows[b] ? rows[a].CompareTo(rows[b]) : columns[a].CompareTo(columns[b]));
        }

        var rowStarts = new int[dimension + 1];
        var csrColumns = new int[count];
        for (int k = 0; k < count; k++)
        {
            rowStarts[rows[order[k]] + 1]++;
            csrColumns[k] = columns[order[k]];
        }

        for (int i = 0; i < dimension; i++)
        {
            rowStarts[i + 1] += rowStarts[i];
        }

        return (new SparsityPattern(dimension, rowStarts, csrColumns), sorted ? null : order);
    }
}
