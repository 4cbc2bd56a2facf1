using Ferroptosis.Sim.Modeling.Compilation;
using Ferroptosis.Sim.Ode;

namespace Ferroptosis.Sim.Analysis;

/// <summary>The forward sensitivity equations as one ODE system: z = (y, S_1, …, S_P) with dS_j/dt = J(y) S_j + ∂f/∂θ_j.</summary>
/// <remarks>
/// The simultaneous corrector approach (Maly &amp; Petzold, Appl. Numer. Math. 20, 1996; CVODES' CV_SIMULTANEOUS):
/// J is the model's analytic sparse Jacobian and ∂f/∂p its compiled parameter derivatives, and
/// ∂f/∂θ_j = Σ_m ∂f/∂p_m · dp_m/dθ_j, where dp/dθ_j is the unit vector of θ_j's own slot plus whatever
/// the initial-state computation derives from θ_j (a constant species' amount from its compartment's
/// size, a parameter's initial assignment); for an initial value only the latter remains. No
/// Jacobian of the augmented system is offered, so implicit solvers difference it. Evaluation does not
/// allocate. Not thread-safe (it holds the run's model instance).
/// </remarks>
internal sealed class SensitivitySystem : IOdeSystem
{
    private readonly ModelInstance _instance;
    private readonly CompiledModel _model;
    private readonly SparseDerivatives _parameterJacobian;
    private readonly (int Theta, double Weight)[][] _coupling;
    private readonly double[] _f;
    private readonly double[] _jacobian;
    private readonly double[] _dfdp;
    private readonly int _n;
    private readonly int _p;

    /// <param name="instance">The run.</param>
    /// <param name="coupling">For each model parameter m, the pairs (j, dp_m/dθ_j) that are non-zero.</param>
    /// <param name="count">The number of sensitivity parameters θ.</param>
    public SensitivitySystem(ModelInstance instance, (int Theta, double Weight)[][] coupling, int count)
    {
        _instance = instance;
        _model = instance.Model;
        _n = _model.Dimension;
        _p = count;
        _parameterJacobian = _model.ParameterJacobian;
        _coupling = coupling;

        _f = new double[_n];
        _jacobian = new double[_model.JacobianNonZeros];
        _dfdp = new double[_parameterJacobian.Count];
    }

    public int Dimension => _n * (1 + _p);

    public bool IsAutonomous => _model.IsAutonomous;

    public void Evaluate(double t, ReadOnlySpan<double> y, Span<double> dydt)
    {
        double[] inputs = _instance.LoadKernelInputs(t, y[.._n]);
        _model.RhsKernel(inputs, _f);
        _model.JacobianKernel(inputs, _jacobian);
        _parameterJacobian.Kernel(inputs, _dfdp);
        _f.AsSpan().CopyTo(dydt);
        dydt[_n..].Clear();

        int[] rows = _model.JacobianRows, columns = _model.JacobianColumns;
        for (int e = 0; e < rows.Length; e++)
        {
            double value = _jacobian[e];
            int row = _n + rows[e], column = _n + columns[e];
            for (int j = 0, offset = 0; j < _p; j++, offset += _n)
            {
                dydt[row + offset] += value * y[column + offset];
            }
        }

        int[] fRows = _parameterJacobian.Rows, fColumns = _parameterJacobian.Columns;
        for (int e = 0; e < fRows.Length; e++)
        {
            foreach (var (j, weight) in _coupling[fColumns[e]])
            {
                dydt[_n + (j * _n) + fRows[e]] += _dfdp[e] * weight;
            }
        }
    }
}
