namespace Ferroptosis.Sim.Modeling.Expressions;

/// <summary>Smart constructors that apply local simplification rules as nodes are built (used by simplification and differentiation).</summary>
/// <remarks>
/// Rules: constant folding (with the interpreter's arithmetic, so folded values equal evaluated ones); x + 0, x − 0,
/// 0 − x → −x, x − x → 0, 0·x → 0, 1·x, −1·x → −x, x/1, 0/x → 0, x/x → 1, x^1, x^0 → 1, 1^x → 1, −(−x), −(a − b) → b − a;
/// numbers move left in products and right in sums, and nested numeric factors and terms are combined
/// (c1·(c2·x) → (c1c2)·x, (x + c1) + c2 → x + (c1 + c2)); negations are pulled out of products and quotients and turned
/// into subtraction in sums; known conditions prune piecewise pieces and logic, and trailing pieces equal to the otherwise part are dropped.
/// 0·x, x − x, 0/x and x/x assume finite operands (and x ≠ 0), as every computer-algebra system does: they can turn a NaN
/// into a number, never a finite value into a different one (up to rounding from reassociation).
/// </remarks>
internal static class ExprBuilder
{
    public static NumberExpr Number(double v) =>
        BitConverter.DoubleToInt64Bits(v) == 0 ? NumberExpr.Zero : v == 1.0 ? NumberExpr.One : new NumberExpr(v);

    public static bool IsZero(Expr e) => e is NumberExpr { Value: 0 };

    public static Expr Binary(BinaryOperator op, Expr a, Expr b) => op switch
    {
        BinaryOperator.Add => Add(a, b),
        BinaryOperator.Subtract => Subtract(a, b),
        BinaryOperator.Multiply => Multiply(a, b),
        BinaryOperator.Divide => Divide(a, b),
        BinaryOperator.Power => Power(a, b),
        BinaryOperator.And or BinaryOperator.Or => Logic(op, a, b),
        _ => Compare(op, a, b),
    };

    public static Expr Add(Expr a, Expr b)
    {
        if (a is NumberExpr x && b is NumberExpr y)
        {
            return Number(x.Value + y.Value);
        }

        if (IsZero(a))
        {
            return b;
        }

        if (IsZero(b))
        {
            return a;
        }

        switch (a, b)
        {
            case (_, NumberExpr { Value: < 0 } nb):
                return Subtract(a, Number(-nb.Value));
            case (_, UnaryExpr { Operator: UnaryOperator.Negate } ub):
                return Subtract(a, ub.Operand);
            case (UnaryExpr { Operator: UnaryOperator.Negate } ua, _):
                return Subtract(b, ua.Operand);
            case (NumberExpr, _):
                return Add(b, a);
            case (BinaryExpr { Operator: BinaryOperator.Add, Right: NumberExpr c1 } s, NumberExpr c2):
                return Add(s.Left, Number(c1.Value + c2.Value));
            case (BinaryExpr { Operator: BinaryOperator.Subtract, Right: NumberExpr c1 } s, NumberExpr c2):
                return Add(s.Left, Number(c2.Value - c1.Value));
            default:
                return new BinaryExpr(BinaryOperator.Add, a, b);
        }
    }

    public static Expr Subtract(Expr a, Expr b)
    {
        if (a is NumberExpr x && b is NumberExpr y)
        {
            return Number(x.Value - y.Value);
        }

        if (IsZero(b))
        {
            return a;
        }

        if (IsZero(a))
        {
            return Negate(b);
        }

        if (a.Equals(b))
        {
            return NumberExpr.Zero;
        }

        switch (a, b)
        {
            case (_, NumberExpr { Value: < 0 } nb):
                return Add(a, Number(-nb.Value));
            case (_, UnaryExpr { Operator: UnaryOperator.Negate } ub):
                return Add(a, ub.Operand);
            case (BinaryExpr { Operator: BinaryOperator.Add, Right: NumberExpr c1 } s, NumberExpr c2):
                return Add(s.Left, Number(c1.Value - c2.Value));
            case (BinaryExpr { Operator: BinaryOperator.Subtract, Right: NumberExpr c1 } s, NumberExpr c2):
                return Subtract(s.Left, Number(c1.Value + c2.Value));
            default:
                return new BinaryExpr(BinaryOperator.Subtract, a, b);
        }
    }

    public static Expr Multiply(Expr a, Expr b)
    {
        if (a is NumberExpr x && b is NumberExpr y)
        {
            return Number(x.Value * y.Value);
        }

        if (IsZero(a) || IsZero(b))
        {
            return NumberExpr.Zero;
        }

        if (NumberExpr.Is(a, 1.0))
        {
            return b;
        }

        if (NumberExpr.Is(b, 1.0))
        {
            return a;
        }

        if (NumberExpr.Is(a, -1.0))
        {
            return Negate(b);
        }

        if (NumberExpr.Is(b, -1.0))
        {
            return Negate(a);
        }

        switch (a, b)
        {
            case (_, NumberExpr):
                return Multiply(b, a);
            case (NumberExpr c1, BinaryExpr { Operator: BinaryOperator.Multiply, Left: NumberExpr c2 } m):
                return Multiply(Number(c1.Value * c2.Value), m.Right);
            case (NumberExpr c, UnaryExpr { Operator: UnaryOperator.Negate } ub):
                return Multiply(Number(-c.Value), ub.Operand);
            case (UnaryExpr { Operator: UnaryOperator.Negate } ua, _):
                return Negate(Multiply(ua.Operand, b));
            case (_, UnaryExpr { Operator: UnaryOperator.Negate } ub):
                return Negate(Multiply(a, ub.Operand));
            default:
                return new BinaryExpr(BinaryOperator.Multiply, a, b);
        }
    }

