namespace Ferroptosis.Sim.Modeling.Expressions;

/// <summary>The state of one parse: a precedence-climbing recursive-descent parser over a lazy token stream.</summary>
/// <remarks>
/// Grammar (see <see cref="ExpressionParser"/> for precedence): expression := prefix (binop prefix)*, where binary
/// operators bind by precedence climbing; prefix := ('-' | '+' | '!') prefix | power; power := primary ['^' prefix];
/// primary := number | name | name '(' [expression (',' expression)*] ')' | '(' expression ')'.
/// Each level of nesting costs about four stack frames, bounded by <see cref="ExpressionParser.MaxNestingDepth"/>.
/// </remarks>
internal sealed class ExpressionParserCore
{
    private readonly ExpressionLexer _lexer;
    private readonly ExpressionParserOptions _options;
    private readonly List<Token> _lookahead = new(4);
    private int _nesting;

    public ExpressionParserCore(string text, int line, int column, ExpressionParserOptions options)
    {
        _lexer = new ExpressionLexer(text, line, column);
        _options = options;
    }

    /// <summary>Parses the whole text as one expression.</summary>
    public Expr ParseAll()
    {
        var e = ParseExpression(0);
        var end = Peek();
        if (end.Kind != TokenKind.End)
        {
            throw Error($"expected an operator or end of text at {end.Position} but found {end.Describe()}", end);
        }

        return e;
    }

    private static ModelParseException Error(string message, Token token) =>
        new(message, token.Line, token.Column, token.Kind == TokenKind.End ? null : token.Text);

    /// <summary>Returns the binding strength and operator of an infix token, or 0 when it is not one.</summary>
    private static (int Precedence, BinaryOperator Operator) Infix(TokenKind kind) => kind switch
    {
        TokenKind.OrOr => (1, BinaryOperator.Or),
        TokenKind.AndAnd => (2, BinaryOperator.And),
        TokenKind.Less => (3, BinaryOperator.Less),
        TokenKind.LessEqual => (3, BinaryOperator.LessOrEqual),
        TokenKind.Greater => (3, BinaryOperator.Greater),
        TokenKind.GreaterEqual => (3, BinaryOperator.GreaterOrEqual),
        TokenKind.EqualEqual => (3, BinaryOperator.Equal),
        TokenKind.NotEqual => (3, BinaryOperator.NotEqual),
        TokenKind.Plus => (4, BinaryOperator.Add),
        TokenKind.Minus => (4, BinaryOperator.Subtract),
        TokenKind.Star => (5, BinaryOperator.Multiply),
        TokenKind.Slash => (5, BinaryOperator.Divide),
        TokenKind.Percent => (5, BinaryOperator.Divide),
        _ => (0, default),
    };

    private Token Peek(int offset = 0)
    {
        while (_lookahead.Count <= offset)
        {
            _lookahead.Add(_lexer.Next());
        }

        return _lookahead[offset];
    }

    private Token Take()
    {
        var t = Peek();
        _lookahead.RemoveAt(0);
        return t;
    }

    private void Enter(Token at)
    {
        if (++_nesting > ExpressionParser.MaxNestingDepth)
        {
            throw Error($"expression nested too deeply at {at.Position} (more than {ExpressionParser.MaxNestingDepth} levels)", at);
        }
    }

    private Expr ParseExpression(int minPrecedence)
    {
        var left = ParsePrefix();
        while (true)
        {
            var op = Peek();
            var (precedence, binary) = Infix(op.Kind);
            if (precedence == 0 || precedence < minPrecedence)
            {
                return left;
            }

            Take();
            var right = ParseExpression(precedence + 1);
            left = Limit(op.Kind == TokenKind.Percent ? new CallExpr("rem", left, right) : new BinaryExpr(binary, left, right), op);
        }
    }

    /// <summary>Rejects a node deeper than <see cref="ExpressionParser.MaxTreeDepth"/>, reporting the operator or name that built it.</summary>
    private static Expr Limit(Expr e, Token at) =>
        e.Depth <= ExpressionParser.MaxTreeDepth
            ? e
            : throw Error($"expression nested too deeply at {at.Position} (the tree is more than {ExpressionParser.MaxTreeDepth} levels deep)", at);

    private Expr ParsePrefix()
    {
        var op = Peek();
        if (op.Kind is not (TokenKind.Minus or TokenKind.Plus or TokenKind.Bang))
        {
            return ParsePower();
        }

        Take();
        if (op.Kind == TokenKind.Minus && TryNegativeLiteral() is { } literal)
        {
            return literal;
        }

        Enter(op);
        var operand = ParsePrefix();
        _nesting--;
        return op.Kind switch
        {
            TokenKind.Minus => Limit(new UnaryExpr(UnaryOperator.Negate, operand), op),
            TokenKind.Bang => Limit(new UnaryExpr(UnaryOperator.Not, operand), op),
            _ => operand,
        };
    }

