using System.Runtime.CompilerServices;

namespace Ferroptosis.Sim.Modeling.Expressions;

/// <summary>Bottom-up simplification: rebuilds a tree through the rules of <see cref="ExprBuilder"/>.</summary>
/// <remarks>
/// Besides the arithmetic rules, function forms with an operator equivalent become operators (pow(a, b) → a^b,
/// not(x) → !x, two-argument relations and and/or → infix), single-argument min/max disappear, and calls of built-in
/// functions on numbers are folded by the interpreter (relations and logic to <c>true</c>/<c>false</c>).
/// Named constants π and e are kept. Calls of user-defined functions are kept with simplified arguments.
/// </remarks>
internal static class Simplifier
{
    public static Expr Simplify(Expr e)
    {
        var result = new Visitor().Visit(e);
        return result.Equals(e) ? e : result;
    }

    /// <summary>Builds a call through the simplification rules, given already simplified arguments.</summary>
    public static Expr Call(CallExpr original, Expr[] args)
    {
        if (original.Builtin is not { } f)
        {
            return original.WithArguments(args);
        }

        bool literal = Array.TrueForAll(args, ExprBuilder.IsLiteral);
        if (literal)
        {
            double value = ExpressionInterpreter.Evaluate(original.WithArguments(args), static _ => double.NaN, null);
            return f.IsBoolean ? ConstantExpr.FromBoolean(value != 0) : ExprBuilder.Number(value);
        }

        switch (f.Kind)
        {
            case BuiltinKind.Pow:
                return ExprBuilder.Power(args[0], args[1]);
            case BuiltinKind.Not:
                return ExprBuilder.Not(args[0]);
            case BuiltinKind.Min or BuiltinKind.Max when args.Length == 1:
                return args[0];
            case BuiltinKind.And when args.Length == 2:
                return ExprBuilder.Logic(BinaryOperator.And, args[0], args[1]);
            case BuiltinKind.Or when args.Length == 2:
                return ExprBuilder.Logic(BinaryOperator.Or, args[0], args[1]);
            case BuiltinKind.Eq or BuiltinKind.Neq or BuiltinKind.Gt or BuiltinKind.Lt or BuiltinKind.Geq or BuiltinKind.Leq when args.Length == 2:
                return ExprBuilder.Compare(RelationOperator(f.Kind), args[0], args[1]);
            default:
                return original.WithArguments(args);
        }
    }

    private static BinaryOperator RelationOperator(BuiltinKind kind) => kind switch
    {
        BuiltinKind.Eq => BinaryOperator.Equal,
        BuiltinKind.Neq => BinaryOperator.NotEqual,
        BuiltinKind.Gt => BinaryOperator.Greater,
        BuiltinKind.Lt => BinaryOperator.Less,
        BuiltinKind.Geq => BinaryOperator.GreaterOrEqual,
        _ => BinaryOperator.LessOrEqual,
    };

    /// <summary>One simplification: results are remembered per node instance, so a sub-tree shared by several parents (a substituted rule) is simplified once.</summary>
    private sealed class Visitor
    {
        private readonly Dictionary<Expr, Expr> _done = new(ReferenceEqualityComparer.Instance);

        public Expr Visit(Expr e)
        {
            if (e is NumberExpr or ConstantExpr or SymbolExpr)
            {
                return e;
            }

            if (_done.TryGetValue(e, out var known))
            {
                return known;
            }

            RuntimeHelpers.EnsureSufficientExecutionStack();
            var result = e switch
            {
                UnaryExpr u => u.Operator == UnaryOperator.Negate ? ExprBuilder.Negate(Visit(u.Operand)) : ExprBuilder.Not(Visit(u.Operand)),
                BinaryExpr b => ExprBuilder.Binary(b.Operator, Visit(b.Left), Visit(b.Right)),
                CallExpr c => Call(c, Array.ConvertAll(c.ArgumentArray, Visit)),
                PiecewiseExpr p => ExprBuilder.Piecewise(
                    Array.ConvertAll(p.CaseArray, piece => new PiecewiseCase(Visit(piece.Value), Visit(piece.Condition))),
                    p.Otherwise is null ? null : Visit(p.Otherwise)),
                _ => e,
            };
            _done[e] = result;
            return result;
        }
    }
}
