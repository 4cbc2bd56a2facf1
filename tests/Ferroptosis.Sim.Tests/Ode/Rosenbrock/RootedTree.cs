namespace Ferroptosis.Sim.Tests.Ode.Rosenbrock;

/// <summary>A rooted tree (Butcher), the index set of the order conditions of Runge–Kutta and Rosenbrock methods.</summary>
/// <remarks>
/// Trees are built from their subtrees, t = [t₁, …, t_m]; the canonical key sorts the subtrees' keys,
/// so two trees are equal exactly when their keys are. Order |t| = 1 + Σ|t_k|, density
/// γ(t) = |t| Π γ(t_k) (Hairer–Nørsett–Wanner I, II.2, Definition 2.10).
/// </remarks>
internal sealed class RootedTree
{
    private RootedTree(IReadOnlyList<RootedTree> children)
    {
        Children = children;
        Order = 1 + children.Sum(c => c.Order);
        Density = Order * children.Aggregate(1.0, (d, c) => d * c.Density);
        Key = "[" + string.Concat(children.Select(c => c.Key).Order(StringComparer.Ordinal)) + "]";
    }

    public IReadOnlyList<RootedTree> Children { get; }

    public int Order { get; }

    public double Density { get; }

    public string Key { get; }

    /// <summary>All rooted trees with <paramref name="order"/> vertices (1, 1, 2, 4, 9, 20, … of them).</summary>
    public static IReadOnlyList<RootedTree> OfOrder(int order)
    {
        if (order == 1)
        {
            return [new RootedTree([])];
        }

        var found = new Dictionary<string, RootedTree>(StringComparer.Ordinal);
        foreach (var children in Forests(order - 1, order - 1))
        {
            var tree = new RootedTree(children);
            found.TryAdd(tree.Key, tree);
        }

        return [.. found.Values.OrderBy(t => t.Key, StringComparer.Ordinal)];
    }

    /// <summary>All trees of order 1 … <paramref name="maxOrder"/>.</summary>
    public static IEnumerable<RootedTree> UpToOrder(int maxOrder) => Enumerable.Range(1, maxOrder).SelectMany(OfOrder);

    public override string ToString() => Key;

    // Multisets of trees with total order n whose largest tree has order ≤ maxPart.
    private static IEnumerable<List<RootedTree>> Forests(int n, int maxPart)
    {
        if (n == 0)
        {
            yield return [];
            yield break;
        }

        for (int first = Math.Min(n, maxPart); first >= 1; first--)
        {
            foreach (var tree in OfOrder(first))
            {
                foreach (var rest in Forests(n - first, first))
                {
                    yield return [tree, .. rest];
                }
            }
        }
    }
}
