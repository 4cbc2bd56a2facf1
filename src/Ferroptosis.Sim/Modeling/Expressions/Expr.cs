namespace Ferroptosis.Sim.Modeling.Expressions;

/// <summary>An immutable node of a mathematical expression (a rate law, a rule, an event trigger) with structural equality.</summary>
/// <remarks>
/// <para>
/// The node types are <see cref="NumberExpr"/>, <see cref="ConstantExpr"/>, <see cref="SymbolExpr"/>,
/// <see cref="UnaryExpr"/>, <see cref="BinaryExpr"/>, <see cref="CallExpr"/> and <see cref="PiecewiseExpr"/>;
/// the hierarchy is closed (no other assembly can derive from <see cref="Expr"/>), so a <c>switch</c> over
/// these seven types is exhaustive. Two expressions are equal when they have the same shape, operators,
/// names and numbers (numbers compare bit for bit, except that every NaN equals every NaN); the hash code is
/// computed once at construction, so equality of different trees is usually decided in O(1), and equality is decided
/// without recursion in time proportional to the distinct nodes (sub-expressions shared between parents count once).
/// </para>
/// <para>
/// Values are IEEE doubles; truth values are 1.0 and 0.0 and a condition holds when its value is not 0
/// (so NaN counts as true, as in C). The interpreter (<see cref="Evaluate(Func{string, double})"/>) is the
/// reference semantics; <see cref="ExpressionCompiler"/> produces the same numbers.
/// </para>
/// <para>
/// Algorithms recurse over the tree; trees made by <see cref="ExpressionParser"/> are at most
/// <see cref="ExpressionParser.MaxTreeDepth"/> deep. Immutable, so instances are safe to share between threads.
/// </para>
/// </remarks>
public abstract partial class Expr : IEquatable<Expr>
{
    private readonly int _hash;
    private IReadOnlyList<string>? _symbols;
    private IReadOnlyList<string>? _functionCalls;

    private protected Expr(int hash, int depth)
    {
        _hash = hash;
        Depth = depth;
    }

    /// <summary>Gets the number of nodes on the longest path from this node to a leaf (1 for a leaf).</summary>
    public int Depth { get; }

    /// <summary>Gets the direct sub-expressions, left to right (empty for leaves).</summary>
    public abstract IReadOnlyList<Expr> Children { get; }

    /// <summary>Gets the distinct names of the free symbols, in order of first appearance from left to right.</summary>
    /// <remarks>Named constants (pi, true, …) are not symbols; <c>time</c> is an ordinary symbol.</remarks>
    public IReadOnlyList<string> Symbols => _symbols ??= ExprQueries.CollectSymbols(this);

    /// <summary>Gets the distinct names of the functions called (built-in and user-defined), in order of first appearance.</summary>
    /// <remarks><c>piecewise</c> is a node type of its own, not a call, and is not listed.</remarks>
    public IReadOnlyList<string> FunctionCalls => _functionCalls ??= ExprQueries.CollectCalls(this);

    /// <summary>Parses infix text; shorthand for <see cref="ExpressionParser.Parse(string)"/>.</summary>
    /// <param name="text">The text, for example <c>Vmax*S/(Km + S)</c>.</param>
    /// <returns>The expression.</returns>
    /// <exception cref="ModelParseException">The text is not a valid expression; the message gives the position.</exception>
    public static Expr Parse(string text) => ExpressionParser.Parse(text);

    /// <summary>Tells whether the symbol <paramref name="name"/> occurs in this expression.</summary>
    /// <param name="name">The symbol name.</param>
    /// <returns>True when the symbol occurs.</returns>
    public bool ContainsSymbol(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return ExprQueries.ContainsSymbol(this, name);
    }

    /// <summary>Evaluates the expression with IEEE semantics (the reference interpreter).</summary>
    /// <param name="values">Returns the value of a symbol; called once per occurrence.</param>
    /// <returns>The value; division by zero and domain errors give ±∞ or NaN, never an exception.</returns>
    /// <exception cref="ArgumentException">The expression calls a user-defined function; use the overload with a <see cref="FunctionLibrary"/>.</exception>
    public double Evaluate(Func<string, double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return ExpressionInterpreter.Evaluate(this, values, null);
    }

