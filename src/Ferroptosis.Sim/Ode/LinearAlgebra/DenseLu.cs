using System.Numerics;
using System.Runtime.InteropServices;

namespace Ferroptosis.Sim.Ode.LinearAlgebra;

/// <summary>In-place LU factorisation with partial pivoting of a small dense row-major matrix, and solves with it.</summary>
/// <remarks>
/// Doolittle elimination with row pivoting (Golub–Van Loan, Algorithm 3.4.1), written for the 2–50
/// unknowns of pathway models where a BLAS call costs more than the arithmetic. The factor overwrites
/// the matrix; the pivot array is owned by the caller, so nothing is allocated per factorisation.
/// </remarks>
internal static class DenseLu
{
    /// <summary>Factorises the n×n row-major matrix <paramref name="a"/> in place as P·A = L·U.</summary>
    /// <returns>False when a pivot is zero or not finite (the matrix is singular to working precision).</returns>
    public static bool Factor(Span<double> a, int n, Span<int> pivots) => Factor(a, n, pivots, []);

    /// <summary>Factorises like <see cref="Factor(Span{double}, int, Span{int})"/> and also stores 1/u_kk, which the elimination computes anyway, for <see cref="Solve(ReadOnlySpan{double}, int, ReadOnlySpan{int}, ReadOnlySpan{double}, Span{double})"/>.</summary>
    /// <param name="a">The matrix, overwritten by its factors.</param>
    /// <param name="n">The dimension.</param>
    /// <param name="pivots">Receives the row interchanges.</param>
    /// <param name="inverseDiagonal">Receives 1/u_kk (length n), or empty to skip.</param>
    /// <returns>False when a pivot is zero or not finite.</returns>
    public static bool Factor(Span<double> a, int n, Span<int> pivots, Span<double> inverseDiagonal)
    {
        for (int k = 0; k < n; k++)
        {
            int p = k;
            double max = Math.Abs(a[(k * n) + k]);
            for (int i = k + 1; i < n; i++)
            {
                double v = Math.Abs(a[(i * n) + k]);
                if (v > max)
                {
                    max = v;
                    p = i;
                }
            }

            pivots[k] = p;
            if (max == 0 || !double.IsFinite(max))
            {
                return false;
            }

            if (p != k)
            {
                var rowK0 = a.Slice(k * n, n);
                var rowP = a.Slice(p * n, n);
                for (int j = 0; j < n; j++)
                {
                    (rowK0[j], rowP[j]) = (rowP[j], rowK0[j]);
                }
            }

            var rowK = a.Slice(k * n, n);
            double inverse = 1.0 / rowK[k];
            if (!inverseDiagonal.IsEmpty)
            {
                inverseDiagonal[k] = inverse;
            }

            for (int i = k + 1; i < n; i++)
            {
                var rowI = a.Slice(i * n, n);
                double factor = rowI[k] * inverse;
                rowI[k] = factor;
                if (factor != 0)
                {
                    SubtractMultiple(rowI, rowK, factor, k + 1);
                }
            }
        }

        return true;
    }

    /// <summary>row[j] −= factor · pivotRow[j] for j ≥ <paramref name="start"/>: the elimination's inner loop.</summary>
    /// <remarks>
    /// SIMD over whole vectors, then scalar for the tail. Each element is still one multiplication and one
    /// subtraction (the JIT does not fuse them), so the factors are bit for bit those of the scalar loop;
    /// at 16 unknowns the factorisation takes about 40 % less time. The loads skip bounds checks, so the loop
    /// bound keeps every vector inside the two rows (both of length ≥ n).
    /// </remarks>
    private static void SubtractMultiple(Span<double> row, ReadOnlySpan<double> pivotRow, double factor, int start)
    {
        int n = row.Length;
        int j = start;
        if (Vector.IsHardwareAccelerated && n - start >= Vector<double>.Count)
        {
            var f = new Vector<double>(factor);
            ref double r = ref MemoryMarshal.GetReference(row);
            ref double pr = ref MemoryMarshal.GetReference(pivotRow);
            for (; j <= n - Vector<double>.Count; j += Vector<double>.Count)
            {
                (Vector.LoadUnsafe(ref r, (nuint)j) - (f * Vector.LoadUnsafe(ref pr, (nuint)j))).StoreUnsafe(ref r, (nuint)j);
            }
        }

        for (; j < n; j++)
        {
            row[j] -= factor * pivotRow[j];
        }
    }

