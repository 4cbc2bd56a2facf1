using Ferroptosis.Sim.Modeling.Expressions;
using Ferroptosis.Sim.Modeling.Networks;

namespace Ferroptosis.Sim.Modeling.Compilation;

/// <summary>Compiles a reaction network into a fast <see cref="CompiledModel"/>: right-hand side, analytic Jacobian and events as delegates.</summary>
/// <remarks>
/// <para>
/// Every expression is rewritten over the inputs (time, state vector, parameter vector) by
/// <see cref="SymbolResolver"/>; the right-hand side is dy_i/dt = cf_i · Σ_j N_ij v_j for species
/// integrated as amounts (SBML: reactions change amounts) and the rule expression for rate-rule
/// variables. The Jacobian entries are the symbolic derivatives ∂(dy_i/dt)/∂y_k, simplified; entries
/// that simplify to zero are structural zeros and are not evaluated. All outputs of one kind are
/// compiled into one delegate with common subexpressions shared (the approach of AMICI's generated
/// model code and libRoadRunner's JIT, with System.Linq.Expressions instead of C/LLVM).
/// </para>
/// <para>
/// A network with fast reactions (<see cref="Reaction.IsFast"/>) compiles to a differential–algebraic system
/// M·y′ = F(t, y) over the same state: the fast reactions are held at equilibrium (their rates at zero) while the
/// slower dynamics move the combinations of the state they conserve. The compiled model then has a non-empty
/// <see cref="CompiledModel.MassMatrix"/>, and only the solvers that accept a mass matrix (Rodas5P, Rodas4, Bdf, Auto) run it.
/// </para>
/// <para>
/// Compilation works on graphs, not trees: a rule is resolved once and shared by every expression that uses it, a
/// function is instantiated once per distinct argument tuple, and simplification, differentiation, substitution and
/// the kernel compiler visit each shared node once, so the cost grows with the size of the file, not with the size of
/// the fully expanded expressions (which can be exponential). What remains is bounded: <see cref="MaxExpressionDepth"/>
/// and <see cref="MaxExpandedNodes"/>, each refused with a <see cref="ModelValidationException"/> that says which.
/// </para>
/// <para>Thread-safe: compilation does not mutate the network.</para>
/// </remarks>
public static class ModelCompiler
{
    /// <summary>Compiles a network.</summary>
    /// <param name="network">The validated network.</param>
    /// <returns>The compiled model, immutable and shareable across threads.</returns>
    /// <exception cref="ModelValidationException">An expression is deeper than <see cref="MaxExpressionDepth"/> levels once the assignment rules and functions it uses are substituted, or expanding the functions builds more than <see cref="MaxExpandedNodes"/> distinct operations.</exception>
    /// <exception cref="NotSupportedException">The network's fast reactions cannot be held at equilibrium as a differential–algebraic system (linearly dependent, a stoichiometry that changes in time, or a conversion factor that is not a constant parameter); the message starts with "fast reaction: ".</exception>
    public static CompiledModel Compile(ReactionNetwork network) => CompileTimed(network, phase: null);

    /// <summary>Compiles a network, reporting how long each phase took (for the compile-scaling measurements).</summary>
    /// <param name="network">The validated network.</param>
    /// <param name="phase">Called after each phase with its name and duration, or null.</param>
    /// <returns>The compiled model.</returns>
    internal static CompiledModel CompileTimed(ReactionNetwork network, Action<string, TimeSpan>? phase)
    {
        ArgumentNullException.ThrowIfNull(network);
        try
        {
            return CompileCore(network, phase);
        }
        catch (InsufficientExecutionStackException e)
        {
            // Every recursion over expressions checks the stack; nesting beyond the documented limits ends here.
            throw new ModelValidationException(
                $"Model '{network.Id}' nests its expressions too deeply to compile (functions calling functions, or rules using rules, thousands of levels down); at most {SymbolResolver.MaxDepth} levels are supported.",
                e);
        }
    }

