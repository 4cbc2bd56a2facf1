using Ferroptosis.Sim.Ode.LinearAlgebra;

namespace Ferroptosis.Sim.Tests.Ode.LinearAlgebra;

/// <summary>The band LU solves what dense LU solves on random nonsymmetric band matrices (pivoting included) and reports singular ones.</summary>
public sealed class BandLuTests
{
    [TestCase(1, 0, 0)]
    [TestCase(7, 1, 1)]
    [TestCase(30, 2, 3)]
    [TestCase(30, 4, 0)]
    [TestCase(30, 0, 4)]
    [TestCase(120, 5, 2)]
    [TestCase(10, 9, 9)]
    public void Solve_AgreesWithDenseLu(int n, int lower, int upper)
    {
        var random = new Random((n * 100) + (lower * 10) + upper);
        for (int trial = 0; trial < 8; trial++)
        {
            // Odd trials have a weak diagonal, so that rows are interchanged.
            var a = new double[n * n];
            for (int i = 0; i < n; i++)
            {
                for (int j = Math.Max(0, i - lower); j <= Math.Min(n - 1, i + upper); j++)
                {
                    a[(i * n) + j] = random.NextDouble() - 0.5;
                }

                a[(i * n) + i] += trial % 2 == 0 ? 3 : 0;
            }

            var b = RandomMatrices.Vector(n, random);
            var expected = RandomMatrices.DenseSolve(a, n, b);
            var band = ToBand(a, n, lower, upper, out double largest);
            var pivots = new int[n];
            bool factored = BandLu.Factor(band, n, lower, upper, pivots, largest);
            Assert.That(factored, Is.EqualTo(expected is not null), $"trial {trial}");
            if (expected is null)
            {
                continue;
            }

            var x = (double[])b.Clone();
            BandLu.Solve(band, n, lower, upper, pivots, x);
            Assert.That(RandomMatrices.RelativeDifference(x, expected), Is.LessThan(1e-10), $"trial {trial}");
        }
    }

    [TestCase("zero column")]
    [TestCase("rank deficient")]
    [TestCase("not finite")]
    public void SingularMatrices_AreReported(string kind)
    {
        const int n = 25;
        const int lower = 2;
        const int upper = 2;
        var random = new Random(11);
        var a = new double[n * n];
        for (int i = 0; i < n; i++)
        {
            for (int j = Math.Max(0, i - lower); j <= Math.Min(n - 1, i + upper); j++)
            {
                a[(i * n) + j] = random.NextDouble() - 0.5;
            }
        }

        switch (kind)
        {
            case "zero column":
                for (int i = 0; i < n; i++)
                {
                    a[(i * n) + 6] = 0;
                }

                break;
            case "rank deficient":
                // Row 11 = 2·row 10 inside the band of both (columns 9 … 12), zero elsewhere.
                for (int j = 0; j < n; j++)
                {
                    a[(11 * n) + j] = 0;
                }

                for (int j = 9; j <= 12; j++)
                {
                    a[(10 * n) + j] = random.NextDouble() - 0.5;
                    a[(11 * n) + j] = 2 * a[(10 * n) + j];
                }

                a[(10 * n) + 8] = 0;
                break;
            default:
                a[(3 * n) + 4] = double.PositiveInfinity;
                break;
        }

        var band = ToBand(a, n, lower, upper, out double largest);
        Assert.That(BandLu.Factor(band, n, lower, upper, new int[n], largest), Is.False);
    }

    /// <summary>Copies a dense matrix into LAPACK band storage with room for the fill.</summary>
    private static double[] ToBand(double[] a, int n, int lower, int upper, out double largest)
    {
        int ld = BandLu.LeadingDimension(lower, upper);
        var band = new double[n * ld];
        largest = 0;
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                double v = a[(i * n) + j];
                if (j - i >= -lower && j - i <= upper)
                {
                    band[(j * ld) + lower + upper + i - j] = v;
                }

                largest = Math.Max(largest, Math.Abs(v));
            }
        }

        return band;
    }
}
