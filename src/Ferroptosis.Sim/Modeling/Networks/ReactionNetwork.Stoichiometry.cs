namespace Ferroptosis.Sim.Modeling.Networks;

/// <content>The stoichiometry matrix and the conservation laws, for analysis.</content>
public sealed partial class ReactionNetwork
{
    private StoichiometryMatrix? _stoichiometry;
    private IReadOnlyList<ConservationLaw>? _conservationLaws;

    /// <summary>Gets the stoichiometry matrix over the species that reactions change and all reactions.</summary>
    public StoichiometryMatrix Stoichiometry => _stoichiometry ??= BuildStoichiometry();

    /// <summary>Gets a basis of the conservation laws (the left null space of <see cref="Stoichiometry"/>), each scaled so its smallest coefficient is ±1.</summary>
    /// <remarks>Computed by Gauss–Jordan elimination of Nᵀ with partial pivoting; entries below 1e-10 relative count as zero.</remarks>
    public IReadOnlyList<ConservationLaw> ConservationLaws => _conservationLaws ??= BuildConservationLaws();

    private StoichiometryMatrix BuildStoichiometry()
    {
        var rows = Species.Where(s => !s.IsBoundary && !s.IsConstant && FindAssignmentRule(s.Id) is null && FindRateRule(s.Id) is null).Select(s => s.Id).ToArray();
        var columns = Reactions.Select(r => r.Id).ToArray();
        var values = new double[rows.Length, columns.Length];
        for (int i = 0; i < rows.Length; i++)
        {
            for (int j = 0; j < columns.Length; j++)
            {
                values[i, j] = Reactions[j].NetStoichiometry(rows[i]);
            }
        }

        return new StoichiometryMatrix(rows, columns, values);
    }

    private ConservationLaw[] BuildConservationLaws()
    {
        // Null space of Nᵀ (reactions × species): vectors c with Nᵀ c = 0, i.e. cᵀ N = 0.
        var n = Stoichiometry;
        int m = n.Columns;
        int s = n.Rows;
        var a = new double[m, s];
        double scale = 0;
        for (int i = 0; i < m; i++)
        {
            for (int j = 0; j < s; j++)
            {
                a[i, j] = n[j, i];
                scale = Math.Max(scale, Math.Abs(a[i, j]));
            }
        }

        double tolerance = 1e-10 * Math.Max(1, scale);
        var pivotColumns = new List<int>();
        int row = 0;
        for (int col = 0; col < s && row < m; col++)
        {
            int best = row;
            for (int i = row + 1; i < m; i++)
            {
                if (Math.Abs(a[i, col]) > Math.Abs(a[best, col]))
                {
                    best = i;
                }
            }

            if (Math.Abs(a[best, col]) <= tolerance)
            {
                continue;
            }

            for (int j = 0; j < s; j++)
            {
                (a[row, j], a[best, j]) = (a[best, j], a[row, j]);
            }

            double pivot = a[row, col];
            for (int j = 0; j < s; j++)
            {
                a[row, j] /= pivot;
            }

            for (int i = 0; i < m; i++)
            {
                if (i != row && a[i, col] != 0)
                {
                    double factor = a[i, col];
                    for (int j = 0; j < s; j++)
                    {
                        a[i, j] -= factor * a[row, j];
                    }
                }
            }

            pivotColumns.Add(col);
            row++;
        }

        var laws = new List<ConservationLaw>();
        for (int free = 0; free < s; free++)
        {
            if (pivotColumns.Contains(free))
            {
                continue;
            }

            // Free variable = 1, pivot variables = −(their row's entry in the free column).
            var c = new double[s];
            c[free] = 1;
            for (int k = 0; k < pivotColumns.Count; k++)
            {
                c[pivotColumns[k]] = -a[k, free];
            }

            double smallest = c.Where(v => Math.Abs(v) > tolerance).Min(Math.Abs);
            var coefficients = new Dictionary<string, double>(StringComparer.Ordinal);
            for (int j = 0; j < s; j++)
            {
                if (Math.Abs(c[j]) > tolerance)
                {
                    coefficients[n.SpeciesIds[j]] = Math.Round(c[j] / smallest, 12);
                }
            }

            laws.Add(new ConservationLaw(coefficients));
        }

        return [.. laws];
    }
}
