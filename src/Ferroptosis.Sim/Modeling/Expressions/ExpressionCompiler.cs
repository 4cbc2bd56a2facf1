namespace Ferroptosis.Sim.Modeling.Expressions;

/// <summary>Compiles a list of expressions into one allocation-free delegate with common sub-expressions computed once.</summary>
/// <remarks>
/// <para>
/// Pipeline: user functions are inlined (when a library is given), all trees go into one hash-consed DAG
/// (<c>ExpressionDag</c>), every node used more than once becomes a local computed once at the top, and the rest is
/// emitted inline with System.Linq.Expressions and compiled by the JIT. Analytic Jacobian entries repeat the
/// sub-terms of their rate laws (denominators, powers, exponentials), so a kernel of rates and Jacobian together costs
/// little more than the rates alone (the approach of AMICI's shared <c>w</c> expressions and of libRoadRunner's LLVM
/// JIT). Literal powers x², x³, x⁴, x⁻¹, x⁻² become multiplications.
/// </para>
/// <para>
/// The JIT costs microseconds for every statement it compiles, so a kernel of more than 16 384 statements (a model of
/// some ten thousand reactions) is not compiled to code but run as a flat list of instructions, one per node, which is
/// built in linear time and evaluates several times slower (<c>InterpretedKernel</c>).
/// </para>
/// <para>
/// Results equal <see cref="Expr.Evaluate(Func{string, double})"/> bit for bit: both use the same operations in the
/// same order. Thread-safe; compiled kernels are immutable.
/// </para>
/// </remarks>
public static class ExpressionCompiler
{
    /// <summary>Compiles expressions over a symbol table into one kernel.</summary>
    /// <param name="expressions">The expressions; output k is expression k.</param>
    /// <param name="symbolIndices">The index in the input array of every symbol the expressions use (including <c>time</c> if used).</param>
    /// <param name="functions">User-defined functions to inline, or null when the expressions call built-ins only.</param>
    /// <returns>The compiled kernel and its statistics.</returns>
    /// <exception cref="ArgumentException">A symbol has no index or a negative index, or a called function is unknown.</exception>
    public static CompiledExpressions Compile(
        IReadOnlyList<Expr> expressions,
        IReadOnlyDictionary<string, int> symbolIndices,
        FunctionLibrary? functions = null) =>
        CompileWithLimit(expressions, symbolIndices, functions, KernelEmitter.MaxCompiledStatements);

    /// <summary>As <see cref="Compile(IReadOnlyList{Expr}, IReadOnlyDictionary{string, int}, FunctionLibrary?)"/>, with the largest kernel compiled to code (larger ones are interpreted).</summary>
    internal static CompiledExpressions CompileWithLimit(
        IReadOnlyList<Expr> expressions,
        IReadOnlyDictionary<string, int> symbolIndices,
        FunctionLibrary? functions,
        int maxCompiledStatements)
    {
        ArgumentNullException.ThrowIfNull(expressions);
        ArgumentNullException.ThrowIfNull(symbolIndices);
        int inputCount = 0;
        foreach (var (name, index) in symbolIndices)
        {
            if (index < 0)
            {
                throw new ArgumentException($"The symbol '{name}' has the negative index {index}; indices address the input array.", nameof(symbolIndices));
            }

            inputCount = Math.Max(inputCount, index + 1);
        }

        var dag = new ExpressionDag(symbolIndices);
        var roots = new int[expressions.Count];
        for (int k = 0; k < roots.Length; k++)
        {
            var e = expressions[k] ?? throw new ArgumentException($"Expression {k} is null.", nameof(expressions));
            roots[k] = dag.Add(functions is null ? e : e.Inline(functions));
        }

        var emitter = new KernelEmitter(dag.Nodes, null, maxCompiledStatements);
        var kernel = emitter.Compile(roots);
        return new CompiledExpressions(kernel, inputCount, roots.Length, dag.Nodes.Count, emitter.SharedCount);
    }

