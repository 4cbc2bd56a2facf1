using System.Linq.Expressions;
using System.Reflection;
using System.Runtime.CompilerServices;
using L = System.Linq.Expressions.Expression;

namespace Ferroptosis.Sim.Modeling.Expressions;

/// <summary>Emits a System.Linq.Expressions lambda for an <see cref="ExpressionDag"/>: shared nodes become locals computed once, the rest is inlined.</summary>
/// <remarks>
/// Every node mirrors the interpreter operation for operation (same Math/BuiltinMath methods, same left-to-right
/// folds, x^2…x^4, x^-1, x^-2 as the same multiplications as <see cref="BuiltinMath.Pow"/>), so results agree bit for
/// bit. Conditions are emitted as branches on booleans (no 1.0/0.0 round trips), and piecewise values are evaluated
/// lazily unless they are shared.
/// </remarks>
internal sealed class KernelEmitter
{
    private static readonly MethodInfo PowMethod = typeof(BuiltinMath).GetMethod(nameof(BuiltinMath.Pow))!;
    private static readonly MethodInfo MinMethod = typeof(Math).GetMethod(nameof(Math.Min), [typeof(double), typeof(double)])!;
    private static readonly MethodInfo MaxMethod = typeof(Math).GetMethod(nameof(Math.Max), [typeof(double), typeof(double)])!;
    private static readonly L Zero = L.Constant(0.0);
    private static readonly L One = L.Constant(1.0);

    /// <summary>The highest expression emitted inline before a node is computed into a local.</summary>
    private const int MaxInlineHeight = 48;

    /// <summary>The most statements (shared values and outputs) a kernel compiled to code may have; larger kernels are interpreted (<see cref="InterpretedKernel"/>).</summary>
    public const int MaxCompiledStatements = 16_384;

    private readonly IReadOnlyList<DagNode> _nodes;
    private readonly ParameterExpression _inputs = L.Parameter(typeof(double[]), "inputs");
    private readonly ParameterExpression _outputs = L.Parameter(typeof(double[]), "outputs");
    private readonly L?[] _locals;
    private readonly bool[] _precomputed;
    private readonly int[] _inputSlot;
    private readonly int _maxCompiledStatements;
    private int _outputOffset;

    public KernelEmitter(IReadOnlyList<DagNode> nodes)
        : this(nodes, null)
    {
    }

    /// <summary>Creates an emitter whose kernel reads the nodes of <paramref name="precomputed"/> (node id → input index) from the input array instead of computing them.</summary>
    /// <param name="nodes">The graph.</param>
    /// <param name="precomputed">Node id → input index of the nodes read from the input array, or null.</param>
    /// <param name="maxCompiledStatements">The most statements of a kernel compiled to code (<see cref="MaxCompiledStatements"/>; tests lower it to interpret small kernels).</param>
    public KernelEmitter(IReadOnlyList<DagNode> nodes, IReadOnlyDictionary<int, int>? precomputed, int maxCompiledStatements = MaxCompiledStatements)
    {
        _nodes = nodes;
        _maxCompiledStatements = maxCompiledStatements;
        _locals = new L?[nodes.Count];
        _precomputed = new bool[nodes.Count];
        _inputSlot = new int[nodes.Count];
        Array.Fill(_inputSlot, -1);
        if (precomputed is not null)
        {
            foreach (var (node, input) in precomputed)
            {
                _precomputed[node] = true;
                _inputSlot[node] = input;
                _locals[node] = L.ArrayIndex(_inputs, L.Constant(input));
            }
        }
    }

    /// <summary>Gets the number of nodes computed into locals.</summary>
    public int SharedCount { get; private set; }

    /// <summary>Gets the number of instructions of the kernel when it is interpreted, else 0.</summary>
    public int InstructionCount { get; private set; }

