namespace Ferroptosis.Sim.Modeling.Expressions;

/// <summary>An infix operator applied to two operands: arithmetic, power, comparison or logic.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class BinaryExpr : Expr
{
    /// <summary>Initialises a new binary node.</summary>
    /// <param name="op">The operator.</param>
    /// <param name="left">The left operand.</param>
    /// <param name="right">The right operand.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="op"/> is not a defined value.</exception>
    public BinaryExpr(BinaryOperator op, Expr left, Expr right)
        : base(
            HashCode.Combine(5, (int)op, (left ?? throw new ArgumentNullException(nameof(left))).GetHashCode(), (right ?? throw new ArgumentNullException(nameof(right))).GetHashCode()),
            Math.Max(left.Depth, right.Depth) + 1)
    {
        if (!Enum.IsDefined(op))
        {
            throw new ArgumentOutOfRangeException(nameof(op), op, "Use one of the BinaryOperator values.");
        }

        Operator = op;
        Left = left;
        Right = right;
    }

    /// <summary>Gets the operator.</summary>
    public BinaryOperator Operator { get; }

    /// <summary>Gets the left operand.</summary>
    public Expr Left { get; }

    /// <summary>Gets the right operand.</summary>
    public Expr Right { get; }

    /// <inheritdoc/>
    public override IReadOnlyList<Expr> Children => [Left, Right];

    /// <summary>Gets a value indicating whether the operator is a comparison (&lt;, &lt;=, &gt;, &gt;=, ==, !=).</summary>
    public bool IsComparison => IsComparisonOperator(Operator);

    /// <summary>Gets a value indicating whether the operator is a logical connective (&amp;&amp;, ||).</summary>
    public bool IsLogical => Operator is BinaryOperator.And or BinaryOperator.Or;

    /// <summary>Tells whether <paramref name="op"/> is a comparison.</summary>
    internal static bool IsComparisonOperator(BinaryOperator op) => op is >= BinaryOperator.Less and <= BinaryOperator.NotEqual;

    /// <inheritdoc/>
    private protected override bool EqualsCore(Expr other)
    {
        return Operator == ((BinaryExpr)other).Operator;
    }
}
