using Ferroptosis.Sim.Ode.Jacobians;

namespace Ferroptosis.Sim.Ode.LinearAlgebra.Krylov;

/// <summary>ILU(0): the incomplete LU factorisation of M = α·I − β·J that keeps exactly M's pattern (J's plus the diagonal); P = L·U.</summary>
/// <remarks>
/// Saad, Iterative Methods for Sparse Linear Systems, 2nd ed., SIAM 2003, Algorithm 10.4 (IKJ variant, no pivoting):
/// (L·U)_ij = M_ij on every position of the pattern, and fill outside it is dropped. Set-up costs about
/// Σ_i (entries left of the diagonal in row i)·(entries of the row), a solve one forward and one backward sweep.
/// Memory: the pattern with its diagonal, values and an index per row.
/// </remarks>
internal sealed class IncompleteLuPreconditioner : Preconditioner
{
    private readonly int _n;
    private readonly int[] _rowStarts;
    private readonly int[] _columns;
    private readonly int[] _diagonal;
    private readonly int[] _jacobianEntry;
    private readonly int[] _position;
    private readonly double[] _values;

    public IncompleteLuPreconditioner(SparsityPattern pattern)
    {
        _n = pattern.Dimension;
        var rowStarts = pattern.RowStarts;
        var columns = pattern.Columns;

        // M's pattern: J's rows (columns ascending) with the diagonal inserted where J has none.
        _rowStarts = new int[_n + 1];
        for (int i = 0; i < _n; i++)
        {
            bool hasDiagonal = pattern.IndexOf(i, i) >= 0;
            _rowStarts[i + 1] = _rowStarts[i] + (rowStarts[i + 1] - rowStarts[i]) + (hasDiagonal ? 0 : 1);
        }

        _columns = new int[_rowStarts[_n]];
        _jacobianEntry = new int[_rowStarts[_n]];
        _diagonal = new int[_n];
        for (int i = 0; i < _n; i++)
        {
            int p = _rowStarts[i];
            bool placed = false;
            for (int e = rowStarts[i]; e < rowStarts[i + 1]; e++)
            {
                if (!placed && columns[e] >= i)
                {
                    if (columns[e] > i)
                    {
                        _diagonal[i] = p;
                        _jacobianEntry[p] = -1;
                        _columns[p++] = i;
                    }

                    placed = true;
                }

                if (columns[e] == i)
                {
                    _diagonal[i] = p;
                }

                _jacobianEntry[p] = e;
                _columns[p++] = columns[e];
            }

            if (!placed)
            {
                _diagonal[i] = p;
                _jacobianEntry[p] = -1;
                _columns[p] = i;
            }
        }

        _values = new double[_columns.Length];
        _position = new int[_n];
        Array.Fill(_position, -1);
    }

    public override bool Setup(double alpha, double beta, CsrJacobian jacobian)
    {
        var values = jacobian.Values;
        for (int p = 0; p < _values.Length; p++)
        {
            int e = _jacobianEntry[p];
            _values[p] = e >= 0 ? -beta * values[e] : 0.0;
        }

        for (int i = 0; i < _n; i++)
        {
            _values[_diagonal[i]] += alpha;
        }

        for (int i = 0; i < _n; i++)
        {
            int start = _rowStarts[i];
            int end = _rowStarts[i + 1];
            for (int p = start; p < end; p++)
            {
                _position[_columns[p]] = p;
            }

            // Eliminate row i's entries left of the diagonal with the (already factored) rows above.
            for (int p = start; p < _diagonal[i]; p++)
            {
                int k = _columns[p];
                double factor = _values[p] / _values[_diagonal[k]];
                _values[p] = factor;
                for (int q = _diagonal[k] + 1; q < _rowStarts[k + 1]; q++)
                {
                    int target = _position[_columns[q]];
                    if (target >= 0)
                    {
                        _values[target] -= factor * _values[q];
                    }
                }
            }

            for (int p = start; p < end; p++)
            {
                _position[_columns[p]] = -1;
            }

            double pivot = _values[_diagonal[i]];
            if (pivot == 0 || !double.IsFinite(pivot))
            {
                return false;
            }
        }

        return true;
    }

    public override void Solve(Span<double> v)
    {
        // L·w = v (unit lower triangle), then U·z = w.
        for (int i = 0; i < _n; i++)
        {
            double sum = v[i];
            for (int p = _rowStarts[i]; p < _diagonal[i]; p++)
            {
                sum -= _values[p] * v[_columns[p]];
            }

            v[i] = sum;
        }

        for (int i = _n - 1; i >= 0; i--)
        {
            double sum = v[i];
            for (int p = _diagonal[i] + 1; p < _rowStarts[i + 1]; p++)
            {
                sum -= _values[p] * v[_columns[p]];
            }

            v[i] = sum / _values[_diagonal[i]];
        }
    }
}
