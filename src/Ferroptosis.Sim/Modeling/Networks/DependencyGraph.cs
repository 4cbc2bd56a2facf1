namespace Ferroptosis.Sim.Modeling.Networks;

/// <summary>Cycle detection and topological ordering over named dependencies.</summary>
internal static class DependencyGraph
{
    /// <summary>Finds a cycle reachable from <paramref name="starts"/>, as the list of names around it (first = last), or null.</summary>
    public static IReadOnlyList<string>? FindCycle(IReadOnlyDictionary<string, IReadOnlyList<string>> edges, IEnumerable<string> starts)
    {
        var state = new Dictionary<string, int>(StringComparer.Ordinal); // 1 = on the stack, 2 = done
        var stack = new List<string>();
        foreach (string start in starts)
        {
            var cycle = Visit(start);
            if (cycle is not null)
            {
                return cycle;
            }
        }

        return null;

        List<string>? Visit(string node)
        {
            if (state.TryGetValue(node, out int s))
            {
                if (s == 1)
                {
                    int from = stack.IndexOf(node);
                    return [.. stack.Skip(from), node];
                }

                return null;
            }

            if (!edges.TryGetValue(node, out var next))
            {
                state[node] = 2;
                return null;
            }

            state[node] = 1;
            stack.Add(node);
            foreach (string n in next)
            {
                var cycle = Visit(n);
                if (cycle is not null)
                {
                    return cycle;
                }
            }

            stack.RemoveAt(stack.Count - 1);
            state[node] = 2;
            return null;
        }
    }

    /// <summary>Orders <paramref name="nodes"/> so that every node comes after the nodes it depends on (dependencies outside the set are ignored); the graph must be acyclic.</summary>
    public static IReadOnlyList<string> Sort(IReadOnlyDictionary<string, IReadOnlyList<string>> edges, IReadOnlyList<string> nodes)
    {
        var wanted = new HashSet<string>(nodes, StringComparer.Ordinal);
        var done = new HashSet<string>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (string node in nodes)
        {
            Visit(node);
        }

        return order;

        void Visit(string node)
        {
            if (!done.Add(node))
            {
                return;
            }

            if (edges.TryGetValue(node, out var next))
            {
                foreach (string n in next)
                {
                    Visit(n);
                }
            }

            if (wanted.Contains(node))
            {
                order.Add(node);
            }
        }
    }
}
