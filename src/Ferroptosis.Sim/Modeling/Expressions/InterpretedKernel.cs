namespace Ferroptosis.Sim.Modeling.Expressions;

/// <summary>A large kernel run as a flat list of register instructions instead of compiled code: one instruction per graph node, built in linear time, no JIT.</summary>
/// <remarks>
/// <para>
/// The JIT costs some microseconds for every statement it compiles, so a model of 100 000 reactions (several hundred
/// thousand statements in its right-hand side, Jacobian and parameter kernels) spent most of its build time there,
/// whether the code came from expression trees or straight IL. Above <see cref="KernelEmitter.MaxCompiledStatements"/>
/// statements a kernel is therefore interpreted: every node the outputs need gets a register in the per-thread scratch
/// array (<see cref="KernelScratch"/>) and one instruction, run in node order, so arguments are ready before their users.
/// Each instruction applies the interpreter's own operation (<see cref="ExpressionInterpreter.Binary"/>, the built-in's
/// method, <see cref="ExpressionInterpreter.NAry"/>), so results equal <see cref="Expr.Evaluate(Func{string, double})"/>
/// bit for bit. Piecewise branches are evaluated eagerly (evaluation has no side effects and never throws), and a call
/// allocates nothing.
/// </para>
/// </remarks>
internal sealed class InterpretedKernel
{
    private readonly Instruction[] _code;
    private readonly double[] _constants;
    private readonly int[] _arguments;
    private readonly BuiltinFunction[] _functions;
    private readonly int _registers;

    private InterpretedKernel(Instruction[] code, double[] constants, int[] arguments, BuiltinFunction[] functions, int registers)
    {
        _code = code;
        _constants = constants;
        _arguments = arguments;
        _functions = functions;
        _registers = registers;
    }

    private enum Code : byte
    {
        Input,
        Constant,
        Negate,
        Not,
        Add,
        Subtract,
        Multiply,
        Divide,
        Binary,
        UnaryCall,
        BinaryCall,
        NAryCall,
        Piecewise,
        Output,
    }

    /// <summary>Gets the number of instructions (for tests: linear in the size of the graph the outputs need).</summary>
    public int InstructionCount => _code.Length;

    /// <summary>Builds the kernel writing node <c>roots[k]</c> to <c>outputs[outputOffset + k]</c>.</summary>
    /// <param name="nodes">The graph, arguments before users.</param>
    /// <param name="needed">The nodes the roots reach (precomputed nodes count, what only they need does not).</param>
    /// <param name="inputSlot">For each node, the input index it is read from when precomputed, else −1.</param>
    /// <param name="roots">The output nodes.</param>
    /// <param name="outputOffset">The index of the first output.</param>
    public static InterpretedKernel Create(IReadOnlyList<DagNode> nodes, bool[] needed, int[] inputSlot, IReadOnlyList<int> roots, int outputOffset)
    {
        var register = new int[nodes.Count];
        var code = new List<Instruction>();
        var constants = new List<double>();
        var arguments = new List<int>();
        var functions = new List<BuiltinFunction>();
        var functionIndex = new Dictionary<BuiltinFunction, int>(ReferenceEqualityComparer.Instance);
        int registers = 0;
        for (int i = 0; i < nodes.Count; i++)
        {
            if (!needed[i])
            {
                continue;
            }

            int r = registers++;
            register[i] = r;
            var node = nodes[i];
            var a = node.Args;
            if (inputSlot[i] >= 0)
            {
                code.Add(new Instruction(Code.Input, r, inputSlot[i], 0, 0));
                continue;
            }

            switch (node.Kind)
            {
                case DagKind.Constant:
                    code.Add(new Instruction(Code.Constant, r, constants.Count, 0, 0));
                    constants.Add(node.Value);
                    break;
                case DagKind.Input:
                    code.Add(new Instruction(Code.Input, r, node.Op, 0, 0));
                    break;
                case DagKind.Unary:
                    code.Add(new Instruction((UnaryOperator)node.Op == UnaryOperator.Negate ? Code.Negate : Code.Not, r, register[a[0]], 0, 0));
                    break;
                case DagKind.Binary:
                    var op = (BinaryOperator)node.Op;
                    var c = op switch
                    {
                        BinaryOperator.Add => Code.Add,
                        BinaryOperator.Subtract => Code.Subtract,
                        BinaryOperator.Multiply => Code.Multiply,
                        BinaryOperator.Divide => Code.Divide,
                        _ => Code.Binary,
                    };
                    code.Add(new Instruction(c, r, register[a[0]], register[a[1]], node.Op));
                    break;
                case DagKind.Call:
                    var f = node.Function!;
                    if (!functionIndex.TryGetValue(f, out int fi))
                    {
                        fi = functions.Count;
                        functions.Add(f);
                        functionIndex.Add(f, fi);
                    }

                    if (f.Unary is not null)
                    {
                        code.Add(new Instruction(Code.UnaryCall, r, register[a[0]], 0, fi));
                    }
                    else if (f.Binary is not null)
                    {
                        code.Add(new Instruction(Code.BinaryCall, r, register[a[0]], register[a[1]], fi));
                    }
                    else
                    {
                        code.Add(new Instruction(Code.NAryCall, r, arguments.Count, a.Length, fi));
                        AddArguments(a);
                    }

                    break;
                default:
                    // B = 1 when the piecewise has an otherwise value (the last argument).
                    code.Add(new Instruction(Code.Piecewise, r, arguments.Count, a.Length, node.Op));
                    AddArguments(a);
                    break;
            }
        }

        for (int k = 0; k < roots.Count; k++)
        {
            code.Add(new Instruction(Code.Output, outputOffset + k, register[roots[k]], 0, 0));
        }

        return new InterpretedKernel([.. code], [.. constants], [.. arguments], [.. functions], registers);

        void AddArguments(int[] args)
        {
            foreach (int arg in args)
            {
                arguments.Add(register[arg]);
            }
        }
    }

