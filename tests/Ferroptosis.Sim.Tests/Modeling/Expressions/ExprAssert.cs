using System.Globalization;
using Ferroptosis.Sim.Modeling.Expressions;

namespace Ferroptosis.Sim.Tests.Modeling.Expressions;

/// <summary>Helpers for expression tests: a fully bracketed prefix form that shows the tree shape, and bitwise comparison.</summary>
internal static class ExprAssert
{
    /// <summary>Writes the tree as an S-expression, e.g. (+ a (* b c)), so precedence tests state the shape explicitly.</summary>
    public static string Tree(Expr e) => e switch
    {
        NumberExpr n => n.Value.ToString("R", CultureInfo.InvariantCulture),
        ConstantExpr c => c.Name,
        SymbolExpr s => s.Name,
        UnaryExpr u => $"({(u.Operator == UnaryOperator.Negate ? "neg" : "!")} {Tree(u.Operand)})",
        BinaryExpr b => $"({ExpressionFormatter.OperatorText(b.Operator)} {Tree(b.Left)} {Tree(b.Right)})",
        CallExpr c => $"({c.Name}{string.Concat(c.Arguments.Select(a => " " + Tree(a)))})",
        PiecewiseExpr p => $"(piecewise{string.Concat(p.Children.Select(a => " " + Tree(a)))})",
        _ => throw new ArgumentException("unknown node"),
    };

    /// <summary>Tells whether two doubles have the same bits, or are both NaN.</summary>
    public static bool SameBits(double a, double b) =>
        BitConverter.DoubleToInt64Bits(a) == BitConverter.DoubleToInt64Bits(b) || (double.IsNaN(a) && double.IsNaN(b));

    /// <summary>Evaluates with values from a symbol table and an input array.</summary>
    public static double Evaluate(Expr e, IReadOnlyDictionary<string, int> table, double[] inputs) =>
        e.Evaluate(name => inputs[table[name]]);

    /// <summary>The symbol table of <see cref="RandomExpressions.SymbolNames"/>.</summary>
    public static Dictionary<string, int> SymbolTable(IEnumerable<string> names) =>
        names.Select((n, i) => (n, i)).ToDictionary(p => p.n, p => p.i);
}
