using System.Collections.Frozen;

namespace Ferroptosis.Sim.Modeling.Expressions;

/// <summary>Lexical facts shared by the parser, the formatter and the node constructors.</summary>
internal static class ExpressionSyntax
{
    /// <summary>The name of the piecewise construct.</summary>
    public const string Piecewise = "piecewise";

    /// <summary>The words read as named constants or as special numbers.</summary>
    private static readonly FrozenDictionary<string, Expr> Constants = new Dictionary<string, Expr>(StringComparer.Ordinal)
    {
        ["pi"] = ConstantExpr.Pi,
        ["exponentiale"] = ConstantExpr.ExponentialE,
        ["true"] = ConstantExpr.True,
        ["false"] = ConstantExpr.False,
        ["inf"] = new NumberExpr(double.PositiveInfinity),
        ["INF"] = new NumberExpr(double.PositiveInfinity),
        ["Inf"] = new NumberExpr(double.PositiveInfinity),
        ["infinity"] = new NumberExpr(double.PositiveInfinity),
        ["Infinity"] = new NumberExpr(double.PositiveInfinity),
        ["NaN"] = new NumberExpr(double.NaN),
        ["nan"] = new NumberExpr(double.NaN),
        ["NAN"] = new NumberExpr(double.NaN),
        ["notanumber"] = new NumberExpr(double.NaN),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Tells whether <paramref name="word"/> is read as a constant (and so cannot name a symbol).</summary>
    public static bool IsConstantWord(string word) => Constants.ContainsKey(word);

    /// <summary>Looks up the constant or special number a word stands for.</summary>
    public static bool TryGetConstant(string word, out Expr value) => Constants.TryGetValue(word, out value!);

    /// <summary>Tells whether <paramref name="c"/> may start an identifier.</summary>
    public static bool IsIdentifierStart(char c) => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or '_';

    /// <summary>Tells whether <paramref name="c"/> may continue an identifier.</summary>
    public static bool IsIdentifierPart(char c) => IsIdentifierStart(c) || char.IsAsciiDigit(c);

    /// <summary>Tells whether <paramref name="text"/> is an identifier: [A-Za-z_][A-Za-z0-9_]*.</summary>
    public static bool IsIdentifier(string text)
    {
        if (string.IsNullOrEmpty(text) || !IsIdentifierStart(text[0]))
        {
            return false;
        }

        foreach (char c in text)
        {
            if (!IsIdentifierPart(c))
            {
                return false;
            }
        }

        return true;
    }
}
