using System.Runtime.CompilerServices;

namespace Ferroptosis.Sim.Modeling.Expressions;

/// <summary>Turns a list of expression trees into one directed acyclic graph in which equal sub-expressions are one node.</summary>
/// <remarks>
/// Hash-consing (Ershov 1958; Filliâtre &amp; Conchon 2006): a node is looked up by its operator and the ids of its
/// arguments, so interning is O(1) per node and structurally equal sub-trees of different outputs — a rate and the
/// entries of its Jacobian row, say — receive the same id. Trees that share instances are walked once (memo by
/// reference). Ids are assigned in post-order, so arguments always precede their users.
/// </remarks>
internal sealed class ExpressionDag
{
    private readonly Dictionary<DagNode, int> _ids = [];
    private readonly Dictionary<Expr, int> _memo = new(ReferenceEqualityComparer.Instance);
    private readonly IReadOnlyDictionary<string, int> _symbols;
    private readonly List<DagNode> _nodes = [];

    public ExpressionDag(IReadOnlyDictionary<string, int> symbols) => _symbols = symbols;

    /// <summary>Gets the nodes, arguments before users.</summary>
    public IReadOnlyList<DagNode> Nodes => _nodes;

    /// <summary>Adds a tree and returns the id of its root.</summary>
    public int Add(Expr e)
    {
        if (_memo.TryGetValue(e, out int known))
        {
            return known;
        }

        RuntimeHelpers.EnsureSufficientExecutionStack();
        var node = e switch
        {
            NumberExpr n => new DagNode(DagKind.Constant, 0, n.Value, [], null),
            ConstantExpr c => new DagNode(DagKind.Constant, 0, c.Value, [], null),
            SymbolExpr s => new DagNode(DagKind.Input, IndexOf(s.Name), 0, [], null),
            UnaryExpr u => new DagNode(DagKind.Unary, (int)u.Operator, 0, [Add(u.Operand)], null),
            BinaryExpr b => new DagNode(DagKind.Binary, (int)b.Operator, 0, [Add(b.Left), Add(b.Right)], null),
            CallExpr { Builtin: { } f } c => new DagNode(DagKind.Call, (int)f.Kind, 0, Array.ConvertAll(c.ArgumentArray, Add), f),
            CallExpr c => throw new ArgumentException(
                $"The expression calls the user-defined function '{c.Name}'; pass a FunctionLibrary to Compile or inline it first."),
            PiecewiseExpr p => new DagNode(DagKind.Piecewise, p.Otherwise is null ? 0 : 1, 0, PiecewiseArgs(p), null),
            _ => throw new InvalidOperationException($"Unknown node type {e.GetType().Name}."),
        };

        if (!_ids.TryGetValue(node, out int id))
        {
            id = _nodes.Count;
            _nodes.Add(node);
            _ids.Add(node, id);
        }

        _memo[e] = id;
        return id;
    }

    private int[] PiecewiseArgs(PiecewiseExpr p)
    {
        var args = new List<int>((2 * p.CaseArray.Length) + 1);
        foreach (var piece in p.CaseArray)
        {
            args.Add(Add(piece.Value));
            args.Add(Add(piece.Condition));
        }

        if (p.Otherwise is not null)
        {
            args.Add(Add(p.Otherwise));
        }

        return [.. args];
    }

    private int IndexOf(string name)
    {
        if (!_symbols.TryGetValue(name, out int index))
        {
            throw new ArgumentException($"The symbol '{name}' has no index in the symbol table; add it (name → input index).");
        }

        return index;
    }
}