    /// <summary>
    /// Compiles groups of expressions into one kernel each, with the sub-expressions that read only inputs at index
    /// <paramref name="firstInvariantInput"/> or above (the parameters of a model) moved into a separate kernel.
    /// </summary>
    /// <param name="groups">The expression lists; kernel g writes expression k of group g to <c>outputs[k]</c>.</param>
    /// <param name="symbolIndices">The index in the input array of every symbol the expressions use.</param>
    /// <param name="firstInvariantInput">The first input index whose value stays fixed between calls of <see cref="HoistedKernels.Precompute"/> (inputs below it, time and states, vary from call to call).</param>
    /// <param name="firstHoistedInput">Where the precomputed values go in the input array: slots <paramref name="firstHoistedInput"/> + j, beyond every symbol's index.</param>
    /// <param name="maxCompiledStatements">The most statements of a kernel compiled to code; larger kernels are interpreted.</param>
    /// <returns>The kernels, and the kernel that computes the hoisted values.</returns>
    /// <remarks>
    /// A hoisted value is a largest sub-expression that reads no varying input (a parameter-only factor, a power of a
    /// constant, a normalisation): each one used by a varying node or as a whole output is computed once by
    /// <see cref="HoistedKernels.Precompute"/> (called with the input array as both arguments) and read back from its
    /// slot by the other kernels. The operations and their order are unchanged, so results are bit for bit those of
    /// <see cref="Compile"/>; the caller must run the precompute kernel again whenever an invariant input changes.
    /// </remarks>
    internal static HoistedKernels CompileHoisted(
        IReadOnlyList<IReadOnlyList<Expr>> groups,
        IReadOnlyDictionary<string, int> symbolIndices,
        int firstInvariantInput,
        int firstHoistedInput,
        int maxCompiledStatements = KernelEmitter.MaxCompiledStatements)
    {
        ArgumentNullException.ThrowIfNull(groups);
        ArgumentNullException.ThrowIfNull(symbolIndices);
        if (symbolIndices.Values.Any(index => index < 0 || index >= firstHoistedInput))
        {
            throw new ArgumentException($"Every symbol index must lie in [0, {firstHoistedInput}), below the hoisted slots.", nameof(symbolIndices));
        }

        var dag = new ExpressionDag(symbolIndices);
        var roots = new int[groups.Count][];
        for (int g = 0; g < groups.Count; g++)
        {
            roots[g] = new int[groups[g].Count];
            for (int k = 0; k < roots[g].Length; k++)
            {
                roots[g][k] = dag.Add(groups[g][k] ?? throw new ArgumentException($"Expression {k} of group {g} is null.", nameof(groups)));
            }
        }

        var nodes = dag.Nodes;
        var (hoisted, slots) = HoistedSlots(nodes, roots, firstInvariantInput, firstHoistedInput);

        int instructions = 0;
        var kernels = Array.ConvertAll(roots, group =>
        {
            var emitter = new KernelEmitter(nodes, slots, maxCompiledStatements);
            var kernel = emitter.Compile(group);
            instructions += emitter.InstructionCount;
            return kernel;
        });
        var precomputeEmitter = new KernelEmitter(nodes, null, maxCompiledStatements);
        var precompute = precomputeEmitter.Compile(hoisted, outputOffset: firstHoistedInput);
        instructions += precomputeEmitter.InstructionCount;
        return new HoistedKernels(kernels, precompute, hoisted.Count, instructions);
    }

    /// <summary>The hoisted nodes of <see cref="CompileHoisted"/> (in node order) and their input slots: the largest sub-expressions that read only constants and inputs at or above <paramref name="firstInvariantInput"/>, used by a varying node or as an output.</summary>
    internal static (List<int> Hoisted, Dictionary<int, int> Slots) HoistedSlots(IReadOnlyList<DagNode> nodes, int[][] roots, int firstInvariantInput, int firstHoistedInput)
    {
        var invariant = new bool[nodes.Count];
        for (int i = 0; i < nodes.Count; i++)
        {
            var node = nodes[i];
            invariant[i] = node.Kind switch
            {
                DagKind.Constant => true,
                DagKind.Input => node.Op >= firstInvariantInput,
                _ => node.Args.All(a => invariant[a]),
            };
        }

        // Hoist the invariant operations (not bare constants and inputs) that a varying node or an output reads.
        var hoisted = new List<int>();
        var slots = new Dictionary<int, int>();
        void Hoist(int id)
        {
            if (invariant[id] && nodes[id].Kind is not (DagKind.Constant or DagKind.Input) && !slots.ContainsKey(id))
            {
                slots.Add(id, firstHoistedInput + hoisted.Count);
                hoisted.Add(id);
            }
        }

        var needed = new bool[nodes.Count];
        foreach (var group in roots)
        {
            foreach (int r in group)
            {
                needed[r] = true;
            }
        }

        for (int i = nodes.Count - 1; i >= 0; i--)
        {
            if (!needed[i] || invariant[i])
            {
                continue;
            }

            foreach (int a in nodes[i].Args)
            {
                needed[a] = true;
                Hoist(a);
            }
        }

        foreach (var group in roots)
        {
            foreach (int r in group)
            {
                Hoist(r);
            }
        }

        // Slots in node order, so that the precompute kernel writes them in the order it computes them.
        hoisted.Sort();
        slots.Clear();
        for (int j = 0; j < hoisted.Count; j++)
        {
            slots.Add(hoisted[j], firstHoistedInput + j);
        }

        return (hoisted, slots);
    }
}
