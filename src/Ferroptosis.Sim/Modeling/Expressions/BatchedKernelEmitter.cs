using System.Linq.Expressions;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using L = System.Linq.Expressions.Expression;

namespace Ferroptosis.Sim.Modeling.Expressions;

/// <summary>Emits a <see cref="BatchedKernel"/> for expressions: <see cref="KernelEmitter"/>'s kernel with every value a <see cref="Vector256{T}"/> of lanes.</summary>
/// <remarks>
/// <para>
/// Lane j of every output is, bit for bit, what the scalar kernel computes from lane j of the inputs: +, −, ×, ÷ and
/// negation are lane-wise IEEE operations, and so are abs, sqrt, min and max, whose vector instructions give what
/// <see cref="Math"/> gives bit for bit; every other function (exp, ln, pow, …) is the scalar
/// <see cref="Math"/>/<see cref="BuiltinMath"/> method called once per lane; literal powers are the same
/// multiplications; comparisons become lane masks with the scalar semantics (NaN compares false, ≠ true).
/// Piecewise values evaluate every piece and select per lane, which gives the selected piece's value (no expression
/// has side effects).
/// </para>
/// <para>Shared nodes become locals as in the scalar emitter. Kernels hold no state and can run on several threads at once.</para>
/// </remarks>
internal sealed class BatchedKernelEmitter
{
    private const int MaxInlineHeight = 48;
    private const int Lanes = 4;

    private static readonly MethodInfo PowMethod = typeof(BuiltinMath).GetMethod(nameof(BuiltinMath.Pow))!;
    private static readonly MethodInfo MinMethod = Generic(nameof(Vector256.Min), 2);
    private static readonly MethodInfo MaxMethod = Generic(nameof(Vector256.Max), 2);
    private static readonly MethodInfo AbsMethod = Generic(nameof(Vector256.Abs), 1);
    private static readonly MethodInfo SqrtMethod = Generic(nameof(Vector256.Sqrt), 1);
    private static readonly MethodInfo Broadcast = typeof(Vector256).GetMethod(nameof(Vector256.Create), [typeof(double)])!;
    private static readonly MethodInfo FromLanes = typeof(Vector256).GetMethod(nameof(Vector256.Create), [typeof(double), typeof(double), typeof(double), typeof(double)])!;
    private static readonly MethodInfo GetElement = Generic(nameof(Vector256.GetElement), 2);
    private static readonly MethodInfo Select = Generic(nameof(Vector256.ConditionalSelect), 3);
    private static readonly MethodInfo EqualsMethod = Generic(nameof(Vector256.Equals), 2);
    private static readonly MethodInfo LessMethod = Generic(nameof(Vector256.LessThan), 2);
    private static readonly MethodInfo LessOrEqualMethod = Generic(nameof(Vector256.LessThanOrEqual), 2);
    private static readonly MethodInfo GreaterMethod = Generic(nameof(Vector256.GreaterThan), 2);
    private static readonly MethodInfo GreaterOrEqualMethod = Generic(nameof(Vector256.GreaterThanOrEqual), 2);
    private static readonly MethodInfo AndMethod = Generic(nameof(Vector256.BitwiseAnd), 2);
    private static readonly MethodInfo OrMethod = Generic(nameof(Vector256.BitwiseOr), 2);
    private static readonly MethodInfo XorMethod = Generic(nameof(Vector256.Xor), 2);
    private static readonly MethodInfo NotMethod = Generic(nameof(Vector256.OnesComplement), 1);
    private static readonly L Zero = Constant(0.0);
    private static readonly L One = Constant(1.0);
    private static readonly L AllTrue = L.Constant(Vector256<double>.AllBitsSet);
    private static readonly L AllFalse = L.Constant(Vector256<double>.Zero);

    private readonly IReadOnlyList<DagNode> _nodes;
    private readonly ParameterExpression _inputs = L.Parameter(typeof(Vector256<double>[]), "inputs");
    private readonly ParameterExpression _outputs = L.Parameter(typeof(Vector256<double>[]), "outputs");
    private readonly L?[] _locals;

    private readonly bool[] _precomputed;
    private readonly int _outputOffset;
    private readonly bool _vectorMath;