    /// <summary>Runs the instructions.</summary>
    public void Run(double[] inputs, double[] outputs)
    {
        var v = KernelScratch.Rent(_registers);
        var code = _code;
        for (int i = 0; i < code.Length; i++)
        {
            ref readonly var ins = ref code[i];
            switch (ins.Code)
            {
                case Code.Input:
                    v[ins.Target] = inputs[ins.A];
                    break;
                case Code.Constant:
                    v[ins.Target] = _constants[ins.A];
                    break;
                case Code.Negate:
                    v[ins.Target] = -v[ins.A];
                    break;
                case Code.Not:
                    v[ins.Target] = BuiltinMath.FromBoolean(v[ins.A] == 0);
                    break;
                case Code.Add:
                    v[ins.Target] = v[ins.A] + v[ins.B];
                    break;
                case Code.Subtract:
                    v[ins.Target] = v[ins.A] - v[ins.B];
                    break;
                case Code.Multiply:
                    v[ins.Target] = v[ins.A] * v[ins.B];
                    break;
                case Code.Divide:
                    v[ins.Target] = v[ins.A] / v[ins.B];
                    break;
                case Code.Binary:
                    v[ins.Target] = ExpressionInterpreter.Binary((BinaryOperator)ins.Extra, v[ins.A], v[ins.B]);
                    break;
                case Code.UnaryCall:
                    v[ins.Target] = _functions[ins.Extra].Unary!(v[ins.A]);
                    break;
                case Code.BinaryCall:
                    v[ins.Target] = _functions[ins.Extra].Binary!(v[ins.A], v[ins.B]);
                    break;
                case Code.NAryCall:
                    v[ins.Target] = NAry(v, ins);
                    break;
                case Code.Piecewise:
                    v[ins.Target] = Piecewise(v, ins);
                    break;
                default:
                    outputs[ins.Target] = v[ins.A];
                    break;
            }
        }
    }

    private double NAry(double[] v, in Instruction ins)
    {
        Span<double> values = ins.B <= 16 ? stackalloc double[16] : new double[ins.B];
        values = values[..ins.B];
        for (int j = 0; j < ins.B; j++)
        {
            values[j] = v[_arguments[ins.A + j]];
        }

        return ExpressionInterpreter.NAry(_functions[ins.Extra].Kind, values);
    }

    /// <summary>The first value whose condition is not 0, else the otherwise value (NaN without one), as the interpreter chooses.</summary>
    private double Piecewise(double[] v, in Instruction ins)
    {
        int pieces = ins.B / 2;
        for (int j = 0; j < pieces; j++)
        {
            if (v[_arguments[ins.A + (2 * j) + 1]] != 0)
            {
                return v[_arguments[ins.A + (2 * j)]];
            }
        }

        return ins.Extra == 1 ? v[_arguments[ins.A + ins.B - 1]] : double.NaN;
    }

    /// <summary>One instruction: <c>v[Target] = op(v[A], v[B])</c>; for inputs and constants A is the index to read; for n-ary calls and piecewise A and B are the start and count of the argument registers; Extra is the operator, function or otherwise flag; for outputs Target is the output index and A the register.</summary>
    private readonly record struct Instruction(Code Code, int Target, int A, int B, int Extra);
}
