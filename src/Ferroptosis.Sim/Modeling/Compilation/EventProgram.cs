using Ferroptosis.Sim.Modeling.Expressions;
using Ferroptosis.Sim.Modeling.Networks;

namespace Ferroptosis.Sim.Modeling.Compilation;

/// <summary>The compiled events of a model: trigger values, the continuous functions whose zeros can change a trigger, priorities and assignments.</summary>
/// <remarks>
/// Each relational subexpression a ⋈ b of a trigger becomes a root function a − b for the integrator's
/// event locator; at each of its zeros the triggers are re-evaluated (from those functions' values) and
/// the SBML rules decide what fires. Immutable.
/// </remarks>
internal sealed class EventProgram
{
    private EventProgram(
        ModelEvent[] events,
        ExpressionKernel atoms,
        int atomCount,
        ExpressionKernel triggers,
        int inputCount,
        ExpressionKernel priorities,
        bool[] hasPriority,
        ExpressionKernel[] assignments,
        EventTarget[][] targets,
        ExpressionKernel sizes,
        int sizeCount,
        double[] timeRoots,
        ExpressionKernel delays,
        bool[] hasDelay,
        (int State, string Compartment)[][] rescaled)
    {
        Rescaled = rescaled;
        Delays = delays;
        HasDelay = hasDelay;
        TimeRoots = timeRoots;
        Events = events;
        Atoms = atoms;
        AtomCount = atomCount;
        Triggers = triggers;
        InputCount = inputCount;
        Priorities = priorities;
        HasPriority = hasPriority;
        Assignments = assignments;
        Targets = targets;
        Sizes = sizes;
        SizeCount = sizeCount;
    }

    public int Count => Events.Length;

    public ModelEvent[] Events { get; }

    public ExpressionKernel Atoms { get; }

    public int AtomCount { get; }

    /// <summary>Gets the trigger kernel, whose inputs are the model inputs, then the event-function values.</summary>
    public ExpressionKernel Triggers { get; }

    /// <summary>Gets the number of model inputs (time, states, parameters).</summary>
    public int InputCount { get; }

    public ExpressionKernel Priorities { get; }

    public bool[] HasPriority { get; }

    /// <summary>Gets the kernel of the event delays (0 for an event without delay), evaluated at trigger time.</summary>
    public ExpressionKernel Delays { get; }

    /// <summary>Gets, per event, whether it has a delay.</summary>
    public bool[] HasDelay { get; }

    /// <summary>Gets, per event, the species held as concentrations (by a rate rule) whose compartment the event assigns: their amount is kept (or, when the event assigns them too, set with the size from before the execution, as for every assignment of one execution), so their concentration is rescaled by old size / new size.</summary>
    public (int State, string Compartment)[][] Rescaled { get; }

    /// <summary>Gets a value indicating whether any event has a delay.</summary>
    public bool AnyDelay => Array.IndexOf(HasDelay, true) >= 0;

    public ExpressionKernel[] Assignments { get; }

    public EventTarget[][] Targets { get; }

    /// <summary>Gets the kernel of the compartment sizes used to convert assigned concentrations to amounts.</summary>
    public ExpressionKernel Sizes { get; }

    public int SizeCount { get; }

    /// <summary>Gets the constant times at which a relation of a trigger compares time with a number (e.g. 5 for <c>time &gt;= 5</c>): the integrator lands on them exactly, so a non-strict relation fires at that very time.</summary>
    public double[] TimeRoots { get; }

    public static EventProgram Create(ModelLayout layout, SymbolResolver resolver, IReadOnlyDictionary<string, int> symbols)
    {
        var network = layout.Network;
        var events = network.Events.ToArray();
        var atoms = new List<Expr>();
        var triggers = new List<Expr>();
        var priorities = new List<Expr>();
        var hasPriority = new bool[events.Length];
        var delays = new List<Expr>();
        var hasDelay = new bool[events.Length];
        var assignments = new ExpressionKernel[events.Length];
        var targets = new EventTarget[events.Length][];
        var sizes = new List<Expr>();
        for (int e = 0; e < events.Length; e++)
        {
            var trigger = resolver.Resolve(events[e].Trigger);
            triggers.Add(trigger);
            ExprQueries.PreOrder(trigger, node =>
            {
                if (node is BinaryExpr { Operator: var op } relation && IsRelation(op))
                {
                    atoms.Add(AtomOf(relation));
                }
            });
            hasPriority[e] = events[e].Priority is not null;
            priorities.Add(events[e].Priority is { } p ? resolver.Resolve(p) : NumberExpr.Zero);
            hasDelay[e] = events[e].Delay is not null;
            delays.Add(events[e].Delay is { } d ? resolver.Resolve(d) : NumberExpr.Zero);
            assignments[e] = ExpressionCompiler.Compile([.. events[e].Assignments.Select(a => resolver.Resolve(a.Expression))], symbols).Kernel;
            targets[e] = [.. events[e].Assignments.Select(a => Target(layout, resolver, a.Variable, sizes))];
        }

        var distinctAtoms = atoms.Distinct().ToList();
        var timeRoots = distinctAtoms.Select(TimeRoot).Where(double.IsFinite).Distinct().Order().ToArray();
        var atomIndex = distinctAtoms.Select((atom, j) => (atom, j)).ToDictionary(x => x.atom, x => x.j);

        // Triggers read their relations from the event-function values (see EvaluateTriggers), placed after the model
        // inputs, so that a relation is decided by the very value the event locator saw.
        var triggerSymbols = new Dictionary<string, int>(symbols, StringComparer.Ordinal);
        for (int j = 0; j < distinctAtoms.Count; j++)
        {
            triggerSymbols[AtomInput(j)] = symbols.Count + j;
        }

        return new EventProgram(
            events,
            ExpressionCompiler.Compile(distinctAtoms, symbols).Kernel,
            distinctAtoms.Count,
            ExpressionCompiler.Compile([.. triggers.Select(t => OverAtoms(t, atomIndex, new Dictionary<Expr, Expr>(ReferenceEqualityComparer.Instance)))], triggerSymbols).Kernel,
            symbols.Count,
            ExpressionCompiler.Compile(priorities, symbols).Kernel,
            hasPriority,
            assignments,
            targets,
            ExpressionCompiler.Compile(sizes, symbols).Kernel,
            sizes.Count,
            timeRoots,
            ExpressionCompiler.Compile(delays, symbols).Kernel,
            hasDelay,
            [.. events.Select(e => RescaledBy(layout, e))]);
    }