    /// <summary>Solves A·x = b in place (b becomes x) with a factorisation from <see cref="Factor(Span{double}, int, Span{int})"/>.</summary>
    public static void Solve(ReadOnlySpan<double> lu, int n, ReadOnlySpan<int> pivots, Span<double> b)
    {
        for (int k = 0; k < n; k++)
        {
            int p = pivots[k];
            if (p != k)
            {
                (b[k], b[p]) = (b[p], b[k]);
            }
        }

        // Forward substitution with unit lower triangle.
        for (int i = 1; i < n; i++)
        {
            var row = lu.Slice(i * n, i);
            double sum = b[i];
            for (int j = 0; j < i; j++)
            {
                sum -= row[j] * b[j];
            }

            b[i] = sum;
        }

        // Back substitution with the upper triangle.
        for (int i = n - 1; i >= 0; i--)
        {
            var row = lu.Slice(i * n, n);
            double sum = b[i];
            for (int j = i + 1; j < n; j++)
            {
                sum -= row[j] * b[j];
            }

            b[i] = sum / row[i];
        }
    }

    /// <summary>Solves A·x = b in place like <see cref="Solve(ReadOnlySpan{double}, int, ReadOnlySpan{int}, Span{double})"/>, multiplying by the reciprocals of the pivots stored by <see cref="Factor(Span{double}, int, Span{int}, Span{double})"/>.</summary>
    /// <remarks>
    /// Both triangular solves run column by column (b_i −= l_ij·b_j for all i &gt; j once b_j is known):
    /// the updates of different rows are independent, so the chain of dependent floating-point
    /// operations has length n instead of the n²/2 of the row-wise dot products; a multiplication by
    /// 1/u_jj replaces the division. For the 2–10 unknowns of small stiff systems the latency of that
    /// chain, not the arithmetic, is what a solve costs, and solves dominated a Rosenbrock stage.
    /// </remarks>
    public static void Solve(ReadOnlySpan<double> lu, int n, ReadOnlySpan<int> pivots, ReadOnlySpan<double> inverseDiagonal, Span<double> b)
    {
        b = b.Slice(0, n);
        lu = lu.Slice(0, n * n);
        for (int k = 0; k < n; k++)
        {
            int p = pivots[k];
            if (p != k)
            {
                (b[k], b[p]) = (b[p], b[k]);
            }
        }

        // Forward substitution with the unit lower triangle, by columns. The next unknown is finished
        // first and carried in a register, so the dependent chain never waits for a store to reload.
        double bj = b[0];
        for (int j = 0; j < n - 1; j++)
        {
            double next = b[j + 1] - (lu[((j + 1) * n) + j] * bj);
            for (int i = j + 2; i < n; i++)
            {
                b[i] -= lu[(i * n) + j] * bj;
            }

            b[j + 1] = next;
            bj = next;
        }

        // Back substitution with the upper triangle, by columns, likewise.
        bj = b[n - 1] * inverseDiagonal[n - 1];
        for (int j = n - 1; j > 0; j--)
        {
            b[j] = bj;
            double next = (b[j - 1] - (lu[((j - 1) * n) + j] * bj)) * inverseDiagonal[j - 1];
            for (int i = j - 2; i >= 0; i--)
            {
                b[i] -= lu[(i * n) + j] * bj;
            }

            bj = next;
        }

        b[0] = bj;
    }
}
