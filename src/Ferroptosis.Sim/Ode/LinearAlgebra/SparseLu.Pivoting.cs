namespace Ferroptosis.Sim.Ode.LinearAlgebra;

/// <summary>The left-looking factorisation with threshold partial pivoting (Gilbert–Peierls) and its depth-first search.</summary>
internal sealed partial class SparseLu
{
    private readonly int[] _reach;
    private readonly int[] _stack;
    private readonly int[] _stackNext;
    private readonly int[] _visited;
    private int _visitStamp;

    /// <summary>Factors A choosing pivots; L's rows are kept in A's row numbering until the end, then renumbered to the pivot order.</summary>
    private bool FactorWithPivoting(ReadOnlySpan<double> values, double negligible)
    {
        int n = _n;
        var x = _work.AsSpan(0, n);
        Array.Fill(_rowPosition, -1);
        int lowerCount = 0;
        int upperCount = 0;
        for (int k = 0; k < n; k++)
        {
            _lowerStarts[k] = lowerCount;
            _upperStarts[k] = upperCount;
            EnsureCapacity(lowerCount + n, upperCount + n);
            int column = _columnOrder[k];
            int top = Reach(column);
            for (int p = top; p < n; p++)
            {
                x[_reach[p]] = 0;
            }

            for (int p = _columnStarts[column]; p < _columnStarts[column + 1]; p++)
            {
                x[_rows[p]] = values[p];
            }

            // Sparse triangular solve with the unit lower columns found so far (Davis 2006, §3.2).
            for (int p = top; p < n; p++)
            {
                int i = _reach[p];
                int j = _rowPosition[i];
                if (j < 0)
                {
                    continue;
                }

                SubtractColumn(_work, _lowerRows, _lowerValues, _lowerStarts[j] + 1, _lowerStarts[j + 1], x[i]);
            }

            // U(:, k) above the diagonal, in topological order (which the refactorisation relies on); the pivot candidates.
            int pivotRow = -1;
            double largest = -1;
            for (int p = top; p < n; p++)
            {
                int i = _reach[p];
                if (_rowPosition[i] >= 0)
                {
                    _upperRows[upperCount] = _rowPosition[i];
                    _upperValues[upperCount++] = x[i];
                    continue;
                }

                double magnitude = Math.Abs(x[i]);
                if (!double.IsFinite(magnitude))
                {
                    return false;
                }

                if (magnitude > largest)
                {
                    largest = magnitude;
                    pivotRow = i;
                }
            }

            if (pivotRow < 0 || !(largest > negligible))
            {
                return false;
            }

            // Keep the diagonal if it is large enough: the ordering assumed diagonal pivots.
            if (_rowPosition[column] < 0 && Math.Abs(x[column]) >= PivotTolerance * largest && Math.Abs(x[column]) > negligible)
            {
                pivotRow = column;
            }

            double pivot = x[pivotRow];
            _upperRows[upperCount] = k;
            _upperValues[upperCount++] = pivot;
            _rowPosition[pivotRow] = k;
            _lowerRows[lowerCount] = pivotRow;
            _lowerValues[lowerCount++] = 1.0;
            for (int p = top; p < n; p++)
            {
                int i = _reach[p];
                if (_rowPosition[i] < 0)
                {
                    _lowerRows[lowerCount] = i;
                    _lowerValues[lowerCount++] = x[i] / pivot;
                }
            }
        }

        _lowerStarts[n] = lowerCount;
        _upperStarts[n] = upperCount;
        for (int p = 0; p < lowerCount; p++)
        {
            _lowerRows[p] = _rowPosition[_lowerRows[p]];
        }

        return true;
    }

    /// <summary>Finds the rows reachable from A(:, column) in the graph of L (row i → the rows of L's column for i's pivot step) and stores them in <c>_reach[top..n)</c> in topological order; returns top.</summary>
    /// <remarks>Non-recursive depth-first search (Davis 2006, §3.2, cs_reach/cs_dfs); each vertex is finished after all rows it updates, so reverse finishing order is a topological order.</remarks>
    private int Reach(int column)
    {
        int n = _n;
        if (_visitStamp == int.MaxValue)
        {
            Array.Clear(_visited);
            _visitStamp = 0;
        }

        int stamp = ++_visitStamp;
        int top = n;
        for (int p = _columnStarts[column]; p < _columnStarts[column + 1]; p++)
        {
            int start = _rows[p];
            if (_visited[start] == stamp)
            {
                continue;
            }

            int head = 0;
            _stack[0] = start;
            _visited[start] = stamp;
            _stackNext[0] = FirstChild(start);
            while (head >= 0)
            {
                int vertex = _stack[head];
                int step = _rowPosition[vertex];
                int end = step < 0 ? 0 : _lowerStarts[step + 1];
                int next = _stackNext[head];
                bool descended = false;
                for (; next < end; next++)
                {
                    int child = _lowerRows[next];
                    if (_visited[child] != stamp)
                    {
                        _stackNext[head] = next + 1;
                        _visited[child] = stamp;
                        head++;
                        _stack[head] = child;
                        _stackNext[head] = FirstChild(child);
                        descended = true;
                        break;
                    }
                }

                if (!descended)
                {
                    head--;
                    _reach[--top] = vertex;
                }
            }
        }

        return top;
    }

    /// <summary>The first entry of L's column for a row's pivot step below the unit diagonal (none for rows not yet pivotal).</summary>
    private int FirstChild(int row)
    {
        int step = _rowPosition[row];
        return step < 0 ? 0 : _lowerStarts[step] + 1;
    }

    /// <summary>Grows the factor storage (doubling) so that it holds at least the given numbers of entries.</summary>
    private void EnsureCapacity(int lower, int upper)
    {
        if (lower > _lowerRows.Length)
        {
            int size = Math.Max(lower, 2 * _lowerRows.Length);
            Array.Resize(ref _lowerRows, size);
            Array.Resize(ref _lowerValues, size);
        }

        if (upper > _upperRows.Length)
        {
            int size = Math.Max(upper, 2 * _upperRows.Length);
            Array.Resize(ref _upperRows, size);
            Array.Resize(ref _upperValues, size);
        }
    }
}