    public static Expr Divide(Expr a, Expr b)
    {
        if (a is NumberExpr x && b is NumberExpr y)
        {
            return Number(x.Value / y.Value);
        }

        if (NumberExpr.Is(b, 1.0))
        {
            return a;
        }

        if (IsZero(a))
        {
            return NumberExpr.Zero;
        }

        if (NumberExpr.Is(b, -1.0))
        {
            return Negate(a);
        }

        if (a.Equals(b))
        {
            return NumberExpr.One;
        }

        return (a, b) switch
        {
            (UnaryExpr { Operator: UnaryOperator.Negate } ua, _) => Negate(Divide(ua.Operand, b)),
            (_, UnaryExpr { Operator: UnaryOperator.Negate } ub) => Negate(Divide(a, ub.Operand)),
            _ => new BinaryExpr(BinaryOperator.Divide, a, b),
        };
    }

    public static Expr Power(Expr a, Expr b)
    {
        if (a is NumberExpr x && b is NumberExpr y)
        {
            return Number(BuiltinMath.Pow(x.Value, y.Value));
        }

        if (NumberExpr.Is(b, 1.0))
        {
            return a;
        }

        if (IsZero(b) || NumberExpr.Is(a, 1.0))
        {
            return NumberExpr.One;
        }

        return new BinaryExpr(BinaryOperator.Power, a, b);
    }

    public static Expr Negate(Expr a) => a switch
    {
        NumberExpr n => Number(-n.Value),
        UnaryExpr { Operator: UnaryOperator.Negate } u => u.Operand,
        BinaryExpr { Operator: BinaryOperator.Subtract } s => Subtract(s.Right, s.Left),
        BinaryExpr { Operator: BinaryOperator.Multiply, Left: NumberExpr c } m => Multiply(Number(-c.Value), m.Right),
        _ => new UnaryExpr(UnaryOperator.Negate, a),
    };

    public static Expr Not(Expr a) =>
        Truth(a) is { } t ? ConstantExpr.FromBoolean(!t) : new UnaryExpr(UnaryOperator.Not, a);

    public static Expr Compare(BinaryOperator op, Expr a, Expr b) =>
        IsLiteral(a) && IsLiteral(b)
            ? ConstantExpr.FromBoolean(ExpressionInterpreter.Binary(op, LiteralValue(a), LiteralValue(b)) != 0)
            : new BinaryExpr(op, a, b);

    public static Expr Logic(BinaryOperator op, Expr a, Expr b)
    {
        bool? ta = Truth(a);
        bool? tb = Truth(b);
        bool absorbing = op == BinaryOperator.Or;
        if (ta == absorbing || tb == absorbing)
        {
            return ConstantExpr.FromBoolean(absorbing);
        }

        if (ta == !absorbing && (tb.HasValue || IsBoolean(b)))
        {
            return tb.HasValue ? ConstantExpr.FromBoolean(tb.Value) : b;
        }

        if (tb == !absorbing && IsBoolean(a))
        {
            return a;
        }

        return new BinaryExpr(op, a, b);
    }

    public static Expr Piecewise(IEnumerable<PiecewiseCase> cases, Expr? otherwise)
    {
        var kept = new List<PiecewiseCase>();
        foreach (var piece in cases)
        {
            bool? t = Truth(piece.Condition);
            if (t == false)
            {
                continue;
            }

            if (t == true)
            {
                otherwise = piece.Value;
                break;
            }

            kept.Add(piece);
        }

        if (kept.Count == 0)
        {
            return otherwise ?? new NumberExpr(double.NaN);
        }

        // Trailing pieces that give the same value as the otherwise part change nothing.
        while (otherwise is not null && kept.Count > 0 && kept[^1].Value.Equals(otherwise))
        {
            kept.RemoveAt(kept.Count - 1);
        }

        if (kept.Count == 0)
        {
            return otherwise!;
        }

        return new PiecewiseExpr(kept, otherwise);
    }

    /// <summary>The truth of a literal condition (numbers and true/false), or null when it depends on symbols.</summary>
    public static bool? Truth(Expr e) => IsLiteral(e) ? LiteralValue(e) != 0 : null;

    /// <summary>Tells whether an expression always yields a truth value (so <c>true &amp;&amp; e</c> is <c>e</c>).</summary>
    public static bool IsBoolean(Expr e) => e switch
    {
        ConstantExpr c => c.IsBoolean,
        UnaryExpr u => u.Operator == UnaryOperator.Not,
        BinaryExpr b => b.IsComparison || b.IsLogical,
        CallExpr c => c.Builtin?.IsBoolean == true,
        _ => false,
    };

    /// <summary>Numbers and the truth constants (π and e are kept by name and not folded).</summary>
    public static bool IsLiteral(Expr e) => e is NumberExpr or ConstantExpr { IsBoolean: true };

    public static double LiteralValue(Expr e) => e is NumberExpr n ? n.Value : ((ConstantExpr)e).Value;
}
