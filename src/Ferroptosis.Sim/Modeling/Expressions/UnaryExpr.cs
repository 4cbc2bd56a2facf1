namespace Ferroptosis.Sim.Modeling.Expressions;

/// <summary>A prefix operator applied to one operand: <c>-x</c> or <c>!x</c>.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class UnaryExpr : Expr
{
    /// <summary>Initialises a new unary node.</summary>
    /// <param name="op">The operator.</param>
    /// <param name="operand">The operand.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="op"/> is not a defined value.</exception>
    public UnaryExpr(UnaryOperator op, Expr operand)
        : base(HashCode.Combine(4, (int)op, (operand ?? throw new ArgumentNullException(nameof(operand))).GetHashCode()), operand.Depth + 1)
    {
        if (!Enum.IsDefined(op))
        {
            throw new ArgumentOutOfRangeException(nameof(op), op, "Use one of the UnaryOperator values.");
        }

        Operator = op;
        Operand = operand;
    }

    /// <summary>Gets the operator.</summary>
    public UnaryOperator Operator { get; }

    /// <summary>Gets the operand.</summary>
    public Expr Operand { get; }

    /// <inheritdoc/>
    public override IReadOnlyList<Expr> Children => [Operand];

    /// <inheritdoc/>
    private protected override bool EqualsCore(Expr other)
    {
        return Operator == ((UnaryExpr)other).Operator;
    }
}
