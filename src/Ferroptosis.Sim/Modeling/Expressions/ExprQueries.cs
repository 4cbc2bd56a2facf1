namespace Ferroptosis.Sim.Modeling.Expressions;

/// <summary>Read-only queries over expression trees (free symbols, called functions), iterative so depth does not matter, and visiting shared sub-trees once.</summary>
internal static class ExprQueries
{
    /// <summary>Returns the distinct symbol names in order of first appearance, left to right.</summary>
    public static IReadOnlyList<string> CollectSymbols(Expr root) =>
        Collect(root, static e => e is SymbolExpr s ? s.Name : null);

    /// <summary>Returns the distinct called function names in order of first appearance, left to right.</summary>
    public static IReadOnlyList<string> CollectCalls(Expr root) =>
        Collect(root, static e => e is CallExpr c ? c.Name : null);

    /// <summary>Tells whether the symbol occurs in the tree.</summary>
    public static bool ContainsSymbol(Expr root, string name)
    {
        bool found = false;
        PreOrder(root, e => found |= e is SymbolExpr s && string.Equals(s.Name, name, StringComparison.Ordinal));
        return found;
    }

    /// <summary>Calls <paramref name="visit"/> on every distinct node instance in pre-order, left to right; a sub-tree shared by several parents is visited once.</summary>
    public static void PreOrder(Expr root, Action<Expr> visit)
    {
        var stack = new Stack<Expr>();
        var seen = new HashSet<Expr>(ReferenceEqualityComparer.Instance);
        stack.Push(root);
        while (stack.Count > 0)
        {
            var e = stack.Pop();
            if (!seen.Add(e))
            {
                continue;
            }

            visit(e);
            for (int i = e.ChildCount - 1; i >= 0; i--)
            {
                stack.Push(e.ChildAt(i));
            }
        }
    }

    private static System.Collections.ObjectModel.ReadOnlyCollection<string> Collect(Expr root, Func<Expr, string?> select)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var result = new List<string>();
        PreOrder(root, e =>
        {
            if (select(e) is { } name && seen.Add(name))
            {
                result.Add(name);
            }
        });
        return result.AsReadOnly();
    }
}
