using Ferroptosis.Sim.Modeling.Expressions;

namespace Ferroptosis.Sim.Formats.Sbml;

/// <summary>The MathML operators of SBML and the expression nodes they become (reading) or come from (writing).</summary>
/// <remarks>
/// MathML n-ary operators are folded to the left, so <c>plus(a, b, c)</c> is <c>(a + b) + c</c> and evaluates in the
/// order written. Empty sums are 0 and empty products 1 (MathML). Relations with more than two operands are
/// chained (<c>lt(a, b, c)</c> = <c>a &lt; b &amp;&amp; b &lt; c</c>), as MathML defines them.
/// </remarks>
internal static class MathMLOperators
{
    /// <summary>The MathML elements that are one-argument functions with the same name in <see cref="BuiltinFunctions"/>.</summary>
    private static readonly HashSet<string> UnaryFunctions = new(StringComparer.Ordinal)
    {
        "exp", "ln", "abs", "floor", "ceiling", "factorial",
        "sin", "cos", "tan", "sec", "csc", "cot", "sinh", "cosh", "tanh", "sech", "csch", "coth",
        "arcsin", "arccos", "arctan", "arcsec", "arccsc", "arccot",
        "arcsinh", "arccosh", "arctanh", "arcsech", "arccsch", "arccoth",
    };

    public static Expr Apply(XmlElementNode op, Expr? qualifier, List<Expr> args)
    {
        if (op.Namespace != MathMLReader.Namespace)
        {
            throw Error($"<{op.Name}> is not a MathML operator", op);
        }

        string name = op.Name;
        if (UnaryFunctions.Contains(name))
        {
            Arity(op, args, 1, 1);
            return new CallExpr(name, args);
        }

        switch (name)
        {
            case "plus":
                return args.Count == 0 ? NumberExpr.Zero : Fold(BinaryOperator.Add, args);
            case "times":
                return args.Count == 0 ? NumberExpr.One : Fold(BinaryOperator.Multiply, args);
            case "minus":
                Arity(op, args, 1, 2);
                if (args.Count == 2)
                {
                    return new BinaryExpr(BinaryOperator.Subtract, args[0], args[1]);
                }

                // −∞ has no literal in MathML; reading it back as a number keeps written files stable.
                return args[0] is NumberExpr { Value: double.PositiveInfinity }
                    ? new NumberExpr(double.NegativeInfinity)
                    : new UnaryExpr(UnaryOperator.Negate, args[0]);
            case "divide":
                Arity(op, args, 2, 2);
                return new BinaryExpr(BinaryOperator.Divide, args[0], args[1]);
            case "power":
                Arity(op, args, 2, 2);
                return new BinaryExpr(BinaryOperator.Power, args[0], args[1]);
            case "root":
                Arity(op, args, 1, 1);
                return qualifier is null ? new CallExpr("sqrt", args[0]) : new CallExpr("root", qualifier, args[0]);
            case "log":
                Arity(op, args, 1, 1);
                return qualifier is null ? new CallExpr("log10", args[0]) : new CallExpr("log", qualifier, args[0]);
            case "quotient" or "rem" or "implies":
                Arity(op, args, 2, 2);
                return new CallExpr(name, args);
            case "max" or "min":
                Arity(op, args, 1, int.MaxValue);
                return new CallExpr(name, args);
            case "not":
                Arity(op, args, 1, 1);
                return new UnaryExpr(UnaryOperator.Not, args[0]);
            case "and" or "or":
                return args.Count >= 2 ? Fold(name == "and" ? BinaryOperator.And : BinaryOperator.Or, args) : new CallExpr(name, args);
            case "xor":
                return new CallExpr(name, args);
            case "eq" or "neq" or "gt" or "lt" or "geq" or "leq":
                Arity(op, args, name == "neq" ? 2 : 1, name == "neq" ? 2 : int.MaxValue);
                return Relation(name, args);
            default:
                throw Error($"The MathML operator <{name}> is not supported in SBML", op, unsupported: $"MathML <{name}>");
        }
    }

    /// <summary>Gets the MathML element name of a relation or connective operator, or null for arithmetic operators.</summary>
    public static string? ElementOf(BinaryOperator op) => op switch
    {
        BinaryOperator.Add => "plus",
        BinaryOperator.Subtract => "minus",
        BinaryOperator.Multiply => "times",
        BinaryOperator.Divide => "divide",
        BinaryOperator.Power => "power",
        BinaryOperator.Less => "lt",
        BinaryOperator.LessOrEqual => "leq",
        BinaryOperator.Greater => "gt",
        BinaryOperator.GreaterOrEqual => "geq",
        BinaryOperator.Equal => "eq",
        BinaryOperator.NotEqual => "neq",
        BinaryOperator.And => "and",
        BinaryOperator.Or => "or",
        _ => null,
    };

    private static Expr Relation(string name, List<Expr> args)
    {
        if (args.Count == 1)
        {
            return new CallExpr(name, args);
        }

        var op = name switch
        {
            "eq" => BinaryOperator.Equal,
            "neq" => BinaryOperator.NotEqual,
            "gt" => BinaryOperator.Greater,
            "lt" => BinaryOperator.Less,
            "geq" => BinaryOperator.GreaterOrEqual,
            _ => BinaryOperator.LessOrEqual,
        };
        Expr result = new BinaryExpr(op, args[0], args[1]);
        for (int i = 2; i < args.Count; i++)
        {
            result = new BinaryExpr(BinaryOperator.And, result, new BinaryExpr(op, args[i - 1], args[i]));
        }

        return result;
    }

    private static Expr Fold(BinaryOperator op, List<Expr> args)
    {
        var result = args[0];
        for (int i = 1; i < args.Count; i++)
        {
            result = new BinaryExpr(op, result, args[i]);
        }

        return result;
    }

    private static void Arity(XmlElementNode op, List<Expr> args, int min, int max)
    {
        if (args.Count < min || args.Count > max)
        {
            string expected = min == max ? $"{min}" : max == int.MaxValue ? $"at least {min}" : $"{min} or {max}";
            throw Error($"<{op.Name}> takes {expected} argument{(min == 1 && max == 1 ? string.Empty : "s")} but has {args.Count}", op);
        }
    }

    private static SbmlFormatException Error(string message, XmlElementNode at, string? unsupported = null) =>
        new(message, at.Line, at.Position, unsupported is not null) { UnsupportedFeature = unsupported };
}
