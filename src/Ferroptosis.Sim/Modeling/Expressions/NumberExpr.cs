namespace Ferroptosis.Sim.Modeling.Expressions;

/// <summary>A numeric literal (any double, including ±∞ and NaN).</summary>
/// <remarks>
/// The parser reads <c>inf</c>/<c>INF</c>/<c>infinity</c> and <c>NaN</c>/<c>nan</c>/<c>notanumber</c> as numbers, and
/// folds a minus sign written directly before a literal into it (<c>-2</c> is the number −2, while <c>-2^2</c> is
/// −(2²)). Numbers compare bit for bit (0 ≠ −0), except that all NaNs are equal. Immutable and thread-safe.
/// </remarks>
public sealed class NumberExpr : Expr
{
    /// <summary>The number 0.</summary>
    public static readonly NumberExpr Zero = new(0.0);

    /// <summary>The number 1.</summary>
    public static readonly NumberExpr One = new(1.0);

    /// <summary>Initialises a new number node.</summary>
    /// <param name="value">The value.</param>
    public NumberExpr(double value)
        : base(HashOf(value), 1)
    {
        Value = value;
    }

    /// <summary>Gets the value.</summary>
    public double Value { get; }

    /// <inheritdoc/>
    public override IReadOnlyList<Expr> Children => [];

    /// <summary>Tells whether two doubles are the same literal: equal bits, or both NaN.</summary>
    internal static bool SameValue(double a, double b) =>
        BitConverter.DoubleToInt64Bits(a) == BitConverter.DoubleToInt64Bits(b) || (double.IsNaN(a) && double.IsNaN(b));

    /// <summary>Tells whether <paramref name="e"/> is the number <paramref name="value"/> (with 0 matching ±0).</summary>
    internal static bool Is(Expr e, double value) => e is NumberExpr n && n.Value == value;

    /// <inheritdoc/>
    private protected override bool EqualsCore(Expr other) => SameValue(Value, ((NumberExpr)other).Value);

    private static int HashOf(double value) =>
        HashCode.Combine(1, double.IsNaN(value) ? 0x7FF8 : BitConverter.DoubleToInt64Bits(value).GetHashCode());
}
