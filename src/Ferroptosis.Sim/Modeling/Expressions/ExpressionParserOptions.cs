using System.Collections.Frozen;

namespace Ferroptosis.Sim.Modeling.Expressions;

/// <summary>Options for <see cref="ExpressionParser"/>: the user-defined functions that calls may name.</summary>
/// <remarks>Immutable and thread-safe; validated when set.</remarks>
public sealed record ExpressionParserOptions
{
    private readonly IReadOnlyDictionary<string, int> _userFunctions = FrozenDictionary<string, int>.Empty;

    /// <summary>Gets the default options: built-in functions only.</summary>
    public static ExpressionParserOptions Default { get; } = new();

    /// <summary>Gets the user-defined functions that may be called: name → number of parameters.</summary>
    /// <exception cref="ArgumentException">A name is not an identifier, is a constant word, or is built in; or an arity is negative.</exception>
    public IReadOnlyDictionary<string, int> UserFunctions
    {
        get => _userFunctions;
        init => _userFunctions = Validate(value);
    }

    /// <summary>Creates options that accept calls of the functions in <paramref name="functions"/>.</summary>
    /// <param name="functions">The function library.</param>
    /// <returns>The options.</returns>
    public static ExpressionParserOptions ForFunctions(FunctionLibrary functions)
    {
        ArgumentNullException.ThrowIfNull(functions);
        return new ExpressionParserOptions { UserFunctions = functions.Arities };
    }

    private static FrozenDictionary<string, int> Validate(IReadOnlyDictionary<string, int> functions)
    {
        ArgumentNullException.ThrowIfNull(functions);
        foreach (var (name, arity) in functions)
        {
            if (!ExpressionSyntax.IsIdentifier(name) || ExpressionSyntax.IsConstantWord(name) || BuiltinFunctions.IsBuiltin(name))
            {
                throw new ArgumentException(
                    $"'{name}' cannot be a user-defined function name: it is not an identifier, or it is a constant or built-in name.",
                    nameof(functions));
            }

            ArgumentOutOfRangeException.ThrowIfNegative(arity, nameof(functions));
        }

        return functions.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
