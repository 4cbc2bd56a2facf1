using Ferroptosis.Sim.Modeling.Compilation;
using Ferroptosis.Sim.Modeling.Networks;
using MathNet.Numerics.LinearAlgebra;

namespace Ferroptosis.Sim.Analysis;

/// <summary>The conservation laws of a compiled model over its state vector, split into dependent and independent variables.</summary>
/// <remarks>
/// <para>
/// With r independent laws L y = T (rows of the left null space of the stoichiometry, over species
/// amounts), r dependent variables y_D are chosen by Gaussian elimination of L with column pivoting, so
/// that L_D is well conditioned. The steady-state equations are then f_I(y) = 0 together with L y = T
/// (Reder, J. Theor. Biol. 135, 1988; Sauro &amp; Ingalls, Biophys. Chem. 109, 2004), and the Jacobian of the
/// reduced system in y_I is J_red = J_II − J_ID L_D⁻¹ L_I, whose eigenvalues decide stability (the full
/// Jacobian has r extra zero eigenvalues from the laws).
/// </para>
/// <para>
/// Laws involving species with SBML conversion factors are left out: the factors scale the rates, so the
/// stoichiometric law need not hold. Variables held fixed enter as the laws y_k = y_k(0), chosen first as
/// dependent variables, so they drop out of the reduced system.
/// </para>
/// </remarks>
internal sealed class ReducedSystem
{
    private readonly Matrix<double> _laws;
    private readonly int[] _dependent;
    private readonly int[] _independent;
    private readonly bool[] _isDependent;
    private readonly double[] _totals;

    public ReducedSystem(CompiledModel model, ReadOnlySpan<double> y0, IReadOnlyList<int> fixedStates)
    {
        int n = model.Dimension;
        var network = model.Network;
        var rows = new List<double[]>();
        foreach (int k in fixedStates)
        {
            var unit = new double[n];
            unit[k] = 1;
            rows.Add(unit);
        }

        var laws = new List<(ConservationLaw Law, double[] Row)>();
        foreach (var law in network.ConservationLaws)
        {
            var row = new double[n];
            bool usable = true;
            foreach (var (species, c) in law.Coefficients)
            {
                int k = model.IndexOfState(species);
                usable &= k >= 0 && network.FindSpecies(species) is { ConversionFactor: null } && network.ConversionFactor is null;
                if (k >= 0)
                {
                    row[k] = c;
                }
            }

            if (usable)
            {
                laws.Add((law, row));
            }
        }

        // A law over fixed variables only is implied by them.
        laws.RemoveAll(l => l.Row.Select((c, k) => c != 0 && !fixedStates.Contains(k)).All(free => !free));
        Laws = [.. laws.Select(l => l.Law)];
        rows.AddRange(laws.Select(l => l.Row));
        _laws = Matrix<double>.Build.Dense(rows.Count, n, (i, j) => rows[i][j]);
        FixedStates = [.. fixedStates];
        _dependent = ChooseDependent(_laws);
        _isDependent = new bool[n];
        foreach (int d in _dependent)
        {
            _isDependent[d] = true;
        }

        _independent = [.. Enumerable.Range(0, n).Where(k => !_isDependent[k])];
        var y = Vector<double>.Build.DenseOfArray(y0.ToArray());
        _totals = [.. (_laws * y)];
    }

    public IReadOnlyList<ConservationLaw> Laws { get; }

    /// <summary>Gets the conserved totals of <see cref="Laws"/> (the fixed values are not included).</summary>
    public double[] Totals => _totals[FixedCount..];

    /// <summary>Gets the state indices held fixed.</summary>
    public int[] FixedStates { get; }

    private int FixedCount => FixedStates.Length;

    public int Dimension => _isDependent.Length;

    public int ReducedDimension => _independent.Length;

    /// <summary>Fills the Newton residual: f_i for independent i, and (L y − T)_law in the rows of the dependent variables.</summary>
    public void Residual(ReadOnlySpan<double> f, ReadOnlySpan<double> y, Span<double> residual)
    {
        for (int k = 0; k < _independent.Length; k++)
        {
            residual[_independent[k]] = f[_independent[k]];
        }

        for (int law = 0; law < _dependent.Length; law++)
        {
            double sum = -_totals[law];
            for (int j = 0; j < y.Length; j++)
            {
                sum += _laws[law, j] * y[j];
            }

            residual[_dependent[law]] = sum;
        }
    }

    /// <summary>The Newton matrix: the Jacobian rows of independent variables, the law rows in place of dependent ones.</summary>
    public Matrix<double> NewtonMatrix(double[] jacobian)
    {
        int n = Dimension;
        var g = Matrix<double>.Build.Dense(n, n, (i, j) => jacobian[(i * n) + j]);
        for (int law = 0; law < _dependent.Length; law++)
        {
            g.SetRow(_dependent[law], _laws.Row(law));
        }

        return g;
    }

    /// <summary>J_red = J_II − J_ID L_D⁻¹ L_I.</summary>
    public Matrix<double> ReducedJacobian(double[] jacobian)
    {
        int n = Dimension;
        var j = Matrix<double>.Build.Dense(n, n, (r, c) => jacobian[(r * n) + c]);
        var jII = Select(j, _independent, _independent);
        if (_dependent.Length == 0)
        {
            return jII;
        }

        var jID = Select(j, _independent, _dependent);
        var lD = Select(_laws, [.. Enumerable.Range(0, _dependent.Length)], _dependent);
        var lI = Select(_laws, [.. Enumerable.Range(0, _dependent.Length)], _independent);
        return jII - (jID * lD.Solve(lI));
    }

    private static Matrix<double> Select(Matrix<double> m, int[] rows, int[] columns) =>
        Matrix<double>.Build.Dense(rows.Length, columns.Length, (r, c) => m[rows[r], columns[c]]);

    private static int[] ChooseDependent(Matrix<double> laws)
    {
        var a = laws.Clone();
        int r = a.RowCount, n = a.ColumnCount;
        var chosen = new int[r];
        var used = new bool[n];
        for (int row = 0; row < r; row++)
        {
            // Largest remaining coefficient of this (eliminated) law: a well-conditioned L_D.
            int best = -1;
            for (int j = 0; j < n; j++)
            {
                if (!used[j] && (best < 0 || Math.Abs(a[row, j]) > Math.Abs(a[row, best])))
                {
                    best = j;
                }
            }

            chosen[row] = best;
            used[best] = true;
            for (int below = row + 1; below < r; below++)
            {
                double factor = a[below, best] / a[row, best];
                a.SetRow(below, a.Row(below) - (factor * a.Row(row)));
            }
        }

        return chosen;
    }
}
