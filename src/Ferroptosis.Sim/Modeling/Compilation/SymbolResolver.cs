using Ferroptosis.Sim.Modeling.Expressions;
using Ferroptosis.Sim.Modeling.Networks;

namespace Ferroptosis.Sim.Modeling.Compilation;

/// <summary>Rewrites model expressions over the compiled inputs: time, the state vector and the parameter vector.</summary>
/// <remarks>
/// Function calls are inlined (each function once per distinct argument tuple); assignment-rule variables and reaction
/// ids are replaced by their resolved expressions, resolved once each in dependency order, so every compiled expression
/// depends only on <c>__in_t</c>, <c>__in_y{k}</c> and <c>__in_p{m}</c> and a rule used many times is one shared
/// sub-expression (a graph, not a tree). The kernel compiler evaluates a shared sub-expression once per call.
/// </remarks>
internal sealed class SymbolResolver
{
    public const string TimeInput = "__in_t";

    private readonly ModelLayout _layout;
    private readonly ReactionNetwork _network;
    // Written while compiling and, for plain ids, when a compiled model builds an output program later, possibly on
    // several threads at once (a compiled model is shareable).
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Expr> _resolved = new(StringComparer.Ordinal);
    private readonly FunctionInliner? _inliner;
    private readonly DelayTable _delays = new();

    public SymbolResolver(ModelLayout layout)
    {
        _layout = layout;
        _network = layout.Network;
        _inliner = _network.Functions.Count > 0 ? new FunctionInliner(_network.FunctionLibrary) : null;
        ResolveRulesAndRatesInOrder();
    }

    /// <summary>The deepest expression a rule or rate may become once the rules and functions it uses are substituted (see docs/sbml.md).</summary>
    public const int MaxDepth = FunctionInliner.MaxDepth;

    public static string StateInput(int k) => "__in_y" + k.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static string ParameterInput(int m) => "__in_p" + m.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Resolves an expression in the global scope, or in a reaction's scope when <paramref name="reaction"/> is given.</summary>
    /// <remarks>Each <c>delay(x, τ)</c> becomes the input <see cref="DelayInput"/> of its delayed value (<see cref="Delays"/>).</remarks>
    public Expr Resolve(Expr expression, Reaction? reaction = null)
    {
        var inlined = _inliner?.Inline(expression) ?? expression;
        var resolved = inlined.Substitute(name => ResolveName(name, reaction));
        return ExprQueries.CollectCalls(inlined).Contains("delay") ? _delays.Replace(resolved) : resolved;
    }

    /// <summary>The input name of the k-th delayed value.</summary>
    public static string DelayInput(int k) => DelayTable.Input(k);

    /// <summary>Gets the delayed values found so far, in input order (a value's τ may use earlier ones).</summary>
    public DelayTable Delays => _delays;

    /// <summary>
    /// Resolves every assignment rule and reaction rate after those it uses (an iterative depth-first order, so a chain of
    /// 50 000 rules needs no deep recursion), each once: a rule used by several others is one shared sub-expression, not a
    /// copy per use. A result deeper than <see cref="MaxDepth"/> is refused, naming the rule or reaction.
    /// </summary>
    private void ResolveRulesAndRatesInOrder()
    {
        var pending = new List<string>(_network.AssignmentRules.Count + _network.Reactions.Count);
        pending.AddRange(_network.AssignmentRules.Select(r => r.Variable));
        pending.AddRange(_network.Reactions.Select(r => r.Id));
        var state = new Dictionary<string, int>(StringComparer.Ordinal); // 1 = on the path, 2 = resolved
        var stack = new Stack<(string Name, IReadOnlyList<string> Dependencies, int Next)>();
        foreach (string root in pending)
        {
            if (state.ContainsKey(root))
            {
                continue;
            }

            state[root] = 1;
            stack.Push((root, Dependencies(root), 0));
            while (stack.Count > 0)
            {
                var (name, dependencies, next) = stack.Pop();
                if (next < dependencies.Count)
                {
                    stack.Push((name, dependencies, next + 1));
                    string dependency = dependencies[next];
                    if (!state.TryGetValue(dependency, out int s))
                    {
                        state[dependency] = 1;
                        stack.Push((dependency, Dependencies(dependency), 0));
                    }
                    else if (s == 1)
                    {
                        throw new ModelValidationException($"'{dependency}' depends on itself through assignment rules or reaction rates; no order of evaluation exists.");
                    }

                    continue;
                }

                var result = ResolveGlobal(name);
                if (result.Depth > MaxDepth)
                {
                    string deepest = dependencies.Where(_resolved.ContainsKey).MaxBy(d => _resolved[d].Depth) ?? name;
                    string what = _network.FindReaction(name) is not null ? $"The rate of reaction '{name}'" : $"The assignment rule for '{name}'";
                    throw new ModelValidationException(
                        $"{what} is an expression {result.Depth} operations deep once the rules and functions it uses are substituted (it uses '{deepest}'); at most {MaxDepth} are supported. A chain of assignment rules, each using the previous one, is this deep; compute the quantity with fewer rules (e.g. a rate rule or a closed formula).");
                }

                _resolved[name] = result;
                state[name] = 2;
            }
        }
    }

