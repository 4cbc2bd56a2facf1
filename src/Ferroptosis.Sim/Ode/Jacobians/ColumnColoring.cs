namespace Ferroptosis.Sim.Ode.Jacobians;

/// <summary>Groups the columns of a sparse Jacobian so that no two columns of a group have an entry in the same row.</summary>
/// <remarks>
/// <para>
/// Columns without a common row are structurally orthogonal: perturbing all of them at once changes each row of f
/// through one column only, so one evaluation of f gives every column of the group (Curtis, Powell and Reid, "On the
/// estimation of sparse Jacobian matrices", J. Inst. Math. Appl. 13, 1974). Finding the fewest groups is colouring
/// the column-intersection graph, NP-hard; the greedy sequential colouring used here gives each column, in
/// largest-first order (Welsh and Powell, Comput. J. 10, 1967), the smallest colour none of its neighbours has.
/// A band matrix gets l + u + 1 colours, a 5-point grid stencil about 5 to 7.
/// </para>
/// <para>Run once when an integrator is created; the result is read-only afterwards.</para>
/// </remarks>
internal sealed class ColumnColoring
{
    private ColumnColoring(int colorCount, int[] colorStarts, int[] columns, int[] colorOfColumn)
    {
        ColorCount = colorCount;
        ColorStarts = colorStarts;
        Columns = columns;
        ColorOfColumn = colorOfColumn;
    }

    /// <summary>Gets the number of groups (evaluations of f per Jacobian).</summary>
    public int ColorCount { get; }

    /// <summary>Gets the offsets of the groups into <see cref="Columns"/> (length <see cref="ColorCount"/> + 1).</summary>
    public int[] ColorStarts { get; }

    /// <summary>Gets the columns, group by group, ascending within a group.</summary>
    public int[] Columns { get; }

    /// <summary>Gets the group of every column.</summary>
    public int[] ColorOfColumn { get; }

    /// <summary>Colours the columns of <paramref name="pattern"/>.</summary>
    public static ColumnColoring Compute(SparsityPattern pattern, CompressedColumns columns)
    {
        int n = pattern.Dimension;
        var rowStarts = pattern.RowStarts;
        var rowColumns = pattern.Columns;

        // Largest-first order: columns with the most entries take the small colours first; ties by index, so the
        // colouring is deterministic.
        var order = new int[n];
        var counts = new int[n];
        for (int j = 0; j < n; j++)
        {
            order[j] = j;
            counts[j] = columns.Starts[j + 1] - columns.Starts[j];
        }

        Array.Sort(order, (a, b) => counts[a] != counts[b] ? counts[b].CompareTo(counts[a]) : a.CompareTo(b));

        var color = new int[n];
        Array.Fill(color, -1);
        var forbiddenBy = new int[n + 1];
        Array.Fill(forbiddenBy, -1);
        int colorCount = 0;
        foreach (int j in order)
        {
            // Every column sharing a row with j forbids its colour for j.
            for (int p = columns.Starts[j]; p < columns.Starts[j + 1]; p++)
            {
                int i = columns.Rows[p];
                for (int e = rowStarts[i]; e < rowStarts[i + 1]; e++)
                {
                    int c = color[rowColumns[e]];
                    if (c >= 0)
                    {
                        forbiddenBy[c] = j;
                    }
                }
            }

            int chosen = 0;
            while (forbiddenBy[chosen] == j)
            {
                chosen++;
            }

            color[j] = chosen;
            colorCount = Math.Max(colorCount, chosen + 1);
        }

        var colorStarts = new int[colorCount + 1];
        for (int j = 0; j < n; j++)
        {
            colorStarts[color[j] + 1]++;
        }

        for (int c = 0; c < colorCount; c++)
        {
            colorStarts[c + 1] += colorStarts[c];
        }

        var next = (int[])colorStarts.Clone();
        var grouped = new int[n];
        for (int j = 0; j < n; j++)
        {
            grouped[next[color[j]]++] = j;
        }

        return new ColumnColoring(colorCount, colorStarts, grouped, color);
    }
}
