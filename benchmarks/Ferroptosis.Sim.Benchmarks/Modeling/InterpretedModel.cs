using Ferroptosis.Sim.Modeling.Compilation;
using Ferroptosis.Sim.Modeling.Expressions;
using Ferroptosis.Sim.Ode;

namespace Ferroptosis.Sim.Benchmarks.Modeling;

/// <summary>A compiled model's right-hand side and Jacobian evaluated by the reference expression interpreter instead of the compiled delegates: the cost the compiler saves.</summary>
/// <remarks>
/// Uses the very expressions the compiler compiles (rate laws with assignment rules and functions inlined,
/// over the inputs t, y, p) and the same symbolic Jacobian entries; every symbol occurrence is looked up by
/// name in a dictionary of input slots, as an AST-walking interpreter does. Parameter values are copied from
/// a run state at construction. Not thread-safe.
/// </remarks>
public sealed class InterpretedModel : IOdeSystem
{
    private readonly Expr[] _rhs;
    private readonly Expr[] _jacobian;
    private readonly int[] _jacobianSlots;
    private readonly double[] _inputs;
    private readonly Func<string, double> _lookup;

    /// <summary>Initializes a new instance of the <see cref="InterpretedModel"/> class.</summary>
    /// <param name="instance">The run state whose model and parameter values are interpreted.</param>
    public InterpretedModel(ModelInstance instance)
    {
        var model = instance.Model;
        Dimension = model.Dimension;
        _rhs = [.. model.RightHandSideExpressions];
        var entries = new List<Expr>();
        var slots = new List<int>();
        for (int i = 0; i < _rhs.Length; i++)
        {
            for (int k = 0; k < Dimension; k++)
            {
                string input = SymbolResolver.StateInput(k);
                if (_rhs[i].Symbols.Contains(input) && _rhs[i].Differentiate(input).Simplify() is var entry && entry is not NumberExpr { Value: 0 })
                {
                    entries.Add(entry);
                    slots.Add((i * Dimension) + k);
                }
            }
        }

        _jacobian = [.. entries];
        _jacobianSlots = [.. slots];
        _inputs = new double[1 + Dimension + model.ParameterIds.Count];
        instance.Parameters.CopyTo(_inputs.AsSpan(1 + Dimension));
        var symbols = model.InputSymbols;
        _lookup = name => _inputs[symbols[name]];
    }

    /// <inheritdoc/>
    public int Dimension { get; }

    /// <inheritdoc/>
    public bool IsAutonomous => false;

    /// <inheritdoc/>
    public bool HasJacobian => true;

    /// <inheritdoc/>
    public void Evaluate(double t, ReadOnlySpan<double> y, Span<double> dydt)
    {
        Load(t, y);
        for (int i = 0; i < _rhs.Length; i++)
        {
            dydt[i] = _rhs[i].Evaluate(_lookup);
        }
    }

    /// <inheritdoc/>
    public void EvaluateJacobian(double t, ReadOnlySpan<double> y, Span<double> jacobian)
    {
        Load(t, y);
        jacobian[..(Dimension * Dimension)].Clear();
        for (int e = 0; e < _jacobian.Length; e++)
        {
            jacobian[_jacobianSlots[e]] = _jacobian[e].Evaluate(_lookup);
        }
    }

    private void Load(double t, ReadOnlySpan<double> y)
    {
        _inputs[0] = t;
        y.CopyTo(_inputs.AsSpan(1, Dimension));
    }
}
