namespace Ferroptosis.Sim.Modeling.Expressions;

/// <summary>A named constant: <c>pi</c>, <c>exponentiale</c>, <c>true</c> or <c>false</c>.</summary>
/// <remarks>
/// Infinity and NaN are <see cref="NumberExpr"/> values instead. <c>e</c> is not a constant but an ordinary
/// symbol (as in libSBML's infix syntax), because models use it as a name. Immutable and thread-safe.
/// </remarks>
public sealed class ConstantExpr : Expr
{
    /// <summary>The constant π.</summary>
    public static readonly ConstantExpr Pi = new(ConstantKind.Pi);

    /// <summary>The constant e.</summary>
    public static readonly ConstantExpr ExponentialE = new(ConstantKind.ExponentialE);

    /// <summary>The truth value true.</summary>
    public static readonly ConstantExpr True = new(ConstantKind.True);

    /// <summary>The truth value false.</summary>
    public static readonly ConstantExpr False = new(ConstantKind.False);

    /// <summary>Initialises a new constant node.</summary>
    /// <param name="kind">Which constant.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="kind"/> is not a defined value.</exception>
    public ConstantExpr(ConstantKind kind)
        : base(HashCode.Combine(2, (int)kind), 1)
    {
        if (!Enum.IsDefined(kind))
        {
            throw new ArgumentOutOfRangeException(nameof(kind), kind, "Use one of the ConstantKind values.");
        }

        Kind = kind;
    }

    /// <summary>Gets which constant this is.</summary>
    public ConstantKind Kind { get; }

    /// <summary>Gets the numeric value (π, e, 1 or 0).</summary>
    public double Value => Kind switch
    {
        ConstantKind.Pi => Math.PI,
        ConstantKind.ExponentialE => Math.E,
        ConstantKind.True => 1.0,
        _ => 0.0,
    };

    /// <summary>Gets the name used in infix text.</summary>
    public string Name => Kind switch
    {
        ConstantKind.Pi => "pi",
        ConstantKind.ExponentialE => "exponentiale",
        ConstantKind.True => "true",
        _ => "false",
    };

    /// <summary>Gets a value indicating whether this is a truth value.</summary>
    public bool IsBoolean => Kind is ConstantKind.True or ConstantKind.False;

    /// <inheritdoc/>
    public override IReadOnlyList<Expr> Children => [];

    /// <summary>Returns the truth-value constant for <paramref name="value"/>.</summary>
    internal static ConstantExpr FromBoolean(bool value) => value ? True : False;

    /// <inheritdoc/>
    private protected override bool EqualsCore(Expr other) => Kind == ((ConstantExpr)other).Kind;
}
