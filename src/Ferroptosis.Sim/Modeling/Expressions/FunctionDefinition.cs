namespace Ferroptosis.Sim.Modeling.Expressions;

/// <summary>A user-defined function <c>name(p1, …, pn) = body</c>, like an SBML FunctionDefinition or an Antimony <c>function</c>.</summary>
/// <remarks>
/// A call is expanded by substituting the arguments for the parameters in the body, all at once
/// (<see cref="Apply"/>, <see cref="Expr.Inline"/>). The body may use symbols that are not parameters; they stay free
/// and are resolved where the call is used (SBML forbids this, Antimony tolerates it; the reader decides).
/// Calls between functions and the absence of recursion are checked by <see cref="FunctionLibrary"/>.
/// Immutable and thread-safe; equality is structural.
/// </remarks>
public sealed class FunctionDefinition : IEquatable<FunctionDefinition>
{
    private readonly string[] _parameters;

    /// <summary>Initialises a new function definition.</summary>
    /// <param name="name">The function name: an identifier that is neither built in nor a constant word.</param>
    /// <param name="parameters">The distinct parameter names (identifiers).</param>
    /// <param name="body">The body.</param>
    /// <exception cref="ArgumentException">The name or a parameter is invalid, shadows a built-in function, or a parameter repeats.</exception>
    public FunctionDefinition(string name, IEnumerable<string> parameters, Expr body)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(body);
        if (!ExpressionSyntax.IsIdentifier(name) || ExpressionSyntax.IsConstantWord(name))
        {
            throw new ArgumentException($"'{name}' cannot name a function; use an identifier that is not a constant word.", nameof(name));
        }

        if (BuiltinFunctions.IsBuiltin(name))
        {
            throw new ArgumentException($"'{name}' is a built-in function; choose another name for the user-defined function.", nameof(name));
        }

        _parameters = parameters.ToArray();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var p in _parameters)
        {
            if (p is null || !ExpressionSyntax.IsIdentifier(p) || ExpressionSyntax.IsConstantWord(p))
            {
                throw new ArgumentException($"The parameter '{p}' of '{name}' is not a valid symbol name.", nameof(parameters));
            }

            if (!seen.Add(p))
            {
                throw new ArgumentException($"The parameter '{p}' appears twice in '{name}'; parameter names must be distinct.", nameof(parameters));
            }
        }

        Name = name;
        Parameters = Array.AsReadOnly(_parameters);
        Body = body;
    }

    /// <summary>Gets the function name.</summary>
    public string Name { get; }

    /// <summary>Gets the parameter names, in order.</summary>
    public IReadOnlyList<string> Parameters { get; }

    /// <summary>Gets the number of parameters.</summary>
    public int Arity => _parameters.Length;

    /// <summary>Gets the body.</summary>
    public Expr Body { get; }

    /// <summary>Substitutes <paramref name="arguments"/> for the parameters in the body (calls inside the body are not expanded).</summary>
    /// <param name="arguments">One expression per parameter.</param>
    /// <returns>The body with the arguments in place of the parameters.</returns>
    /// <exception cref="ArgumentException">The number of arguments differs from <see cref="Arity"/>.</exception>
    public Expr Apply(IReadOnlyList<Expr> arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        if (arguments.Count != Arity)
        {
            throw new ArgumentException($"'{Name}' takes {BuiltinFunction.Plural(Arity)} but was given {arguments.Count}.", nameof(arguments));
        }

        return Bind(Body, Parameters, arguments);
    }

    /// <inheritdoc/>
    public bool Equals(FunctionDefinition? other) =>
        other is not null
        && string.Equals(Name, other.Name, StringComparison.Ordinal)
        && _parameters.AsSpan().SequenceEqual(other._parameters)
        && Body.Equals(other.Body);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as FunctionDefinition);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(StringComparer.Ordinal.GetHashCode(Name), _parameters.Length, Body);

    /// <summary>Formats the definition as <c>name(p1, p2) = body</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"{Name}({string.Join(", ", _parameters)}) = {Body}";

    /// <summary>Substitutes arguments for parameters in a body, simultaneously.</summary>
    internal static Expr Bind(Expr body, IReadOnlyList<string> parameters, IReadOnlyList<Expr> arguments) =>
        body.Substitute(name =>
        {
            for (int i = 0; i < parameters.Count; i++)
            {
                if (string.Equals(parameters[i], name, StringComparison.Ordinal))
                {
                    return arguments[i];
                }
            }

            return null;
        });
}
