using Ferroptosis.Sim.Ode.LinearAlgebra;

namespace Ferroptosis.Sim.Tests.Ode.LinearAlgebra;

/// <summary>Solves that skip the zeros of the factors give the dense solve's result bit for bit, on sparse and dense matrices.</summary>
public sealed class SparseTrianglesTests
{
    [TestCase(1, 1.0)]
    [TestCase(2, 0.5)]
    [TestCase(8, 0.2)]
    [TestCase(21, 0.15)]
    [TestCase(21, 1.0)]
    [TestCase(50, 0.05)]
    public void Solve_EqualsTheDenseSolve_BitForBit(int n, double density)
    {
        var random = new Random(n + (int)(100 * density));
        var triangles = new SparseTriangles(n);
        for (int trial = 0; trial < 20; trial++)
        {
            // A sparse Jacobian-like matrix with a dominant diagonal some of the time, so that both pivoting and no
            // pivoting occur.
            var a = new double[n * n];
            for (int i = 0; i < n; i++)
            {
                for (int j = 0; j < n; j++)
                {
                    if (i == j || random.NextDouble() < density)
                    {
                        a[(i * n) + j] = random.NextDouble() - 0.5;
                    }
                }

                a[(i * n) + i] += trial % 2 == 0 ? n : 0.1;
            }

            var pivots = new int[n];
            var inverseDiagonal = new double[n];
            if (!DenseLu.Factor(a, n, pivots, inverseDiagonal))
            {
                continue;
            }

            triangles.Compress(a);
            for (int rhs = 0; rhs < 4; rhs++)
            {
                var b = new double[n];
                for (int i = 0; i < n; i++)
                {
                    b[i] = rhs == 3 && i % 3 == 0 ? 0 : (random.NextDouble() - 0.5) * 10;
                }

                var dense = (double[])b.Clone();
                var sparse = (double[])b.Clone();
                DenseLu.Solve(a, n, pivots, inverseDiagonal, dense);
                triangles.Solve(a, pivots, inverseDiagonal, sparse);
                for (int i = 0; i < n; i++)
                {
                    Assert.That(BitConverter.DoubleToInt64Bits(sparse[i]), Is.EqualTo(BitConverter.DoubleToInt64Bits(dense[i])), $"x[{i}], trial {trial}, right-hand side {rhs}");
                }
            }
        }
    }

    [Test]
    public void Compress_CountsTheNonZerosOfBothTriangles()
    {
        // [[2, 0, 1], [0, 3, 0], [4, 0, 5]] without pivoting: l31 = 2, u13 = 1; everything else off the diagonal is 0.
        double[] a = [4, 0, 5, 0, 3, 0, 2, 0, 1];
        var pivots = new int[3];
        var inverseDiagonal = new double[3];
        Assert.That(DenseLu.Factor(a, 3, pivots, inverseDiagonal), Is.True);
        var triangles = new SparseTriangles(3);
        triangles.Compress(a);
        Assert.That(triangles.NonZeros, Is.EqualTo(2));
    }

    [Test]
    public void Solving_allocates_nothing()
    {
        const int n = 21;
        var a = new double[n * n];
        for (int i = 0; i < n; i++)
        {
            a[(i * n) + i] = 2;
            a[(i * n) + ((i + 3) % n)] = 0.5;
        }

        var pivots = new int[n];
        var inverseDiagonal = new double[n];
        var b = new double[n];
        var triangles = new SparseTriangles(n);
        DenseLu.Factor(a, n, pivots, inverseDiagonal);
        triangles.Compress(a);
        triangles.Solve(a, pivots, inverseDiagonal, b);
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int k = 0; k < 100; k++)
        {
            triangles.Compress(a);
            triangles.Solve(a, pivots, inverseDiagonal, b);
        }

        Assert.That(GC.GetAllocatedBytesForCurrentThread() - before, Is.Zero);
    }
}
