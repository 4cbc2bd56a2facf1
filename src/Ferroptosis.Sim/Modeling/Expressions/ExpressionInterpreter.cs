using System.Runtime.CompilerServices;

namespace Ferroptosis.Sim.Modeling.Expressions;

/// <summary>The reference semantics: evaluates an expression tree recursively with IEEE double arithmetic.</summary>
/// <remarks>
/// Never throws for numerical reasons: x/0 is ±∞ or NaN, ln(−1) is NaN, factorial(2.5) is NaN. Truth values are
/// 1.0/0.0 and a condition holds when it is not 0 (NaN holds). Fixed-arity functions call the same methods
/// (<see cref="BuiltinFunction.Method"/>) that compiled code calls, and n-ary functions fold left to right in the
/// same order, so <see cref="ExpressionCompiler"/> reproduces these results bit for bit.
/// </remarks>
internal static class ExpressionInterpreter
{
    [ThreadStatic]
    private static CallMemo? t_memo;

    public static double Evaluate(Expr e, Func<string, double> values, FunctionLibrary? functions)
    {
        RuntimeHelpers.EnsureSufficientExecutionStack();
        switch (e)
        {
            case NumberExpr n:
                return n.Value;
            case ConstantExpr c:
                return c.Value;
            case SymbolExpr s:
                return values(s.Name);
            case UnaryExpr u:
            {
                double x = Evaluate(u.Operand, values, functions);
                return u.Operator == UnaryOperator.Negate ? -x : BuiltinMath.FromBoolean(x == 0);
            }

            case BinaryExpr b:
                return Binary(b.Operator, Evaluate(b.Left, values, functions), Evaluate(b.Right, values, functions));
            case CallExpr call:
                return call.Builtin is { } builtin ? Builtin(builtin, call.ArgumentArray, values, functions) : UserCall(call, values, functions);
            case PiecewiseExpr p:
                foreach (var piece in p.CaseArray)
                {
                    if (Evaluate(piece.Condition, values, functions) != 0)
                    {
                        return Evaluate(piece.Value, values, functions);
                    }
                }

                return p.Otherwise is null ? double.NaN : Evaluate(p.Otherwise, values, functions);
            default:
                throw new InvalidOperationException($"Unknown node type {e.GetType().Name}.");
        }
    }

    /// <summary>Applies an infix operator to two values.</summary>
    public static double Binary(BinaryOperator op, double a, double b) => op switch
    {
        BinaryOperator.Add => a + b,
        BinaryOperator.Subtract => a - b,
        BinaryOperator.Multiply => a * b,
        BinaryOperator.Divide => a / b,
        BinaryOperator.Power => BuiltinMath.Pow(a, b),
        BinaryOperator.Less => BuiltinMath.FromBoolean(a < b),
        BinaryOperator.LessOrEqual => BuiltinMath.FromBoolean(a <= b),
        BinaryOperator.Greater => BuiltinMath.FromBoolean(a > b),
        BinaryOperator.GreaterOrEqual => BuiltinMath.FromBoolean(a >= b),
        BinaryOperator.Equal => BuiltinMath.FromBoolean(a == b),
        BinaryOperator.NotEqual => BuiltinMath.FromBoolean(a != b),
        BinaryOperator.And => BuiltinMath.FromBoolean(a != 0 && b != 0),
        BinaryOperator.Or => BuiltinMath.FromBoolean(a != 0 || b != 0),
        _ => throw new ArgumentOutOfRangeException(nameof(op), op, null),
    };

