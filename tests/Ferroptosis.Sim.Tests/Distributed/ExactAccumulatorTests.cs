using System.Numerics;
using Ferroptosis.Sim.Analysis;

namespace Ferroptosis.Sim.Tests.Distributed;

/// <summary>The fixed-point accumulator behind the exact ensemble sums agrees with plain big-integer arithmetic, over the whole double range.</summary>
public sealed class ExactAccumulatorTests
{
    private static double[] Values()
    {
        // Signs, subnormals, the extremes and ordinary values of every magnitude.
        var values = new List<double> { 0, -0.0, double.Epsilon, -double.Epsilon, double.MaxValue, -double.MaxValue, 1, -1, 0.1, 2.2250738585072014e-308 };
        for (int i = 0; i < 5000; i++)
        {
            double u = CounterRandom.Uniform(21, i, 0), v = CounterRandom.Uniform(21, i, 1);
            values.Add((v < 0.5 ? -1 : 1) * Math.Pow(2, (u * 2090) - 1070) * (1 + v));
        }

        return [.. values];
    }

    [Test]
    public void SumsOfValuesAndSquares_EqualTheBigIntegerSums()
    {
        var moments = new ExactMoments("x");
        BigInteger sum = 0, squares = 0;
        foreach (double x in Values())
        {
            moments.Add(x);
            var scaled = ExactMoments.Scaled(x);
            sum += scaled;
            squares += scaled * scaled;
        }

        Assert.That(moments.Sum, Is.EqualTo(sum));
        Assert.That(moments.SumOfSquares, Is.EqualTo(squares));
        Assert.That(sum.IsZero, Is.False);
    }

    [Test]
    public void MergedHalves_AndAValueSetBack_EqualTheWhole()
    {
        double[] values = Values();
        var whole = new ExactMoments("x");
        var first = new ExactMoments("x");
        var second = new ExactMoments("x");
        for (int i = 0; i < values.Length; i++)
        {
            whole.Add(values[i]);
            (i % 3 == 0 ? first : second).Add(values[i]);
        }

        first.Merge(second);
        var restored = new ExactMoments("x");
        restored.SetState(whole.Count, whole.Missing, whole.Sum, whole.SumOfSquares, whole.Minimum, whole.Maximum, whole.Bins);

        Assert.That((first.Sum, first.SumOfSquares), Is.EqualTo((whole.Sum, whole.SumOfSquares)));
        Assert.That((restored.Sum, restored.SumOfSquares), Is.EqualTo((whole.Sum, whole.SumOfSquares)));
        Assert.That(first.Bins, Is.EqualTo(whole.Bins));
        var negative = new ExactAccumulator(4262);
        negative.Set(-BigInteger.Pow(3, 2000));
        Assert.That(negative.ToBigInteger(), Is.EqualTo(-BigInteger.Pow(3, 2000)));
    }
}
