using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Ferroptosis.Sim.Ode.LinearAlgebra;

/// <summary>Sparse LU factorisation P·A·Q = L·U of a matrix with a fixed pattern: ordering once, numeric factorisation per matrix, solves.</summary>
/// <remarks>
/// <para>
/// <b>Ordering.</b> The column order Q is a minimum-degree ordering of A + Aᵀ (<see cref="MinimumDegreeOrdering"/>),
/// computed once for the pattern; pivots are preferred on the diagonal, so that P ≈ Qᵀ and the fill stays that of
/// the symmetric ordering (the strategy of KLU: Davis and Palamadai Natarajan, ACM TOMS 37, 2010).
/// </para>
/// <para>
/// <b>Factorisation with pivoting</b> (<see cref="FactorWithPivoting"/>): the left-looking algorithm of Gilbert and
/// Peierls (SIAM J. Sci. Stat. Comput. 9, 1988; Davis, Direct Methods for Sparse Linear Systems, SIAM 2006, §6.3):
/// column k of L and U is the solution of a sparse triangular system with the columns of L found so far, whose
/// non-zero pattern is the set reached from A's column by depth-first search in the graph of L, visited in
/// topological order. Threshold partial pivoting: the diagonal entry is the pivot if its magnitude is at least
/// <see cref="PivotTolerance"/> times the largest candidate, else the largest candidate is.
/// </para>
/// <para>
/// <b>Refactorisation</b> (<see cref="Refactor"/>): a new matrix with the same pattern is factored with the previous
/// row order and the previous patterns of L and U, which depend only on A's pattern and that order: no search, no
/// pivot choice, no allocation (KLU's klu_refactor). Each pivot is checked against the same threshold; if one fails
/// the matrix is factored again with pivoting.
/// </para>
/// <para>
/// <b>Singularity.</b> A column whose candidates are all zero, not finite, or below n·u times the largest entry of A
/// (u the unit roundoff) makes the factorisation return false; it never reports success with a useless pivot.
/// Memory: the pattern, the factors (grown by doubling while the first factorisations run) and O(n) work arrays.
/// </para>
/// </remarks>
internal sealed partial class SparseLu
{
    /// <summary>The threshold of partial pivoting: the diagonal is kept while it is at least this fraction of the column's largest candidate.</summary>
    /// <remarks>KLU's default is 0.001; a larger value trades a little fill for smaller growth of the factors.</remarks>
    public const double PivotTolerance = 0.01;

    private readonly int _n;
    private readonly int[] _columnStarts;
    private readonly int[] _rows;
    private readonly int[] _columnOrder;
    private readonly int[] _rowPosition;
    private readonly int[] _lowerStarts;
    private readonly int[] _upperStarts;
    private readonly double[] _work;
    private int[] _lowerRows;
    private double[] _lowerValues;
    private int[] _upperRows;
    private double[] _upperValues;
    private bool _havePivots;

    /// <summary>Analyses the pattern of A (CSC, rows ascending or not, the diagonal included) and allocates the work space.</summary>
    public SparseLu(int n, int[] columnStarts, int[] rows)
    {
        _n = n;
        _columnStarts = columnStarts;
        _rows = rows;
        _columnOrder = MinimumDegreeOrdering.Compute(n, columnStarts, rows);
        _rowPosition = new int[n];
        _lowerStarts = new int[n + 1];
        _upperStarts = new int[n + 1];
        _work = new double[n];
        _reach = new int[n];
        _stack = new int[n];
        _stackNext = new int[n];
        _visited = new int[n];
        int capacity = (2 * rows.Length) + n;
        _lowerRows = new int[capacity];
        _lowerValues = new double[capacity];
        _upperRows = new int[capacity];
        _upperValues = new double[capacity];
    }

    /// <summary>Gets the number of stored entries of L and U (including both diagonals) of the last factorisation.</summary>
    public int FactorNonZeros => _lowerStarts[_n] + _upperStarts[_n];

    /// <summary>Gets the number of factorisations that had to choose pivots (the first, and every refactorisation whose pivot failed the threshold).</summary>
    public int PivotingFactorizations { get; private set; }

    /// <summary>Factors A given by its values in the pattern's (CSC) order: a refactorisation when pivots are known and still acceptable, else with pivoting.</summary>
    /// <returns>False when A is singular to working precision.</returns>
    public bool Factor(ReadOnlySpan<double> values)
    {
        double largest = 0;
        foreach (double v in values)
        {
            largest = Math.Max(largest, Math.Abs(v));
        }

        if (!double.IsFinite(largest))
        {
            return false;
        }

        double negligible = _n * (Math.BitIncrement(1.0) - 1.0) * largest;
        if (_havePivots && Refactor(values, negligible))
        {
            return true;
        }

        PivotingFactorizations++;
        _havePivots = FactorWithPivoting(values, negligible);
        return _havePivots;
    }

