using System.Runtime.CompilerServices;
using B = Ferroptosis.Sim.Modeling.Expressions.ExprBuilder;

namespace Ferroptosis.Sim.Modeling.Expressions;

/// <summary>Symbolic partial differentiation with the chain rule, building simplified nodes as it goes.</summary>
/// <remarks>
/// <para>
/// The input is simplified first (so pow(a, b) is a^b), and results are memoised per node instance, so shared
/// sub-trees are differentiated once. Rules: the textbook derivatives (Abramowitz &amp; Stegun 4.4, 4.6) for every
/// built-in; a^b is b·a^(b−1)·a′ when b does not depend on the symbol, a^b·ln(a)·b′ when a does not, and
/// a^b·(b′·ln(a) + b·a′/a) when both do; abs′ = sign; min/max′ = the derivative of the argument that is selected,
/// as a piecewise; piecewise′ = piecewise of the branch derivatives with the same conditions; floor, ceiling,
/// factorial (defined on integers), sign, quotient, comparisons and logic have derivative 0 (almost everywhere).
/// </para>
/// <para>A derivative that vanishes structurally is exactly <see cref="NumberExpr.Zero"/>, which callers use for sparsity.</para>
/// </remarks>
internal sealed class Differentiator
{
    private readonly string _symbol;
    private readonly Dictionary<Expr, Expr> _memo = new(ReferenceEqualityComparer.Instance);

    private Differentiator(string symbol) => _symbol = symbol;

    public static Expr Differentiate(Expr e, string symbol) => DifferentiateSimplified(Simplifier.Simplify(e), symbol);

    /// <summary>Differentiates an expression that is already the result of <see cref="Simplifier.Simplify"/> (callers differentiating one expression by many symbols simplify it once).</summary>
    public static Expr DifferentiateSimplified(Expr simplified, string symbol) =>
        Simplifier.Simplify(new Differentiator(symbol).D(simplified));

    private static CallExpr Call(string name, params Expr[] args) => new(name, args);

    private static Expr Square(Expr u) => B.Power(u, B.Number(2));

    private Expr D(Expr e)
    {
        if (_memo.TryGetValue(e, out var known))
        {
            return known;
        }

        RuntimeHelpers.EnsureSufficientExecutionStack();
        var d = e switch
        {
            NumberExpr or ConstantExpr => NumberExpr.Zero,
            SymbolExpr s => string.Equals(s.Name, _symbol, StringComparison.Ordinal) ? NumberExpr.One : NumberExpr.Zero,
            UnaryExpr { Operator: UnaryOperator.Negate } u => B.Negate(D(u.Operand)),
            UnaryExpr => NumberExpr.Zero,
            BinaryExpr b => Binary(b),
            CallExpr c => CallDerivative(c),
            PiecewiseExpr p => B.Piecewise(
                Array.ConvertAll(p.CaseArray, piece => new PiecewiseCase(D(piece.Value), piece.Condition)),
                p.Otherwise is null ? null : D(p.Otherwise)),
            _ => throw new InvalidOperationException($"Unknown node type {e.GetType().Name}."),
        };
        _memo[e] = d;
        return d;
    }

    private Expr Binary(BinaryExpr b)
    {
        var a = b.Left;
        var c = b.Right;
        switch (b.Operator)
        {
            case BinaryOperator.Add:
                return B.Add(D(a), D(c));
            case BinaryOperator.Subtract:
                return B.Subtract(D(a), D(c));
            case BinaryOperator.Multiply:
                return B.Add(B.Multiply(D(a), c), B.Multiply(a, D(c)));
            case BinaryOperator.Divide:
            {
                // (a/c)' = a'/c − a·c'/c²
                var dc = D(c);
                return B.Subtract(B.Divide(D(a), c), B.Divide(B.Multiply(a, dc), Square(c)));
            }

            case BinaryOperator.Power:
                return Power(b, a, c);
            default:
                return NumberExpr.Zero;
        }
    }

    private Expr Power(Expr self, Expr a, Expr c)
    {
        var da = D(a);
        var dc = D(c);
        if (B.IsZero(dc))
        {
            return B.Multiply(B.Multiply(c, B.Power(a, B.Subtract(c, NumberExpr.One))), da);
        }

        var lnA = Call("ln", a);
        if (B.IsZero(da))
        {
            return B.Multiply(B.Multiply(self, lnA), dc);
        }

        return B.Multiply(self, B.Add(B.Multiply(dc, lnA), B.Divide(B.Multiply(c, da), a)));
    }

