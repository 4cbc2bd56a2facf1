namespace Ferroptosis.Sim.Modeling.Expressions;

/// <summary>Parses infix text in the syntax of SBML Level 3 formulas and Antimony into an <see cref="Expr"/>.</summary>
/// <remarks>
/// <para>Precedence, loosest first (all binary operators are left-associative except ^):</para>
/// <list type="number">
/// <item><c>||</c></item>
/// <item><c>&amp;&amp;</c></item>
/// <item><c>&lt; &lt;= &gt; &gt;= == !=</c></item>
/// <item><c>+ -</c></item>
/// <item><c>* / %</c> (<c>a % b</c> is <c>rem(a, b)</c>)</item>
/// <item>prefix <c>- + !</c></item>
/// <item><c>^</c>, right-associative, binding tighter than a prefix minus on its left (<c>-x^2</c> is −(x²)) and
/// accepting one on its right (<c>2^-x</c>)</item>
/// <item>numbers, names, calls <c>f(a, b)</c>, <c>piecewise(v1, c1, …, otherwise)</c>, parentheses</item>
/// </list>
/// <para>
/// A minus written directly before a number literal (not followed by ^) is part of the number. Constants: pi,
/// exponentiale, true, false, inf/INF/Inf/infinity/Infinity, NaN/nan/NAN/notanumber. Calls must name a built-in
/// function (<see cref="BuiltinFunctions"/>) or a user function declared in <see cref="ExpressionParserOptions"/>, with a
/// valid number of arguments. Errors throw <see cref="ModelParseException"/> with the 1-based line and column of the
/// offending token, e.g. <c>unknown function 'hil' at 3:17; did you mean 'hill'?</c>. Nesting deeper than
/// <see cref="MaxNestingDepth"/> or trees deeper than <see cref="MaxTreeDepth"/> are rejected the same way, so hostile
/// input cannot overflow the stack. Thread-safe (each call uses its own state).
/// </para>
/// </remarks>
public static class ExpressionParser
{
    /// <summary>The largest nesting of parentheses, calls, prefix operators and powers accepted.</summary>
    public const int MaxNestingDepth = 200;

    /// <summary>The largest tree depth accepted (a sum of n terms is n deep).</summary>
    public const int MaxTreeDepth = 1000;

    /// <summary>Parses an expression that may call built-in functions only.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The expression.</returns>
    /// <exception cref="ModelParseException">The text is not a valid expression; the message gives the position.</exception>
    public static Expr Parse(string text) => Parse(text, 1, 1, ExpressionParserOptions.Default);

    /// <summary>Parses an expression that may call the user-defined functions in <paramref name="options"/>.</summary>
    /// <param name="text">The text.</param>
    /// <param name="options">The declared user functions.</param>
    /// <returns>The expression.</returns>
    /// <exception cref="ModelParseException">The text is not a valid expression.</exception>
    public static Expr Parse(string text, ExpressionParserOptions options) => Parse(text, 1, 1, options);

    /// <summary>Parses an expression embedded in a host file, reporting positions in that file.</summary>
    /// <param name="text">The text of the expression.</param>
    /// <param name="line">The 1-based line in the host file of the first character of <paramref name="text"/>.</param>
    /// <param name="column">The 1-based column of the first character; lines after the first start at column 1.</param>
    /// <param name="options">The declared user functions, or null for built-ins only.</param>
    /// <returns>The expression.</returns>
    /// <exception cref="ModelParseException">The text is not a valid expression; Line and Column refer to the host file.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="line"/> or <paramref name="column"/> is less than 1.</exception>
    public static Expr Parse(string text, int line, int column, ExpressionParserOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfLessThan(line, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(column, 1);
        return new ExpressionParserCore(text, line, column, options ?? ExpressionParserOptions.Default).ParseAll();
    }
}
