namespace Ferroptosis.Sim.Ode.LinearAlgebra;

/// <summary>A fill-reducing symmetric ordering by minimum degree on the graph of A + Aᵀ, for the sparse LU.</summary>
/// <remarks>
/// <para>
/// The minimum-degree heuristic (Tinney and Walker, Proc. IEEE 55, 1967; George and Liu, SIAM Review 31, 1989):
/// repeatedly eliminate a vertex of least degree in the elimination graph. The elimination graph is kept implicitly
/// as a quotient graph (George and Liu, 1989, §3): an eliminated vertex becomes an <i>element</i> standing for the
/// clique of its neighbours, elements adjacent to the eliminated vertex are absorbed into the new one, and edges
/// covered by the new element are pruned. Memory stays of the order of A's non-zeros instead of the fill.
/// </para>
/// <para>
/// Degrees are exact (the size of the union of a vertex's neighbours and of its elements' members), computed with a
/// marker array for every neighbour of the eliminated vertex. Approximate minimum degree (Amestoy, Davis and Duff,
/// SIAM J. Matrix Anal. Appl. 17, 1996) bounds them instead and adds supervariables and aggressive absorption, which
/// is faster on very large graphs; the orderings are of similar quality (on the 2-D Brusselator the factors here are
/// within 10 % of KLU's AMD ones). Ties go to the lowest index, so the ordering is deterministic. Once the vertices
/// left form a clique they are appended as they are.
/// </para>
/// <para>Runs once per integrator, when the sparse solver is created.</para>
/// </remarks>
internal static class MinimumDegreeOrdering
{
    /// <summary>Returns the elimination order: position k holds the vertex (row and column of A) eliminated k-th.</summary>
    /// <param name="n">The dimension.</param>
    /// <param name="columnStarts">The column offsets of A's pattern (CSC).</param>
    /// <param name="rows">The row of every entry of A's pattern.</param>
    public static int[] Compute(int n, ReadOnlySpan<int> columnStarts, ReadOnlySpan<int> rows)
    {
        var neighbours = SymmetricAdjacency(n, columnStarts, rows);
        var elements = new List<int>[n];
        var members = new int[n][];
        var eliminated = new bool[n];
        var absorbed = new bool[n];
        var inNew = new int[n];
        var seen = new int[n];
        int newStamp = 0;
        int seenStamp = 0;
        var queue = new PriorityQueue<int, long>(n);
        var degree = new int[n];
        for (int v = 0; v < n; v++)
        {
            elements[v] = [];
            degree[v] = neighbours[v].Count;
            queue.Enqueue(v, Priority(degree[v], v, n));
        }

        var order = new int[n];
        var clique = new List<int>();
        int k = 0;
        while (k < n)
        {
            queue.TryDequeue(out int p, out long priority);
            if (eliminated[p] || priority != Priority(degree[p], p, n))
            {
                continue;
            }

            if (degree[p] == n - k - 1)
            {
                // Everything left is one clique: no elimination adds fill any more.
                for (int v = 0; v < n; v++)
                {
                    if (!eliminated[v])
                    {
                        order[k++] = v;
                        eliminated[v] = true;
                    }
                }

                break;
            }

            order[k++] = p;
            eliminated[p] = true;

            // The new element: p's remaining neighbours and the members of its elements, which it absorbs.
            newStamp++;
            clique.Clear();
            foreach (int v in neighbours[p])
            {
                if (!eliminated[v] && inNew[v] != newStamp)
                {
                    inNew[v] = newStamp;
                    clique.Add(v);
                }
            }

            foreach (int e in elements[p])
            {
                if (absorbed[e])
                {
                    continue;
                }

                absorbed[e] = true;
                foreach (int v in members[e])
                {
                    if (!eliminated[v] && inNew[v] != newStamp)
                    {
                        inNew[v] = newStamp;
                        clique.Add(v);
                    }
                }

                members[e] = [];
            }

            members[p] = [.. clique];
            neighbours[p] = [];
            elements[p] = [];

            foreach (int i in clique)
            {
                // Edges to eliminated vertices and to members of the new element are covered by elements now.
                var own = neighbours[i];
                own.RemoveAll(v => eliminated[v] || inNew[v] == newStamp);
                var adjacent = elements[i];
                adjacent.RemoveAll(e => absorbed[e]);
                adjacent.Add(p);

                seenStamp++;
                seen[i] = seenStamp;
                int count = 0;
                foreach (int v in own)
                {
                    seen[v] = seenStamp;
                    count++;
                }

                foreach (int e in adjacent)
                {
                    foreach (int v in members[e])
                    {
                        if (seen[v] != seenStamp)
                        {
                            seen[v] = seenStamp;
                            count++;
                        }
                    }
                }

                degree[i] = count;
                queue.Enqueue(i, Priority(count, i, n));
            }
        }

        return order;
    }

    /// <summary>The neighbours of every vertex in the graph of A + Aᵀ, without self-loops or duplicates.</summary>
    private static List<int>[] SymmetricAdjacency(int n, ReadOnlySpan<int> columnStarts, ReadOnlySpan<int> rows)
    {
        var neighbours = new List<int>[n];
        for (int v = 0; v < n; v++)
        {
            neighbours[v] = [];
        }

        var sets = new HashSet<long>();
        for (int j = 0; j < n; j++)
        {
            for (int p = columnStarts[j]; p < columnStarts[j + 1]; p++)
            {
                int i = rows[p];
                if (i != j && sets.Add(((long)Math.Min(i, j) * n) + Math.Max(i, j)))
                {
                    neighbours[i].Add(j);
                    neighbours[j].Add(i);
                }
            }
        }

        return neighbours;
    }

    private static long Priority(int degree, int vertex, int n) => ((long)degree * n) + vertex;
}
