using Ferroptosis.Sim.Modeling.Expressions;

namespace Ferroptosis.Sim.Modeling.Compilation;

/// <summary>The structurally non-zero partial derivatives ∂e_i/∂v_k of compiled expressions with respect to chosen input symbols, compiled into one kernel.</summary>
/// <remarks>
/// Entries are the symbolic derivatives, simplified; those that simplify to zero are structural zeros
/// and are not evaluated. Used for the state Jacobian ∂f/∂y (<see cref="ModelCompiler"/>), for ∂f/∂p of
/// the forward sensitivity equations and for the derivatives of reported quantities. Immutable.
/// </remarks>
internal sealed class SparseDerivatives
{
    private SparseDerivatives(int[] rows, int[] columns, ExpressionKernel kernel)
    {
        Rows = rows;
        Columns = columns;
        Kernel = kernel;
    }

    /// <summary>Gets the expression index of each entry.</summary>
    public int[] Rows { get; }

    /// <summary>Gets the variable index (into the list given to <see cref="Create"/>) of each entry.</summary>
    public int[] Columns { get; }

    /// <summary>Gets the kernel: inputs as for the model's kernels, one output per entry.</summary>
    public ExpressionKernel Kernel { get; }

    /// <summary>Gets the number of entries.</summary>
    public int Count => Rows.Length;

    /// <summary>Differentiates every expression by every variable symbol it uses.</summary>
    public static SparseDerivatives Create(IReadOnlyList<Expr> expressions, IReadOnlyList<string> variables, IReadOnlyDictionary<string, int> inputSymbols)
    {
        var (entries, rows, columns) = Entries(expressions, variables);
        return new SparseDerivatives(rows, columns, ExpressionCompiler.Compile(entries, inputSymbols).Kernel);
    }

    /// <summary>The structurally non-zero derivatives of every expression by every variable symbol it uses, simplified, with their row and column.</summary>
    public static (Expr[] Entries, int[] Rows, int[] Columns) Entries(IReadOnlyList<Expr> expressions, IReadOnlyList<string> variables)
    {
        var entries = new List<Expr>();
        var rows = new List<int>();
        var columns = new List<int>();
        var variableIndex = new Dictionary<string, int>(variables.Count, StringComparer.Ordinal);
        for (int k = 0; k < variables.Count; k++)
        {
            variableIndex.TryAdd(variables[k], k);
        }

        var usedVariables = new List<int>();
        for (int i = 0; i < expressions.Count; i++)
        {
            // The variables an expression uses, in variable order: O(symbols) per expression, not O(variables).
            usedVariables.Clear();
            foreach (string symbol in expressions[i].Symbols)
            {
                if (variableIndex.TryGetValue(symbol, out int index))
                {
                    usedVariables.Add(index);
                }
            }

            usedVariables.Sort();
            var simplified = usedVariables.Count == 0 ? expressions[i] : Simplifier.Simplify(expressions[i]);
            foreach (int k in usedVariables)
            {
                // As expressions[i].Differentiate(v).Simplify(), with the expression simplified once per row, not per entry.
                var entry = Differentiator.DifferentiateSimplified(simplified, variables[k]).Simplify();
                if (entry is NumberExpr { Value: 0 })
                {
                    continue;
                }

                entries.Add(entry);
                rows.Add(i);
                columns.Add(k);
            }
        }

        return ([.. entries], [.. rows], [.. columns]);
    }
}
