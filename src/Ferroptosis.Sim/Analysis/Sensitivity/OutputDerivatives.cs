using Ferroptosis.Sim.Modeling.Compilation;

namespace Ferroptosis.Sim.Analysis;

/// <summary>Reported quantities q(t, y, p) with their symbolic partial derivatives ∂q/∂y and ∂q/∂p, compiled once per call.</summary>
/// <remarks>Not thread-safe (holds its output buffers).</remarks>
internal sealed class OutputDerivatives
{
    private readonly OutputProgram _values;

    public OutputDerivatives(CompiledModel model, IReadOnlyList<string> outputs, IReadOnlySet<string>? amounts)
    {
        _values = model.Outputs(outputs, amounts);
        var expressions = OutputProgram.Expressions(model, outputs, amounts);
        ByState = SparseDerivatives.Create(expressions, [.. Enumerable.Range(0, model.Dimension).Select(SymbolResolver.StateInput)], model.InputSymbols);
        ByParameter = SparseDerivatives.Create(expressions, [.. Enumerable.Range(0, model.ParameterIds.Count).Select(SymbolResolver.ParameterInput)], model.InputSymbols);
        Values = new double[outputs.Count];
        ByStateValues = new double[ByState.Count];
        ByParameterValues = new double[ByParameter.Count];
    }

    /// <summary>Gets the entries of ∂q/∂y (rows: outputs, columns: states).</summary>
    public SparseDerivatives ByState { get; }

    /// <summary>Gets the entries of ∂q/∂p (rows: outputs, columns: model parameters).</summary>
    public SparseDerivatives ByParameter { get; }

    /// <summary>Gets q at the last evaluation.</summary>
    public double[] Values { get; }

    /// <summary>Gets the values of <see cref="ByState"/> at the last evaluation.</summary>
    public double[] ByStateValues { get; }

    /// <summary>Gets the values of <see cref="ByParameter"/> at the last evaluation.</summary>
    public double[] ByParameterValues { get; }

    /// <summary>Evaluates everything at the model inputs (t, y, p).</summary>
    public void Evaluate(double[] inputs)
    {
        _values.Kernel(inputs, Values);
        ByState.Kernel(inputs, ByStateValues);
        ByParameter.Kernel(inputs, ByParameterValues);
    }
}