    private BatchedKernelEmitter(IReadOnlyList<DagNode> nodes, IReadOnlyDictionary<int, int>? precomputed, int outputOffset, bool vectorMath)
    {
        _nodes = nodes;
        _vectorMath = vectorMath;
        _locals = new L?[nodes.Count];
        _precomputed = new bool[nodes.Count];
        _outputOffset = outputOffset;
        if (precomputed is not null)
        {
            foreach (var (node, input) in precomputed)
            {
                _precomputed[node] = true;
                _locals[node] = L.ArrayIndex(_inputs, L.Constant(input));
            }
        }
    }

    /// <summary>
    /// Compiles expressions over a symbol table (input index per symbol) into one batched kernel, with the sub-expressions
    /// that read only inputs at index <paramref name="firstInvariantInput"/> or above moved into a precompute kernel, as
    /// <see cref="ExpressionCompiler.CompileHoisted"/> does for scalar kernels (same nodes, same slots from <paramref name="firstHoistedInput"/>).
    /// </summary>
    /// <returns>The kernel, the precompute kernel (call it with the input array as both arguments whenever an invariant input changes) and the number of hoisted slots.</returns>
    /// <exception cref="NotSupportedException">An expression calls delay(x, τ), or the kernel is too large to compile to code.</exception>
    public static (BatchedKernel Kernel, BatchedKernel Precompute, int HoistedCount) CompileHoisted(
        IReadOnlyList<Expr> expressions, IReadOnlyDictionary<string, int> symbolIndices, int firstInvariantInput, int firstHoistedInput, bool vectorMath = false)
    {
        var dag = new ExpressionDag(symbolIndices);
        var roots = new int[expressions.Count];
        for (int k = 0; k < roots.Length; k++)
        {
            roots[k] = dag.Add(expressions[k]);
        }

        var (hoisted, slots) = ExpressionCompiler.HoistedSlots(dag.Nodes, [roots], firstInvariantInput, firstHoistedInput);
        var kernel = new BatchedKernelEmitter(dag.Nodes, slots, 0, vectorMath).CompileRoots(roots);
        var precompute = new BatchedKernelEmitter(dag.Nodes, null, firstHoistedInput, vectorMath).CompileRoots([.. hoisted]);
        return (kernel, precompute, hoisted.Count);
    }

    private static MethodInfo Generic(string name, int parameters) =>
        typeof(Vector256).GetMethods(BindingFlags.Public | BindingFlags.Static)
            .Single(m => m.Name == name && m.IsGenericMethodDefinition && m.GetParameters().Length == parameters
                && m.GetParameters()[0].ParameterType.IsGenericType && m.GetParameters()[0].ParameterType.GetGenericTypeDefinition() == typeof(Vector256<>))
            .MakeGenericMethod(typeof(double));

    private static MethodCallExpression Constant(double value) => L.Call(Broadcast, L.Constant(value));

