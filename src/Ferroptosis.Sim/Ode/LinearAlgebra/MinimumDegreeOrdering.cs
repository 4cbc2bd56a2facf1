namespace Ferroptosis.Sim.Ode.LinearAlgebra;

/// <summary>A fill-reducing symmetric ordering by minimum degree on the graph of A + Aᵀ, for the sparse LU.</summary>
/// <remarks>
/// <para>
/// The minimum-degree heuristic (Tinney and Walker, Proc. IEEE 55, 1967; George and Liu, SIAM Review 31, 1989):
/// repeatedly eliminate a vertex of least degree from the elimination graph and join its neighbours into a clique,
/// which is exactly the fill its elimination causes. This implementation keeps the elimination graph explicitly
/// (one hash set of neighbours per vertex) and computes exact degrees; approximate minimum degree (Amestoy, Davis
/// and Duff, SIAM J. Matrix Anal. Appl. 17, 1996) works on the quotient graph instead and bounds the degrees, which
/// is faster on very large graphs but orders much the same. Ties go to the lowest index, so the ordering is
/// deterministic. When the remaining vertices form a clique the rest of the order no longer matters and they are
/// appended as they are.
/// </para>
/// <para>
/// Costs Σ deg(v)² set operations over the eliminated vertices, and memory of the order of the Cholesky factor of
/// A + Aᵀ; it runs once per integrator, when the sparse solver is created.
/// </para>
/// </remarks>
internal static class MinimumDegreeOrdering
{
    /// <summary>Returns the elimination order: position k holds the vertex (row and column of A) eliminated k-th.</summary>
    /// <param name="n">The dimension.</param>
    /// <param name="columnStarts">The column offsets of A's pattern (CSC).</param>
    /// <param name="rows">The row of every entry of A's pattern.</param>
    public static int[] Compute(int n, ReadOnlySpan<int> columnStarts, ReadOnlySpan<int> rows)
    {
        var adjacency = new HashSet<int>[n];
        for (int v = 0; v < n; v++)
        {
            adjacency[v] = [];
        }

        for (int j = 0; j < n; j++)
        {
            for (int p = columnStarts[j]; p < columnStarts[j + 1]; p++)
            {
                int i = rows[p];
                if (i != j)
                {
                    adjacency[i].Add(j);
                    adjacency[j].Add(i);
                }
            }
        }

        // Priority degree·n + vertex: the least degree first, ties by index; stale entries are skipped on removal.
        var queue = new PriorityQueue<int, long>(n);
        for (int v = 0; v < n; v++)
        {
            queue.Enqueue(v, Priority(adjacency[v].Count, v, n));
        }

        var order = new int[n];
        var eliminated = new bool[n];
        var neighbours = new List<int>();
        int k = 0;
        while (k < n)
        {
            queue.TryDequeue(out int v, out long priority);
            if (eliminated[v] || priority != Priority(adjacency[v].Count, v, n))
            {
                continue;
            }

            int remaining = n - k;
            if (adjacency[v].Count == remaining - 1)
            {
                // The least degree is that of a clique of everything left: no elimination adds fill any more.
                for (int u = 0; u < n; u++)
                {
                    if (!eliminated[u])
                    {
                        order[k++] = u;
                        eliminated[u] = true;
                    }
                }

                break;
            }

            order[k++] = v;
            eliminated[v] = true;
            neighbours.Clear();
            neighbours.AddRange(adjacency[v]);
            neighbours.Sort();
            foreach (int u in neighbours)
            {
                var set = adjacency[u];
                set.Remove(v);
                foreach (int w in neighbours)
                {
                    if (w != u)
                    {
                        set.Add(w);
                    }
                }
            }

            foreach (int u in neighbours)
            {
                queue.Enqueue(u, Priority(adjacency[u].Count, u, n));
            }

            adjacency[v] = [];
        }

        return order;
    }

    private static long Priority(int degree, int vertex, int n) => ((long)degree * n) + vertex;
}
