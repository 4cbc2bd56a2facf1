using System.Runtime.CompilerServices;

namespace Ferroptosis.Sim.Modeling.Expressions;

/// <summary>Structural equality of expressions, without recursion and linear in the distinct nodes of a shared graph.</summary>
/// <remarks>
/// Pairs of nodes are compared from an explicit stack, so depth does not matter. Expressions built by substituting rules
/// and functions share sub-trees, so a tree may be exponentially larger than its graph (a rule used twice by the next
/// one, sixty times over); once more than <see cref="PairsBeforeMemo"/> pairs have been compared, pairs already found
/// equal are remembered by reference and not compared again, which bounds the work by the product of the graph sizes
/// rather than the tree size.
/// </remarks>
internal static class ExprEquality
{
    private const int PairsBeforeMemo = 256;

    public static bool Equal(Expr a, Expr b)
    {
        // Small expressions are compared recursively without allocating; large or shared ones from a stack.
        int budget = PairsBeforeMemo;
        return Small(a, b, ref budget) ?? Large(a, b);
    }

    /// <summary>Compares up to <paramref name="budget"/> pairs recursively; null when that is not enough to decide.</summary>
    private static bool? Small(Expr x, Expr y, ref int budget)
    {
        if (ReferenceEquals(x, y))
        {
            return true;
        }

        if (--budget < 0)
        {
            return null;
        }

        if (!x.SameNode(y))
        {
            return false;
        }

        for (int i = 0; i < x.ChildCount; i++)
        {
            var r = Small(x.ChildAt(i), y.ChildAt(i), ref budget);
            if (r != true)
            {
                return r;
            }
        }

        return true;
    }

    private static bool Large(Expr a, Expr b)
    {
        var stack = new Stack<(Expr, Expr)>();
        HashSet<(Expr, Expr)>? seen = null;
        int compared = 0;
        stack.Push((a, b));
        while (stack.Count > 0)
        {
            var (x, y) = stack.Pop();
            if (ReferenceEquals(x, y))
            {
                continue;
            }

            if (++compared > PairsBeforeMemo)
            {
                seen ??= new HashSet<(Expr, Expr)>(PairComparer.Instance);
                if (!seen.Add((x, y)))
                {
                    continue;
                }
            }

            if (!x.SameNode(y))
            {
                return false;
            }

            for (int i = x.ChildCount - 1; i >= 0; i--)
            {
                stack.Push((x.ChildAt(i), y.ChildAt(i)));
            }
        }

        return true;
    }

    private sealed class PairComparer : IEqualityComparer<(Expr, Expr)>
    {
        public static readonly PairComparer Instance = new();

        public bool Equals((Expr, Expr) x, (Expr, Expr) y) => ReferenceEquals(x.Item1, y.Item1) && ReferenceEquals(x.Item2, y.Item2);

        public int GetHashCode((Expr, Expr) pair) => HashCode.Combine(RuntimeHelpers.GetHashCode(pair.Item1), RuntimeHelpers.GetHashCode(pair.Item2));
    }
}
