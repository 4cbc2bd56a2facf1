using System.Runtime.CompilerServices;

namespace Ferroptosis.Sim.Modeling.Expressions;

/// <summary>A hash-consing table: structurally equal nodes built through it are one instance.</summary>
/// <remarks>
/// Filliâtre &amp; Conchon 2006: a node whose children are already canonical is looked up by its own fields and its
/// children's identities (O(arity)), so equal sub-expressions share one instance and can be compared and memoised by
/// reference. Used while expanding function calls, so that <c>f(x) + f(x)</c> instantiates <c>f</c> once. Not thread-safe.
/// </remarks>
internal sealed class ExprInterner
{
    private readonly Dictionary<Expr, Expr> _table = new(ShallowComparer.Instance);

    /// <summary>Gets the number of distinct nodes interned.</summary>
    public int Count => _table.Count;

    /// <summary>Returns the canonical instance equal to <paramref name="node"/>, whose children must already be canonical.</summary>
    public Expr Intern(Expr node)
    {
        if (_table.TryGetValue(node, out var canonical))
        {
            return canonical;
        }

        _table.Add(node, node);
        return node;
    }

    /// <summary>Equal when the nodes' own fields are equal and their children are the same instances.</summary>
    private sealed class ShallowComparer : IEqualityComparer<Expr>
    {
        public static readonly ShallowComparer Instance = new();

        public bool Equals(Expr? x, Expr? y)
        {
            if (ReferenceEquals(x, y))
            {
                return true;
            }

            if (x is null || y is null || !x.SameNode(y))
            {
                return false;
            }

            for (int i = 0; i < x.ChildCount; i++)
            {
                if (!ReferenceEquals(x.ChildAt(i), y.ChildAt(i)))
                {
                    return false;
                }
            }

            return true;
        }

        public int GetHashCode(Expr obj) => obj.GetHashCode();
    }
}

/// <summary>A function name and canonical argument instances, compared by reference: the key of one instantiation.</summary>
internal readonly struct InstanceKey : IEquatable<InstanceKey>
{
    private readonly string _name;
    private readonly Expr[] _arguments;
    private readonly int _hash;

    public InstanceKey(string name, Expr[] arguments)
    {
        _name = name;
        _arguments = arguments;
        var hash = new HashCode();
        hash.Add(name, StringComparer.Ordinal);
        foreach (var a in arguments)
        {
            hash.Add(RuntimeHelpers.GetHashCode(a));
        }

        _hash = hash.ToHashCode();
    }

    public bool Equals(InstanceKey other)
    {
        if (!string.Equals(_name, other._name, StringComparison.Ordinal) || _arguments.Length != other._arguments.Length)
        {
            return false;
        }

        for (int i = 0; i < _arguments.Length; i++)
        {
            if (!ReferenceEquals(_arguments[i], other._arguments[i]))
            {
                return false;
            }
        }

        return true;
    }

    public override bool Equals(object? obj) => obj is InstanceKey k && Equals(k);

    public override int GetHashCode() => _hash;
}
