using Ferroptosis.Sim.Ode;
using Ferroptosis.Sim.Ode.Jacobians;
using Ferroptosis.Sim.Ode.LinearAlgebra.Krylov;
using Ferroptosis.Sim.Ode.Stepping;

namespace Ferroptosis.Sim.Tests.Ode.LinearAlgebra;

/// <summary>The block-Jacobi, symmetric Gauss–Seidel and ILU(0) preconditioners apply the inverse of the matrix they stand for, computed here densely.</summary>
public sealed class KrylovPreconditionerTests
{
    private const double Alpha = 1.0;
    private const double Beta = 0.7;

    [TestCase("random", 30, 1)]
    [TestCase("grid", 36, 3)]
    [TestCase("band", 40, 4)]
    [TestCase("random", 120, 6)]
    public void BlockJacobi_SolvesWithTheDiagonalBlocksOfM(string pattern, int n, int blockSize)
    {
        var (jacobian, m) = RandomJacobian(pattern, n, seed: n + blockSize);
        var preconditioner = new BlockJacobiPreconditioner(n, blockSize);
        Assert.That(preconditioner.Setup(Alpha, Beta, jacobian), Is.True);

        // Dense reference: M with every entry outside the diagonal blocks removed.
        var blocks = (double[])m.Clone();
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                if (i / blockSize != j / blockSize)
                {
                    blocks[(i * n) + j] = 0;
                }
            }
        }

        var v = RandomMatrices.Vector(n, new Random(1));
        var expected = RandomMatrices.DenseSolve(blocks, n, v)!;
        preconditioner.Solve(v);
        Assert.That(RandomMatrices.RelativeDifference(v, expected), Is.LessThan(1e-12));
    }

    [TestCase("random", 30)]
    [TestCase("grid", 49)]
    [TestCase("arrow", 25)]
    public void SymmetricGaussSeidel_Solves_DPlusL_DInverse_DPlusU(string pattern, int n)
    {
        var (jacobian, m) = RandomJacobian(pattern, n, seed: 3 * n);
        var preconditioner = new SymmetricGaussSeidelPreconditioner(jacobian.Pattern);
        Assert.That(preconditioner.Setup(Alpha, Beta, jacobian), Is.True);

        // Dense reference: z = (D + U)⁻¹·D·(D + L)⁻¹·v.
        var lower = new double[n * n];
        var upper = new double[n * n];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                double value = m[(i * n) + j];
                if (j <= i)
                {
                    lower[(i * n) + j] = value;
                }

                if (j >= i)
                {
                    upper[(i * n) + j] = value;
                }
            }
        }

        var v = RandomMatrices.Vector(n, new Random(2));
        var w = RandomMatrices.DenseSolve(lower, n, v)!;
        for (int i = 0; i < n; i++)
        {
            w[i] *= m[(i * n) + i];
        }

        var expected = RandomMatrices.DenseSolve(upper, n, w)!;
        preconditioner.Solve(v);
        Assert.That(RandomMatrices.RelativeDifference(v, expected), Is.LessThan(1e-12));
    }

    [TestCase("band", 40)]
    [TestCase("arrow", 30)]
    public void IncompleteLu_IsTheExactLu_WhenThePatternHasNoFill(string pattern, int n)
    {
        // Band and arrow (last row and column full) patterns have no fill under LU without pivoting: ILU(0) = LU.
        var (jacobian, m) = RandomJacobian(pattern, n, seed: 5 * n);
        var preconditioner = new IncompleteLuPreconditioner(jacobian.Pattern);
        Assert.That(preconditioner.Setup(Alpha, Beta, jacobian), Is.True);
        var v = RandomMatrices.Vector(n, new Random(4));
        var expected = RandomMatrices.DenseSolve(m, n, v)!;
        preconditioner.Solve(v);
        Assert.That(RandomMatrices.RelativeDifference(v, expected), Is.LessThan(1e-10));
    }

    [TestCase("random", 60)]
    [TestCase("grid", 49)]
    [TestCase("permutation", 40)]
    [TestCase("zero-diagonal", 30)]
    public void IncompleteLu_ReproducesMOnItsPattern(string pattern, int n)
    {
        // ILU(0)'s defining property: (L·U)_ij = M_ij wherever M has an entry. P⁻¹ applied to the columns of the
        // identity gives P; compare P with M on M's pattern (J's plus the diagonal).
        var (jacobian, m) = RandomJacobian(pattern, n, seed: 7 * n);
        var preconditioner = new IncompleteLuPreconditioner(jacobian.Pattern);
        Assert.That(preconditioner.Setup(Alpha, Beta, jacobian), Is.True);
        var inverse = new double[n * n];
        for (int j = 0; j < n; j++)
        {
            var column = new double[n];
            column[j] = 1;
            preconditioner.Solve(column);
            for (int i = 0; i < n; i++)
            {
                inverse[(i * n) + j] = column[i];
            }
        }

        // P = (P⁻¹)⁻¹, column by column with dense LU.
        double worst = 0;
        int compared = 0;
        for (int j = 0; j < n; j++)
        {
            var unit = new double[n];
            unit[j] = 1;
            var column = RandomMatrices.DenseSolve(inverse, n, unit)!;
            for (int i = 0; i < n; i++)
            {
                if (i == j || jacobian.Pattern.IndexOf(i, j) >= 0)
                {
                    worst = Math.Max(worst, Math.Abs(column[i] - m[(i * n) + j]));
                    compared++;
                }
            }
        }

        Assert.That(compared, Is.GreaterThanOrEqualTo(n));
        Assert.That(worst, Is.LessThan(1e-9));
    }

    [Test]
    public void SymmetricGaussSeidel_ReportsAZeroDiagonal()
    {
        // J = diag(1/β, 1): M's first diagonal entry is α − β/β = 0.
        var pattern = SparsityPattern.FromEntries(2, [(0, 0), (1, 1)]);
        var system = OdeSystem.CreateSparse((_, y, dy) => dy.Clear(), pattern, (_, _, values) =>
        {
            values[0] = 1 / Beta;
            values[1] = 1;
        });
        var jacobian = new CsrJacobian(system, pattern, new WorkCounters(), [1e-8, 1e-8], 1e-6);
        jacobian.Evaluate(0, [0.0, 0.0], [0.0, 0.0], 1e-3);
        Assert.That(new SymmetricGaussSeidelPreconditioner(pattern).Setup(Alpha, Beta, jacobian), Is.False);
        Assert.That(new BlockJacobiPreconditioner(2, 1).Setup(Alpha, Beta, jacobian), Is.False);
        Assert.That(new IncompleteLuPreconditioner(pattern).Setup(Alpha, Beta, jacobian), Is.False);
    }

    /// <summary>An analytic sparse Jacobian with random values in a random pattern, evaluated, and M = α·I − β·J densely.</summary>
    /// <remarks>The "zero-diagonal" pattern keeps J without diagonal entries (M's diagonal is then α alone).</remarks>
    private static (CsrJacobian Jacobian, double[] M) RandomJacobian(string patternName, int n, int seed)
    {
        var random = new Random(seed);
        var a = RandomMatrices.Create(patternName, n, random, dominantDiagonal: false);
        var entries = new List<(int, int)>();
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                if (a[(i * n) + j] != 0 || (i == j && patternName != "zero-diagonal"))
                {
                    entries.Add((i, j));
                }
            }
        }

        var pattern = SparsityPattern.FromEntries(n, entries);
        var system = OdeSystem.CreateSparse((_, y, dy) => dy.Clear(), pattern, (_, _, values) =>
        {
            var rowStarts = pattern.RowStarts;
            var columns = pattern.Columns;
            for (int i = 0; i < n; i++)
            {
                for (int e = rowStarts[i]; e < rowStarts[i + 1]; e++)
                {
                    // J's diagonal is negative (a decaying system), so M = I − βJ has a diagonal of at least 1.
                    int j = columns[e];
                    values[e] = i == j ? -Math.Abs(a[(i * n) + j]) - 1 : a[(i * n) + j];
                }
            }
        });
        var jacobian = new CsrJacobian(system, pattern, new WorkCounters(), Enumerable.Repeat(1e-8, n).ToArray(), 1e-6);
        jacobian.Evaluate(0, new double[n], new double[n], 1e-3);

        var m = new double[n * n];
        var rowStarts = pattern.RowStarts;
        var columns = pattern.Columns;
        for (int i = 0; i < n; i++)
        {
            for (int e = rowStarts[i]; e < rowStarts[i + 1]; e++)
            {
                m[(i * n) + columns[e]] = -Beta * jacobian.Values[e];
            }

            m[(i * n) + i] += Alpha;
        }

        return (jacobian, m);
    }
}
