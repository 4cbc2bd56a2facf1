using Ferroptosis.Sim.Modeling.Expressions;
using Ferroptosis.Sim.Modeling.Networks;

namespace Ferroptosis.Sim.Modeling.Compilation;

/// <summary>Turns a model's fast reactions into rapid-equilibrium constraints: a differential–algebraic system M·y′ = F(t, y) over the same state.</summary>
/// <remarks>
/// <para>
/// SBML Level 2 (and Level 3 Version 1) fast reactions are at equilibrium at all times: their rates v_f are held at
/// zero, and the slower dynamics move only what the fast reactions conserve. With S_f the stoichiometry of the fast
/// reactions over the state (n × q) and L a basis of its left null space (L·S_f = 0, n − q rows), the system is
/// L·y′ = L·f_slow(t, y) (f_slow: the right-hand side without the fast reactions) together with v_f(y) = 0.
/// </para>
/// <para>
/// L comes from the reduced row echelon form R of S_fᵀ: with pivot states p_1 … p_q and the other, free states, the
/// row of L for a free state f is e_f − Σ_i R_{i,f} e_{p_i}. That row stays the equation of state f, and the
/// equation of pivot state p_i becomes v_i = 0, so M is the identity on free rows, L's entries off the diagonal, and
/// zero on the q pivot rows. The elimination works on expressions: a stoichiometry set through a species-reference id
/// (an initial assignment, an event, Level 2 <c>stoichiometryMath</c>) enters as its symbol, so M and F follow its value
/// in the run; it must not change in time between events (a rate rule, or a rule over time or the state, is refused).
/// A fast reaction whose rate is identically zero changes nothing and is left out; one whose rate has a factor of
/// parameters only is idle while that factor is zero (its row then holds its extent). Of linearly dependent fast
/// reactions a maximal independent subset is held at equilibrium, and the others must then be at equilibrium too (checked
/// by the run wherever it equilibrates). Relations of time or the state inside the fast rates are locked between
/// restarts (see <see cref="FastSubsystem.SwitchKernel"/>). Anything else is refused with a
/// <see cref="NotSupportedException"/> naming the reason. A conversion factor cf_k on a species they change
/// (x_k′ = cf_k·(N·v)_k) must be a constant parameter: the rows then combine x_k′/cf_k, so column k of M is divided by cf_k.
/// </para>
/// </remarks>
internal static class FastEquilibrium
{
    /// <summary>Rewrites <paramref name="rhs"/> (computed without the fast reactions) in place into the DAE right-hand side and returns what the run needs, to be compiled once the input symbols are known; null when every fast rate is identically zero.</summary>
    public static Plan? Apply(ModelLayout layout, SymbolResolver resolver, Expr[] rhs)
    {
        var network = layout.Network;

        // A fast reaction whose rate is identically zero is at equilibrium in every state: it moves nothing.
        var fast = network.Reactions.Where(r => r.IsFast && !ExprBuilder.IsZero(resolver.Rate(r).Simplify())).ToList();
        if (fast.Count == 0)
        {
            return null;
        }

        int n = layout.StateIds.Count;
        var (stoichiometry, factors) = FastStoichiometry(layout, resolver, fast);

        // Linearly dependent fast reactions: the equilibrium conditions of a maximal independent subset fix the state
        // (one per dimension of the span of S_f); each other fast reaction is then at equilibrium only if its rate law
        // agrees with theirs (e.g. Wegscheider's condition on mass-action rate constants), which every run checks
        // wherever it equilibrates (FastSubsystem.DependentKernel) and refuses otherwise.
        var independent = SymbolicElimination.Independent(stoichiometry, n, fast.Count);
        var dependent = fast.Where((_, j) => !independent.Contains(j)).ToList();
        if (dependent.Count > 0)
        {
            var kept = new Expr[n, independent.Count];
            for (int k = 0; k < n; k++)
            {
                for (int j = 0; j < independent.Count; j++)
                {
                    kept[k, j] = stoichiometry[k, independent[j]];
                }
            }

            fast = [.. independent.Select(j => fast[j])];
            stoichiometry = kept;
        }

        int q = fast.Count;

        // Reduced row echelon form of S_fᵀ (q × n), over expressions.
        var (r, pivots) = SymbolicElimination.ReducedRowEchelon(stoichiometry, n, q);
        if (pivots.Count < q)
        {
            throw new NotSupportedException($"fast reaction: the stoichiometry of the fast reactions {string.Join(", ", fast.Select(x => $"'{x.Id}'"))} is singular for the values in force");
        }

        var slow = (Expr[])rhs.Clone();
        var scale = new Expr?[n];
        for (int k = 0; k < n; k++)
        {
            if (factors[k] is { } factor)
            {
                // x_k′ = cf_k·(N v)_k: the rows combine (N v)_k = x_k′/cf_k, so column k of M is divided by cf_k.
                scale[k] = resolver.Symbol(factor);
                slow[k] = Expr.Divide(slow[k], scale[k]!);
            }
        }

        var isPivot = new bool[n];
        foreach (int p in pivots)
        {
            isPivot[p] = true;
        }

        var massPositions = new List<int>();
        var massEntries = new List<Expr>();
        void AddMass(int i, int k, Expr value)
        {
            massPositions.Add((i * n) + k);
            massEntries.Add((scale[k] is { } s ? Expr.Divide(value, s) : value).Simplify());
        }

        for (int f = 0; f < n; f++)
        {
            if (isPivot[f])
            {
                continue;
            }

            AddMass(f, f, NumberExpr.One);
            Expr equation = slow[f];
            for (int i = 0; i < q; i++)
            {
                var weight = ExprBuilder.Negate(r[i, f]);
                if (!ExprBuilder.IsZero(weight))
                {
                    AddMass(f, pivots[i], weight);
                    equation = Expr.Add(equation, Expr.Multiply(weight, slow[pivots[i]]));
                }
            }

            rhs[f] = equation.Simplify();
        }

        // A relation of time or the state inside a fast rate (piecewise(k·A, k > 0, k·B)) can switch the rate's branch,
        // and with it the equilibrium, between two steps: the relation is locked to its value at the last restart (an
        // input of the kernels), and where its function crosses zero the run stops, unlocks it and re-equilibrates.
        var locks = new Dictionary<Expr, int>();
        var atoms = new List<Expr>();
        var operators = new List<BinaryOperator>();
        for (int i = 0; i < q; i++)
        {
            rhs[pivots[i]] = ExprRewriter.Rewrite(resolver.Rate(fast[i]).Simplify(), node =>
            {
                if (node is not BinaryExpr { Operator: var op } relation || !IsRelation(op))
                {
                    return null;
                }

                var atom = Expr.Subtract(relation.Left, relation.Right).Simplify();
                if (atom.Symbols.All(symbol => symbol.StartsWith(ParameterPrefix, StringComparison.Ordinal)))
                {
                    // Parameters change only at events, after which the state re-equilibrates anyway.
                    return null;
                }

                if (!locks.TryGetValue(relation, out int index))
                {
                    index = atoms.Count;
                    locks[relation] = index;
                    atoms.Add(atom);
                    operators.Add(op);
                }

                return new BinaryExpr(BinaryOperator.Greater, Expr.Symbol(LockInput(index)), Expr.FromDouble(0.5));
            }).Simplify();
        }

        // A fast reaction whose rate has a factor of parameters only (k2·A) is idle while that factor is zero (an event
        // may set it): it then moves nothing, so its extent is held (P_i·x′ = P_i·f_slow with P·S_f = I, P = S_p⁻¹ on
        // the pivot rows) instead of its rate, and M gets that row; the run reads M again after every event.
        // (With dependent fast reactions an idle one could hand its part to another: not supported, so none is idle.)
        var inverse = SymbolicElimination.Invert(stoichiometry, pivots, q);
        for (int i = 0; i < q && dependent.Count == 0; i++)
        {
            if (ParameterFactor(resolver.Rate(fast[i]).Simplify()) is not { } factor)
            {
                continue;
            }

            var idle = new BinaryExpr(BinaryOperator.Equal, factor, NumberExpr.Zero);
            Expr held = NumberExpr.Zero;
            for (int a = 0; a < q; a++)
            {
                if (!ExprBuilder.IsZero(inverse[i, a]))
                {
                    AddMass(pivots[i], pivots[a], new PiecewiseExpr([new PiecewiseCase(inverse[i, a], idle)], NumberExpr.Zero));
                    held = Expr.Add(held, Expr.Multiply(inverse[i, a], slow[pivots[a]]));
                }
            }

            rhs[pivots[i]] = new PiecewiseExpr([new PiecewiseCase(held, idle)], rhs[pivots[i]]).Simplify();
        }

        var directionStates = new List<int>();
        var directionReactions = new List<int>();
        var directions = new List<Expr>();
        for (int k = 0; k < n; k++)
        {
            for (int j = 0; j < q; j++)
            {
                if (!ExprBuilder.IsZero(stoichiometry[k, j]))
                {
                    directionStates.Add(k);
                    directionReactions.Add(j);
                    directions.Add((scale[k] is { } s ? Expr.Multiply(s, stoichiometry[k, j]) : stoichiometry[k, j]).Simplify());
                }
            }
        }

        var dependentRates = dependent.Select(x => resolver.Rate(x).Simplify()).ToArray();
        var (gradient, gradientRows, gradientColumns) = SparseDerivatives.Entries(dependentRates, [.. Enumerable.Range(0, n).Select(SymbolResolver.StateInput)]);
        return new Plan(n, [.. pivots], [.. massPositions], [.. massEntries], [.. directionStates], [.. directionReactions], [.. directions], [.. atoms], [.. operators])
        {
            DependentIds = [.. dependent.Select(x => x.Id)],
            DependentRates = dependentRates,
            DependentGradient = gradient,
            DependentGradientRows = gradientRows,
            DependentGradientColumns = gradientColumns,
        };
    }