    /// <summary>The concentration-held species whose compartment an event assigns (SBML: an event changing a compartment's size keeps the amounts of its species).</summary>
    private static (int State, string Compartment)[] RescaledBy(ModelLayout layout, ModelEvent e)
    {
        var assigned = e.Assignments.Select(a => a.Variable).ToHashSet(StringComparer.Ordinal);
        return [.. layout.Network.Species
            .Where(s => !s.HasOnlySubstanceUnits && assigned.Contains(s.Compartment) && !layout.AmountStates.Contains(s.Id))
            .Select(s => layout.TryGetState(s.Id, out int k) ? (k, s.Compartment) : (-1, s.Compartment))
            .Where(x => x.Item1 >= 0)];
    }

    /// <summary>The root of an event function that is time minus a number or a number minus time, else NaN.</summary>
    private static double TimeRoot(Expr atom)
    {
        if (!atom.ContainsSymbol(SymbolResolver.TimeInput) || atom.Symbols.Count != 1)
        {
            return double.NaN;
        }

        // Affine in time with slope ±1 exactly when the derivative simplifies to the number ±1.
        if (atom.Differentiate(SymbolResolver.TimeInput).Simplify() is not NumberExpr { Value: 1 or -1 } slope)
        {
            return double.NaN;
        }

        double atZero = atom.Substitute(name => name == SymbolResolver.TimeInput ? NumberExpr.Zero : null).Evaluate(_ => double.NaN);
        return -atZero / slope.Value;
    }

    private static string AtomInput(int j) => "__in_r" + j.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static Expr AtomOf(BinaryExpr relation) => Expr.Subtract(relation.Left, relation.Right).Simplify();

    /// <summary>Rewrites every relation a ⋈ b of a trigger as g ⋈ 0 over the value of its event function g = a − b. Shared sub-trees are rewritten once.</summary>
    private static Expr OverAtoms(Expr expression, Dictionary<Expr, int> atoms, Dictionary<Expr, Expr> done)
    {
        if (done.TryGetValue(expression, out var known))
        {
            return known;
        }

        System.Runtime.CompilerServices.RuntimeHelpers.EnsureSufficientExecutionStack();
        Expr result;
        if (expression is BinaryExpr { Operator: var op } binary && IsRelation(op))
        {
            result = new BinaryExpr(op, Expr.Symbol(AtomInput(atoms[AtomOf(binary)])), NumberExpr.Zero);
        }
        else
        {
            result = ExprRewriter.MapChildren(expression, child => OverAtoms(child, atoms, done));
        }

        done[expression] = result;
        return result;
    }

    private static bool IsRelation(BinaryOperator op) =>
        op is BinaryOperator.Less or BinaryOperator.LessOrEqual or BinaryOperator.Greater or BinaryOperator.GreaterOrEqual or BinaryOperator.Equal or BinaryOperator.NotEqual;

    private static EventTarget Target(ModelLayout layout, SymbolResolver resolver, string id, List<Expr> sizes)
    {
        var species = layout.Network.FindSpecies(id);

        // Assigned values are in the symbol's meaning; species held as amounts need the compartment size.
        int sizeIndex = -1;
        if (species is { HasOnlySubstanceUnits: false } && (layout.AmountStates.Contains(id) || layout.TryGetParameter(id, out _)))
        {
            sizeIndex = sizes.Count;
            sizes.Add(resolver.Symbol(species.Compartment));
        }

        if (layout.TryGetState(id, out int k))
        {
            return new EventTarget(k, IsState: true, sizeIndex);
        }

        if (layout.TryGetParameter(id, out int m))
        {
            return new EventTarget(m, IsState: false, sizeIndex);
        }

        throw new ModelValidationException($"Event assignment to '{id}' cannot be applied: it is neither integrated nor held as a parameter.");
    }
}

/// <summary>Where an event assignment writes: a state component or a parameter-vector entry, optionally converting a concentration to an amount with a compiled compartment size.</summary>
/// <param name="Index">The state or parameter index.</param>
/// <param name="IsState">True for the state vector.</param>
/// <param name="SizeIndex">The output of the sizes kernel to multiply by, or −1.</param>
internal readonly record struct EventTarget(int Index, bool IsState, int SizeIndex);
