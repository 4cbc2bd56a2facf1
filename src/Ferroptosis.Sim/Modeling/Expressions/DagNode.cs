namespace Ferroptosis.Sim.Modeling.Expressions;

/// <summary>The kinds of nodes in an <see cref="ExpressionDag"/>.</summary>
internal enum DagKind
{
    Constant,
    Input,
    Unary,
    Binary,
    Call,
    Piecewise,
}

/// <summary>A hash-consed node: operator, literal or input index, and argument node ids (all smaller than its own id).</summary>
/// <param name="Kind">The kind.</param>
/// <param name="Op">The <see cref="UnaryOperator"/>, <see cref="BinaryOperator"/> or <see cref="BuiltinKind"/>; the input index; or 1 when a piecewise has an otherwise part.</param>
/// <param name="Value">The value of a constant.</param>
/// <param name="Args">The argument node ids (for a piecewise: v1, c1, v2, c2, …, [otherwise]).</param>
/// <param name="Function">The built-in function of a call.</param>
internal sealed record DagNode(DagKind Kind, int Op, double Value, int[] Args, BuiltinFunction? Function)
{
    /// <inheritdoc/>
    public bool Equals(DagNode? other) =>
        other is not null
        && Kind == other.Kind
        && Op == other.Op
        && BitConverter.DoubleToInt64Bits(Value) == BitConverter.DoubleToInt64Bits(other.Value)
        && Args.AsSpan().SequenceEqual(other.Args);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Kind);
        hash.Add(Op);
        hash.Add(BitConverter.DoubleToInt64Bits(Value));
        foreach (int a in Args)
        {
            hash.Add(a);
        }

        return hash.ToHashCode();
    }
}