    /// <summary>Evaluates the expression, calling user-defined functions from <paramref name="functions"/>.</summary>
    /// <param name="values">Returns the value of a free symbol.</param>
    /// <param name="functions">The user-defined functions the expression may call.</param>
    /// <returns>The value (IEEE semantics, never an exception for numerical reasons).</returns>
    /// <exception cref="ArgumentException">The expression calls a function that is neither built in nor in <paramref name="functions"/>.</exception>
    public double Evaluate(Func<string, double> values, FunctionLibrary functions)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(functions);
        return ExpressionInterpreter.Evaluate(this, values, functions);
    }

    /// <summary>Evaluates the expression with symbol values from a dictionary.</summary>
    /// <param name="values">The value of every free symbol.</param>
    /// <returns>The value.</returns>
    /// <exception cref="ArgumentException">A symbol has no value in <paramref name="values"/>, or a user-defined function is called.</exception>
    public double Evaluate(IReadOnlyDictionary<string, double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return ExpressionInterpreter.Evaluate(
            this,
            name => values.TryGetValue(name, out double v)
                ? v
                : throw new ArgumentException($"The symbol '{name}' has no value; add it to the dictionary.", nameof(values)),
            null);
    }

    /// <summary>Returns an equivalent expression with constants folded and neutral elements removed.</summary>
    /// <returns>The simplified expression (this instance when nothing changes).</returns>
    /// <remarks>
    /// Rules: constant folding; x + 0, x − 0, 0 − x, x − x, 0·x, 1·x, −1·x, x/1, 0/x, x/x, x^1, x^0, 1^x, −(−x); combining
    /// nested numeric factors and terms; function forms with operator equivalents become operators (pow → ^, gt → &gt;, …);
    /// pruning of piecewise pieces and logic with known conditions. π and e are kept by name. The rules 0·x = 0,
    /// x − x = 0, x/x = 1 and 0/x = 0 assume finite operands, as computer-algebra systems do: simplification may turn
    /// a NaN into a number, never a finite value into another (beyond rounding from combining constants).
    /// </remarks>
    public Expr Simplify() => Simplifier.Simplify(this);

    /// <summary>Returns the simplified partial derivative with respect to a symbol.</summary>
    /// <param name="symbol">The symbol to differentiate by.</param>
    /// <returns>The derivative; exactly <see cref="NumberExpr.Zero"/> when it vanishes structurally (useful for sparsity patterns).</returns>
    /// <exception cref="ArgumentException">The expression calls a user-defined function; call <see cref="Inline"/> first.</exception>
    /// <remarks>
    /// Every built-in has its textbook derivative; a^b uses the general rule when both depend on the symbol; abs′ is
    /// sign; min/max′ is a piecewise selecting the derivative of the extremal argument; piecewise′ differentiates each
    /// branch under the same conditions; floor, ceiling, factorial (defined on integers), sign, quotient, comparisons and
    /// logic have derivative 0. <c>time</c> is an ordinary symbol.
    /// </remarks>
    public Expr Differentiate(string symbol)
    {
        ArgumentException.ThrowIfNullOrEmpty(symbol);
        return Differentiator.Differentiate(this, symbol);
    }

    /// <summary>Replaces symbols by expressions, all at once (replacements are not substituted again).</summary>
    /// <param name="replacement">Returns the replacement for a symbol name, or null to keep the symbol.</param>
    /// <returns>The new expression; unchanged sub-trees are shared with this one.</returns>
    public Expr Substitute(Func<string, Expr?> replacement)
    {
        ArgumentNullException.ThrowIfNull(replacement);
        return ExprRewriter.Substitute(this, replacement);
    }

    /// <summary>Replaces the symbols that are keys of <paramref name="replacements"/>, all at once.</summary>
    /// <param name="replacements">Symbol name → replacement.</param>
    /// <returns>The new expression.</returns>
    public Expr Substitute(IReadOnlyDictionary<string, Expr> replacements)
    {
        ArgumentNullException.ThrowIfNull(replacements);
        return ExprRewriter.Substitute(this, name => replacements.TryGetValue(name, out var e) ? e : null);
    }

    /// <summary>Expands every call of a user-defined function by substituting its arguments into its body, recursively.</summary>
    /// <param name="functions">The function definitions (validated: no recursion, consistent arities).</param>
    /// <returns>An expression that calls built-in functions only; a function called again with equal arguments is one shared sub-expression (the result is a graph whose size grows with the definitions, not with the expanded tree).</returns>
    /// <exception cref="ArgumentException">A called function is neither built in nor in <paramref name="functions"/>, or has a different arity.</exception>
    /// <exception cref="ModelValidationException">The expansion is deeper than 2000 operations or builds more than 1 000 000 distinct ones (<c>ModelCompiler.MaxExpressionDepth</c>, <c>MaxExpandedNodes</c>).</exception>
    public Expr Inline(FunctionLibrary functions)
    {
        ArgumentNullException.ThrowIfNull(functions);
        return ExprRewriter.Inline(this, functions);
    }

    /// <summary>Formats the expression as infix text that parses back to an equal expression.</summary>
    /// <returns>The text, with the fewest parentheses needed.</returns>
    public override string ToString() => ExpressionFormatter.Format(this);

    /// <inheritdoc/>
    public bool Equals(Expr? other)
    {
        if (ReferenceEquals(this, other))
        {
            return true;
        }

        if (other is null || _hash != other._hash || GetType() != other.GetType())
        {
            return false;
        }

        return ExprEquality.Equal(this, other);
    }

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Expr e && Equals(e);

    /// <inheritdoc/>
    public override int GetHashCode() => _hash;

    /// <summary>Compares two expressions structurally.</summary>
    /// <param name="left">The first expression.</param>
    /// <param name="right">The second expression.</param>
    /// <returns>True when both are null or structurally equal.</returns>
    public static bool operator ==(Expr? left, Expr? right) => left is null ? right is null : left.Equals(right);

    /// <summary>Compares two expressions structurally.</summary>
    /// <param name="left">The first expression.</param>
    /// <param name="right">The second expression.</param>
    /// <returns>True when they differ.</returns>
    public static bool operator !=(Expr? left, Expr? right) => !(left == right);

    /// <summary>Compares the node's own fields (operator, name, value, number of children) with those of a node of the same concrete type; children are compared by the caller.</summary>
    private protected abstract bool EqualsCore(Expr other);

    /// <summary>Gets the number of direct sub-expressions, without allocating (<see cref="Children"/> may allocate).</summary>
    internal int ChildCount => this switch
    {
        UnaryExpr => 1,
        BinaryExpr => 2,
        CallExpr c => c.ArgumentArray.Length,
        PiecewiseExpr p => (2 * p.CaseArray.Length) + (p.Otherwise is null ? 0 : 1),
        _ => 0,
    };

    /// <summary>Gets direct sub-expression <paramref name="i"/> in the order of <see cref="Children"/>, without allocating.</summary>
    internal Expr ChildAt(int i) => this switch
    {
        UnaryExpr u => u.Operand,
        BinaryExpr b => i == 0 ? b.Left : b.Right,
        CallExpr c => c.ArgumentArray[i],
        PiecewiseExpr p when i < 2 * p.CaseArray.Length => i % 2 == 0 ? p.CaseArray[i / 2].Value : p.CaseArray[i / 2].Condition,
        PiecewiseExpr p => p.Otherwise!,
        _ => throw new ArgumentOutOfRangeException(nameof(i)),
    };

    /// <summary>Compares the own fields of two nodes (see <see cref="EqualsCore"/>), for <see cref="ExprEquality"/>.</summary>
    internal bool SameNode(Expr other) => _hash == other._hash && GetType() == other.GetType() && EqualsCore(other);

    /// <summary>Combines a node tag with the hash codes of its children.</summary>
    private protected static int HashChildren(int seed, ReadOnlySpan<Expr> children)
    {
        var hash = new HashCode();
        hash.Add(seed);
        foreach (var child in children)
        {
            hash.Add(child._hash);
        }

        return hash.ToHashCode();
    }

    /// <summary>Returns 1 + the largest depth among <paramref name="children"/>.</summary>
    private protected static int DepthOf(ReadOnlySpan<Expr> children)
    {
        int depth = 0;
        foreach (var child in children)
        {
            depth = Math.Max(depth, child.Depth);
        }

        return depth + 1;
    }
}
