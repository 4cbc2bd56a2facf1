namespace Ferroptosis.Sim.Modeling.Networks;

/// <summary>Cycle detection and topological ordering over named dependencies, iterative so that chains of any length need no deep recursion.</summary>
internal static class DependencyGraph
{
    /// <summary>Finds a cycle reachable from <paramref name="starts"/>, as the list of names around it (first = last), or null.</summary>
    public static IReadOnlyList<string>? FindCycle(IReadOnlyDictionary<string, IReadOnlyList<string>> edges, IEnumerable<string> starts)
    {
        var state = new Dictionary<string, int>(StringComparer.Ordinal); // 1 = on the path, 2 = done
        var path = new List<string>();
        var stack = new Stack<(string Node, IReadOnlyList<string> Next, int Index)>();
        foreach (string start in starts)
        {
            if (state.ContainsKey(start))
            {
                continue;
            }

            if (!edges.TryGetValue(start, out var first))
            {
                state[start] = 2;
                continue;
            }

            state[start] = 1;
            path.Add(start);
            stack.Push((start, first, 0));
            while (stack.Count > 0)
            {
                var (node, next, index) = stack.Pop();
                if (index == next.Count)
                {
                    state[node] = 2;
                    path.RemoveAt(path.Count - 1);
                    continue;
                }

                stack.Push((node, next, index + 1));
                string n = next[index];
                if (state.TryGetValue(n, out int s))
                {
                    if (s == 1)
                    {
                        int from = path.IndexOf(n);
                        return [.. path.Skip(from), n];
                    }

                    continue;
                }

                if (!edges.TryGetValue(n, out var further))
                {
                    state[n] = 2;
                    continue;
                }

                state[n] = 1;
                path.Add(n);
                stack.Push((n, further, 0));
            }
        }

        return null;
    }

    /// <summary>Orders <paramref name="nodes"/> so that every node comes after the nodes it depends on (dependencies outside the set are ignored); the graph must be acyclic.</summary>
    public static IReadOnlyList<string> Sort(IReadOnlyDictionary<string, IReadOnlyList<string>> edges, IReadOnlyList<string> nodes)
    {
        var wanted = new HashSet<string>(nodes, StringComparer.Ordinal);
        var done = new HashSet<string>(StringComparer.Ordinal);
        var order = new List<string>();
        var stack = new Stack<(string Node, IReadOnlyList<string> Next, int Index)>();
        foreach (string root in nodes)
        {
            if (!done.Add(root))
            {
                continue;
            }

            stack.Push((root, edges.TryGetValue(root, out var first) ? first : [], 0));
            while (stack.Count > 0)
            {
                var (node, next, index) = stack.Pop();
                if (index == next.Count)
                {
                    if (wanted.Contains(node))
                    {
                        order.Add(node);
                    }

                    continue;
                }

                stack.Push((node, next, index + 1));
                string n = next[index];
                if (done.Add(n))
                {
                    stack.Push((n, edges.TryGetValue(n, out var further) ? further : [], 0));
                }
            }
        }

        return order;
    }
}