    /// <summary>Applies an n-ary built-in (min, max, relations, logic) to evaluated arguments.</summary>
    public static double NAry(BuiltinKind kind, ReadOnlySpan<double> a)
    {
        switch (kind)
        {
            case BuiltinKind.Min:
            case BuiltinKind.Max:
            {
                double r = a[0];
                for (int i = 1; i < a.Length; i++)
                {
                    r = kind == BuiltinKind.Min ? Math.Min(r, a[i]) : Math.Max(r, a[i]);
                }

                return r;
            }

            case BuiltinKind.Eq:
            case BuiltinKind.Gt:
            case BuiltinKind.Lt:
            case BuiltinKind.Geq:
            case BuiltinKind.Leq:
                for (int i = 0; i + 1 < a.Length; i++)
                {
                    if (!Relation(kind, a[i], a[i + 1]))
                    {
                        return 0.0;
                    }
                }

                return 1.0;
            case BuiltinKind.Neq:
                return BuiltinMath.FromBoolean(a[0] != a[1]);
            case BuiltinKind.And:
                foreach (double x in a)
                {
                    if (x == 0)
                    {
                        return 0.0;
                    }
                }

                return 1.0;
            case BuiltinKind.Or:
                foreach (double x in a)
                {
                    if (x != 0)
                    {
                        return 1.0;
                    }
                }

                return 0.0;
            case BuiltinKind.Xor:
            {
                bool odd = false;
                foreach (double x in a)
                {
                    odd ^= x != 0;
                }

                return BuiltinMath.FromBoolean(odd);
            }

            case BuiltinKind.Not:
                return BuiltinMath.FromBoolean(a[0] == 0);
            case BuiltinKind.Implies:
                return BuiltinMath.FromBoolean(a[0] == 0 || a[1] != 0);
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, null);
        }
    }

    /// <summary>Evaluates the pairwise relation of a chained relational function.</summary>
    public static bool Relation(BuiltinKind kind, double a, double b) => kind switch
    {
        BuiltinKind.Eq => a == b,
        BuiltinKind.Gt => a > b,
        BuiltinKind.Lt => a < b,
        BuiltinKind.Geq => a >= b,
        BuiltinKind.Leq => a <= b,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    private static double Builtin(BuiltinFunction f, Expr[] args, Func<string, double> values, FunctionLibrary? functions)
    {
        if (f.Unary is { } unary)
        {
            return unary(Evaluate(args[0], values, functions));
        }

        if (f.Binary is { } binary)
        {
            double a = Evaluate(args[0], values, functions);
            return binary(a, Evaluate(args[1], values, functions));
        }

        if (f.Kind == BuiltinKind.Delay)
        {
            // Without a history (outside a simulation) the past is the present: delay(x, τ) is x.
            return Evaluate(args[0], values, functions);
        }

        Span<double> buffer = args.Length <= 16 ? stackalloc double[args.Length] : new double[args.Length];
        for (int i = 0; i < args.Length; i++)
        {
            buffer[i] = Evaluate(args[i], values, functions);
        }

        return NAry(f.Kind, buffer);
    }

    private static double UserCall(CallExpr call, Func<string, double> values, FunctionLibrary? functions)
    {
        if (functions is null || !functions.TryGet(call.Name, out var definition))
        {
            throw new ArgumentException(
                $"The expression calls '{call.Name}', which is not a built-in function; pass its definition in a FunctionLibrary or inline it first.",
                nameof(functions));
        }

        var args = call.ArgumentArray;
        if (args.Length != definition.Arity)
        {
            throw new ArgumentException($"'{call.Name}' takes {definition.Arity} arguments but is called with {args.Length}.", nameof(functions));
        }

        var bound = new double[args.Length];
        for (int i = 0; i < args.Length; i++)
        {
            bound[i] = Evaluate(args[i], values, functions);
        }

        // A function whose value depends on its arguments only is evaluated once per distinct argument values during one
        // evaluation, so functions that call the previous one twice, sixty deep, cost sixty evaluations, not 2^60.
        CallMemo? memo = null;
        CallMemo.Key key = default;
        if (functions.IsClosed(call.Name) && (t_memo ??= new CallMemo()).TryUse(functions))
        {
            memo = t_memo;
            key = new CallMemo.Key(call.Name, bound);
            if (memo.Values.TryGetValue(key, out double known))
            {
                return known;
            }
        }

        double result;
        memo?.Enter();
        try
        {
            result = EvaluateBody(definition, bound, values, functions);
        }
        finally
        {
            memo?.Leave();
        }

        if (memo is not null)
        {
            memo.Values[key] = result;
        }

        return result;
    }

    private static double EvaluateBody(FunctionDefinition definition, double[] bound, Func<string, double> values, FunctionLibrary functions)
    {
        var parameters = definition.Parameters;
        double Lookup(string name)
        {
            for (int i = 0; i < parameters.Count; i++)
            {
                if (string.Equals(parameters[i], name, StringComparison.Ordinal))
                {
                    return bound[i];
                }
            }

            return values(name);
        }

        return Evaluate(definition.Body, Lookup, functions);
    }
}

/// <summary>Values of closed user-function calls during one outermost call evaluation on a thread, by name and argument bits.</summary>
internal sealed class CallMemo
{
    private int _depth;
    private FunctionLibrary? _library;

    public Dictionary<Key, double> Values { get; } = [];

    /// <summary>Tells whether calls of <paramref name="library"/> may use the memo: always when no call is under way, else only for the library of the calls under way.</summary>
    public bool TryUse(FunctionLibrary library)
    {
        if (_depth == 0)
        {
            _library = library;
            return true;
        }

        return ReferenceEquals(_library, library);
    }

    public void Enter() => _depth++;

    /// <summary>Leaves a call; when the outermost call ends the values are forgotten (another evaluation may bind other symbols).</summary>
    public void Leave()
    {
        if (--_depth == 0)
        {
            Values.Clear();
        }
    }

    /// <summary>A function name and argument values, compared bit for bit.</summary>
    internal readonly struct Key : IEquatable<Key>
    {
        private readonly string _name;
        private readonly double[] _arguments;
        private readonly int _hash;

        public Key(string name, double[] arguments)
        {
            _name = name;
            _arguments = arguments;
            var hash = new HashCode();
            hash.Add(name, StringComparer.Ordinal);
            foreach (double a in arguments)
            {
                hash.Add(BitConverter.DoubleToInt64Bits(a));
            }

            _hash = hash.ToHashCode();
        }

        public bool Equals(Key other) =>
            string.Equals(_name, other._name, StringComparison.Ordinal)
            && System.Runtime.InteropServices.MemoryMarshal.Cast<double, long>(_arguments).SequenceEqual(System.Runtime.InteropServices.MemoryMarshal.Cast<double, long>(other._arguments));

        public override bool Equals(object? obj) => obj is Key k && Equals(k);

        public override int GetHashCode() => _hash;
    }
}
