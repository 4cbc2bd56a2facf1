namespace Ferroptosis.Sim.Modeling.Expressions;

/// <summary>The infix operators, from arithmetic to logic.</summary>
/// <remarks>
/// Comparisons and logical operators yield 1.0 (true) or 0.0 (false); an operand counts as true when it is not 0.
/// Comparisons follow IEEE: any comparison with NaN is false except <see cref="NotEqual"/>.
/// </remarks>
public enum BinaryOperator
{
    /// <summary>Addition <c>a + b</c>.</summary>
    Add,

    /// <summary>Subtraction <c>a - b</c>.</summary>
    Subtract,

    /// <summary>Multiplication <c>a * b</c>.</summary>
    Multiply,

    /// <summary>Division <c>a / b</c> (IEEE: x/0 is ±∞ or NaN).</summary>
    Divide,

    /// <summary>Power <c>a ^ b</c> (right-associative).</summary>
    Power,

    /// <summary>Less than <c>a &lt; b</c>.</summary>
    Less,

    /// <summary>Less than or equal <c>a &lt;= b</c>.</summary>
    LessOrEqual,

    /// <summary>Greater than <c>a &gt; b</c>.</summary>
    Greater,

    /// <summary>Greater than or equal <c>a &gt;= b</c>.</summary>
    GreaterOrEqual,

    /// <summary>Equality <c>a == b</c>.</summary>
    Equal,

    /// <summary>Inequality <c>a != b</c>.</summary>
    NotEqual,

    /// <summary>Logical and <c>a &amp;&amp; b</c>.</summary>
    And,

    /// <summary>Logical or <c>a || b</c>.</summary>
    Or,
}
