using Ferroptosis.Sim.Ode.LinearAlgebra;

namespace Ferroptosis.Sim.Tests.Ode.LinearAlgebra;

/// <summary>The factorisation, whose row updates run on SIMD vectors, gives bit for bit the factors of the textbook scalar elimination and reproduces the matrix.</summary>
public sealed class DenseLuFactorTests
{
    private static readonly int[] Sizes = [1, 2, 3, 4, 5, 7, 8, 9, 16, 17, 31, 50];

    [TestCaseSource(nameof(Sizes))]
    public void Factor_EqualsScalarElimination_BitForBit(int n)
    {
        var a = RandomMatrix(n, seed: n);
        var expected = (double[])a.Clone();
        var expectedPivots = new int[n];
        Assert.That(ScalarFactor(expected, n, expectedPivots), Is.True);

        var pivots = new int[n];
        Assert.That(DenseLu.Factor(a, n, pivots), Is.True);

        Assert.That(pivots, Is.EqualTo(expectedPivots));
        for (int i = 0; i < a.Length; i++)
        {
            Assert.That(BitConverter.DoubleToInt64Bits(a[i]), Is.EqualTo(BitConverter.DoubleToInt64Bits(expected[i])), $"entry {i}");
        }
    }

    [TestCaseSource(nameof(Sizes))]
    public void Factor_ReproducesThePermutedMatrix(int n)
    {
        var a = RandomMatrix(n, seed: 100 + n);
        var original = (double[])a.Clone();
        var pivots = new int[n];
        Assert.That(DenseLu.Factor(a, n, pivots), Is.True);

        // Apply the recorded interchanges to the original rows, then compare with L·U.
        for (int k = 0; k < n; k++)
        {
            if (pivots[k] != k)
            {
                for (int j = 0; j < n; j++)
                {
                    (original[(k * n) + j], original[(pivots[k] * n) + j]) = (original[(pivots[k] * n) + j], original[(k * n) + j]);
                }
            }
        }

        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                double sum = 0;
                for (int m = 0; m <= Math.Min(i, j); m++)
                {
                    double l = m == i ? 1 : a[(i * n) + m];
                    sum += l * a[(m * n) + j];
                }

                Assert.That(sum, Is.EqualTo(original[(i * n) + j]).Within(1e-12), $"({i}, {j})");
            }
        }
    }

    private static double[] RandomMatrix(int n, int seed)
    {
        var random = new Random(seed);
        var a = new double[n * n];
        for (int i = 0; i < a.Length; i++)
        {
            a[i] = random.NextDouble() - 0.5;
        }

        return a;
    }

    // Golub–Van Loan, Algorithm 3.4.1 (row pivoting), one element at a time.
    private static bool ScalarFactor(double[] a, int n, int[] pivots)
    {
        for (int k = 0; k < n; k++)
        {
            int p = k;
            for (int i = k + 1; i < n; i++)
            {
                if (Math.Abs(a[(i * n) + k]) > Math.Abs(a[(p * n) + k]))
                {
                    p = i;
                }
            }

            pivots[k] = p;
            if (a[(p * n) + k] == 0)
            {
                return false;
            }

            for (int j = 0; j < n; j++)
            {
                (a[(k * n) + j], a[(p * n) + j]) = (a[(p * n) + j], a[(k * n) + j]);
            }

            double inverse = 1.0 / a[(k * n) + k];
            for (int i = k + 1; i < n; i++)
            {
                double factor = a[(i * n) + k] * inverse;
                a[(i * n) + k] = factor;
                for (int j = k + 1; j < n; j++)
                {
                    a[(i * n) + j] -= factor * a[(k * n) + j];
                }
            }
        }

        return true;
    }
}