    private static readonly string ParameterPrefix = SymbolResolver.ParameterInput(0)[..^1];

    /// <summary>The kernel input holding the locked value (1 true, 0 false) of relation <paramref name="k"/> of the fast rates.</summary>
    public static string LockInput(int k) => "__in_lock" + k.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static bool IsRelation(BinaryOperator op) =>
        op is BinaryOperator.Less or BinaryOperator.LessOrEqual or BinaryOperator.Greater or BinaryOperator.GreaterOrEqual or BinaryOperator.Equal or BinaryOperator.NotEqual;

    /// <summary>The product of the factors of <paramref name="rate"/> that depend on parameters only (null when there are none).</summary>
    private static Expr? ParameterFactor(Expr rate)
    {
        Expr? product = null;
        void Collect(Expr e)
        {
            switch (e)
            {
                case BinaryExpr { Operator: BinaryOperator.Multiply } times:
                    Collect(times.Left);
                    Collect(times.Right);
                    break;
                case BinaryExpr { Operator: BinaryOperator.Divide } quotient:
                    Collect(quotient.Left);
                    break;
                case UnaryExpr { Operator: UnaryOperator.Negate } negation:
                    Collect(negation.Operand);
                    break;
                default:
                    if (e.Symbols.Count > 0 && e.Symbols.All(symbol => symbol.StartsWith(ParameterPrefix, StringComparison.Ordinal)))
                    {
                        product = product is null ? e : Expr.Multiply(product, e);
                    }

                    break;
            }
        }

        Collect(rate);
        return product;
    }

