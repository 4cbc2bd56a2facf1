using Ferroptosis.Sim.Ode.ExplicitRungeKutta;

namespace Ferroptosis.Sim.Tests.Ode.ExplicitRungeKutta;

/// <summary>The stage-combination kernels: correct sums, zero weights skipped, and SIMD lanes identical to the scalar path.</summary>
[TestFixture]
public sealed class SparseWeightsTests
{
    [Test]
    public void From_SkipsZeroWeights_UnlessARowHasOnlyAFew()
    {
        var sparse = SparseWeights.From([0.5, 0, -2, 0]);
        var leading = SparseWeights.From([0.5, 1, -2]);
        var fewZeros = SparseWeights.From([0.5, 0, 1, 2, -2, 0, 0]);
        var empty = SparseWeights.From([0, 0]);
        Assert.Multiple(() =>
        {
            Assert.That(sparse.Stages, Is.EqualTo(new[] { 0, 2 }));
            Assert.That(sparse.Weights, Is.EqualTo(new[] { 0.5, -2 }));
            Assert.That(sparse.IsLeading, Is.False);
            Assert.That(leading.IsLeading, Is.True);
            Assert.That(fewZeros.Stages, Is.EqualTo(new[] { 0, 1, 2, 3, 4 }), "one zero in five leading stages is kept; trailing zeros are dropped");
            Assert.That(fewZeros.IsLeading, Is.True);
            Assert.That(empty.Stages, Is.Empty);
        });
    }

    [TestCase(1)]
    [TestCase(4)]
    [TestCase(7)]
    [TestCase(8)]
    [TestCase(13)]
    [TestCase(64)]
    public void Combine_And_Sum_AreExactForSimpleNumbers_AndVectorPathEqualsScalarPath(int n)
    {
        var random = new Random(1234 + n);
        double[][] k = [.. Enumerable.Range(0, 5).Select(_ => Enumerable.Range(0, n).Select(_ => random.NextDouble() - 0.5).ToArray())];
        var y = Enumerable.Range(0, n).Select(_ => random.NextDouble()).ToArray();
        foreach (var weights in (double[][])[[0.25, 0, -1.5, 0, 2], [0.5, -1, 3], [1, 0, 2, 3, 4], []])
        {
            var row = SparseWeights.From(weights);
            var scalar = new double[n];
            var vector = new double[n];
            row.Combine(y, 0.125, k, scalar, vectorize: false);
            row.Combine(y, 0.125, k, vector, vectorize: true);
            Assert.That(vector, Is.EqualTo(scalar), "Combine: SIMD lanes must do the scalar operations in the same order");
            for (int i = 0; i < n; i++)
            {
                double sum = 0;
                for (int j = 0; j < weights.Length; j++)
                {
                    sum += weights[j] * k[j][i];
                }

                Assert.That(scalar[i], Is.EqualTo(y[i] + (0.125 * sum)).Within(1e-15), $"component {i}");
            }

            var scalarSum = new double[n + 3];
            var vectorSum = new double[n + 3];
            row.Sum(k, scalarSum, 3, -2.0, vectorize: false);
            row.Sum(k, vectorSum, 3, -2.0, vectorize: true);
            Assert.That(vectorSum, Is.EqualTo(scalarSum), "Sum");
            Assert.That(scalarSum[..3], Is.All.Zero, "Sum writes only from the offset on");
        }
    }
}
