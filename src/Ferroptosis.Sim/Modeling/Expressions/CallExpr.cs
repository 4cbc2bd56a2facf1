namespace Ferroptosis.Sim.Modeling.Expressions;

/// <summary>A call of a built-in function (<see cref="BuiltinFunctions"/>) or of a user-defined function (<see cref="FunctionDefinition"/>).</summary>
/// <remarks>
/// Built-in aliases are replaced by canonical names on construction (asin → arcsin, log(x) → ln(x), …) and the
/// number of arguments is checked; names that are not built in are user-defined functions, whose arity is checked
/// by the parser and by <see cref="FunctionLibrary"/>. Immutable and thread-safe.
/// </remarks>
public sealed class CallExpr : Expr
{
    private readonly Expr[] _arguments;

    /// <summary>Initialises a new call node.</summary>
    /// <param name="name">The function name (built-in name, alias, or user-defined identifier).</param>
    /// <param name="arguments">The arguments.</param>
    /// <exception cref="ArgumentException">The name is not an identifier, is <c>piecewise</c> or a constant word, or a built-in function gets the wrong number of arguments.</exception>
    public CallExpr(string name, IEnumerable<Expr> arguments)
        : this(Prepare(name, arguments))
    {
    }

    /// <summary>Initialises a new call node.</summary>
    /// <param name="name">The function name.</param>
    /// <param name="arguments">The arguments.</param>
    /// <exception cref="ArgumentException">See <see cref="CallExpr(string, IEnumerable{Expr})"/>.</exception>
    public CallExpr(string name, params Expr[] arguments)
        : this(name, (IEnumerable<Expr>)arguments)
    {
    }

    private CallExpr((string Name, BuiltinFunction? Builtin, Expr[] Arguments) prepared)
        : base(
            HashChildren(HashCode.Combine(6, StringComparer.Ordinal.GetHashCode(prepared.Name)), prepared.Arguments),
            DepthOf(prepared.Arguments))
    {
        Name = prepared.Name;
        Builtin = prepared.Builtin;
        _arguments = prepared.Arguments;
        Arguments = Array.AsReadOnly(_arguments);
    }

    /// <summary>Gets the (canonical) function name.</summary>
    public string Name { get; }

    /// <summary>Gets the built-in function called, or null for a user-defined function.</summary>
    public BuiltinFunction? Builtin { get; }

    /// <summary>Gets a value indicating whether this calls a built-in function.</summary>
    public bool IsBuiltin => Builtin is not null;

    /// <summary>Gets the arguments.</summary>
    public IReadOnlyList<Expr> Arguments { get; }

    /// <inheritdoc/>
    public override IReadOnlyList<Expr> Children => Arguments;

    /// <summary>Gets the arguments without a copy (callers must not write to the array).</summary>
    internal Expr[] ArgumentArray => _arguments;

    /// <summary>Builds a call with the same name and new arguments.</summary>
    internal CallExpr WithArguments(Expr[] arguments) => new(Name, arguments);

    /// <inheritdoc/>
    private protected override bool EqualsCore(Expr other)
    {
        var c = (CallExpr)other;
        return string.Equals(Name, c.Name, StringComparison.Ordinal) && _arguments.Length == c._arguments.Length;
    }

    private static (string, BuiltinFunction?, Expr[]) Prepare(string name, IEnumerable<Expr> arguments)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(arguments);
        var args = arguments.ToArray();
        if (Array.IndexOf(args, null) >= 0)
        {
            throw new ArgumentException($"An argument of '{name}' is null.", nameof(arguments));
        }

        if (!ExpressionSyntax.IsIdentifier(name) || ExpressionSyntax.IsConstantWord(name))
        {
            throw new ArgumentException($"'{name}' cannot name a function; use an identifier that is not a constant word.", nameof(name));
        }

        if (name == ExpressionSyntax.Piecewise)
        {
            throw new ArgumentException("Build piecewise expressions with PiecewiseExpr, not as a call.", nameof(name));
        }

        var builtin = BuiltinFunctions.Resolve(name, args.Length);
        if (builtin is null)
        {
            return (name, null, args);
        }

        if (!builtin.AcceptsArity(args.Length))
        {
            throw new ArgumentException(
                $"The function '{name}' takes {builtin.DescribeArity()} but was given {args.Length}.", nameof(arguments));
        }

        return (builtin.Name, builtin, args);
    }
}
