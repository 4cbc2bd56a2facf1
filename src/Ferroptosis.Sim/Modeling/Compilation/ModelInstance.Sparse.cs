using Ferroptosis.Sim.Ode;

namespace Ferroptosis.Sim.Modeling.Compilation;

/// <content>The sparse Jacobian: the model's structural pattern and the analytic entries in CSR order.</content>
public sealed partial class ModelInstance : ISparseOdeSystem
{
    /// <inheritdoc cref="CompiledModel.JacobianPattern"/>
    public SparsityPattern JacobianPattern => Model.JacobianPattern;

    /// <inheritdoc/>
    public bool HasSparseJacobian => true;

    /// <inheritdoc/>
    public void EvaluateSparseJacobian(double t, ReadOnlySpan<double> y, Span<double> values)
    {
        Model.JacobianKernel(LoadKernelInputs(t, y), _jacobian);
        if (Model.JacobianOrder is not { } order)
        {
            _jacobian.AsSpan().CopyTo(values);
            return;
        }

        for (int k = 0; k < order.Length; k++)
        {
            values[k] = _jacobian[order[k]];
        }
    }
}
