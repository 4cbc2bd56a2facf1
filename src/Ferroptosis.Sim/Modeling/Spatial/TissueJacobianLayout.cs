using Ferroptosis.Sim.Ode;

namespace Ferroptosis.Sim.Modeling.Spatial;

/// <summary>The Jacobian pattern of a tissue (every cell's own pattern on the diagonal blocks plus the exchange entries) and where each cell entry and exchange entry lands in it.</summary>
/// <remarks>
/// State (cell c, variable r) has index c·n + r. Row (c, r) holds the columns of row r of the cell pattern shifted by
/// c·n and, when r is exchanged, the diagonal and the same variable of every neighbour of c.
/// </remarks>
internal sealed class TissueJacobianLayout
{
    private TissueJacobianLayout(SparsityPattern pattern, int[] cellEntries, int[] exchangeEntries)
    {
        Pattern = pattern;
        CellEntries = cellEntries;
        ExchangeEntries = exchangeEntries;
    }

    /// <summary>Gets the pattern of the whole system.</summary>
    public SparsityPattern Pattern { get; }

    /// <summary>Gets, for cell c and entry k of the cell pattern, the position in <see cref="Pattern"/> at c·nnz + k.</summary>
    public int[] CellEntries { get; }

    /// <summary>Gets, for edge e and coupling q, the positions of (i,i), (i,j), (j,j), (j,i) at 4·(e·couplings + q), with i, j the exchanged variable in the edge's two cells.</summary>
    public int[] ExchangeEntries { get; }

    public static TissueJacobianLayout Build(SparsityPattern cell, int cellCount, IReadOnlyList<CellEdge> edges, int[] coupledStates)
    {
        int n = cell.Dimension;
        int cellNonZeros = cell.NonZeros;
        var neighbours = new List<int>?[cellCount];
        foreach (var edge in edges)
        {
            (neighbours[edge.First] ??= []).Add(edge.Second);
            (neighbours[edge.Second] ??= []).Add(edge.First);
        }

        var coupled = new bool[n];
        foreach (int s in coupledStates)
        {
            coupled[s] = true;
        }

        int dimension = checked(cellCount * n);
        var rowStarts = new int[dimension + 1];
        var columns = new List<int>(checked((cellCount * cellNonZeros) + (2 * edges.Count * coupledStates.Length) + (cellCount * coupledStates.Length)));
        var row = new List<int>();
        var cellStarts = cell.RowStarts;
        var cellColumns = cell.Columns;
        for (int c = 0; c < cellCount; c++)
        {
            int offset = c * n;
            for (int r = 0; r < n; r++)
            {
                row.Clear();
                for (int e = cellStarts[r]; e < cellStarts[r + 1]; e++)
                {
                    row.Add(offset + cellColumns[e]);
                }

                if (coupled[r])
                {
                    row.Add(offset + r);
                    foreach (int d in neighbours[c] ?? [])
                    {
                        row.Add((d * n) + r);
                    }

                    row.Sort();
                    int kept = 0;
                    for (int k = 0; k < row.Count; k++)
                    {
                        if (k == 0 || row[k] != row[k - 1])
                        {
                            row[kept++] = row[k];
                        }
                    }

                    row.RemoveRange(kept, row.Count - kept);
                }

                columns.AddRange(row);
                rowStarts[offset + r + 1] = columns.Count;
            }
        }

        var pattern = new SparsityPattern(dimension, rowStarts, columns.ToArray());
        var cellEntries = new int[checked(cellCount * cellNonZeros)];
        for (int c = 0; c < cellCount; c++)
        {
            int offset = c * n;
            for (int r = 0; r < n; r++)
            {
                for (int e = cellStarts[r]; e < cellStarts[r + 1]; e++)
                {
                    cellEntries[(c * cellNonZeros) + e] = pattern.IndexOf(offset + r, offset + cellColumns[e]);
                }
            }
        }

        var exchangeEntries = new int[checked(4 * edges.Count * coupledStates.Length)];
        for (int e = 0; e < edges.Count; e++)
        {
            for (int q = 0; q < coupledStates.Length; q++)
            {
                int i = (edges[e].First * n) + coupledStates[q];
                int j = (edges[e].Second * n) + coupledStates[q];
                int at = 4 * ((e * coupledStates.Length) + q);
                exchangeEntries[at] = pattern.IndexOf(i, i);
                exchangeEntries[at + 1] = pattern.IndexOf(i, j);
                exchangeEntries[at + 2] = pattern.IndexOf(j, j);
                exchangeEntries[at + 3] = pattern.IndexOf(j, i);
            }
        }

        return new TissueJacobianLayout(pattern, cellEntries, exchangeEntries);
    }
}
