namespace Ferroptosis.Sim.Modeling.Expressions;

/// <summary>A reference to a named quantity: a species, parameter, compartment, function parameter, or <c>time</c>.</summary>
/// <remarks>
/// The name is an identifier (a letter or '_' followed by letters, digits and '_') that is not one of the words the
/// parser reads as a constant (pi, exponentiale, true, false, inf, NaN and their spellings), so that every symbol
/// formats and parses back to itself. Function names are allowed (<c>sin</c> without parentheses is a symbol).
/// Immutable and thread-safe.
/// </remarks>
public sealed class SymbolExpr : Expr
{
    /// <summary>Initialises a new symbol node.</summary>
    /// <param name="name">The identifier.</param>
    /// <exception cref="ArgumentException"><paramref name="name"/> is not an identifier or is a reserved constant word.</exception>
    public SymbolExpr(string name)
        : base(HashCode.Combine(3, StringComparer.Ordinal.GetHashCode(ValidateName(name))), 1)
    {
        Name = name;
    }

    /// <summary>Gets the name.</summary>
    public string Name { get; }

    /// <inheritdoc/>
    public override IReadOnlyList<Expr> Children => [];

    /// <inheritdoc/>
    private protected override bool EqualsCore(Expr other) => string.Equals(Name, ((SymbolExpr)other).Name, StringComparison.Ordinal);

    private static string ValidateName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (!ExpressionSyntax.IsIdentifier(name))
        {
            throw new ArgumentException(
                $"'{name}' is not an identifier; symbol names start with a letter or '_' and continue with letters, digits or '_'.",
                nameof(name));
        }

        if (ExpressionSyntax.IsConstantWord(name))
        {
            throw new ArgumentException(
                $"'{name}' is a named constant in expressions and cannot be a symbol name; rename the quantity.",
                nameof(name));
        }

        return name;
    }
}