    /// <summary>The assignment-rule variables and reactions whose values a rule or rate uses (directly, or as the compartment of a species it uses).</summary>
    private List<string> Dependencies(string name)
    {
        var reaction = _network.FindReaction(name);
        var expression = reaction?.KineticLaw ?? _network.FindAssignmentRule(name)!.Expression;
        var dependencies = new List<string>();
        foreach (string symbol in expression.Symbols)
        {
            if (reaction is not null && reaction.LocalParameters.ContainsKey(symbol))
            {
                continue;
            }

            if (IsRuleOrRate(symbol))
            {
                dependencies.Add(symbol);
            }
            else if (_network.FindSpecies(symbol) is { } species && IsRuleOrRate(species.Compartment))
            {
                dependencies.Add(species.Compartment);
            }
        }

        return dependencies;
    }

    private bool IsRuleOrRate(string name) =>
        !_layout.TryGetState(name, out _) && !_layout.TryGetParameter(name, out _)
        && (_network.FindAssignmentRule(name) is not null || _network.FindReaction(name) is not null);

    /// <summary>Resolves one identifier (what its symbol means in an expression).</summary>
    public Expr Symbol(string id) => ResolveName(id, null);

    /// <summary>The amount of a species.</summary>
    public Expr Amount(string speciesId)
    {
        var s = _network.FindSpecies(speciesId)!;
        var symbol = Symbol(speciesId);
        return s.HasOnlySubstanceUnits ? symbol : Expr.Multiply(symbol, Symbol(s.Compartment));
    }

    /// <summary>The concentration of a species.</summary>
    public Expr Concentration(string speciesId)
    {
        var s = _network.FindSpecies(speciesId)!;
        var symbol = Symbol(speciesId);
        return s.HasOnlySubstanceUnits ? Expr.Divide(symbol, Symbol(s.Compartment)) : symbol;
    }

    /// <summary>The reaction's rate in amount per time.</summary>
    public Expr Rate(Reaction reaction) => Symbol(reaction.Id);

    private Expr ResolveName(string name, Reaction? reaction)
    {
        if (reaction is not null && reaction.LocalParameters.ContainsKey(name)
            && _layout.TryGetParameter(ModelLayout.LocalName(reaction.Id, name), out int local))
        {
            return Expr.Symbol(ParameterInput(local));
        }

        if (_resolved.TryGetValue(name, out var cached))
        {
            return cached;
        }

        var result = ResolveGlobal(name);
        _resolved[name] = result;
        return result;
    }

    private Expr ResolveGlobal(string name)
    {
        if (name == ReactionNetwork.TimeSymbol)
        {
            return Expr.Symbol(TimeInput);
        }

        var species = _network.FindSpecies(name);
        if (_layout.TryGetState(name, out int k))
        {
            var y = Expr.Symbol(StateInput(k));
            return species is not null && _layout.AmountStates.Contains(name) && !species.HasOnlySubstanceUnits
                ? Expr.Divide(y, Symbol(species.Compartment))
                : y;
        }

        if (_layout.TryGetParameter(name, out int m))
        {
            var p = Expr.Symbol(ParameterInput(m));
            return species is not null && !species.HasOnlySubstanceUnits ? Expr.Divide(p, Symbol(species.Compartment)) : p;
        }

        if (_network.FindAssignmentRule(name) is { } rule)
        {
            return Resolve(rule.Expression);
        }

        if (_network.FindReaction(name) is { } reaction)
        {
            return Resolve(reaction.KineticLaw, reaction);
        }

        throw new ModelValidationException($"'{name}' cannot be resolved to a value of model '{_network.Id}'.");
    }
}