    /// <summary>S_f: the stoichiometry of each fast reaction over the state variables (before conversion factors), and the conversion factor of each state it changes.</summary>
    private static (Expr[,] Stoichiometry, string?[] Factors) FastStoichiometry(ModelLayout layout, SymbolResolver resolver, List<Reaction> fast)
    {
        var network = layout.Network;
        int n = layout.StateIds.Count;
        var stoichiometry = new Expr[n, fast.Count];
        for (int k = 0; k < n; k++)
        {
            for (int j = 0; j < fast.Count; j++)
            {
                stoichiometry[k, j] = NumberExpr.Zero;
            }
        }

        var factors = new string?[n];
        for (int j = 0; j < fast.Count; j++)
        {
            foreach (var (references, sign) in new[] { (fast[j].Reactants, -1.0), (fast[j].Products, 1.0) })
            {
                foreach (var reference in references)
                {
                    var species = network.FindSpecies(reference.Species);
                    if (species is null || species.IsBoundary || species.IsConstant || !layout.TryGetState(reference.Species, out int k) || network.FindRateRule(reference.Species) is not null)
                    {
                        // Boundary and constant species, and species set by rules, are not changed by the reaction.
                        continue;
                    }

                    Expr value = Expr.FromDouble(reference.Stoichiometry);
                    if (reference.Id is { } id)
                    {
                        value = resolver.Symbol(id).Simplify();
                        if (value.Symbols.Any(s => !s.StartsWith(ParameterPrefix, StringComparison.Ordinal)))
                        {
                            throw new NotSupportedException($"fast reaction: the stoichiometry of '{reference.Species}' in the fast reaction '{fast[j].Id}' is set by the species reference '{id}', which changes in time (a rate rule, or a rule over time or the state); only stoichiometries that change at most at events are supported in fast reactions");
                        }
                    }

                    if ((species.ConversionFactor ?? network.ConversionFactor) is { } factor)
                    {
                        // The conversion factor weighs the conserved totals: it must be a constant parameter with a plain value.
                        if (network.FindParameter(factor) is not { IsConstant: true } || !layout.TryGetPlainParameter(factor, out _))
                        {
                            throw new NotSupportedException($"fast reaction: the species '{reference.Species}' of the fast reaction '{fast[j].Id}' has the conversion factor '{factor}', which is not a constant parameter with a fixed value; only such conversion factors are supported on species of fast reactions");
                        }

                        factors[k] = factor;
                    }

                    stoichiometry[k, j] = ExprBuilder.Add(stoichiometry[k, j], ExprBuilder.Multiply(Expr.FromDouble(sign), value));
                }
            }
        }

        return (stoichiometry, factors);
    }

