using System.Runtime.CompilerServices;

namespace Ferroptosis.Sim.Modeling.Expressions;

/// <summary>Structure-preserving rewrites: symbol substitution and inlining of user-defined functions.</summary>
/// <remarks>Unchanged sub-trees are returned as the same instances, so rewriting a large tree that does not change allocates nothing.</remarks>
internal static class ExprRewriter
{
    /// <summary>Replaces symbols for which <paramref name="replacement"/> returns an expression (simultaneously).</summary>
    public static Expr Substitute(Expr e, Func<string, Expr?> replacement) =>
        Rewrite(e, node => node is SymbolExpr s ? replacement(s.Name) : null);

    /// <summary>Expands calls of user-defined functions, each function once per distinct argument tuple (<see cref="FunctionInliner"/>).</summary>
    public static Expr Inline(Expr e, FunctionLibrary functions) => new FunctionInliner(functions).Inline(e);

    /// <summary>Top-down rewrite: where <paramref name="replace"/> returns a node it is used as is, elsewhere children are rewritten; a sub-tree shared by several parents is rewritten once.</summary>
    public static Expr Rewrite(Expr e, Func<Expr, Expr?> replace)
    {
        var done = new Dictionary<Expr, Expr>(ReferenceEqualityComparer.Instance);
        return Visit(e);

        Expr Visit(Expr node)
        {
            if (done.TryGetValue(node, out var known))
            {
                return known;
            }

            RuntimeHelpers.EnsureSufficientExecutionStack();
            var result = replace(node) ?? MapChildren(node, Visit);
            done[node] = result;
            return result;
        }
    }

    /// <summary>Rebuilds <paramref name="e"/> with mapped children, or returns it when no child changed.</summary>
    public static Expr MapChildren(Expr e, Func<Expr, Expr> map)
    {
        switch (e)
        {
            case UnaryExpr u:
            {
                var operand = map(u.Operand);
                return ReferenceEquals(operand, u.Operand) ? u : new UnaryExpr(u.Operator, operand);
            }

            case BinaryExpr b:
            {
                var left = map(b.Left);
                var right = map(b.Right);
                return ReferenceEquals(left, b.Left) && ReferenceEquals(right, b.Right) ? b : new BinaryExpr(b.Operator, left, right);
            }

            case CallExpr c:
            {
                var args = MapArray(c.ArgumentArray, map);
                return args is null ? c : c.WithArguments(args);
            }

            case PiecewiseExpr p:
            {
                bool changed = false;
                var cases = new PiecewiseCase[p.CaseArray.Length];
                for (int i = 0; i < cases.Length; i++)
                {
                    var old = p.CaseArray[i];
                    cases[i] = new PiecewiseCase(map(old.Value), map(old.Condition));
                    changed |= !ReferenceEquals(cases[i].Value, old.Value) || !ReferenceEquals(cases[i].Condition, old.Condition);
                }

                var otherwise = p.Otherwise is null ? null : map(p.Otherwise);
                changed |= !ReferenceEquals(otherwise, p.Otherwise);
                return changed ? new PiecewiseExpr(cases, otherwise) : p;
            }

            default:
                return e;
        }
    }

    /// <summary>Maps an argument array; returns null when no element changed.</summary>
    private static Expr[]? MapArray(Expr[] items, Func<Expr, Expr> map)
    {
        Expr[]? result = null;
        for (int i = 0; i < items.Length; i++)
        {
            var mapped = map(items[i]);
            if (result is null && !ReferenceEquals(mapped, items[i]))
            {
                result = (Expr[])items.Clone();
            }

            if (result is not null)
            {
                result[i] = mapped;
            }
        }

        return result;
    }
}