    /// <summary>Compiles the kernel writing node <c>roots[k]</c> to <c>outputs[outputOffset + k]</c>.</summary>
    /// <remarks>
    /// Only the nodes the roots need are emitted (the graph may hold the nodes of other kernels too); a precomputed
    /// node is read from the input array and what only it needs is not emitted.
    /// </remarks>
    public ExpressionKernel Compile(IReadOnlyList<int> roots, int outputOffset = 0)
    {
        _outputOffset = outputOffset;
        var needed = new bool[_nodes.Count];
        foreach (int r in roots)
        {
            needed[r] = true;
        }

        // Arguments precede their users, so one pass from the end marks everything the roots reach.
        var uses = new int[_nodes.Count];
        for (int i = _nodes.Count - 1; i >= 0; i--)
        {
            if (needed[i] && !_precomputed[i])
            {
                foreach (int a in _nodes[i].Args)
                {
                    needed[a] = true;
                    uses[a]++;
                }
            }
        }

        foreach (int r in roots)
        {
            uses[r]++;
        }

        // A node used twice becomes a local; so does a node whose inlined expression would be more than
        // MaxInlineHeight levels high (a chain of rules each used once), which keeps every emitted expression, and the
        // recursion of the expression compiler over it, shallow however deep the graph is.
        var shared = new bool[_nodes.Count];
        var height = new int[_nodes.Count];
        int sharedCount = 0;
        for (int i = 0; i < _nodes.Count; i++)
        {
            if (!needed[i] || _precomputed[i])
            {
                continue;
            }

            int h = 1;
            foreach (int a in _nodes[i].Args)
            {
                if (!shared[a] && !_precomputed[a])
                {
                    h = Math.Max(h, height[a] + 1);
                }
            }

            height[i] = h;
            if ((uses[i] >= 2 || h > MaxInlineHeight) && _nodes[i].Kind != DagKind.Constant)
            {
                shared[i] = true;
                sharedCount++;
            }
        }

        SharedCount = sharedCount;

        // The JIT costs microseconds per statement: a kernel larger than this is interpreted, built in linear time.
        if (sharedCount + roots.Count > _maxCompiledStatements)
        {
            var interpreted = InterpretedKernel.Create(_nodes, needed, _inputSlot, roots, outputOffset);
            InstructionCount = interpreted.InstructionCount;
            return interpreted.Run;
        }

        return CompileSingle(roots, shared);
    }

    /// <summary>One method: shared values in IL locals, then the outputs.</summary>
    private ExpressionKernel CompileSingle(IReadOnlyList<int> roots, bool[] shared)
    {
        var body = new List<L>();
        var variables = new List<ParameterExpression>();
        for (int i = 0; i < _nodes.Count; i++)
        {
            if (shared[i])
            {
                var v = L.Variable(typeof(double), "t" + i.ToString(System.Globalization.CultureInfo.InvariantCulture));
                body.Add(L.Assign(v, Value(i)));
                _locals[i] = v;
                variables.Add(v);
            }
        }

        for (int k = 0; k < roots.Count; k++)
        {
            body.Add(L.Assign(L.ArrayAccess(_outputs, L.Constant(_outputOffset + k)), Ref(roots[k])));
        }

        body.Add(L.Empty());
        return L.Lambda<ExpressionKernel>(L.Block(variables, body), "ExpressionKernel", [_inputs, _outputs]).Compile();
    }

    private static ConditionalExpression FromBool(L condition) => L.Condition(condition, One, Zero);

    private static BinaryExpression IsTrue(L value) => L.NotEqual(value, Zero);

    /// <summary>The double value of a node: its local when shared, else its expression.</summary>
    private L Ref(int id) => _locals[id] ?? Value(id);

