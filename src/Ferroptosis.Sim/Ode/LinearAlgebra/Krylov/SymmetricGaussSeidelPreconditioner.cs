using Ferroptosis.Sim.Ode.Jacobians;

namespace Ferroptosis.Sim.Ode.LinearAlgebra.Krylov;

/// <summary>One symmetric Gauss–Seidel sweep on the sparse M = α·I − β·J: P = (D + L)·D⁻¹·(D + U), L and U the strict triangles of M.</summary>
/// <remarks>
/// The preconditioner of CVODE's examples for reaction–diffusion problems (e.g. <c>cvDiurnal_kry</c> uses block
/// Gauss–Seidel). Set-up only forms M's values in J's pattern (with its diagonal); a solve is one forward and one
/// backward triangular sweep, 2·nnz multiplications. Memory O(nnz).
/// </remarks>
internal sealed class SymmetricGaussSeidelPreconditioner : Preconditioner
{
    private readonly double[] _offDiagonal;
    private readonly double[] _diagonal;
    private readonly int[] _diagonalEntry;

    public SymmetricGaussSeidelPreconditioner(SparsityPattern pattern)
    {
        int n = pattern.Dimension;
        _offDiagonal = new double[pattern.NonZeros];
        _diagonal = new double[n];
        _diagonalEntry = new int[n];
        var rowStarts = pattern.RowStarts;
        var columns = pattern.Columns;
        for (int i = 0; i < n; i++)
        {
            _diagonalEntry[i] = -1;
            for (int e = rowStarts[i]; e < rowStarts[i + 1]; e++)
            {
                if (columns[e] == i)
                {
                    _diagonalEntry[i] = e;
                }
            }
        }

        Pattern = pattern;
    }

    private SparsityPattern Pattern { get; }

    public override bool Setup(double alpha, double beta, CsrJacobian jacobian)
    {
        var values = jacobian.Values;
        for (int e = 0; e < values.Length; e++)
        {
            _offDiagonal[e] = -beta * values[e];
        }

        for (int i = 0; i < _diagonal.Length; i++)
        {
            int d = _diagonalEntry[i];
            double diagonal = alpha + (d >= 0 ? _offDiagonal[d] : 0.0);
            if (d >= 0)
            {
                _offDiagonal[d] = 0;
            }

            if (diagonal == 0 || !double.IsFinite(diagonal))
            {
                return false;
            }

            _diagonal[i] = diagonal;
        }

        return true;
    }

    public override void Solve(Span<double> v)
    {
        var rowStarts = Pattern.RowStarts;
        var columns = Pattern.Columns;
        int n = _diagonal.Length;

        // (D + L)·w = v, then w ← D·w, then (D + U)·z = w.
        for (int i = 0; i < n; i++)
        {
            double sum = v[i];
            for (int e = rowStarts[i]; e < rowStarts[i + 1]; e++)
            {
                int j = columns[e];
                if (j < i)
                {
                    sum -= _offDiagonal[e] * v[j];
                }
            }

            v[i] = sum / _diagonal[i];
        }

        for (int i = n - 1; i >= 0; i--)
        {
            double sum = _diagonal[i] * v[i];
            for (int e = rowStarts[i]; e < rowStarts[i + 1]; e++)
            {
                int j = columns[e];
                if (j > i)
                {
                    sum -= _offDiagonal[e] * v[j];
                }
            }

            v[i] = sum / _diagonal[i];
        }
    }
}