    /// <summary>The fast subsystem as expressions, compiled by <see cref="Compile"/> once the model's input symbols are known.</summary>
    internal sealed record Plan(int Dimension, int[] Pivots, int[] MassPositions, Expr[] MassEntries, int[] DirectionStates, int[] DirectionReactions, Expr[] Directions, Expr[] Switches, BinaryOperator[] SwitchOperators)
    {
        /// <summary>Gets the ids of the fast reactions left out as linearly dependent on the others.</summary>
        public string[] DependentIds { get; init; } = [];

        /// <summary>Gets their rates.</summary>
        public Expr[] DependentRates { get; init; } = [];

        /// <summary>Gets the non-zero entries of the gradient of their rates by the state.</summary>
        public Expr[] DependentGradient { get; init; } = [];

        /// <summary>Gets the dependent reaction of each gradient entry.</summary>
        public int[] DependentGradientRows { get; init; } = [];

        /// <summary>Gets the state of each gradient entry.</summary>
        public int[] DependentGradientColumns { get; init; } = [];

        /// <summary>Compiles the kernels over the model inputs.</summary>
        public FastSubsystem Compile(IReadOnlyDictionary<string, int> symbols) => new(
            Dimension,
            Pivots,
            MassPositions,
            ExpressionCompiler.Compile(MassEntries, symbols).Kernel,
            DirectionStates,
            DirectionReactions,
            ExpressionCompiler.Compile(Directions, symbols).Kernel,
            Switches.Length == 0 ? null : ExpressionCompiler.Compile(Switches, symbols).Kernel,
            SwitchOperators)
        {
            DependentIds = DependentIds,
            DependentKernel = DependentIds.Length == 0 ? null : ExpressionCompiler.Compile([.. DependentRates, .. DependentGradient], symbols).Kernel,
            DependentGradientRows = DependentGradientRows,
            DependentGradientColumns = DependentGradientColumns,
        };
    }
}