    /// <summary>The truth of a node as a bool expression (comparisons and logic without converting to 1.0/0.0).</summary>
    private L Truth(int id)
    {
        var node = _nodes[id];
        if (_locals[id] is null)
        {
            switch (node.Kind)
            {
                case DagKind.Binary when (BinaryOperator)node.Op >= BinaryOperator.Less:
                    return Condition((BinaryOperator)node.Op, node.Args[0], node.Args[1]);
                case DagKind.Unary when (UnaryOperator)node.Op == UnaryOperator.Not:
                    return L.Equal(Ref(node.Args[0]), Zero);
                case DagKind.Call when node.Function!.IsBoolean:
                    return BooleanCall(node);
            }
        }

        return IsTrue(Ref(id));
    }

    private L Value(int id)
    {
        RuntimeHelpers.EnsureSufficientExecutionStack();
        var node = _nodes[id];
        var a = node.Args;
        switch (node.Kind)
        {
            case DagKind.Constant:
                return L.Constant(node.Value);
            case DagKind.Input:
                return L.ArrayIndex(_inputs, L.Constant(node.Op));
            case DagKind.Unary:
                return (UnaryOperator)node.Op == UnaryOperator.Negate ? L.Negate(Ref(a[0])) : FromBool(Truth(id));
            case DagKind.Binary:
                var op = (BinaryOperator)node.Op;
                return op switch
                {
                    BinaryOperator.Add => L.Add(Ref(a[0]), Ref(a[1])),
                    BinaryOperator.Subtract => L.Subtract(Ref(a[0]), Ref(a[1])),
                    BinaryOperator.Multiply => L.Multiply(Ref(a[0]), Ref(a[1])),
                    BinaryOperator.Divide => L.Divide(Ref(a[0]), Ref(a[1])),
                    BinaryOperator.Power => Power(a[0], a[1]),
                    _ => FromBool(Condition(op, a[0], a[1])),
                };
            case DagKind.Call:
                return Call(node);
            default:
                return Piecewise(node);
        }
    }

    private BinaryExpression Condition(BinaryOperator op, int left, int right)
    {
        if (op is BinaryOperator.And or BinaryOperator.Or)
        {
            var l = Truth(left);
            var r = Truth(right);
            return op == BinaryOperator.And ? L.AndAlso(l, r) : L.OrElse(l, r);
        }

        var a = Ref(left);
        var b = Ref(right);
        return op switch
        {
            BinaryOperator.Less => L.LessThan(a, b),
            BinaryOperator.LessOrEqual => L.LessThanOrEqual(a, b),
            BinaryOperator.Greater => L.GreaterThan(a, b),
            BinaryOperator.GreaterOrEqual => L.GreaterThanOrEqual(a, b),
            BinaryOperator.Equal => L.Equal(a, b),
            _ => L.NotEqual(a, b),
        };
    }

    /// <summary>x^y: literal exponents 1, 2, 3, 4, −1, −2 as the multiplications of <see cref="BuiltinMath.Pow"/> (x itself for 1), else a call of it.</summary>
    private L Power(int baseId, int exponentId)
    {
        var exponent = _nodes[exponentId];
        if (exponent.Kind != DagKind.Constant || !BuiltinMath.IsExpandedExponent(exponent.Value))
        {
            return L.Call(PowMethod, Ref(baseId), Ref(exponentId));
        }

        var t = L.Variable(typeof(double), "x");
        L result = exponent.Value switch
        {
            1.0 => t,
            2.0 => L.Multiply(t, t),
            3.0 => L.Multiply(L.Multiply(t, t), t),
            -1.0 => L.Divide(One, t),
            -2.0 => L.Divide(One, L.Multiply(t, t)),
            _ => Fourth(t),
        };
        return L.Block(typeof(double), [t], L.Assign(t, Ref(baseId)), result);
    }

    private static BlockExpression Fourth(ParameterExpression t)
    {
        var s = L.Variable(typeof(double), "s");
        return L.Block(typeof(double), [s], L.Assign(s, L.Multiply(t, t)), L.Multiply(s, s));
    }

