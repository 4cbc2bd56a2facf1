using Ferroptosis.Sim.Ode.Jacobians;

namespace Ferroptosis.Sim.Ode.LinearAlgebra;

/// <summary>The sparse path of <see cref="LinearSolver"/>: a CSR Jacobian, M = α·I − β·J assembled in compressed columns, and <see cref="SparseLu"/>.</summary>
/// <remarks>
/// M's pattern is J's plus the diagonal, fixed for the integration, so the symbolic work (the ordering, and the
/// position in M of every Jacobian entry) is done once here; each factorisation is a pass over the non-zeros and a
/// numeric (re)factorisation.
/// </remarks>
internal sealed class SparseLinearSolver : LinearSolver
{
    private readonly CsrJacobian _jacobian;
    private readonly int[] _matrixIndex;
    private readonly int[] _diagonalIndex;
    private readonly double[] _matrix;
    private readonly SparseLu _lu;

    public SparseLinearSolver(CsrJacobian jacobian)
    {
        _jacobian = jacobian;
        var pattern = jacobian.Pattern;
        int n = pattern.Dimension;
        var rowStarts = pattern.RowStarts;
        var columns = pattern.Columns;

        // Count the entries of each column of M: J's, plus the diagonal where J has none.
        var hasDiagonal = new bool[n];
        var columnStarts = new int[n + 1];
        for (int i = 0; i < n; i++)
        {
            for (int e = rowStarts[i]; e < rowStarts[i + 1]; e++)
            {
                columnStarts[columns[e] + 1]++;
                hasDiagonal[i] |= columns[e] == i;
            }
        }

        for (int j = 0; j < n; j++)
        {
            columnStarts[j + 1] += columnStarts[j] + (hasDiagonal[j] ? 0 : 1);
        }

        // Fill row by row, so that rows ascend within each column.
        var rows = new int[columnStarts[n]];
        var next = (int[])columnStarts.Clone();
        _matrixIndex = new int[pattern.NonZeros];
        _diagonalIndex = new int[n];
        for (int i = 0; i < n; i++)
        {
            bool placed = false;
            for (int e = rowStarts[i]; e <= rowStarts[i + 1]; e++)
            {
                int j = e < rowStarts[i + 1] ? columns[e] : n;
                if (!placed && !hasDiagonal[i] && j > i)
                {
                    _diagonalIndex[i] = next[i];
                    rows[next[i]++] = i;
                    placed = true;
                }

                if (j == n)
                {
                    break;
                }

                if (j == i)
                {
                    _diagonalIndex[i] = next[j];
                }

                _matrixIndex[e] = next[j];
                rows[next[j]++] = i;
            }
        }

        _matrix = new double[rows.Length];
        _lu = new SparseLu(n, columnStarts, rows);
    }

    public override string Name => "sparse";

    public override string JacobianDescription => "The Jacobian (CSR values)";

    public override ReadOnlySpan<double> Jacobian => _jacobian.Values;

    /// <summary>Gets the factorisation (for statistics and tests).</summary>
    public SparseLu Lu => _lu;

    public override void EvaluateJacobian(double t, ReadOnlySpan<double> y, ReadOnlySpan<double> f0, double h) =>
        _jacobian.Evaluate(t, y, f0, h);

    public override double JacobianInfinityNorm() => _jacobian.InfinityNorm();

    public override bool Factor(double alpha, double beta)
    {
        var matrix = _matrix.AsSpan();
        matrix.Clear();
        var values = _jacobian.Values;
        for (int e = 0; e < values.Length; e++)
        {
            matrix[_matrixIndex[e]] = -beta * values[e];
        }

        foreach (int d in _diagonalIndex)
        {
            matrix[d] += alpha;
        }

        return _lu.Factor(matrix);
    }

    public override void Solve(Span<double> b) => _lu.Solve(b);
}
