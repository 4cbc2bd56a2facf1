using Ferroptosis.Sim.Ode.Jacobians;

namespace Ferroptosis.Sim.Ode.LinearAlgebra.Krylov;

/// <summary>Block-Jacobi: P is the block diagonal of M = α·I − β·J over consecutive blocks of equal size, each factored by dense LU.</summary>
/// <remarks>
/// For a lattice of cells with the species of each cell stored together this is the cell's own reaction Jacobian
/// (plus the diagonal of the coupling), which is where the stiffness of a reaction–diffusion model sits. Memory
/// n·b for blocks of size b.
/// </remarks>
internal sealed class BlockJacobiPreconditioner : Preconditioner
{
    private readonly int _blockSize;
    private readonly int _blocks;
    private readonly double[] _factors;
    private readonly int[] _pivots;

    public BlockJacobiPreconditioner(int dimension, int blockSize)
    {
        _blockSize = blockSize;
        _blocks = dimension / blockSize;
        _factors = new double[_blocks * blockSize * blockSize];
        _pivots = new int[dimension];
    }

    public override bool Setup(double alpha, double beta, CsrJacobian jacobian)
    {
        int b = _blockSize;
        int size = b * b;
        var pattern = jacobian.Pattern;
        var rowStarts = pattern.RowStarts;
        var columns = pattern.Columns;
        var values = jacobian.Values;
        _factors.AsSpan().Clear();
        for (int block = 0; block < _blocks; block++)
        {
            int first = block * b;
            var a = _factors.AsSpan(block * size, size);
            for (int r = 0; r < b; r++)
            {
                int i = first + r;
                for (int e = rowStarts[i]; e < rowStarts[i + 1]; e++)
                {
                    int c = columns[e] - first;
                    if ((uint)c < (uint)b)
                    {
                        a[(r * b) + c] = -beta * values[e];
                    }
                }

                a[(r * b) + r] += alpha;
            }

            if (!DenseLu.Factor(a, b, _pivots.AsSpan(first, b)))
            {
                return false;
            }
        }

        return true;
    }

    public override void Solve(Span<double> v)
    {
        int b = _blockSize;
        int size = b * b;
        if (b == 1)
        {
            for (int i = 0; i < v.Length; i++)
            {
                v[i] /= _factors[i];
            }

            return;
        }

        for (int block = 0; block < _blocks; block++)
        {
            DenseLu.Solve(_factors.AsSpan(block * size, size), b, _pivots.AsSpan(block * b, b), v.Slice(block * b, b));
        }
    }
}
