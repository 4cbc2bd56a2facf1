namespace Ferroptosis.Sim.Tests.Ode.ExplicitRungeKutta;

/// <summary>A rooted tree of Butcher's theory of order conditions, with its order ρ and density γ.</summary>
/// <remarks>
/// Trees are generated canonically: a tree is its root plus a multiset of subtrees, and every multiset
/// is produced once by choosing subtrees in non-decreasing index order (Butcher, Numerical Methods for
/// Ordinary Differential Equations, 3rd ed., 2016, ch. 3; Hairer–Nørsett–Wanner I, II.2). The counts
/// per order are OEIS A000081: 1, 1, 2, 4, 9, 20, 48, 115, …
/// </remarks>
public sealed class RootedTree
{
    private RootedTree(IReadOnlyList<RootedTree> children)
    {
        Children = children;
        Order = 1;
        double density = 1;
        foreach (var child in children)
        {
            Order += child.Order;
            density *= child.Density;
        }

        Density = Order * density;
    }

    /// <summary>Gets the subtrees attached to the root.</summary>
    public IReadOnlyList<RootedTree> Children { get; }

    /// <summary>Gets the number of vertices ρ(τ).</summary>
    public int Order { get; }

    /// <summary>Gets the density γ(τ) = ρ(τ) Π γ(τ_k).</summary>
    public double Density { get; }

    /// <summary>Every rooted tree with at most <paramref name="maxOrder"/> vertices, by increasing order.</summary>
    public static IReadOnlyList<RootedTree> UpToOrder(int maxOrder)
    {
        var all = new List<RootedTree>();
        for (int order = 1; order <= maxOrder; order++)
        {
            int known = all.Count;
            AddForests(all, known, 0, order - 1, [], all);
        }

        return all;
    }

    /// <summary>The stage vector g(τ) with g(•) = 1 and g([τ₁ … τ_m])_i = Π_k (A g(τ_k))_i, so that a method has order p when b·g(τ) = 1/γ(τ) for every ρ(τ) ≤ p.</summary>
    /// <param name="a">The full (strictly lower triangular) coefficient matrix, s × s.</param>
    /// <param name="absolute">True to use |a_ij|, giving a scale for rounding errors.</param>
    public double[] StageWeights(double[,] a, bool absolute = false)
    {
        int s = a.GetLength(0);
        var g = new double[s];
        Array.Fill(g, 1.0);
        foreach (var child in Children)
        {
            var gc = child.StageWeights(a, absolute);
            for (int i = 0; i < s; i++)
            {
                double sum = 0;
                for (int j = 0; j < s; j++)
                {
                    sum += (absolute ? Math.Abs(a[i, j]) : a[i, j]) * gc[j];
                }

                g[i] *= sum;
            }
        }

        return g;
    }

    /// <inheritdoc/>
    public override string ToString() => Children.Count == 0 ? "•" : "[" + string.Join(",", Children) + "]";

    // Adds every tree whose root carries subtrees from candidates[start..known) of total order `remaining`.
    private static void AddForests(List<RootedTree> output, int known, int start, int remaining, List<RootedTree> chosen, List<RootedTree> candidates)
    {
        if (remaining == 0)
        {
            output.Add(new RootedTree([.. chosen]));
            return;
        }

        for (int index = start; index < known; index++)
        {
            var tree = candidates[index];
            if (tree.Order > remaining)
            {
                continue;
            }

            chosen.Add(tree);
            AddForests(output, known, index, remaining - tree.Order, chosen, candidates);
            chosen.RemoveAt(chosen.Count - 1);
        }
    }
}
