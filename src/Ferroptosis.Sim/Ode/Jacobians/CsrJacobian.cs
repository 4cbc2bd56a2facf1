using Ferroptosis.Sim.Ode.Stepping;

namespace Ferroptosis.Sim.Ode.Jacobians;

/// <summary>∂f/∂y as values on a fixed <see cref="SparsityPattern"/> (CSR): analytic when the system has a sparse Jacobian, else by column-coloured forward differences.</summary>
/// <remarks>
/// <para>
/// Without an analytic Jacobian, the columns of each colour group (<see cref="ColumnColoring"/>) are perturbed
/// together, by the same increments as the dense evaluator (<see cref="DifferenceIncrements"/>), and one evaluation
/// of f gives all of them: a Jacobian costs as many evaluations of f as there are colours instead of n. Because a
/// row of f depends on at most one column of a group, every entry equals the dense difference quotient bit for bit
/// (as long as f_i does not read the components outside its row of the pattern).
/// </para>
/// <para>Buffers are allocated here, once; <see cref="Evaluate"/> allocates nothing. Single-threaded.</para>
/// </remarks>
internal sealed class CsrJacobian
{
    private readonly IOdeSystem _system;
    private readonly ISparseOdeSystem? _analytic;
    private readonly WorkCounters _counters;
    private readonly double[] _atol;
    private readonly double _rtol;
    private readonly ColumnColoring? _coloring;
    private readonly CompressedColumns _columns;
    private readonly double[] _values;
    private readonly double[] _yPerturbed;
    private readonly double[] _fPerturbed;
    private readonly double[] _inverseIncrement;

    public CsrJacobian(IOdeSystem system, SparsityPattern pattern, WorkCounters counters, double[] atol, double rtol)
    {
        _system = system;
        _analytic = system is ISparseOdeSystem { HasSparseJacobian: true } sparse && ReferenceEquals(sparse.JacobianPattern, pattern) ? sparse : null;
        Pattern = pattern;
        _counters = counters;
        _atol = atol;
        _rtol = rtol;
        _values = new double[pattern.NonZeros];
        _columns = new CompressedColumns(pattern);
        int n = pattern.Dimension;
        _yPerturbed = new double[n];
        _fPerturbed = new double[n];
        _inverseIncrement = new double[n];
        if (_analytic is null)
        {
            _coloring = ColumnColoring.Compute(pattern, _columns);
        }
    }

    /// <summary>Gets the pattern of the values.</summary>
    public SparsityPattern Pattern { get; }

    /// <summary>Gets the values, one per entry of <see cref="Pattern"/>.</summary>
    public double[] Values => _values;

    /// <summary>Gets a value indicating whether the values come from the system's analytic sparse Jacobian.</summary>
    public bool IsAnalytic => _analytic is not null;

    /// <summary>Gets the number of colour groups, or 0 with an analytic Jacobian.</summary>
    public int ColorCount => _coloring?.ColorCount ?? 0;

    /// <summary>Writes ∂f/∂y at (t, y) into <see cref="Values"/>; <paramref name="f0"/> must hold f(t, y).</summary>
    public void Evaluate(double t, ReadOnlySpan<double> y, ReadOnlySpan<double> f0, double h)
    {
        _counters.Jacobians++;
        if (_analytic is not null)
        {
            _analytic.EvaluateSparseJacobian(t, y, _values);
            return;
        }

        var coloring = _coloring!;
        var increments = DifferenceIncrements.Prepare(y, f0, _atol, _rtol, h);
        var starts = _columns.Starts;
        var rows = _columns.Rows;
        var entries = _columns.Entries;
        y.CopyTo(_yPerturbed);
        for (int c = 0; c < coloring.ColorCount; c++)
        {
            int first = coloring.ColorStarts[c];
            int last = coloring.ColorStarts[c + 1];
            for (int k = first; k < last; k++)
            {
                int j = coloring.Columns[k];
                _inverseIncrement[j] = 1.0 / increments.Perturb(_yPerturbed, j, y[j], _atol[j], _rtol);
            }

            _system.Evaluate(t, _yPerturbed, _fPerturbed);
            _counters.Rhs++;
            for (int k = first; k < last; k++)
            {
                int j = coloring.Columns[k];
                double inverse = _inverseIncrement[j];
                for (int p = starts[j]; p < starts[j + 1]; p++)
                {
                    int i = rows[p];
                    _values[entries[p]] = (_fPerturbed[i] - f0[i]) * inverse;
                }

                _yPerturbed[j] = y[j];
            }
        }
    }

    /// <summary>Returns the largest absolute row sum of the values (the ∞-norm, which bounds every eigenvalue's modulus).</summary>
    public double InfinityNorm()
    {
        var rowStarts = Pattern.RowStarts;
        double largest = 0;
        for (int i = 0; i < Pattern.Dimension; i++)
        {
            double row = 0;
            for (int e = rowStarts[i]; e < rowStarts[i + 1]; e++)
            {
                row += Math.Abs(_values[e]);
            }

            largest = Math.Max(largest, row);
        }

        return largest;
    }
}
