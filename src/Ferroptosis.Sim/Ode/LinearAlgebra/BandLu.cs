namespace Ferroptosis.Sim.Ode.LinearAlgebra;

/// <summary>LU factorisation with partial pivoting of a band matrix in LAPACK band storage, and solves with it.</summary>
/// <remarks>
/// <para>
/// Storage as LAPACK's dgbtrf (Anderson et al., LAPACK Users' Guide, 3rd ed., 1999, §5.3.3): an n×n matrix with
/// l sub- and u super-diagonals occupies n columns of ld = 2l + u + 1 entries, column-major, element (i, j) at
/// <c>j·ld + (l + u + i − j)</c>. The first l entries of each column are room for the fill that row interchanges
/// bring into U, whose bandwidth grows to l + u (Golub–Van Loan, Matrix Computations, 4th ed., 2013, §4.3.5).
/// The elimination is the unblocked right-looking one (dgbtf2): for each column the largest of its l + 1 candidate
/// entries is the pivot; rows are swapped only over the columns the current U can reach.
/// </para>
/// <para>
/// Memory is n·(2l + u + 1); a factorisation costs O(n·l·(l + u)). A pivot that is zero, not finite, or below
/// n·u times the largest entry of the matrix (u the unit roundoff) reports the matrix singular: a solve with such a
/// pivot would be noise, and the steppers answer with a smaller step instead.
/// </para>
/// </remarks>
internal static class BandLu
{
    /// <summary>Gets the leading dimension (entries per stored column) for the given bandwidths.</summary>
    public static int LeadingDimension(int lower, int upper) => (2 * lower) + upper + 1;

    /// <summary>Factors the band matrix <paramref name="ab"/> in place as P·A = L·U.</summary>
    /// <param name="ab">The matrix in band storage (fill rows zero), overwritten by the factors.</param>
    /// <param name="n">The dimension.</param>
    /// <param name="lower">The number of sub-diagonals l.</param>
    /// <param name="upper">The number of super-diagonals u.</param>
    /// <param name="pivots">Receives the row interchanged with each row.</param>
    /// <param name="largestEntry">The largest absolute entry of the matrix, the scale of the singularity test.</param>
    /// <returns>False when the matrix is singular to working precision.</returns>
    public static bool Factor(Span<double> ab, int n, int lower, int upper, Span<int> pivots, double largestEntry)
    {
        int ld = LeadingDimension(lower, upper);
        int kv = lower + upper;
        double negligible = n * (Math.BitIncrement(1.0) - 1.0) * largestEntry;
        int lastColumnOfU = 0;
        for (int j = 0; j < n; j++)
        {
            int below = Math.Min(lower, n - 1 - j);
            int column = j * ld;

            // The pivot: the largest entry on or below the diagonal of column j.
            int p = 0;
            double max = Math.Abs(ab[column + kv]);
            for (int t = 1; t <= below; t++)
            {
                double v = Math.Abs(ab[column + kv + t]);
                if (v > max)
                {
                    max = v;
                    p = t;
                }
            }

            pivots[j] = j + p;
            if (!(max > negligible) || !double.IsFinite(max))
            {
                return false;
            }

            // Row j + p's entries reach column j + p + u; U's last column grows accordingly.
            lastColumnOfU = Math.Max(lastColumnOfU, Math.Min(j + upper + p, n - 1));
            if (p != 0)
            {
                // Swap rows j and j + p over columns j … lastColumnOfU; (i, c) is at c·ld + kv + i − c.
                for (int c = j; c <= lastColumnOfU; c++)
                {
                    int a = (c * ld) + kv + j - c;
                    int b = a + p;
                    (ab[a], ab[b]) = (ab[b], ab[a]);
                }
            }

            double inverse = 1.0 / ab[column + kv];
            for (int t = 1; t <= below; t++)
            {
                ab[column + kv + t] *= inverse;
            }

            // Rank-one update of rows j+1 … j+below, columns j+1 … lastColumnOfU.
            for (int c = j + 1; c <= lastColumnOfU; c++)
            {
                int pivotRow = (c * ld) + kv + j - c;
                double ujc = ab[pivotRow];
                if (ujc == 0)
                {
                    continue;
                }

                for (int t = 1; t <= below; t++)
                {
                    ab[pivotRow + t] -= ab[column + kv + t] * ujc;
                }
            }
        }

        return true;
    }

    /// <summary>Solves A·x = b in place with a factorisation from <see cref="Factor"/>.</summary>
    public static void Solve(ReadOnlySpan<double> ab, int n, int lower, int upper, ReadOnlySpan<int> pivots, Span<double> b)
    {
        int ld = LeadingDimension(lower, upper);
        int kv = lower + upper;

        // L: apply the interchange of step j, then eliminate below the diagonal (dgbtrs).
        for (int j = 0; j < n - 1; j++)
        {
            int p = pivots[j];
            if (p != j)
            {
                (b[j], b[p]) = (b[p], b[j]);
            }

            double bj = b[j];
            if (bj == 0)
            {
                continue;
            }

            int below = Math.Min(lower, n - 1 - j);
            int column = (j * ld) + kv;
            for (int t = 1; t <= below; t++)
            {
                b[j + t] -= ab[column + t] * bj;
            }
        }

        // U, upper bandwidth l + u, by columns from the last.
        for (int j = n - 1; j >= 0; j--)
        {
            int column = j * ld;
            double xj = b[j] / ab[column + kv];
            b[j] = xj;
            if (xj == 0)
            {
                continue;
            }

            int first = Math.Max(0, j - kv);
            for (int i = first; i < j; i++)
            {
                b[i] -= ab[column + kv + i - j] * xj;
            }
        }
    }
}
