using System.Runtime.CompilerServices;

namespace Ferroptosis.Sim.Modeling.Expressions;

/// <summary>Expands calls of user-defined functions into a shared graph: each function is instantiated once per distinct tuple of arguments.</summary>
/// <remarks>
/// <para>
/// Substituting bodies naively copies them at every call, so sixty functions that each call the previous one twice
/// (a 15 KB SBML file) expand to 2^60 nodes. Here every node built is hash-consed (<see cref="ExprInterner"/>), so equal
/// arguments are one instance, and an instantiation <c>f(a1, …, an)</c> is remembered by the function and its argument
/// instances: the expansion costs one walk of each body per distinct instantiation, and its result shares sub-trees.
/// </para>
/// <para>
/// What can still grow is bounded: an expansion that builds more than <see cref="MaxNodes"/> distinct nodes, or an
/// expression deeper than <see cref="MaxDepth"/> (functions applied to their own results, <c>f(f(x))</c> sixty levels
/// down, double in depth at each level), is refused with a <see cref="ModelValidationException"/> naming the function.
/// Not thread-safe; one instance per expansion job.
/// </para>
/// </remarks>
internal sealed class FunctionInliner
{
    /// <summary>The most distinct nodes one expansion job may build.</summary>
    public const int MaxNodes = 1_000_000;

    /// <summary>The deepest expression an expansion may produce.</summary>
    public const int MaxDepth = 2000;

    private readonly FunctionLibrary _functions;
    private readonly ExprInterner _interner = new();
    private readonly Dictionary<Expr, Expr> _inlined = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<InstanceKey, Expr> _instances = [];

    public FunctionInliner(FunctionLibrary functions) => _functions = functions;

    /// <summary>Expands every user-function call in <paramref name="e"/>; an expression without such calls is returned as it is.</summary>
    public Expr Inline(Expr e)
    {
        foreach (string name in e.FunctionCalls)
        {
            if (!BuiltinFunctions.IsBuiltin(name))
            {
                return Visit(e, null);
            }
        }

        return e;
    }

    /// <summary>Rewrites a node of a call-site expression (<paramref name="scope"/> null) or of a body being instantiated (parameters bound in <paramref name="scope"/>).</summary>
    private Expr Visit(Expr e, Scope? scope)
    {
        var memo = scope?.Memo ?? _inlined;
        if (memo.TryGetValue(e, out var known))
        {
            return known;
        }

        RuntimeHelpers.EnsureSufficientExecutionStack();
        Expr result;
        switch (e)
        {
            case SymbolExpr s when scope is not null && scope.Arguments.TryGetValue(s.Name, out var argument):
                result = argument;
                break;
            case CallExpr { IsBuiltin: false } call:
                var args = new Expr[call.ArgumentArray.Length];
                for (int i = 0; i < args.Length; i++)
                {
                    args[i] = Visit(call.ArgumentArray[i], scope);
                }

                result = Instantiate(call, args);
                break;
            default:
                result = Intern(ExprRewriter.MapChildren(e, child => Visit(child, scope)));
                break;
        }

        memo[e] = result;
        return result;
    }

    private Expr Instantiate(CallExpr call, Expr[] args)
    {
        var key = new InstanceKey(call.Name, args);
        if (_instances.TryGetValue(key, out var known))
        {
            return known;
        }

        if (!_functions.TryGet(call.Name, out var definition))
        {
            throw new ArgumentException(
                $"The expression calls '{call.Name}', which is neither a built-in function nor in the function library; define it or correct the name.",
                nameof(call));
        }

        if (definition.Arity != args.Length)
        {
            throw new ArgumentException(
                $"The expression calls '{call.Name}' with {args.Length} arguments but it takes {definition.Arity}.",
                nameof(call));
        }

        var scope = new Scope(definition.Parameters, args);
        var result = Visit(definition.Body, scope);
        if (result.Depth > MaxDepth)
        {
            throw new ModelValidationException(
                $"Expanding the calls of function '{call.Name}' gives an expression {result.Depth} operations deep; at most {MaxDepth} are supported (functions applied to their own results double the depth at each level).");
        }

        _instances[key] = result;
        return result;
    }

    private Expr Intern(Expr node)
    {
        var canonical = _interner.Intern(node);
        if (_interner.Count > MaxNodes)
        {
            throw new ModelValidationException(
                $"Expanding the function definitions builds more than {MaxNodes:N0} distinct operations; the model's functions call each other in a way that grows exponentially (e.g. f(f(x)) nested many times).");
        }

        return canonical;
    }

    /// <summary>The parameters of one instantiation and the memo of its body's nodes.</summary>
    private sealed class Scope
    {
        public Scope(IReadOnlyList<string> parameters, Expr[] arguments)
        {
            for (int i = 0; i < parameters.Count; i++)
            {
                Arguments[parameters[i]] = arguments[i];
            }
        }

        public Dictionary<string, Expr> Arguments { get; } = new(StringComparer.Ordinal);

        public Dictionary<Expr, Expr> Memo { get; } = new(ReferenceEqualityComparer.Instance);
    }
}