    private BatchedKernel CompileRoots(int[] roots)
    {
        // The sharing rule of KernelEmitter.Compile: nodes used twice, or too high to inline, become locals.
        var needed = new bool[_nodes.Count];
        var uses = new int[_nodes.Count];
        foreach (int r in roots)
        {
            needed[r] = true;
            uses[r]++;
        }

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

        var body = new List<L>();
        var variables = new List<ParameterExpression>();
        var height = new int[_nodes.Count];
        var shared = new bool[_nodes.Count];
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
                var v = L.Variable(typeof(Vector256<double>), "t" + i.ToString(System.Globalization.CultureInfo.InvariantCulture));
                body.Add(L.Assign(v, Value(i)));
                _locals[i] = v;
                variables.Add(v);
            }
        }

        if (body.Count + roots.Length > KernelEmitter.MaxCompiledStatements)
        {
            throw new NotSupportedException($"The right-hand side has {body.Count + roots.Length} statements, more than the {KernelEmitter.MaxCompiledStatements} a batched kernel compiles; solve such models one by one.");
        }

        for (int k = 0; k < roots.Length; k++)
        {
            body.Add(L.Assign(L.ArrayAccess(_outputs, L.Constant(_outputOffset + k)), Ref(roots[k])));
        }

        body.Add(L.Empty());
        return L.Lambda<BatchedKernel>(L.Block(variables, body), "BatchedKernel", [_inputs, _outputs]).Compile();
    }

    private L Ref(int id) => _locals[id] ?? Value(id);

    private static MethodCallExpression FromMask(L mask) => L.Call(Select, mask, One, Zero);

    private static MethodCallExpression IsTrue(L value) => L.Call(NotMethod, L.Call(EqualsMethod, value, Zero));

    /// <summary>The lane mask of a node's truth (all bits set where it is non-zero).</summary>
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
                    return L.Call(EqualsMethod, Ref(node.Args[0]), Zero);
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
                return Constant(node.Value);
            case DagKind.Input:
                return L.ArrayIndex(_inputs, L.Constant(node.Op));
            case DagKind.Unary:
                return (UnaryOperator)node.Op == UnaryOperator.Negate ? L.Negate(Ref(a[0])) : FromMask(Truth(id));
            case DagKind.Binary:
                var op = (BinaryOperator)node.Op;
                return op switch
                {
                    BinaryOperator.Add => L.Add(Ref(a[0]), Ref(a[1])),
                    BinaryOperator.Subtract => L.Subtract(Ref(a[0]), Ref(a[1])),
                    BinaryOperator.Multiply => L.Multiply(Ref(a[0]), Ref(a[1])),
                    BinaryOperator.Divide => L.Divide(Ref(a[0]), Ref(a[1])),
                    BinaryOperator.Power => Power(a[0], a[1]),
                    _ => FromMask(Condition(op, a[0], a[1])),
                };
            case DagKind.Call:
                return Call(node);
            default:
                return Piecewise(node);
        }
    }

    private MethodCallExpression Condition(BinaryOperator op, int left, int right)
    {
        if (op is BinaryOperator.And or BinaryOperator.Or)
        {
            return L.Call(op == BinaryOperator.And ? AndMethod : OrMethod, Truth(left), Truth(right));
        }

        var a = Ref(left);
        var b = Ref(right);
        return op switch
        {
            BinaryOperator.Less => L.Call(LessMethod, a, b),
            BinaryOperator.LessOrEqual => L.Call(LessOrEqualMethod, a, b),
            BinaryOperator.Greater => L.Call(GreaterMethod, a, b),
            BinaryOperator.GreaterOrEqual => L.Call(GreaterOrEqualMethod, a, b),
            BinaryOperator.Equal => L.Call(EqualsMethod, a, b),
            _ => L.Call(NotMethod, L.Call(EqualsMethod, a, b)),
        };
    }

    /// <summary>x^y: the literal exponents of <see cref="BuiltinMath.Pow"/> as the same multiplications, else the scalar method per lane.</summary>
    private BlockExpression Power(int baseId, int exponentId)
    {
        var exponent = _nodes[exponentId];
        if (exponent.Kind != DagKind.Constant || !BuiltinMath.IsExpandedExponent(exponent.Value))
        {
            return _vectorMath ? L.Block(L.Call(LaneMath.PowMethod, Ref(baseId), Ref(exponentId))) : PerLane(PowMethod, Ref(baseId), Ref(exponentId));
        }

        var t = L.Variable(typeof(Vector256<double>), "x");
        L result = exponent.Value switch
        {
            1.0 => t,
            2.0 => L.Multiply(t, t),
            3.0 => L.Multiply(L.Multiply(t, t), t),
            -1.0 => L.Divide(One, t),
            -2.0 => L.Divide(One, L.Multiply(t, t)),
            _ => Fourth(t),
        };
        return L.Block(typeof(Vector256<double>), [t], L.Assign(t, Ref(baseId)), result);
    }

    private static BlockExpression Fourth(ParameterExpression t)
    {
        var s = L.Variable(typeof(Vector256<double>), "s");
        return L.Block(typeof(Vector256<double>), [s], L.Assign(s, L.Multiply(t, t)), L.Multiply(s, s));
    }

    /// <summary>A scalar method applied lane by lane: Create(f(a[0], b[0]), …, f(a[3], b[3])).</summary>
    private static BlockExpression PerLane(MethodInfo method, params L[] arguments)
    {
        var temps = new ParameterExpression[arguments.Length];
        var block = new List<L>();
        for (int i = 0; i < arguments.Length; i++)
        {
            temps[i] = L.Variable(typeof(Vector256<double>), "a" + i.ToString(System.Globalization.CultureInfo.InvariantCulture));
            block.Add(L.Assign(temps[i], arguments[i]));
        }

        var lanes = new L[Lanes];
        for (int lane = 0; lane < Lanes; lane++)
        {
            var laneArguments = new L[temps.Length];
            for (int i = 0; i < temps.Length; i++)
            {
                laneArguments[i] = L.Call(GetElement, temps[i], L.Constant(lane));
            }

            lanes[lane] = L.Call(method, laneArguments);
        }

        block.Add(L.Call(FromLanes, lanes));
        return L.Block(typeof(Vector256<double>), temps, block);
    }

    private L Call(DagNode node)
    {
        var f = node.Function!;
        if (f.IsBoolean)
        {
            return FromMask(BooleanCall(node));
        }

        if (f.Kind == BuiltinKind.Pow)
        {
            return Power(node.Args[0], node.Args[1]);
        }

        // Lane-wise instructions where they round exactly as the scalar method (checked in BatchedKernelEmitterTests).
        if (f.Kind is BuiltinKind.Abs or BuiltinKind.Sqrt)
        {
            return L.Call(f.Kind == BuiltinKind.Abs ? AbsMethod : SqrtMethod, Ref(node.Args[0]));
        }

        if (_vectorMath && f.Kind is BuiltinKind.Exp or BuiltinKind.Ln)
        {
            return L.Call(f.Kind == BuiltinKind.Exp ? LaneMath.ExpMethod : LaneMath.LogMethod, Ref(node.Args[0]));
        }

        if (f.Method is { } method)
        {
            return PerLane(method, Array.ConvertAll(node.Args, Ref));
        }

        if (f.Kind == BuiltinKind.Delay)
        {
            throw new NotSupportedException("delay(x, τ) reads the history of a simulation; a batched right-hand side cannot evaluate it.");
        }

        // min/max fold left to right as the scalar kernel does; Vector256.Min/Max follow Math.Min/Max (IEEE 754:2019:
        // NaN propagates, −0 < +0) bit for bit.
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
                return L.Call(EqualsMethod, Ref(a[0]), Zero);
            case BuiltinKind.Implies:
                return L.Call(OrMethod, L.Call(EqualsMethod, Ref(a[0]), Zero), Truth(a[1]));
            case BuiltinKind.Neq:
                return L.Call(NotMethod, L.Call(EqualsMethod, Ref(a[0]), Ref(a[1])));
            case BuiltinKind.And:
                return Fold(a, AllTrue, AndMethod);
            case BuiltinKind.Or:
                return Fold(a, AllFalse, OrMethod);
            case BuiltinKind.Xor:
                return Fold(a, AllFalse, XorMethod);
            default:
                return Chain(node);
        }
    }

    private L Fold(int[] args, L empty, MethodInfo combine)
    {
        if (args.Length == 0)
        {
            return empty;
        }

        var acc = Truth(args[0]);
        for (int i = 1; i < args.Length; i++)
        {
            acc = L.Call(combine, acc, Truth(args[i]));
        }

        return acc;
    }

    /// <summary>Chained relations lt(a, b, c) = a &lt; b ∧ b &lt; c, each argument evaluated once.</summary>
    private L Chain(DagNode node)
    {
        var args = node.Args;
        if (args.Length == 1)
        {
            return AllTrue;
        }

        var temps = new ParameterExpression[args.Length];
        var block = new List<L>();
        for (int i = 0; i < args.Length; i++)
        {
            temps[i] = L.Variable(typeof(Vector256<double>), "r" + i.ToString(System.Globalization.CultureInfo.InvariantCulture));
            block.Add(L.Assign(temps[i], Ref(args[i])));
        }

        L acc = null!;
        for (int i = 0; i + 1 < args.Length; i++)
        {
            var relation = node.Function!.Kind switch
            {
                BuiltinKind.Eq => EqualsMethod,
                BuiltinKind.Gt => GreaterMethod,
                BuiltinKind.Lt => LessMethod,
                BuiltinKind.Geq => GreaterOrEqualMethod,
                _ => LessOrEqualMethod,
            };
            L test = L.Call(relation, temps[i], temps[i + 1]);
            acc = i == 0 ? test : L.Call(AndMethod, acc, test);
        }

        block.Add(acc);
        return L.Block(typeof(Vector256<double>), temps, block);
    }

    private L Piecewise(DagNode node)
    {
        var a = node.Args;
        int pieces = a.Length / 2;
        L result = node.Op == 1 ? Ref(a[^1]) : Constant(double.NaN);
        for (int i = pieces - 1; i >= 0; i--)
        {
            result = L.Call(Select, Truth(a[(2 * i) + 1]), Ref(a[2 * i]), result);
        }

        return result;
    }
}
