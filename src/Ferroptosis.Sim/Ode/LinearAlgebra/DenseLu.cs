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
    public static bool Factor(Span<double> a, int n, Span<int> pivots)
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
            for (int i = k + 1; i < n; i++)
            {
                var rowI = a.Slice(i * n, n);
                double factor = rowI[k] * inverse;
                rowI[k] = factor;
                if (factor != 0)
                {
                    for (int j = k + 1; j < n; j++)
                    {
                        rowI[j] -= factor * rowK[j];
                    }
                }
            }
        }

        return true;
    }

    /// <summary>Solves A·x = b in place (b becomes x) with a factorisation from <see cref="Factor"/>.</summary>
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
}
