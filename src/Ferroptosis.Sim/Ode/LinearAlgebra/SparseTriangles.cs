namespace Ferroptosis.Sim.Ode.LinearAlgebra;

/// <summary>The non-zero entries of the two triangles of a dense LU factorisation, column by column, so that solves skip the zeros.</summary>
/// <remarks>
/// <para>
/// The Jacobians of pathway models are sparse, and so are the factors of I/(hγ) − J: for the 21 states of the
/// ferroptosis model v2 the strict triangles hold about 100 non-zeros out of 420, so a dense solve spends three
/// quarters of its multiplications on zeros. <see cref="Compress"/> gathers the non-zeros once per factorisation
/// (an O(n²) scan), and every solve with that factorisation then costs O(n + non-zeros).
/// </para>
/// <para>
/// <see cref="Solve"/> performs the updates of <see cref="DenseLu.Solve(ReadOnlySpan{double}, int, ReadOnlySpan{int}, ReadOnlySpan{double}, Span{double})"/>
/// on each unknown in the same order and leaves out only those with a zero factor, which subtract ±0: for finite
/// values the result is the same bit for bit. When the triangles are too dense for the indirection to pay, it
/// calls that dense solve. The buffers are allocated on the first compression and reused: nothing is allocated per
/// factorisation or solve.
/// </para>
/// </remarks>
internal sealed class SparseTriangles
{
    private readonly int _n;
    private readonly int[] _lowerStart;
    private readonly int[] _upperStart;
    private int[] _lowerRow = [];
    private double[] _lowerValue = [];
    private int[] _upperRow = [];
    private double[] _upperValue = [];
    private bool _dense;

    /// <summary>Creates the buffers for an n×n factorisation.</summary>
    public SparseTriangles(int n)
    {
        _n = n;
        _lowerStart = new int[n + 1];
        _upperStart = new int[n + 1];
    }

    /// <summary>Gets the number of non-zeros below and above the diagonal found by the last <see cref="Compress"/>.</summary>
    public int NonZeros => _lowerStart[_n] + _upperStart[_n];

    /// <summary>Gathers the non-zeros of the factors that <see cref="DenseLu.Factor(Span{double}, int, Span{int}, Span{double})"/> left in <paramref name="lu"/>.</summary>
    public void Compress(ReadOnlySpan<double> lu)
    {
        int n = _n;
        int triangle = n * (n - 1) / 2;
        if (_lowerRow.Length < triangle)
        {
            _lowerRow = new int[triangle];
            _lowerValue = new double[triangle];
            _upperRow = new int[triangle];
            _upperValue = new double[triangle];
        }

        // Lower triangle by columns, rows ascending (the forward substitution's order); upper triangle by columns,
        // rows descending (the back substitution's).
        int lower = 0;
        int upper = 0;
        for (int j = 0; j < n; j++)
        {
            _lowerStart[j] = lower;
            for (int i = j + 1; i < n; i++)
            {
                double v = lu[(i * n) + j];
                if (v != 0)
                {
                    _lowerRow[lower] = i;
                    _lowerValue[lower++] = v;
                }
            }

            _upperStart[j] = upper;
            for (int i = j - 1; i >= 0; i--)
            {
                double v = lu[(i * n) + j];
                if (v != 0)
                {
                    _upperRow[upper] = i;
                    _upperValue[upper++] = v;
                }
            }
        }

        _lowerStart[n] = lower;
        _upperStart[n] = upper;

        // Past about half of the triangles the dense solve's contiguous loops are as fast.
        _dense = lower + upper > triangle;
    }

    /// <summary>Solves A·x = b in place with the factorisation last given to <see cref="Compress"/> (stored in <paramref name="lu"/>, with its pivots and pivot reciprocals).</summary>
    public void Solve(ReadOnlySpan<double> lu, ReadOnlySpan<int> pivots, ReadOnlySpan<double> inverseDiagonal, Span<double> b)
    {
        int n = _n;
        if (_dense)
        {
            DenseLu.Solve(lu, n, pivots, inverseDiagonal, b);
            return;
        }

        b = b.Slice(0, n);
        for (int k = 0; k < n; k++)
        {
            int p = pivots[k];
            if (p != k)
            {
                (b[k], b[p]) = (b[p], b[k]);
            }
        }

        // Forward substitution with the unit lower triangle, by columns.
        var lowerStart = _lowerStart.AsSpan(0, n + 1);
        var lowerRow = _lowerRow.AsSpan();
        var lowerValue = _lowerValue.AsSpan();
        for (int j = 0; j < n; j++)
        {
            double bj = b[j];
            for (int e = lowerStart[j]; e < lowerStart[j + 1]; e++)
            {
                b[lowerRow[e]] -= lowerValue[e] * bj;
            }
        }

        // Back substitution with the upper triangle, by columns from the last.
        var upperStart = _upperStart.AsSpan(0, n + 1);
        var upperRow = _upperRow.AsSpan();
        var upperValue = _upperValue.AsSpan();
        for (int j = n - 1; j >= 0; j--)
        {
            double xj = b[j] * inverseDiagonal[j];
            b[j] = xj;
            for (int e = upperStart[j]; e < upperStart[j + 1]; e++)
            {
                b[upperRow[e]] -= upperValue[e] * xj;
            }
        }
    }
}
