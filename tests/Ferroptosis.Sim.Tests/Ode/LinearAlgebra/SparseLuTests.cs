using Ferroptosis.Sim.Ode.LinearAlgebra;

namespace Ferroptosis.Sim.Tests.Ode.LinearAlgebra;

/// <summary>The sparse LU solves what dense LU solves, on random nonsymmetric matrices of several patterns, refactors with new values, and reports singular matrices.</summary>
public sealed class SparseLuTests
{
    private static IEnumerable<TestCaseData> Cases()
    {
        foreach (string pattern in RandomMatrices.Patterns)
        {
            foreach (int n in new[] { 1, 5, 30, 120 })
            {
                if (n == 1 && pattern == "zero-diagonal")
                {
                    continue;
                }

                yield return new TestCaseData(pattern, n).SetName($"SparseLu_{pattern}_{n}");
            }
        }
    }

    [TestCaseSource(nameof(Cases))]
    public void Solve_AgreesWithDenseLu_AndRefactorsWithNewValues(string pattern, int n)
    {
        var random = new Random((pattern.Length * 1000) + n);
        var first = RandomMatrices.Create(pattern, n, random, dominantDiagonal: n % 2 == 0);
        var (starts, rows, _) = RandomMatrices.ToCompressedColumns(first, n);
        var lu = new SparseLu(n, starts, rows);
        int compared = 0;
        for (int trial = 0; trial < 6; trial++)
        {
            // Same pattern, new values: later trials go through the refactorisation (or the pivoting fallback).
            var a = trial == 0 ? first : Refill(first, random, trial);
            var values = Gather(a, n, starts, rows);
            var b = RandomMatrices.Vector(n, random);
            var expected = RandomMatrices.DenseSolve(a, n, b);
            bool factored = lu.Factor(values);
            if (expected is null)
            {
                Assert.That(factored, Is.False, $"trial {trial}: dense LU finds the matrix singular");
                continue;
            }

            Assert.That(factored, Is.True, $"trial {trial}");
            var x = (double[])b.Clone();
            lu.Solve(x);
            Assert.That(RandomMatrices.RelativeDifference(x, expected), Is.LessThan(1e-9), $"trial {trial}");
            compared++;
        }

        Assert.That(compared, Is.GreaterThan(0));
        TestContext.Out.WriteLine($"{pattern} n = {n}: {lu.FactorNonZeros} entries in L + U, {lu.PivotingFactorizations} pivoting factorisations of 6");
    }

    [Test]
    public void Refactorization_FallsBackToPivoting_WhenAPivotBecomesSmall()
    {
        // [[1, 1], [1, 1e-12]]: the diagonal is the first pivot; then a matrix whose (0, 0) entry is tiny needs rows swapped.
        int[] starts = [0, 2, 4];
        int[] rows = [0, 1, 0, 1];
        var lu = new SparseLu(2, starts, rows);
        Assert.That(lu.Factor([1.0, 1.0, 1.0, 1e-12]), Is.True);
        Assert.That(lu.PivotingFactorizations, Is.EqualTo(1));
        Assert.That(lu.Factor([1e-14, 1.0, 1.0, 2.0]), Is.True);
        Assert.That(lu.PivotingFactorizations, Is.EqualTo(2), "the stored pivot order would divide by 1e-14");
        double[] b = [1.0, 3.0];
        lu.Solve(b);

        // Exact solution of [[1e-14, 1], [1, 2]] x = [1, 3].
        Assert.That(b[0], Is.EqualTo(1.0 / (1.0 - 2e-14)).Within(1e-12));
        Assert.That(b[1], Is.EqualTo(1.0 - (1e-14 * b[0])).Within(1e-12));
    }

    [TestCase("duplicate rows")]
    [TestCase("zero column")]
    [TestCase("rank deficient")]
    [TestCase("not finite")]
    public void SingularMatrices_AreReported(string kind)
    {
        const int n = 40;
        var random = new Random(7);
        var a = RandomMatrices.Create("random", n, random, dominantDiagonal: true);
        switch (kind)
        {
            case "duplicate rows":
                // Row 3 = row 17, including the pattern.
                for (int j = 0; j < n; j++)
                {
                    a[(3 * n) + j] = a[(17 * n) + j];
                }

                break;
            case "zero column":
                for (int i = 0; i < n; i++)
                {
                    a[(i * n) + 11] = 0;
                }

                break;
            case "rank deficient":
                // Row 5 = 0.3·row 2 − 1.7·row 9: singular, but elimination leaves rounding noise, not an exact zero.
                for (int j = 0; j < n; j++)
                {
                    a[(5 * n) + j] = (0.3 * a[(2 * n) + j]) - (1.7 * a[(9 * n) + j]);
                }

                break;
            default:
                a[(8 * n) + 8] = double.NaN;
                break;
        }

        var (starts, rows, values) = RandomMatrices.ToCompressedColumns(a, n);
        var lu = new SparseLu(n, starts, rows);
        Assert.That(lu.Factor(values), Is.False);

        // The same pattern with a regular matrix still factors afterwards.
        var regular = RandomMatrices.Create("random", n, new Random(7), dominantDiagonal: true);
        Assert.That(lu.Factor(Gather(regular, n, starts, rows)), Is.True);
    }

    [Test]
    public void RefactorizationAndSolve_AllocateNothing()
    {
        const int n = 200;
        var random = new Random(3);
        var a = RandomMatrices.Create("grid", n, random, dominantDiagonal: true);
        var (starts, rows, values) = RandomMatrices.ToCompressedColumns(a, n);
        var lu = new SparseLu(n, starts, rows);
        var b = RandomMatrices.Vector(n, random);
        Assert.That(lu.Factor(values), Is.True);
        lu.Solve(b);
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int k = 0; k < 20; k++)
        {
            values[k] *= 1.01;
            lu.Factor(values);
            lu.Solve(b);
        }

        Assert.That(GC.GetAllocatedBytesForCurrentThread() - before, Is.Zero);
    }

    /// <summary>New random values on the non-zeros of <paramref name="a"/> (the diagonal kept dominant on even trials).</summary>
    private static double[] Refill(double[] a, Random random, int trial)
    {
        int n = (int)Math.Sqrt(a.Length);
        var result = new double[a.Length];
        for (int k = 0; k < a.Length; k++)
        {
            if (a[k] != 0)
            {
                result[k] = random.NextDouble() - 0.5 + (k % (n + 1) == 0 && trial % 2 == 0 ? 3 : 0);
            }
        }

        return result;
    }

    private static double[] Gather(double[] a, int n, int[] starts, int[] rows)
    {
        var values = new double[rows.Length];
        for (int j = 0; j < n; j++)
        {
            for (int p = starts[j]; p < starts[j + 1]; p++)
            {
                values[p] = a[(rows[p] * n) + j];
            }
        }

        return values;
    }
}