    /// <summary>Solves A·x = b in place with the last successful factorisation.</summary>
    public void Solve(Span<double> b)
    {
        int n = _n;
        var x = _work.AsSpan(0, n);
        for (int i = 0; i < n; i++)
        {
            x[_rowPosition[i]] = b[i];
        }

        // L (unit diagonal stored first in each column), by columns.
        for (int j = 0; j < n; j++)
        {
            double xj = x[j];
            if (xj != 0)
            {
                SubtractColumn(_work, _lowerRows, _lowerValues, _lowerStarts[j] + 1, _lowerStarts[j + 1], xj);
            }
        }

        // U (diagonal stored last in each column), by columns from the last.
        for (int j = n - 1; j >= 0; j--)
        {
            int diagonal = _upperStarts[j + 1] - 1;
            double xj = x[j] / _upperValues[diagonal];
            x[j] = xj;
            if (xj == 0)
            {
                continue;
            }

            SubtractColumn(_work, _upperRows, _upperValues, _upperStarts[j], diagonal, xj);
        }

        for (int k = 0; k < n; k++)
        {
            b[_columnOrder[k]] = x[k];
        }
    }

    /// <summary>Factors with the row order and factor patterns of the last pivoting factorisation; false if a pivot fails the threshold (or the matrix is singular).</summary>
    private bool Refactor(ReadOnlySpan<double> values, double negligible)
    {
        var x = _work;
        var lowerRows = _lowerRows;
        var lowerValues = _lowerValues;
        var lowerStarts = _lowerStarts;
        var upperRows = _upperRows;
        var upperValues = _upperValues;
        for (int k = 0; k < _n; k++)
        {
            int lowerFirst = lowerStarts[k];
            int lowerEnd = lowerStarts[k + 1];
            int upperFirst = _upperStarts[k];
            int diagonal = _upperStarts[k + 1] - 1;

            // x = A(:, q_k) in the permuted row order, on the union of the patterns of U(:, k) and L(:, k).
            for (int p = upperFirst; p < diagonal; p++)
            {
                x[upperRows[p]] = 0;
            }

            for (int p = lowerFirst; p < lowerEnd; p++)
            {
                x[lowerRows[p]] = 0;
            }

            int column = _columnOrder[k];
            for (int p = _columnStarts[column]; p < _columnStarts[column + 1]; p++)
            {
                x[_rowPosition[_rows[p]]] = values[p];
            }

            // U(:, k) in topological order: each entry is final when reached and updates the rows below it.
            for (int p = upperFirst; p < diagonal; p++)
            {
                int j = upperRows[p];
                double xj = x[j];
                upperValues[p] = xj;
                SubtractColumn(x, lowerRows, lowerValues, lowerStarts[j] + 1, lowerStarts[j + 1], xj);
            }

            double pivot = x[k];
            double largest = 0;
            for (int p = lowerFirst + 1; p < lowerEnd; p++)
            {
                largest = Math.Max(largest, Math.Abs(x[lowerRows[p]]));
            }

            double magnitude = Math.Abs(pivot);
            if (!(magnitude > negligible) || !(magnitude >= PivotTolerance * largest) || !double.IsFinite(magnitude) || !double.IsFinite(largest))
            {
                return false;
            }

            upperValues[diagonal] = pivot;
            lowerValues[lowerFirst] = 1.0;
            for (int p = lowerFirst + 1; p < lowerEnd; p++)
            {
                lowerValues[p] = x[lowerRows[p]] / pivot;
            }
        }

        return true;
    }

    /// <summary>x[rows[p]] −= values[p]·factor for p in [first, end): the scatter update of every kernel here.</summary>
    /// <remarks>
    /// The innermost loop of the factorisations and solves. It reads the arrays through references without bounds
    /// checks, so the callers' index ranges must be valid: they come from the factor's own column offsets, and every
    /// stored row is below n, the length of <paramref name="x"/>.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void SubtractColumn(double[] x, int[] rows, double[] values, int first, int end, double factor)
    {
        Debug.Assert(end <= rows.Length && end <= values.Length, "the column lies inside the factor storage");
        ref double x0 = ref MemoryMarshal.GetArrayDataReference(x);
        ref int r0 = ref MemoryMarshal.GetArrayDataReference(rows);
        ref double v0 = ref MemoryMarshal.GetArrayDataReference(values);
        for (int p = first; p < end; p++)
        {
            Unsafe.Add(ref x0, Unsafe.Add(ref r0, p)) -= Unsafe.Add(ref v0, p) * factor;
        }
    }
}
