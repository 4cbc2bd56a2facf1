using Ferroptosis.Sim.Ode.LinearAlgebra;

namespace Ferroptosis.Sim.Tests.Ode.LinearAlgebra;

/// <summary>Random nonsymmetric test matrices in several sparsity patterns, stored dense (row-major), and the dense-LU solution they are checked against.</summary>
internal static class RandomMatrices
{
    /// <summary>The patterns the sparse and band factorisations are tested on.</summary>
    public static readonly string[] Patterns = ["random", "band", "arrow", "grid", "zero-diagonal", "permutation"];

    /// <summary>Returns an n×n matrix of the given pattern with random entries in [−0.5, 0.5) (plus a diagonal shift for some patterns).</summary>
    public static double[] Create(string pattern, int n, Random random, bool dominantDiagonal)
    {
        var a = new double[n * n];
        int side = (int)Math.Ceiling(Math.Sqrt(n));
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                bool present = pattern switch
                {
                    "random" => i == j || random.NextDouble() < 3.0 / n,
                    "band" => j - i is >= -2 and <= 3,
                    "arrow" => i == j || i == n - 1 || j == n - 1,
                    "grid" => i == j || Math.Abs(i - j) == side || (Math.Abs(i - j) == 1 && Math.Min(i, j) % side != side - 1),
                    "zero-diagonal" => i != j && (j == (i + 1) % n || j == (i + n - 1) % n || random.NextDouble() < 2.0 / n),
                    "permutation" => j == (i * 7 + 3) % n || (i == j && random.NextDouble() < 0.3),
                    _ => throw new ArgumentException(pattern, nameof(pattern)),
                };
                if (present)
                {
                    a[(i * n) + j] = random.NextDouble() - 0.5;
                }
            }

            if (dominantDiagonal && pattern != "zero-diagonal" && pattern != "permutation")
            {
                a[(i * n) + i] += 4;
            }
        }

        return a;
    }

    /// <summary>Returns a right-hand side with entries in [−5, 5).</summary>
    public static double[] Vector(int n, Random random)
    {
        var b = new double[n];
        for (int i = 0; i < n; i++)
        {
            b[i] = (random.NextDouble() - 0.5) * 10;
        }

        return b;
    }

    /// <summary>Solves with dense LU; null when dense LU finds the matrix singular.</summary>
    public static double[]? DenseSolve(double[] a, int n, double[] b)
    {
        var lu = (double[])a.Clone();
        var pivots = new int[n];
        if (!DenseLu.Factor(lu, n, pivots))
        {
            return null;
        }

        var x = (double[])b.Clone();
        DenseLu.Solve(lu, n, pivots, x);
        return x;
    }

    /// <summary>Returns the largest absolute difference relative to the largest absolute entry of the reference.</summary>
    public static double RelativeDifference(ReadOnlySpan<double> x, ReadOnlySpan<double> reference)
    {
        double scale = 0;
        double difference = 0;
        for (int i = 0; i < reference.Length; i++)
        {
            scale = Math.Max(scale, Math.Abs(reference[i]));
            difference = Math.Max(difference, Math.Abs(x[i] - reference[i]));
        }

        return difference / Math.Max(scale, double.Epsilon);
    }

    /// <summary>Gathers the non-zeros of a dense matrix into compressed columns (pattern plus the diagonal, as the sparse solver assembles M).</summary>
    public static (int[] Starts, int[] Rows, double[] Values) ToCompressedColumns(double[] a, int n)
    {
        var starts = new int[n + 1];
        var rows = new List<int>();
        var values = new List<double>();
        for (int j = 0; j < n; j++)
        {
            for (int i = 0; i < n; i++)
            {
                if (a[(i * n) + j] != 0 || i == j)
                {
                    rows.Add(i);
                    values.Add(a[(i * n) + j]);
                }
            }

            starts[j + 1] = rows.Count;
        }

        return (starts, rows.ToArray(), values.ToArray());
    }
}
