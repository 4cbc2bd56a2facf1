namespace Ferroptosis.Sim.Modeling.Expressions;

/// <summary>A piecewise expression <c>piecewise(v1, c1, v2, c2, …, otherwise)</c> as in SBML Level 3 infix.</summary>
/// <remarks>
/// The value is that of the first piece whose condition holds (is not 0); when none holds it is
/// <see cref="Otherwise"/>, or NaN when there is no otherwise part. Immutable and thread-safe.
/// </remarks>
public sealed class PiecewiseExpr : Expr
{
    private readonly PiecewiseCase[] _cases;

    /// <summary>Initialises a new piecewise node.</summary>
    /// <param name="cases">The pieces, tried in order.</param>
    /// <param name="otherwise">The value when no condition holds, or null for NaN.</param>
    /// <exception cref="ArgumentException">There are neither pieces nor an otherwise part, or a piece has a null part.</exception>
    public PiecewiseExpr(IEnumerable<PiecewiseCase> cases, Expr? otherwise)
        : this(ValidateCases(cases, otherwise), otherwise)
    {
    }

    private PiecewiseExpr(PiecewiseCase[] cases, Expr? otherwise)
        : base(HashOf(cases, otherwise), DepthOf(cases, otherwise))
    {
        _cases = cases;
        Cases = Array.AsReadOnly(cases);
        Otherwise = otherwise;
    }

    /// <summary>Gets the pieces in the order they are tried.</summary>
    public IReadOnlyList<PiecewiseCase> Cases { get; }

    /// <summary>Gets the value when no condition holds, or null (the value is then NaN).</summary>
    public Expr? Otherwise { get; }

    /// <inheritdoc/>
    public override IReadOnlyList<Expr> Children
    {
        get
        {
            var children = new List<Expr>((2 * _cases.Length) + 1);
            foreach (var c in _cases)
            {
                children.Add(c.Value);
                children.Add(c.Condition);
            }

            if (Otherwise is not null)
            {
                children.Add(Otherwise);
            }

            return children;
        }
    }

    /// <summary>Gets the pieces without a copy (callers must not write to the array).</summary>
    internal PiecewiseCase[] CaseArray => _cases;

    /// <inheritdoc/>
    private protected override bool EqualsCore(Expr other)
    {
        var p = (PiecewiseExpr)other;
        return _cases.Length == p._cases.Length && (Otherwise is null) == (p.Otherwise is null);
    }

    private static PiecewiseCase[] ValidateCases(IEnumerable<PiecewiseCase> cases, Expr? otherwise)
    {
        ArgumentNullException.ThrowIfNull(cases);
        var array = cases.ToArray();
        foreach (var c in array)
        {
            if (c.Value is null || c.Condition is null)
            {
                throw new ArgumentException("Every piece needs a value and a condition.", nameof(cases));
            }
        }

        if (array.Length == 0 && otherwise is null)
        {
            throw new ArgumentException("A piecewise expression needs at least one piece or an otherwise part.", nameof(cases));
        }

        return array;
    }

    private static int HashOf(PiecewiseCase[] cases, Expr? otherwise)
    {
        var hash = new HashCode();
        hash.Add(7);
        foreach (var c in cases)
        {
            hash.Add(c.Value.GetHashCode());
            hash.Add(c.Condition.GetHashCode());
        }

        hash.Add(otherwise?.GetHashCode() ?? -1);
        return hash.ToHashCode();
    }

    private static int DepthOf(PiecewiseCase[] cases, Expr? otherwise)
    {
        int depth = otherwise?.Depth ?? 0;
        foreach (var c in cases)
        {
            depth = Math.Max(depth, Math.Max(c.Value.Depth, c.Condition.Depth));
        }

        return depth + 1;
    }
}
