using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;

namespace Ferroptosis.Sim.Modeling.Expressions;

/// <summary>A validated set of user-defined functions: unique names, known callees with matching arities, no recursion.</summary>
/// <remarks>
/// Validation follows SBML Level 3 (a FunctionDefinition may call other function definitions but never itself,
/// directly or indirectly). Each body is expanded once here (depth-first, which is also how cycles are found), so
/// <see cref="Expr.Inline"/> costs one substitution per call. Pass <see cref="Arities"/> to the parser via
/// <see cref="ExpressionParserOptions.UserFunctions"/>. Immutable and thread-safe.
/// </remarks>
public sealed class FunctionLibrary
{
    private readonly FrozenDictionary<string, FunctionDefinition> _byName;
    private readonly FrozenDictionary<string, Expr> _expanded;

    /// <summary>Initialises a new library and validates it.</summary>
    /// <param name="definitions">The function definitions, in any order.</param>
    /// <exception cref="ArgumentException">Two definitions share a name, a body calls an undefined function or with the wrong number of arguments, or the definitions are recursive (the message shows the cycle).</exception>
    public FunctionLibrary(IEnumerable<FunctionDefinition> definitions)
    {
        ArgumentNullException.ThrowIfNull(definitions);
        var list = definitions.ToList();
        var byName = new Dictionary<string, FunctionDefinition>(StringComparer.Ordinal);
        foreach (var d in list)
        {
            ArgumentNullException.ThrowIfNull(d, nameof(definitions));
            if (!byName.TryAdd(d.Name, d))
            {
                throw new ArgumentException($"The function '{d.Name}' is defined twice; keep one definition.", nameof(definitions));
            }
        }

        _byName = byName.ToFrozenDictionary(StringComparer.Ordinal);
        Definitions = list.AsReadOnly();
        Arities = byName.ToFrozenDictionary(p => p.Key, p => p.Value.Arity, StringComparer.Ordinal);

        var expanded = new Dictionary<string, Expr>(StringComparer.Ordinal);
        var path = new List<string>();
        foreach (var d in list)
        {
            Expand(d, expanded, path);
        }

        _expanded = expanded.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>Gets a library without functions.</summary>
    public static FunctionLibrary Empty { get; } = new([]);

    /// <summary>Gets the definitions in the order given.</summary>
    public IReadOnlyList<FunctionDefinition> Definitions { get; }

    /// <summary>Gets the number of parameters of each function, by name (for <see cref="ExpressionParserOptions.UserFunctions"/>).</summary>
    public IReadOnlyDictionary<string, int> Arities { get; }

    /// <summary>Gets the number of functions.</summary>
    public int Count => _byName.Count;

    /// <summary>Looks up a function by name.</summary>
    /// <param name="name">The name.</param>
    /// <param name="definition">The definition, when found.</param>
    /// <returns>True when found.</returns>
    public bool TryGet(string name, [NotNullWhen(true)] out FunctionDefinition? definition) => _byName.TryGetValue(name, out definition);

    /// <summary>Gets the body of <paramref name="name"/> with every call of another user function expanded.</summary>
    internal Expr ExpandedBody(string name) => _expanded[name];

    private Expr Expand(FunctionDefinition definition, Dictionary<string, Expr> done, List<string> path)
    {
        if (done.TryGetValue(definition.Name, out var body))
        {
            return body;
        }

        int index = path.IndexOf(definition.Name);
        if (index >= 0)
        {
            var cycle = string.Join(" → ", path.Skip(index).Append(definition.Name));
            throw new ArgumentException(
                $"The function '{definition.Name}' is recursive ({cycle}); function definitions must not call themselves, directly or indirectly.");
        }

        path.Add(definition.Name);
        body = ExpandCalls(definition.Body, definition.Name, done, path);
        path.RemoveAt(path.Count - 1);
        done[definition.Name] = body;
        return body;
    }

    /// <summary>Replaces every user-function call in <paramref name="e"/> (part of the body of <paramref name="owner"/>) by its expansion.</summary>
    private Expr ExpandCalls(Expr e, string owner, Dictionary<string, Expr> done, List<string> path) =>
        ExprRewriter.Rewrite(e, node =>
        {
            if (node is not CallExpr { IsBuiltin: false } call)
            {
                return null;
            }

            if (!_byName.TryGetValue(call.Name, out var callee))
            {
                throw new ArgumentException(
                    $"The function '{owner}' calls '{call.Name}', which is neither built in nor defined; define it or correct the name.");
            }

            if (callee.Arity != call.ArgumentArray.Length)
            {
                throw new ArgumentException(
                    $"The function '{owner}' calls '{call.Name}' with {call.ArgumentArray.Length} arguments but '{call.Name}' takes {callee.Arity}.");
            }

            var args = new Expr[call.ArgumentArray.Length];
            for (int i = 0; i < args.Length; i++)
            {
                args[i] = ExpandCalls(call.ArgumentArray[i], owner, done, path);
            }

            return FunctionDefinition.Bind(Expand(callee, done, path), callee.Parameters, args);
        });
}