    private Expr CallDerivative(CallExpr call)
    {
        if (call.Builtin is not { } f)
        {
            throw new ArgumentException(
                $"Cannot differentiate the call of user-defined function '{call.Name}'; expand it first with Inline(library).");
        }

        var args = call.ArgumentArray;
        switch (f.Kind)
        {
            case BuiltinKind.Log:
                return D(B.Divide(Call("ln", args[1]), Call("ln", args[0])));
            case BuiltinKind.Pow:
                return D(new BinaryExpr(BinaryOperator.Power, args[0], args[1]));
            case BuiltinKind.Root:
                return Root(call, args[0], args[1]);
            case BuiltinKind.Rem:
                // rem(a, b) = a − b·quotient(a, b), and quotient is piecewise constant.
                return B.Subtract(D(args[0]), B.Multiply(D(args[1]), Call("quotient", args[0], args[1])));
            case BuiltinKind.Min:
            case BuiltinKind.Max:
                return Extremum(call, args);
            case BuiltinKind.Delay:
                throw new ArgumentException("Cannot differentiate delay(x, τ): its derivative needs the derivative of x in the past.");
        }

        if (f.MinArity != 1 || f.MaxArity != 1 || f.IsBoolean)
        {
            return NumberExpr.Zero;
        }

        var u = args[0];
        var du = D(u);
        return B.IsZero(du) ? NumberExpr.Zero : B.Multiply(du, Outer(f.Kind, call, u));
    }

    /// <summary>The derivative f′(u) of a one-argument function, to be multiplied by u′.</summary>
    private static Expr Outer(BuiltinKind kind, Expr self, Expr u)
    {
        Expr one = NumberExpr.One;
        return kind switch
        {
            BuiltinKind.Exp => self,
            BuiltinKind.Ln => B.Divide(one, u),
            BuiltinKind.Log10 => B.Divide(one, B.Multiply(u, B.Number(Math.Log(10.0)))),
            BuiltinKind.Sqrt => B.Divide(one, B.Multiply(B.Number(2), self)),
            BuiltinKind.Abs => Call("sign", u),
            BuiltinKind.Sin => Call("cos", u),
            BuiltinKind.Cos => B.Negate(Call("sin", u)),
            BuiltinKind.Tan => B.Divide(one, Square(Call("cos", u))),
            BuiltinKind.Sec => B.Multiply(self, Call("tan", u)),
            BuiltinKind.Csc => B.Negate(B.Multiply(self, Call("cot", u))),
            BuiltinKind.Cot => B.Negate(B.Divide(one, Square(Call("sin", u)))),
            BuiltinKind.Sinh => Call("cosh", u),
            BuiltinKind.Cosh => Call("sinh", u),
            BuiltinKind.Tanh => B.Divide(one, Square(Call("cosh", u))),
            BuiltinKind.Sech => B.Negate(B.Multiply(self, Call("tanh", u))),
            BuiltinKind.Csch => B.Negate(B.Multiply(self, Call("coth", u))),
            BuiltinKind.Coth => B.Negate(B.Divide(one, Square(Call("sinh", u)))),
            BuiltinKind.Arcsin => B.Divide(one, Call("sqrt", B.Subtract(one, Square(u)))),
            BuiltinKind.Arccos => B.Negate(B.Divide(one, Call("sqrt", B.Subtract(one, Square(u))))),
            BuiltinKind.Arctan => B.Divide(one, B.Add(Square(u), one)),
            BuiltinKind.Arcsec => B.Divide(one, B.Multiply(Call("abs", u), Call("sqrt", B.Subtract(Square(u), one)))),
            BuiltinKind.Arccsc => B.Negate(B.Divide(one, B.Multiply(Call("abs", u), Call("sqrt", B.Subtract(Square(u), one))))),
            BuiltinKind.Arccot => B.Negate(B.Divide(one, B.Add(Square(u), one))),
            BuiltinKind.Arcsinh => B.Divide(one, Call("sqrt", B.Add(Square(u), one))),
            BuiltinKind.Arccosh => B.Divide(one, Call("sqrt", B.Subtract(Square(u), one))),
            BuiltinKind.Arctanh or BuiltinKind.Arccoth => B.Divide(one, B.Subtract(one, Square(u))),
            BuiltinKind.Arcsech => B.Negate(B.Divide(one, B.Multiply(u, Call("sqrt", B.Subtract(one, Square(u)))))),
            BuiltinKind.Arccsch => B.Negate(B.Divide(one, B.Multiply(Call("abs", u), Call("sqrt", B.Add(Square(u), one))))),
            _ => NumberExpr.Zero, // floor, ceiling, factorial, sign: piecewise constant
        };
    }

    private Expr Root(Expr self, Expr n, Expr x)
    {
        if (!B.IsZero(D(n)))
        {
            return D(new BinaryExpr(BinaryOperator.Power, x, B.Divide(NumberExpr.One, n)));
        }

        // d/dx x^(1/n) = x^(1/n) / (n·x); also right for the real odd root of negative x.
        return B.Multiply(D(x), B.Divide(self, B.Multiply(n, x)));
    }

    /// <summary>min/max′: the derivative of the first argument equal to the extremum, else of the last argument.</summary>
    private Expr Extremum(Expr self, Expr[] args)
    {
        if (args.Length == 1)
        {
            return D(args[0]);
        }

        var cases = new PiecewiseCase[args.Length - 1];
        for (int i = 0; i < cases.Length; i++)
        {
            cases[i] = new PiecewiseCase(D(args[i]), new BinaryExpr(BinaryOperator.Equal, args[i], self));
        }

        return B.Piecewise(cases, D(args[^1]));
    }
}
