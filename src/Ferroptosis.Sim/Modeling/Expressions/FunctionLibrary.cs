using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;

namespace Ferroptosis.Sim.Modeling.Expressions;

/// <summary>A validated set of user-defined functions: unique names, known callees with matching arities, no recursion.</summary>
/// <remarks>
/// Validation follows SBML Level 3 (a FunctionDefinition may call other function definitions but never itself,
/// directly or indirectly); it walks the call graph without expanding any body. <see cref="Expr.Inline"/> expands calls
/// into a shared graph, each function once per distinct argument tuple. Pass <see cref="Arities"/> to the parser via
/// <see cref="ExpressionParserOptions.UserFunctions"/>. Immutable and thread-safe.
/// </remarks>
public sealed class FunctionLibrary
{
    private readonly FrozenDictionary<string, FunctionDefinition> _byName;
    private readonly FrozenSet<string> _closed;

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

        _closed = Validate(list).ToFrozenSet(StringComparer.Ordinal);
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

    /// <summary>Tells whether a function's value depends on its arguments only: its body uses no other symbol and calls only such functions.</summary>
    internal bool IsClosed(string name) => _closed.Contains(name);

    /// <summary>Checks callees and arities and finds recursion by an iterative depth-first walk of the call graph (no body is expanded); returns the closed functions.</summary>
    private HashSet<string> Validate(List<FunctionDefinition> list)
    {
        var state = new Dictionary<string, int>(StringComparer.Ordinal); // 1 = on the path, 2 = done
        var closed = new HashSet<string>(StringComparer.Ordinal);
        var path = new List<string>();
        var stack = new Stack<(FunctionDefinition Definition, List<FunctionDefinition> Callees, int Next)>();
        foreach (var root in list)
        {
            if (state.ContainsKey(root.Name))
            {
                continue;
            }

            state[root.Name] = 1;
            path.Add(root.Name);
            stack.Push((root, Callees(root), 0));
            while (stack.Count > 0)
            {
                var (definition, callees, next) = stack.Pop();
                if (next < callees.Count)
                {
                    stack.Push((definition, callees, next + 1));
                    var callee = callees[next];
                    if (state.TryGetValue(callee.Name, out int s))
                    {
                        if (s == 1)
                        {
                            int index = path.IndexOf(callee.Name);
                            var cycle = string.Join(" → ", path.Skip(index).Append(callee.Name));
                            throw new ArgumentException(
                                $"The function '{callee.Name}' is recursive ({cycle}); function definitions must not call themselves, directly or indirectly.");
                        }

                        continue;
                    }

                    state[callee.Name] = 1;
                    path.Add(callee.Name);
                    stack.Push((callee, Callees(callee), 0));
                    continue;
                }

                state[definition.Name] = 2;
                path.RemoveAt(path.Count - 1);
                if (definition.Body.Symbols.All(definition.Parameters.Contains) && callees.All(c => closed.Contains(c.Name)))
                {
                    closed.Add(definition.Name);
                }
            }
        }

        return closed;
    }

    /// <summary>The user functions a body calls, in order of first call, with the callee and arity of every call checked.</summary>
    private List<FunctionDefinition> Callees(FunctionDefinition owner)
    {
        var callees = new List<FunctionDefinition>();
        ExprQueries.PreOrder(owner.Body, node =>
        {
            if (node is not CallExpr { IsBuiltin: false } call)
            {
                return;
            }

            if (!_byName.TryGetValue(call.Name, out var callee))
            {
                throw new ArgumentException(
                    $"The function '{owner.Name}' calls '{call.Name}', which is neither built in nor defined; define it or correct the name.");
            }

            if (callee.Arity != call.ArgumentArray.Length)
            {
                throw new ArgumentException(
                    $"The function '{owner.Name}' calls '{call.Name}' with {call.ArgumentArray.Length} arguments but '{call.Name}' takes {callee.Arity}.");
            }

            if (!callees.Contains(callee))
            {
                callees.Add(callee);
            }
        });
        return callees;
    }
}
