using Ferroptosis.Sim.Modeling.Expressions;
using Ferroptosis.Sim.Modeling.Networks;

namespace Ferroptosis.Sim.Modeling.Compilation;

/// <summary>Turns a model's fast reactions into rapid-equilibrium constraints: a differential–algebraic system M·y′ = F(t, y) over the same state.</summary>
/// <remarks>
/// <para>
/// SBML Level 2 (and Level 3 Version 1) fast reactions are at equilibrium at all times: their rates v_f are held at
/// zero, and the slower dynamics move only what the fast reactions conserve. With S_f the numeric stoichiometry of the
/// fast reactions over the state (n × q) and L a basis of its left null space (L·S_f = 0, n − q rows), the system is
/// L·y′ = L·f_slow(t, y) (f_slow: the right-hand side without the fast reactions) together with v_f(y) = 0.
/// </para>
/// <para>
/// L comes from the reduced row echelon form R of S_fᵀ: with pivot states p_1 … p_q and the other, free states, the
/// row of L for a free state f is e_f − Σ_i R_{i,f} e_{p_i}. That row stays the equation of state f, and the
/// equation of pivot state p_i becomes v_i = 0, so M is the identity on free rows, L's entries off the diagonal, and
/// zero on the q pivot rows. The fast reactions must be linearly independent (else v_f = 0 over-determines the
/// state), with constant stoichiometries; anything else is refused with a <see cref="NotSupportedException"/> naming
/// the reason. A conversion factor cf_k on a species they change (x_k′ = cf_k·(N·v)_k) must be a constant parameter:
/// the rows then combine x_k′/cf_k, so column k of M is divided by cf_k's value in the run (see
/// <see cref="ModelInstance.MassMatrix"/>).
/// </para>
/// </remarks>
internal static class FastEquilibrium
{
    private const double Tiny = 1e-12;

    /// <summary>Rewrites <paramref name="rhs"/> (computed without the fast reactions) in place into the DAE right-hand side and returns L (row-major n × n) and, per state, the parameter index of the conversion factor that divides its column of the mass matrix (null when none does).</summary>
    public static (double[] Mass, int[]? Scale) Apply(ModelLayout layout, SymbolResolver resolver, Expr[] rhs)
    {
        var network = layout.Network;
        var fast = network.Reactions.Where(r => r.IsFast).ToList();
        int n = layout.StateIds.Count;
        int q = fast.Count;
        var (stoichiometry, factors) = FastStoichiometry(layout, fast);
        var scale = new int[n];
        for (int k = 0; k < n; k++)
        {
            scale[k] = factors[k] is { } factor && layout.TryGetPlainParameter(factor, out int index) ? index : -1;
        }

        // Reduced row echelon form of S_fᵀ (q × n), partial pivoting.
        var r = new double[q, n];
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
            int best = row;
            for (int i = row + 1; i < q; i++)
            {
                if (Math.Abs(r[i, column]) > Math.Abs(r[best, column]))
                {
                    best = i;
                }
            }

            if (Math.Abs(r[best, column]) <= Tiny)
            {
                continue;
            }

            for (int k = 0; k < n; k++)
            {
                (r[row, k], r[best, k]) = (r[best, k], r[row, k]);
            }

            double pivot = r[row, column];
            for (int k = 0; k < n; k++)
            {
                r[row, k] /= pivot;
            }

            for (int i = 0; i < q; i++)
            {
                double factor = r[i, column];
                if (i != row && factor != 0)
                {
                    for (int k = 0; k < n; k++)
                    {
                        r[i, k] -= factor * r[row, k];
                    }
                }
            }

            pivots.Add(column);
            row++;
        }

        if (pivots.Count < q)
        {
            throw new NotSupportedException($"fast reaction: the fast reactions {string.Join(", ", fast.Select(x => $"'{x.Id}'"))} are not linearly independent (or one changes no state variable), so holding every one at equilibrium over-determines the state");
        }

        var mass = new double[n * n];
        var slow = (Expr[])rhs.Clone();
        for (int k = 0; k < n; k++)
        {
            if (factors[k] is { } factor)
            {
                // x_k′ = cf_k·(N v)_k: the rows combine (N v)_k = x_k′/cf_k, so column k of M is divided by cf_k.
                slow[k] = Expr.Divide(slow[k], resolver.Symbol(factor));
            }
        }

        var isPivot = new bool[n];
        foreach (int p in pivots)
        {
            isPivot[p] = true;
        }

        for (int f = 0; f < n; f++)
        {
            if (isPivot[f])
            {
                continue;
            }

            mass[(f * n) + f] = 1;
            Expr equation = slow[f];
            for (int i = 0; i < q; i++)
            {
                double weight = -r[i, f];
                if (Math.Abs(weight) > Tiny)
                {
                    mass[(f * n) + pivots[i]] = weight;
                    equation = Expr.Add(equation, Expr.Multiply(Expr.FromDouble(weight), slow[pivots[i]]));
                }
            }

            rhs[f] = equation.Simplify();
        }

        for (int i = 0; i < q; i++)
        {
            rhs[pivots[i]] = resolver.Rate(fast[i]).Simplify();
        }

        return (mass, scale.Any(i => i >= 0) ? scale : null);
    }

    /// <summary>S_f: the stoichiometry of each fast reaction over the state variables (before conversion factors), and the conversion factor of each state it changes.</summary>
    private static (double[,] Stoichiometry, string?[] Factors) FastStoichiometry(ModelLayout layout, List<Reaction> fast)
    {
        var network = layout.Network;
        int n = layout.StateIds.Count;
        var stoichiometry = new double[n, fast.Count];
        var factors = new string?[n];
        var index = layout.StateIds.Select((id, k) => (id, k)).ToDictionary(x => x.id, x => x.k, StringComparer.Ordinal);
        for (int j = 0; j < fast.Count; j++)
        {
            foreach (var (references, sign) in new[] { (fast[j].Reactants, -1.0), (fast[j].Products, 1.0) })
            {
                foreach (var reference in references)
                {
                    var species = network.FindSpecies(reference.Species);
                    if (species is null || species.IsBoundary || species.IsConstant || !index.TryGetValue(reference.Species, out int k) || network.FindRateRule(reference.Species) is not null)
                    {
                        // Boundary and constant species, and species set by rules, are not changed by the reaction.
                        continue;
                    }

                    if (reference.Id is not null)
                    {
                        throw new NotSupportedException($"fast reaction: the stoichiometry of '{reference.Species}' in the fast reaction '{fast[j].Id}' is set by the species reference '{reference.Id}'; only constant numeric stoichiometries are supported in fast reactions");
                    }

                    if ((species.ConversionFactor ?? network.ConversionFactor) is { } factor)
                    {
                        // The mass matrix must be constant: the factor must be a constant parameter with a plain value.
                        if (network.FindParameter(factor) is not { IsConstant: true } || !layout.TryGetPlainParameter(factor, out _))
                        {
                            throw new NotSupportedException($"fast reaction: the species '{reference.Species}' of the fast reaction '{fast[j].Id}' has the conversion factor '{factor}', which is not a constant parameter with a fixed value; only such conversion factors are supported on species of fast reactions");
                        }

                        factors[k] = factor;
                    }

                    stoichiometry[k, j] += sign * reference.Stoichiometry;
                }
            }
        }

        return (stoichiometry, factors);
    }
}
