using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

namespace Ferroptosis.Sim.Modeling.Expressions;

/// <summary>Formats expressions as infix text that <see cref="ExpressionParser"/> reads back to an equal expression.</summary>
/// <remarks>
/// Parentheses appear only where precedence or associativity requires them (see <see cref="ExpressionParser"/> for
/// the table), plus two cases that keep the round trip exact: a negated literal is written <c>-(2)</c> because
/// <c>-2</c> reads as the number −2, and a negated negation is written <c>-(-x)</c>. Numbers use the shortest text
/// that round-trips ("R" format, invariant culture), <c>inf</c> and <c>NaN</c>. Thread-safe (stateless).
/// </remarks>
public static class ExpressionFormatter
{
    // Binding strength, weakest first; Atom never needs parentheses.
    private const int Or = 1;
    private const int And = 2;
    private const int Comparison = 3;
    private const int Additive = 4;
    private const int Multiplicative = 5;
    private const int Prefix = 6;
    private const int Power = 7;
    private const int Atom = 8;

    /// <summary>Formats an expression.</summary>
    /// <param name="expression">The expression.</param>
    /// <returns>The infix text.</returns>
    public static string Format(Expr expression)
    {
        ArgumentNullException.ThrowIfNull(expression);
        var sb = new StringBuilder();
        Write(sb, expression);
        return sb.ToString();
    }

    /// <summary>Formats a number the way the parser reads it back bit for bit (−0 is "-0").</summary>
    /// <param name="value">The number.</param>
    /// <returns>The text: digits in "R" format, <c>inf</c>, <c>-inf</c> or <c>NaN</c>.</returns>
    public static string FormatNumber(double value)
    {
        if (double.IsNaN(value))
        {
            return "NaN";
        }

        string magnitude = double.IsInfinity(value) ? "inf" : Math.Abs(value).ToString("R", CultureInfo.InvariantCulture);
        return double.IsNegative(value) ? "-" + magnitude : magnitude;
    }

    /// <summary>Gets the binding strength of the top-level construct of <paramref name="e"/>.</summary>
    internal static int Precedence(Expr e) => e switch
    {
        NumberExpr n => double.IsNegative(n.Value) ? Prefix : Atom,
        UnaryExpr => Prefix,
        BinaryExpr b => Precedence(b.Operator),
        _ => Atom,
    };

    /// <summary>Gets the binding strength of an infix operator.</summary>
    internal static int Precedence(BinaryOperator op) => op switch
    {
        BinaryOperator.Or => Or,
        BinaryOperator.And => And,
        BinaryOperator.Add or BinaryOperator.Subtract => Additive,
        BinaryOperator.Multiply or BinaryOperator.Divide => Multiplicative,
        BinaryOperator.Power => Power,
        _ => Comparison,
    };

    /// <summary>Gets the infix symbol of an operator.</summary>
    internal static string OperatorText(BinaryOperator op) => op switch
    {
        BinaryOperator.Add => "+",
        BinaryOperator.Subtract => "-",
        BinaryOperator.Multiply => "*",
        BinaryOperator.Divide => "/",
        BinaryOperator.Power => "^",
        BinaryOperator.Less => "<",
        BinaryOperator.LessOrEqual => "<=",
        BinaryOperator.Greater => ">",
        BinaryOperator.GreaterOrEqual => ">=",
        BinaryOperator.Equal => "==",
        BinaryOperator.NotEqual => "!=",
        BinaryOperator.And => "&&",
        _ => "||",
    };

    private static void Write(StringBuilder sb, Expr e)
    {
        RuntimeHelpers.EnsureSufficientExecutionStack();
        switch (e)
        {
            case NumberExpr n:
                sb.Append(FormatNumber(n.Value));
                break;
            case ConstantExpr c:
                sb.Append(c.Name);
                break;
            case SymbolExpr s:
                sb.Append(s.Name);
                break;
            case UnaryExpr u:
                sb.Append(u.Operator == UnaryOperator.Negate ? '-' : '!');
                bool wrap = Precedence(u.Operand) <= Prefix || (u.Operator == UnaryOperator.Negate && u.Operand is NumberExpr);
                WriteWrapped(sb, u.Operand, wrap);
                break;
            case BinaryExpr b:
                WriteBinary(sb, b);
                break;
            case CallExpr call:
                sb.Append(call.Name);
                WriteArguments(sb, call.ArgumentArray);
                break;
            case PiecewiseExpr p:
                var args = new List<Expr>();
                foreach (var piece in p.CaseArray)
                {
                    args.Add(piece.Value);
                    args.Add(piece.Condition);
                }

                if (p.Otherwise is not null)
                {
                    args.Add(p.Otherwise);
                }

                sb.Append(ExpressionSyntax.Piecewise);
                WriteArguments(sb, args);
                break;
            default:
                throw new InvalidOperationException($"Unknown node type {e.GetType().Name}.");
        }
    }

    private static void WriteBinary(StringBuilder sb, BinaryExpr b)
    {
        int p = Precedence(b.Operator);
        if (b.Operator == BinaryOperator.Power)
        {
            // Right-associative and tighter than prefix operators: the base needs parentheses unless it is an
            // atom; the exponent may be a prefix expression (2^-x) or another power (2^3^4 = 2^(3^4)).
            WriteWrapped(sb, b.Left, Precedence(b.Left) <= Power);
            sb.Append('^');
            WriteWrapped(sb, b.Right, Precedence(b.Right) < Prefix);
            return;
        }

        WriteWrapped(sb, b.Left, Precedence(b.Left) < p);
        sb.Append(' ').Append(OperatorText(b.Operator)).Append(' ');
        WriteWrapped(sb, b.Right, Precedence(b.Right) <= p);
    }

    private static void WriteWrapped(StringBuilder sb, Expr e, bool parenthesise)
    {
        if (parenthesise)
        {
            sb.Append('(');
        }

        Write(sb, e);
        if (parenthesise)
        {
            sb.Append(')');
        }
    }

    private static void WriteArguments(StringBuilder sb, IReadOnlyList<Expr> args)
    {
        sb.Append('(');
        for (int i = 0; i < args.Count; i++)
        {
            if (i > 0)
            {
                sb.Append(", ");
            }

            Write(sb, args[i]);
        }

        sb.Append(')');
    }
}
