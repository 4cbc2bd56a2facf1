namespace Ferroptosis.Sim.Modeling.Expressions;

/// <content>Arithmetic operators for building expressions in code; they build nodes as written, without simplifying.</content>
public abstract partial class Expr
{
    /// <summary>Builds <c>left + right</c>.</summary>
    /// <param name="left">The left operand.</param>
    /// <param name="right">The right operand.</param>
    /// <returns>The sum node.</returns>
    public static Expr operator +(Expr left, Expr right) => Add(left, right);

    /// <summary>Builds <c>left - right</c>.</summary>
    /// <param name="left">The left operand.</param>
    /// <param name="right">The right operand.</param>
    /// <returns>The difference node.</returns>
    public static Expr operator -(Expr left, Expr right) => Subtract(left, right);

    /// <summary>Builds <c>left * right</c>.</summary>
    /// <param name="left">The left operand.</param>
    /// <param name="right">The right operand.</param>
    /// <returns>The product node.</returns>
    public static Expr operator *(Expr left, Expr right) => Multiply(left, right);

    /// <summary>Builds <c>left / right</c>.</summary>
    /// <param name="left">The left operand.</param>
    /// <param name="right">The right operand.</param>
    /// <returns>The quotient node.</returns>
    public static Expr operator /(Expr left, Expr right) => Divide(left, right);

    /// <summary>Builds <c>-operand</c>.</summary>
    /// <param name="operand">The operand.</param>
    /// <returns>The negation node.</returns>
    public static Expr operator -(Expr operand) => Negate(operand);

    /// <summary>Converts a number to a <see cref="NumberExpr"/>.</summary>
    /// <param name="value">The number.</param>
    public static implicit operator Expr(double value) => FromDouble(value);

    /// <summary>Builds <c>left + right</c>.</summary>
    /// <param name="left">The left operand.</param>
    /// <param name="right">The right operand.</param>
    /// <returns>The sum node.</returns>
    public static Expr Add(Expr left, Expr right) => new BinaryExpr(BinaryOperator.Add, left, right);

    /// <summary>Builds <c>left - right</c>.</summary>
    /// <param name="left">The left operand.</param>
    /// <param name="right">The right operand.</param>
    /// <returns>The difference node.</returns>
    public static Expr Subtract(Expr left, Expr right) => new BinaryExpr(BinaryOperator.Subtract, left, right);

    /// <summary>Builds <c>left * right</c>.</summary>
    /// <param name="left">The left operand.</param>
    /// <param name="right">The right operand.</param>
    /// <returns>The product node.</returns>
    public static Expr Multiply(Expr left, Expr right) => new BinaryExpr(BinaryOperator.Multiply, left, right);

    /// <summary>Builds <c>left / right</c>.</summary>
    /// <param name="left">The left operand.</param>
    /// <param name="right">The right operand.</param>
    /// <returns>The quotient node.</returns>
    public static Expr Divide(Expr left, Expr right) => new BinaryExpr(BinaryOperator.Divide, left, right);

    /// <summary>Builds <c>left ^ right</c>.</summary>
    /// <param name="left">The base.</param>
    /// <param name="right">The exponent.</param>
    /// <returns>The power node.</returns>
    public static Expr Power(Expr left, Expr right) => new BinaryExpr(BinaryOperator.Power, left, right);

    /// <summary>Builds <c>-operand</c>.</summary>
    /// <param name="operand">The operand.</param>
    /// <returns>The negation node.</returns>
    public static Expr Negate(Expr operand) => new UnaryExpr(UnaryOperator.Negate, operand);

    /// <summary>Converts a number to a <see cref="NumberExpr"/>.</summary>
    /// <param name="value">The number.</param>
    /// <returns>The number node.</returns>
    public static Expr FromDouble(double value) => new NumberExpr(value);

    /// <summary>Builds a symbol reference.</summary>
    /// <param name="name">The symbol name (an identifier that is not a named constant).</param>
    /// <returns>The symbol node.</returns>
    public static Expr Symbol(string name) => new SymbolExpr(name);

    /// <summary>Builds a call of a built-in or user-defined function.</summary>
    /// <param name="name">The function name.</param>
    /// <param name="arguments">The arguments.</param>
    /// <returns>The call node.</returns>
    public static Expr Call(string name, params Expr[] arguments) => new CallExpr(name, arguments);
}