    /// <summary>After a '-': reads a number literal (or inf/NaN word) into a negative number, unless a '^' or '(' follows it.</summary>
    private NumberExpr? TryNegativeLiteral()
    {
        var t = Peek();
        double value;
        if (t.Kind == TokenKind.Number)
        {
            value = t.Value;
        }
        else if (t.Kind == TokenKind.Identifier && ExpressionSyntax.TryGetConstant(t.Text, out var c) && c is NumberExpr n)
        {
            value = n.Value;
        }
        else
        {
            return null;
        }

        if (Peek(1).Kind is TokenKind.Caret or TokenKind.LeftParen)
        {
            return null;
        }

        Take();
        return new NumberExpr(-value);
    }

    private Expr ParsePower()
    {
        var b = ParsePrimary();
        var caret = Peek();
        if (caret.Kind != TokenKind.Caret)
        {
            return b;
        }

        Take();
        Enter(caret);
        var exponent = ParsePrefix();
        _nesting--;
        return Limit(new BinaryExpr(BinaryOperator.Power, b, exponent), caret);
    }

    private Expr ParsePrimary()
    {
        var t = Peek();
        switch (t.Kind)
        {
            case TokenKind.Number:
                Take();
                return new NumberExpr(t.Value);
            case TokenKind.Identifier:
                Take();
                if (Peek().Kind == TokenKind.LeftParen)
                {
                    return ParseCall(t);
                }

                return ExpressionSyntax.TryGetConstant(t.Text, out var constant) ? constant : new SymbolExpr(t.Text);
            case TokenKind.LeftParen:
            {
                Take();
                Enter(t);
                var inner = ParseExpression(0);
                _nesting--;
                Expect(TokenKind.RightParen, "')'");
                return inner;
            }

            default:
                throw Error($"expected an expression at {t.Position} but found {t.Describe()}", t);
        }
    }

    private void Expect(TokenKind kind, string what)
    {
        var t = Peek();
        if (t.Kind != kind)
        {
            throw Error($"expected {what} at {t.Position} but found {t.Describe()}", t);
        }

        Take();
    }

    private Expr ParseCall(Token name)
    {
        bool isPiecewise = name.Text == ExpressionSyntax.Piecewise;
        bool isBuiltin = BuiltinFunctions.IsBuiltin(name.Text);
        if (!isBuiltin && !_options.UserFunctions.ContainsKey(name.Text))
        {
            var hint = NameSuggestions.Hint(NameSuggestions.Closest(name.Text, BuiltinFunctions.AllNames().Concat(_options.UserFunctions.Keys)));
            throw Error($"unknown function '{Token.Shorten(name.Text)}' at {name.Position}{hint}", name);
        }

        var open = Take();
        Enter(open);
        var args = new List<Expr>();
        if (Peek().Kind != TokenKind.RightParen)
        {
            args.Add(ParseExpression(0));
            while (Peek().Kind == TokenKind.Comma)
            {
                Take();
                args.Add(ParseExpression(0));
            }

            Expect(TokenKind.RightParen, "',' or ')'");
        }
        else
        {
            Take();
        }

        _nesting--;
        if (isPiecewise)
        {
            return Limit(BuildPiecewise(name, args), name);
        }

        if (isBuiltin)
        {
            var f = BuiltinFunctions.Resolve(name.Text, args.Count)!;
            if (!f.AcceptsArity(args.Count))
            {
                throw ArityError(name, f.DescribeArity(), args.Count);
            }
        }
        else if (_options.UserFunctions[name.Text] != args.Count)
        {
            throw ArityError(name, BuiltinFunction.Plural(_options.UserFunctions[name.Text]), args.Count);
        }

        return Limit(new CallExpr(name.Text, args), name);
    }

    private static ModelParseException ArityError(Token name, string expected, int given) =>
        Error($"function '{name.Text}' takes {expected} but was given {given} at {name.Position}", name);

    private static PiecewiseExpr BuildPiecewise(Token name, List<Expr> args)
    {
        if (args.Count == 0)
        {
            throw ArityError(name, "at least 1 argument", 0);
        }

        var cases = new PiecewiseCase[args.Count / 2];
        for (int i = 0; i < cases.Length; i++)
        {
            cases[i] = new PiecewiseCase(args[2 * i], args[(2 * i) + 1]);
        }

        return new PiecewiseExpr(cases, args.Count % 2 == 1 ? args[^1] : null);
    }
}
