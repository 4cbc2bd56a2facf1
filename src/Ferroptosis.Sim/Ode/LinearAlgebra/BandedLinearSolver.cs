using Ferroptosis.Sim.Ode.Jacobians;

namespace Ferroptosis.Sim.Ode.LinearAlgebra;

/// <summary>The banded path of <see cref="LinearSolver"/>: a CSR Jacobian inside a band, scattered into LAPACK band storage and factored by <see cref="BandLu"/>.</summary>
/// <remarks>The position of every Jacobian entry in band storage is computed once, so forming M is one pass over the non-zeros after clearing the band.</remarks>
internal sealed class BandedLinearSolver : LinearSolver
{
    private readonly int _n;
    private readonly int _lower;
    private readonly int _upper;
    private readonly CsrJacobian _jacobian;
    private readonly int[] _bandIndex;
    private readonly int[] _diagonalIndex;
    private readonly double[] _band;
    private readonly int[] _pivots;

    public BandedLinearSolver(CsrJacobian jacobian, int lower, int upper)
    {
        var pattern = jacobian.Pattern;
        _n = pattern.Dimension;
        _lower = lower;
        _upper = upper;
        _jacobian = jacobian;
        int ld = BandLu.LeadingDimension(lower, upper);
        int kv = lower + upper;
        _band = new double[checked(_n * ld)];
        _pivots = new int[_n];
        _bandIndex = new int[pattern.NonZeros];
        _diagonalIndex = new int[_n];
        var rowStarts = pattern.RowStarts;
        var columns = pattern.Columns;
        for (int i = 0; i < _n; i++)
        {
            _diagonalIndex[i] = (i * ld) + kv;
            for (int e = rowStarts[i]; e < rowStarts[i + 1]; e++)
            {
                int j = columns[e];
                _bandIndex[e] = (j * ld) + kv + i - j;
            }
        }
    }

    public override string Name => "banded";

    public override string JacobianDescription => "The Jacobian (CSR values)";

    public override ReadOnlySpan<double> Jacobian => _jacobian.Values;

    public override void EvaluateJacobian(double t, ReadOnlySpan<double> y, ReadOnlySpan<double> f0, double h) =>
        _jacobian.Evaluate(t, y, f0, h);

    public override double JacobianInfinityNorm() => _jacobian.InfinityNorm();

    public override bool Factor(double alpha, double beta)
    {
        var band = _band.AsSpan();
        band.Clear();
        var values = _jacobian.Values;
        for (int e = 0; e < values.Length; e++)
        {
            band[_bandIndex[e]] = -beta * values[e];
        }

        double largest = 0;
        foreach (int d in _diagonalIndex)
        {
            band[d] += alpha;
        }

        foreach (double v in band)
        {
            largest = Math.Max(largest, Math.Abs(v));
        }

        return BandLu.Factor(band, _n, _lower, _upper, _pivots, largest);
    }

    public override void Solve(Span<double> b) => BandLu.Solve(_band, _n, _lower, _upper, _pivots, b);
}