    private L Call(DagNode node)
    {
        var f = node.Function!;
        if (f.IsBoolean)
        {
            return FromBool(BooleanCall(node));
        }

        if (f.Kind == BuiltinKind.Pow)
        {
            return Power(node.Args[0], node.Args[1]);
        }

        if (f.Method is { } method)
        {
            return L.Call(method, Array.ConvertAll(node.Args, Ref));
        }

        if (f.Kind == BuiltinKind.Delay)
        {
            throw new InvalidOperationException("delay(x, τ) reads the history of a simulation and cannot be compiled into a plain kernel; compile the model with ModelCompiler, which evaluates delays from the solution's history.");
        }

        // min/max fold left to right, as the interpreter does.
        var m = f.Kind == BuiltinKind.Min ? MinMethod : MaxMethod;
        var acc = Ref(node.Args[0]);
        for (int i = 1; i < node.Args.Length; i++)
        {
            acc = L.Call(m, acc, Ref(node.Args[i]));
        }

        return acc;
    }

    private L BooleanCall(DagNode node)
    {
        var a = node.Args;
        switch (node.Function!.Kind)
        {
            case BuiltinKind.Not:
                return L.Equal(Ref(a[0]), Zero);
            case BuiltinKind.Implies:
                return L.OrElse(L.Equal(Ref(a[0]), Zero), Truth(a[1]));
            case BuiltinKind.Neq:
                return L.NotEqual(Ref(a[0]), Ref(a[1]));
            case BuiltinKind.And:
                return Fold(a, L.Constant(true), L.AndAlso);
            case BuiltinKind.Or:
                return Fold(a, L.Constant(false), L.OrElse);
            case BuiltinKind.Xor:
                return Fold(a, L.Constant(false), L.ExclusiveOr);
            default:
                return Chain(node);
        }
    }

    private L Fold(int[] args, L empty, Func<L, L, L> combine)
    {
        if (args.Length == 0)
        {
            return empty;
        }

        var acc = Truth(args[0]);
        for (int i = 1; i < args.Length; i++)
        {
            acc = combine(acc, Truth(args[i]));
        }

        return acc;
    }

    /// <summary>Chained relations lt(a, b, c) = a &lt; b ∧ b &lt; c, each argument evaluated once.</summary>
    private L Chain(DagNode node)
    {
        var args = node.Args;
        if (args.Length == 1)
        {
            return L.Constant(true);
        }

        var temps = new ParameterExpression[args.Length];
        var block = new List<L>();
        for (int i = 0; i < args.Length; i++)
        {
            temps[i] = L.Variable(typeof(double), "r" + i.ToString(System.Globalization.CultureInfo.InvariantCulture));
            block.Add(L.Assign(temps[i], Ref(args[i])));
        }

        L acc = null!;
        for (int i = 0; i + 1 < args.Length; i++)
        {
            L test = node.Function!.Kind switch
            {
                BuiltinKind.Eq => L.Equal(temps[i], temps[i + 1]),
                BuiltinKind.Gt => L.GreaterThan(temps[i], temps[i + 1]),
                BuiltinKind.Lt => L.LessThan(temps[i], temps[i + 1]),
                BuiltinKind.Geq => L.GreaterThanOrEqual(temps[i], temps[i + 1]),
                _ => L.LessThanOrEqual(temps[i], temps[i + 1]),
            };
            acc = i == 0 ? test : L.AndAlso(acc, test);
        }

        block.Add(acc);
        return L.Block(typeof(bool), temps, block);
    }

    private L Piecewise(DagNode node)
    {
        var a = node.Args;
        int pieces = a.Length / 2;
        L result = node.Op == 1 ? Ref(a[^1]) : L.Constant(double.NaN);
        for (int i = pieces - 1; i >= 0; i--)
        {
            result = L.Condition(Truth(a[(2 * i) + 1]), Ref(a[2 * i]), result);
        }

        return result;
    }
}
