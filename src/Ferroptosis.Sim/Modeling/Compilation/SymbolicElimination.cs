using Ferroptosis.Sim.Modeling.Expressions;

namespace Ferroptosis.Sim.Modeling.Compilation;

/// <summary>Gauss–Jordan elimination over expressions, for the stoichiometry of fast reactions (entries are numbers, or symbols of stoichiometries set in the run).</summary>
/// <remarks>
/// Pivots are chosen by structure: a number of largest modulus where there is one, else the first entry that is not
/// the number zero; the builders of <see cref="ExprBuilder"/> fold numbers and cancel equal terms, so numeric matrices
/// are reduced exactly as with doubles. A symbolic pivot that is zero in the run gives a non-finite mass matrix, which
/// the solver reports.
/// </remarks>
internal static class SymbolicElimination
{
    /// <summary>The reduced row echelon form R of S_fᵀ (q × n) and its pivot columns (the pivot states), in order.</summary>
    public static (Expr[,] R, List<int> Pivots) ReducedRowEchelon(Expr[,] stoichiometry, int n, int q)
    {
        var r = new Expr[q, n];
        for (int j = 0; j < q; j++)
        {
            for (int k = 0; k < n; k++)
            {
                r[j, k] = stoichiometry[k, j];
            }
        }

        var pivots = new List<int>();
        int row = 0;
        for (int column = 0; column < n && row < q; column++)
        {
            int best = -1;
            for (int i = row; i < q; i++)
            {
                if (Better(r[i, column], best < 0 ? null : r[best, column]))
                {
                    best = i;
                }
            }

            if (best < 0)
            {
                continue;
            }

            for (int k = 0; k < n; k++)
            {
                (r[row, k], r[best, k]) = (r[best, k], r[row, k]);
            }

            var pivot = r[row, column];
            for (int k = 0; k < n; k++)
            {
                r[row, k] = ExprBuilder.Divide(r[row, k], pivot);
            }

            r[row, column] = NumberExpr.One;
            for (int i = 0; i < q; i++)
            {
                var factor = r[i, column];
                if (i != row && !ExprBuilder.IsZero(factor))
                {
                    for (int k = 0; k < n; k++)
                    {
                        r[i, k] = ExprBuilder.Subtract(r[i, k], ExprBuilder.Multiply(factor, r[row, k]));
                    }

                    r[i, column] = NumberExpr.Zero;
                }
            }

            pivots.Add(column);
            row++;
        }


        return (r, pivots);
    }

    /// <summary>A maximal linearly independent subset of the columns of S_f (n × q), the first ones in order, by elimination over expressions.</summary>
    public static List<int> Independent(Expr[,] stoichiometry, int n, int q)
    {
        var chosen = new List<int>();
        var basis = new List<(Expr[] Row, int Pivot)>();
        for (int j = 0; j < q; j++)
        {
            var row = new Expr[n];
            for (int k = 0; k < n; k++)
            {
                row[k] = stoichiometry[k, j];
            }

            // Basis rows are reduced against the earlier ones, so reducing in insertion order clears every pivot.
            foreach (var (b, p) in basis)
            {
                var factor = row[p];
                if (!ExprBuilder.IsZero(factor))
                {
                    for (int k = 0; k < n; k++)
                    {
                        row[k] = ExprBuilder.Subtract(row[k], ExprBuilder.Multiply(factor, b[k]));
                    }

                    row[p] = NumberExpr.Zero;
                }
            }

            int pivot = -1;
            for (int k = 0; k < n; k++)
            {
                if (Better(row[k], pivot < 0 ? null : row[pivot]))
                {
                    pivot = k;
                }
            }

            if (pivot < 0)
            {
                continue;
            }

            var value = row[pivot];
            for (int k = 0; k < n; k++)
            {
                row[k] = ExprBuilder.Divide(row[k], value);
            }

            row[pivot] = NumberExpr.One;
            basis.Add((row, pivot));
            chosen.Add(j);
        }

        return chosen;
    }

    /// <summary>S_p⁻¹: the inverse of the stoichiometry rows of the pivot states (q × q, invertible because those rows are independent), over expressions.</summary>
    public static Expr[,] Invert(Expr[,] stoichiometry, List<int> pivots, int q)
    {
        var a = new Expr[q, 2 * q];
        for (int i = 0; i < q; i++)
        {
            for (int j = 0; j < q; j++)
            {
                a[i, j] = stoichiometry[pivots[i], j];
                a[i, q + j] = i == j ? NumberExpr.One : NumberExpr.Zero;
            }
        }

        for (int column = 0; column < q; column++)
        {
            int best = -1;
            for (int i = column; i < q; i++)
            {
                if (Better(a[i, column], best < 0 ? null : a[best, column]))
                {
                    best = i;
                }
            }

            if (best < 0)
            {
                throw new NotSupportedException("fast reaction: the stoichiometry of the fast reactions on the states they determine is singular");
            }

            for (int k = 0; k < 2 * q; k++)
            {
                (a[column, k], a[best, k]) = (a[best, k], a[column, k]);
            }

            var pivot = a[column, column];
            for (int k = 0; k < 2 * q; k++)
            {
                a[column, k] = ExprBuilder.Divide(a[column, k], pivot);
            }

            for (int i = 0; i < q; i++)
            {
                var factor = a[i, column];
                if (i != column && !ExprBuilder.IsZero(factor))
                {
                    for (int k = 0; k < 2 * q; k++)
                    {
                        a[i, k] = ExprBuilder.Subtract(a[i, k], ExprBuilder.Multiply(factor, a[column, k]));
                    }
                }
            }
        }

        var inverse = new Expr[q, q];
        for (int i = 0; i < q; i++)
        {
            for (int j = 0; j < q; j++)
            {
                inverse[i, j] = a[i, q + j];
            }
        }

        return inverse;
    }

    /// <summary>Whether <paramref name="candidate"/> is a better pivot than <paramref name="best"/>: non-zero, a number rather than an expression, a larger number.</summary>
    private static bool Better(Expr candidate, Expr? best)
    {
        if (ExprBuilder.IsZero(candidate))
        {
            return false;
        }

        return best switch
        {
            null => true,
            NumberExpr b => candidate is NumberExpr c && Math.Abs(c.Value) > Math.Abs(b.Value),
            _ => candidate is NumberExpr,
        };
    }
}
