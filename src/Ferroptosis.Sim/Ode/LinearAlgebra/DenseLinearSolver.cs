using System.Numerics;
using System.Runtime.InteropServices;
using Ferroptosis.Sim.Ode.Jacobians;

namespace Ferroptosis.Sim.Ode.LinearAlgebra;

/// <summary>The dense path of <see cref="LinearSolver"/>: a row-major Jacobian and <see cref="DenseLu"/>.</summary>
/// <remarks>
/// <para>
/// Two solve variants keep the steppers' arithmetic as it was before the seam existed: the Rosenbrock stepper
/// solves many right-hand sides per factorisation and gathers the non-zeros of the factors once
/// (<see cref="SparseTriangles"/>, multiplying by the pivot reciprocals); the BDF stepper solves once or twice per
/// factorisation with the plain row-wise substitution.
/// </para>
/// <para>
/// A system with a sparsity pattern (<see cref="ISparseOdeSystem"/>) and no dense Jacobian has its sparse Jacobian
/// (analytic, or by coloured differences) scattered into the dense matrix, so a small sparse system keeps its exact
/// Jacobian, or its cheap one, on the dense path.
/// </para>
/// </remarks>
internal sealed class DenseLinearSolver : LinearSolver
{
    private readonly int _n;
    private readonly JacobianEvaluator _evaluator;
    private readonly CsrJacobian? _sparse;
    private readonly bool _compressedSolve;
    private readonly double[] _jacobian;
    private readonly double[] _matrix;
    private readonly int[] _pivots;
    private readonly double[] _inverseDiagonal;
    private readonly SparseTriangles? _triangles;

    /// <param name="n">The dimension.</param>
    /// <param name="evaluator">The dense Jacobian evaluator (analytic or finite differences).</param>
    /// <param name="sparse">A sparse Jacobian to scatter, or null to use <paramref name="evaluator"/>.</param>
    /// <param name="compressedSolve">True for solves through the gathered non-zeros of the factors and pivot reciprocals (many solves per factorisation).</param>
    public DenseLinearSolver(int n, JacobianEvaluator evaluator, CsrJacobian? sparse, bool compressedSolve)
    {
        _n = n;
        _evaluator = evaluator;
        _sparse = sparse;
        _compressedSolve = compressedSolve;
        _jacobian = new double[n * n];
        _matrix = new double[n * n];
        _pivots = new int[n];
        _inverseDiagonal = compressedSolve ? new double[n] : [];
        _triangles = compressedSolve ? new SparseTriangles(n) : null;
    }

    /// <summary>Gets or sets the constant mass matrix M (row-major), which <see cref="Factor"/> uses in place of the identity; null for the identity.</summary>
    public double[]? MassMatrix { get; set; }

    public override string Name => "dense";

    public override string JacobianDescription => "The Jacobian (row-major)";

    public override ReadOnlySpan<double> Jacobian => _jacobian;

    public override void EvaluateJacobian(double t, ReadOnlySpan<double> y, ReadOnlySpan<double> f0, double h)
    {
        if (_sparse is null)
        {
            _evaluator.Evaluate(t, y, f0, h, _jacobian);
            return;
        }

        _sparse.Evaluate(t, y, f0, h);
        Array.Clear(_jacobian);
        var rowStarts = _sparse.Pattern.RowStarts;
        var columns = _sparse.Pattern.Columns;
        var values = _sparse.Values;
        for (int i = 0; i < _n; i++)
        {
            for (int e = rowStarts[i]; e < rowStarts[i + 1]; e++)
            {
                _jacobian[(i * _n) + columns[e]] = values[e];
            }
        }
    }

    public override double JacobianInfinityNorm()
    {
        int n = _n;
        double largest = 0;
        for (int i = 0; i < n; i++)
        {
            double row = 0;
            for (int j = 0; j < n; j++)
            {
                row += Math.Abs(_jacobian[(i * n) + j]);
            }

            largest = Math.Max(largest, row);
        }

        return largest;
    }

    public override bool Factor(double alpha, double beta)
    {
        int n = _n;
        var matrix = _matrix.AsSpan(0, n * n);
        if (beta == 1.0)
        {
            Negate(_jacobian.AsSpan(0, n * n), matrix);
        }
        else
        {
            for (int k = 0; k < matrix.Length; k++)
            {
                matrix[k] = -beta * _jacobian[k];
            }
        }

        if (MassMatrix is { } mass)
        {
            // α·M − β·J for M·y′ = f (Hairer–Wanner II, VI.4).
            for (int k = 0; k < matrix.Length; k++)
            {
                matrix[k] += alpha * mass[k];
            }
        }
        else
        {
            for (int i = 0; i < n; i++)
            {
                matrix[(i * n) + i] += alpha;
            }
        }

        if (!_compressedSolve)
        {
            return DenseLu.Factor(matrix, n, _pivots);
        }

        if (!DenseLu.Factor(matrix, n, _pivots, _inverseDiagonal))
        {
            return false;
        }

        _triangles!.Compress(matrix);
        return true;
    }

    public override void Solve(Span<double> b)
    {
        if (_compressedSolve)
        {
            _triangles!.Solve(_matrix, _pivots, _inverseDiagonal, b);
        }
        else
        {
            DenseLu.Solve(_matrix, _n, _pivots, b);
        }
    }

    /// <summary>destination = −source, whole vectors at a time; the sign bit is flipped as the scalar −x does (−0 for +0).</summary>
    private static void Negate(ReadOnlySpan<double> source, Span<double> destination)
    {
        int k = 0;
        if (Vector.IsHardwareAccelerated && source.Length >= Vector<double>.Count)
        {
            var sign = new Vector<long>(long.MinValue);
            ref double from = ref MemoryMarshal.GetReference(source);
            ref double to = ref MemoryMarshal.GetReference(destination);
            for (; k <= source.Length - Vector<double>.Count; k += Vector<double>.Count)
            {
                Vector.AsVectorDouble(Vector.Xor(Vector.AsVectorInt64(Vector.LoadUnsafe(ref from, (nuint)k)), sign)).StoreUnsafe(ref to, (nuint)k);
            }
        }

        for (; k < source.Length; k++)
        {
            destination[k] = -source[k];
        }
    }
}
