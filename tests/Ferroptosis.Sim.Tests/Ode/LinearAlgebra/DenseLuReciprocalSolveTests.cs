using Ferroptosis.Sim.Ode.LinearAlgebra;

namespace Ferroptosis.Sim.Tests.Ode.LinearAlgebra;

/// <summary>The column-oriented solve with stored pivot reciprocals agrees with the row-oriented solve and solves the system.</summary>
public sealed class DenseLuReciprocalSolveTests
{
    [TestCase(1)]
    [TestCase(2)]
    [TestCase(3)]
    [TestCase(8)]
    [TestCase(17)]
    [TestCase(50)]
    public void Solve_WithReciprocals_MatchesTheClassicSolve(int n)
    {
        var random = new Random(n);
        var a = new double[n * n];
        for (int i = 0; i < a.Length; i++)
        {
            a[i] = random.NextDouble() - 0.5;
        }

        var original = (double[])a.Clone();
        var x = new double[n];
        for (int i = 0; i < n; i++)
        {
            x[i] = random.NextDouble() - 0.5;
        }

        var b = new double[n];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                b[i] += original[(i * n) + j] * x[j];
            }
        }

        var pivots = new int[n];
        var inverseDiagonal = new double[n];
        Assert.That(DenseLu.Factor(a, n, pivots, inverseDiagonal), Is.True);
        for (int k = 0; k < n; k++)
        {
            Assert.That(inverseDiagonal[k], Is.EqualTo(1.0 / a[(k * n) + k]));
        }

        var classic = (double[])b.Clone();
        var fast = (double[])b.Clone();
        DenseLu.Solve(a, n, pivots, classic);
        DenseLu.Solve(a, n, pivots, inverseDiagonal, fast);
        Assert.That(fast, Is.EqualTo(classic).Within(1e-12));
        Assert.That(fast, Is.EqualTo(x).Within(1e-9));
    }

    [Test]
    public void Factor_WithReciprocals_ReportsASingularMatrix()
    {
        double[] a = [1, 2, 2, 4];
        Assert.That(DenseLu.Factor(a, 2, new int[2], new double[2]), Is.False);
    }
}