    private static CompiledModel CompileCore(ReactionNetwork network, Action<string, TimeSpan>? phase)
    {
        var clock = phase is null ? null : System.Diagnostics.Stopwatch.StartNew();
        void Done(string name)
        {
            if (clock is not null)
            {
                phase!(name, clock.Elapsed);
                clock.Restart();
            }
        }

        var layout = new ModelLayout(network);
        var resolver = new SymbolResolver(layout);
        Done("layout and rules");

        var rhs = new Expr[layout.StateIds.Count];
        for (int k = 0; k < rhs.Length; k++)
        {
            rhs[k] = Derivative(layout, resolver, layout.StateIds[k]).Simplify();
        }

        // Fast reactions are held at equilibrium: the rows above lack them, and the system becomes M·y′ = F(t, y).
        var fast = network.Reactions.Any(r => r.IsFast) ? FastEquilibrium.Apply(layout, resolver, rhs) : null;
        Done("right-hand side");
        // Every delay(x, τ) of the model gets an input slot; the events are resolved first so that theirs are known too.
        foreach (var e in network.Events)
        {
            resolver.Resolve(e.Trigger);
            _ = e.Priority is { } priority ? resolver.Resolve(priority) : null;
            _ = e.Delay is { } delay ? resolver.Resolve(delay) : null;
            foreach (var assignment in e.Assignments)
            {
                resolver.Resolve(assignment.Expression);
            }
        }

        resolver.Delays.Freeze();
        int delayCount = resolver.Delays.Count;
        int lockCount = fast?.Switches.Length ?? 0;
        var symbols = InputSymbols(layout, delayCount, lockCount);
        var (entries, rows, columns) = SparseDerivatives.Entries(rhs, [.. Enumerable.Range(0, rhs.Length).Select(SymbolResolver.StateInput)]);
        bool autonomous = delayCount == 0 && rhs.All(e => !e.Symbols.Contains(SymbolResolver.TimeInput));
        Done("Jacobian");

        // Sub-expressions of parameters (and delayed values, which sit after them) only are computed when those change,
        // not in every call.
        int firstParameter = 1 + layout.StateIds.Count;
        var kernels = ExpressionCompiler.CompileHoisted([rhs, entries], symbols, firstParameter, firstParameter + layout.ParameterIds.Count + delayCount + lockCount);
        Done("kernels");
        var events = EventProgram.Create(layout, resolver, symbols);
        var delays = delayCount == 0 ? null : DelayProgram.Create(resolver.Delays, symbols);
        var model = new CompiledModel(layout, resolver, symbols, rhs, kernels, rows, columns, autonomous, events) { Delays = delays, Fast = fast?.Compile(symbols) };
        Done("events");
        return model;
    }

    /// <summary>The deepest expression a rule, rate or function call may become once the rules and functions it uses are substituted.</summary>
    public const int MaxExpressionDepth = SymbolResolver.MaxDepth;

    /// <summary>The most distinct operations the expansion of a model's function calls may build.</summary>
    public const int MaxExpandedNodes = FunctionInliner.MaxNodes;

    /// <summary>The input slots of every compiled kernel: [t, y_0 … y_{n−1}, p_0 … p_{m−1}, d_0 … d_{D−1}, l_0 … l_{L−1}] (d: delayed values, l: locked relations of the fast rates).</summary>
    internal static Dictionary<string, int> InputSymbols(ModelLayout layout, int delayCount = 0, int lockCount = 0)
    {
        var symbols = new Dictionary<string, int>(StringComparer.Ordinal) { [SymbolResolver.TimeInput] = 0 };
        for (int k = 0; k < layout.StateIds.Count; k++)
        {
            symbols[SymbolResolver.StateInput(k)] = 1 + k;
        }

        for (int m = 0; m < layout.ParameterIds.Count; m++)
        {
            symbols[SymbolResolver.ParameterInput(m)] = 1 + layout.StateIds.Count + m;
        }

        for (int d = 0; d < delayCount; d++)
        {
            symbols[SymbolResolver.DelayInput(d)] = 1 + layout.StateIds.Count + layout.ParameterIds.Count + d;
        }

        for (int l = 0; l < lockCount; l++)
        {
            symbols[FastEquilibrium.LockInput(l)] = 1 + layout.StateIds.Count + layout.ParameterIds.Count + delayCount + l;
        }

        return symbols;
    }

    private static Expr Derivative(ModelLayout layout, SymbolResolver resolver, string id)
    {
        var network = layout.Network;
        if (network.FindRateRule(id) is { } rule)
        {
            return resolver.Resolve(rule.Expression);
        }

        // A species changed by reactions: d(amount)/dt = conversion factor · Σ stoichiometry · rate.
        var species = network.FindSpecies(id)!;
        Expr sum = NumberExpr.Zero;
        foreach (var reaction in network.ReactionsOf(id))
        {
            if (reaction.IsFast)
            {
                continue;
            }

            Expr? coefficient = null;
            foreach (var product in reaction.Products)
            {
                if (product.Species == id)
                {
                    coefficient = Add(coefficient, Stoichiometry(resolver, product));
                }
            }

            foreach (var reactant in reaction.Reactants)
            {
                if (reactant.Species == id)
                {
                    coefficient = coefficient is null ? Expr.Negate(Stoichiometry(resolver, reactant)) : Expr.Subtract(coefficient, Stoichiometry(resolver, reactant));
                }
            }

            if (coefficient is not null)
            {
                sum = Expr.Add(sum, Expr.Multiply(coefficient, resolver.Rate(reaction)));
            }
        }

        string? factor = species.ConversionFactor ?? network.ConversionFactor;
        return factor is null ? sum : Expr.Multiply(resolver.Symbol(factor), sum);
    }

    private static Expr Stoichiometry(SymbolResolver resolver, SpeciesReference reference) =>
        reference.Id is { } id ? resolver.Symbol(id) : Expr.FromDouble(reference.Stoichiometry);

    private static Expr Add(Expr? left, Expr right) => left is null ? right : Expr.Add(left, right);
}
