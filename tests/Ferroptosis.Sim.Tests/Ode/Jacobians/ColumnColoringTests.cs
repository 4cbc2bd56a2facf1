using Ferroptosis.Sim.Ode;
using Ferroptosis.Sim.Ode.Jacobians;
using Ferroptosis.Sim.Ode.Stepping;
using Ferroptosis.Sim.Tests.Ode.Bdf;
using Ferroptosis.Sim.Tests.TestProblems;

namespace Ferroptosis.Sim.Tests.Ode.Jacobians;

/// <summary>Column colouring groups only structurally orthogonal columns, and the compressed finite-difference Jacobian equals the dense one.</summary>
public sealed class ColumnColoringTests
{
    [Test]
    public void BandPattern_NeedsBandwidthPlusOneColours()
    {
        var pattern = SparsityPattern.Banded(50, 2, 3);
        var coloring = ColumnColoring.Compute(pattern, new CompressedColumns(pattern));
        Assert.That(coloring.ColorCount, Is.EqualTo(6));
        AssertStructurallyOrthogonal(pattern, coloring);
    }

    [TestCase(1)]
    [TestCase(2)]
    [TestCase(3)]
    public void RandomPatterns_AreColouredValidly(int seed)
    {
        var random = new Random(seed);
        const int n = 300;
        var entries = new List<(int, int)>();
        for (int i = 0; i < n; i++)
        {
            entries.Add((i, i));
            for (int k = 0; k < 4; k++)
            {
                entries.Add((i, random.Next(n)));
            }
        }

        var pattern = SparsityPattern.FromEntries(n, entries);
        var coloring = ColumnColoring.Compute(pattern, new CompressedColumns(pattern));
        AssertStructurallyOrthogonal(pattern, coloring);
        Assert.That(coloring.ColorCount, Is.LessThan(n / 5));
    }

    [TestCase(8)]
    [TestCase(16)]
    public void Bruss2D_CompressedDifferences_EqualDenseDifferences(int gridSize)
    {
        var system = new Bruss2D(gridSize, analyticJacobian: false);
        int n = system.Dimension;
        var y = system.InitialState();
        var random = new Random(gridSize);
        for (int i = 0; i < n; i++)
        {
            y[i] += random.NextDouble();
        }

        var f0 = new double[n];
        system.Evaluate(2.0, y, f0);
        var atol = Enumerable.Repeat(1e-9, n).ToArray();
        var denseCounters = new WorkCounters();
        var dense = new double[n * n];
        new JacobianEvaluator(new WithoutJacobian(system), denseCounters, atol, 1e-6).Evaluate(2.0, y, f0, 1e-3, dense);
        var sparseCounters = new WorkCounters();
        var compressed = new CsrJacobian(system, system.JacobianPattern, sparseCounters, atol, 1e-6);
        compressed.Evaluate(2.0, y, f0, 1e-3);

        // Every entry in the pattern is the dense difference quotient bit for bit; the dense one is 0 outside it.
        var expected = new double[n * n];
        var rowStarts = system.JacobianPattern.RowStarts;
        var columns = system.JacobianPattern.Columns;
        for (int i = 0; i < n; i++)
        {
            for (int e = rowStarts[i]; e < rowStarts[i + 1]; e++)
            {
                expected[(i * n) + columns[e]] = compressed.Values[e];
            }
        }

        Assert.That(expected, Is.EqualTo(dense));
        Assert.That(sparseCounters.Rhs, Is.EqualTo(compressed.ColorCount));
        Assert.That(compressed.ColorCount, Is.LessThanOrEqualTo(12), $"{compressed.ColorCount} colours for a 5-point stencil with two species");
        Assert.That(denseCounters.Rhs, Is.EqualTo(n));

        // And they approximate the analytic Jacobian.
        var analytic = new double[system.JacobianPattern.NonZeros];
        new Bruss2D(gridSize).EvaluateSparseJacobian(2.0, y, analytic);
        for (int e = 0; e < analytic.Length; e++)
        {
            Assert.That(compressed.Values[e], Is.EqualTo(analytic[e]).Within(1e-5 * (1 + Math.Abs(analytic[e]))));
        }
    }

    private static void AssertStructurallyOrthogonal(SparsityPattern pattern, ColumnColoring coloring)
    {
        var rowStarts = pattern.RowStarts;
        var columns = pattern.Columns;
        for (int i = 0; i < pattern.Dimension; i++)
        {
            var seen = new HashSet<int>();
            for (int e = rowStarts[i]; e < rowStarts[i + 1]; e++)
            {
                Assert.That(seen.Add(coloring.ColorOfColumn[columns[e]]), Is.True, $"row {i} meets colour {coloring.ColorOfColumn[columns[e]]} twice");
            }
        }

        Assert.That(coloring.Columns.Order(), Is.EqualTo(Enumerable.Range(0, pattern.Dimension)));
    }
}
